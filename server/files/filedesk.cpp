#include "filedesk.h"

#include "byterange.h"
#include "filetypes.h"
#include "httprequesthead.h"
#include "logging.h"
#include "randomhex.h"
#include "sha256.h"
#include "tcptakeover.h"
#include "thumbnailer.h"

#include <QDateTime>
#include <QFile>
#include <QRegularExpression>
#include <QTimer>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using Protocol::Message;
namespace ErrorCode = Protocol::ErrorCode;

namespace {

constexpr qsizetype idLength = 32;

bool isId(QStringView id)
{
    if (id.size() != idLength)
        return false;
    return std::all_of(id.begin(), id.end(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
    });
}

bool isSha256(const QString &hex)
{
    static const QRegularExpression pattern(u"^[0-9a-f]{64}$"_s);
    return pattern.match(hex).hasMatch();
}

HttpAnswer::Simple plain(int status, const QByteArray &text, HttpAnswer::Headers headers = {})
{
    return {status, "text/plain; charset=utf-8", text, std::move(headers)};
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString mib(qint64 bytes)
{
    return QString::number(bytes / (1024 * 1024));
}

} // namespace

FileDesk::FileDesk(const HubConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_transfers(new TransferHost({config.transferIdleTimeout, config.closeGrace}, this))
{
    m_pool.setMaxThreadCount(1); // one picture at a time: bounded memory, one core for the rest
    connect(m_transfers, &TransferHost::uploadEnded, this, &FileDesk::uploadEnded);
}

FileDesk::~FileDesk()
{
    // The transfers end first (their thread stops, cutting every connection), before the folder
    // they write in goes with m_store; no picture task outlives the desk either (its answer is
    // dropped with it).
    delete m_transfers;
    m_transfers = nullptr;
    m_pool.waitForDone();
}

bool FileDesk::open(const QString &folder, const QList<Message> &stored)
{
    QString problem;
    if (!m_store.open(folder, &problem)) {
        qCWarning(lcHttp) << "files are off: cannot use" << folder << ":" << problem;
        return false;
    }
    for (const Message &file : stored) {
        if (!isId(file.upload))
            continue;
        FileStore::File known{file.upload, file.name, file.mime, file.size, !file.thumb.isEmpty()};
        if (QFile::exists(m_store.filePath(known.id)))
            m_store.addFile(known);
    }
    m_store.removeStrays();
    m_expiry = new QTimer(this);
    connect(m_expiry, &QTimer::timeout, this, &FileDesk::expireSlots);
    m_expiry->start(std::clamp<std::chrono::milliseconds>(m_config.uploadSlotLifetime / 4,
                                                          std::chrono::milliseconds(10),
                                                          std::chrono::milliseconds(60000)));
    qCInfo(lcHttp) << "room files in" << m_store.folder();
    return true;
}

Protocol::FileLimits FileDesk::limits() const
{
    return {m_config.maxFileBytes, m_config.fileTypes};
}

FileDesk::Grant FileDesk::requestSlot(const Message &request, const QString &from,
                                      const QString &to, const QByteArray &senderKey,
                                      const QByteArray &recipientKey)
{
    Grant grant;
    auto refuse = [&grant](QStringView code, const QString &text) {
        grant.refusal = Refusal{code, text};
        return grant;
    };
    if (!m_store.isOpen())
        return refuse(ErrorCode::FilesOff, u"The host does not take files in this room."_s);
    FileStore::Slot *slot = request.upload.isEmpty() ? nullptr : m_store.slot(request.upload);
    if (!slot) {
        if (request.name.isEmpty() || request.name.size() > Protocol::MaxFileNameLength
            || request.id.size() > Protocol::MaxIdLength
            || (!request.sha256.isEmpty() && !isSha256(request.sha256)))
            return refuse(ErrorCode::BadMessage,
                          u"An upload needs a name of 1 to 255 characters, a size, and a "
                          "SHA-256 of 64 lower-case hex digits if any."_s);
        if (request.size > m_config.maxFileBytes)
            return refuse(ErrorCode::FileTooBig,
                          u"The file is larger than %1 MiB, the most this room takes."_s.arg(
                                  mib(m_config.maxFileBytes)));
        const QString name = FileTypes::cleanName(request.name);
        if (!FileTypes::isAllowed(m_config.fileTypes, name, FileTypes::mimeForName(name)))
            return refuse(ErrorCode::FileType, u"The host does not take files of this type."_s);
        if (m_config.filesQuotaBytes > 0
            && m_store.usedBytes() + request.size > m_config.filesQuotaBytes)
            return refuse(ErrorCode::QuotaFull,
                          u"The room's files would take more than the host allows."_s);
        const qint64 free = m_store.freeBytes();
        if (free >= 0 && free < request.size + m_config.diskReserveBytes)
            return refuse(ErrorCode::DiskFull, u"The host's disk is too full for this file."_s);
        FileStore::Slot created;
        created.id = Protocol::randomHex(16);
        created.fileId = Protocol::randomHex(16);
        created.from = from;
        created.to = to;
        created.senderKey = senderKey;
        created.recipientKey = recipientKey;
        created.name = name;
        created.size = request.size;
        created.expectedSha256 = request.sha256.toLatin1();
        created.lastByteMs = nowMs();
        created.hash = std::make_shared<Sha256>();
        slot = &m_store.addSlot(std::move(created));
        qCInfo(lcHttp) << from << "may upload" << name << "(" << request.size << "bytes)";
    }
    slot->clientId = request.id;
    Message &answer = grant.answer;
    answer.type = Protocol::Type::Upload;
    answer.answer = true;
    answer.id = request.id;
    answer.upload = slot->id;
    answer.url = u"/upload/"_s + slot->id;
    answer.offset = slot->offset;
    return grant;
}

bool FileDesk::isFileRequest(const QByteArray &path)
{
    return path.startsWith("/upload/") || path.startsWith("/files/");
}

std::optional<HttpAnswer::Simple> FileDesk::handle(QTcpSocket *socket,
                                                   const HttpRequestHead &request)
{
    const QByteArray &path = request.path;
    if (path.startsWith("/upload/")) {
        const QString id = QString::fromLatin1(path.mid(8));
        FileStore::Slot *slot = isId(id) ? m_store.slot(id) : nullptr;
        if (request.method == "PUT") {
            if (!slot)
                return plain(404, "No such upload\n");
            return put(socket, request, slot);
        }
        if (request.method == "DELETE") {
            if (!slot)
                return plain(404, "No such upload\n");
            if (slot->busy)
                m_transfers->cancel(id);
            qCInfo(lcHttp) << "upload of" << slot->name << "cancelled";
            m_store.removeSlot(id);
            return plain(204, {});
        }
        return plain(405, "Method not allowed\n", {{"Allow", "PUT, DELETE"}});
    }
    const bool isHead = request.method == "HEAD";
    if (request.method != "GET" && !isHead)
        return plain(405, "Method not allowed\n", {{"Allow", "GET, HEAD"}});
    const QByteArray rest = path.mid(7); // after "/files/"
    const qsizetype slash = rest.indexOf('/');
    const QString id = QString::fromLatin1(rest.left(slash));
    if (slash < 0 || !isId(id) || !m_store.file(id))
        return plain(404, "Not found\n");
    return get(socket, request, id, rest.mid(slash + 1));
}

std::optional<HttpAnswer::Simple> FileDesk::put(QTcpSocket *socket, const HttpRequestHead &request,
                                                FileStore::Slot *slot)
{
    const HttpAnswer::Headers offsetHeader{{"Upload-Offset", QByteArray::number(slot->offset)}};
    if (slot->busy)
        return plain(409, "This upload is already being sent\n", offsetHeader);
    if (request.hasHeader("transfer-encoding") || !request.hasHeader("content-length"))
        return plain(411, "An upload needs a Content-Length\n");
    const auto length = ByteRange::parseLength(request.header("content-length"));
    if (!length)
        return plain(400, "Bad Content-Length\n");
    qint64 first = 0;
    if (request.hasHeader("content-range")) {
        const auto range = ByteRange::parseContentRange(request.header("content-range"));
        if (!range || range->last - range->first + 1 != *length)
            return plain(400, "Bad Content-Range\n");
        if (range->total != slot->size)
            return plain(413, "The range is not of the announced size\n");
        first = range->first;
    }
    if (first != slot->offset)
        return plain(409, "The upload goes on from Upload-Offset\n", offsetHeader);
    if (*length > slot->size - slot->offset)
        return plain(413, "More bytes than the announced size\n");

    const QByteArray part = m_store.partPath(slot->id).toLocal8Bit();
    const int partFd = ::open(part.constData(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
    if (partFd < 0 || ::ftruncate(partFd, slot->offset) != 0
        || ::lseek(partFd, slot->offset, SEEK_SET) != slot->offset) {
        if (partFd >= 0)
            ::close(partFd);
        qCWarning(lcHttp) << "cannot write" << part << ":" << strerror(errno);
        return plain(507, "The host cannot store the file\n");
    }
    TcpTakeover taken = TcpTakeover::take(socket);
    if (taken.fd < 0) {
        ::close(partFd);
        return std::nullopt; // the client is gone
    }
    TransferHost::Upload job;
    job.fd = taken.fd;
    job.input = std::move(taken.input);
    job.expectContinue = request.header("expect").toLower() == "100-continue";
    job.partFd = partFd;
    job.slot = slot->id;
    job.offset = slot->offset;
    job.length = *length;
    job.total = slot->size;
    job.hash = std::move(slot->hash);
    job.expectedSha256 = slot->expectedSha256;
    job.partPath = m_store.partPath(slot->id);
    job.finalPath = m_store.filePath(slot->fileId);
    job.createdBody = "{\"file\":\"" + slot->fileId.toLatin1() + "\"}";
    slot->busy = true;
    m_transfers->upload(std::move(job));
    return std::nullopt;
}

std::optional<HttpAnswer::Simple> FileDesk::get(QTcpSocket *socket, const HttpRequestHead &request,
                                                const QString &id, const QByteArray &rest)
{
    const FileStore::File &file = *m_store.file(id);
    const bool thumb = rest == "thumb" && file.hasThumb;
    const QByteArray path = (thumb ? m_store.thumbPath(id) : m_store.filePath(id)).toLocal8Bit();
    const int fileFd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
    struct stat info = {};
    if (fileFd < 0 || ::fstat(fileFd, &info) != 0) {
        if (fileFd >= 0)
            ::close(fileFd);
        return plain(404, "Not found\n");
    }
    const qint64 size = info.st_size;
    QByteArray mime = file.mime.toLatin1();
    if (thumb) {
        char magic[12] = {};
        const ssize_t n = ::pread(fileFd, magic, sizeof magic, 0);
        mime = FileTypes::sniffPicture(QByteArrayView(magic, std::max<ssize_t>(n, 0))).toLatin1();
    }
    HttpAnswer::Headers headers{
            {"Accept-Ranges", "bytes"},
            {"Content-Disposition",
             thumb ? QByteArray("inline") : FileTypes::contentDisposition(file.name, file.mime)}};
    ByteRange::Span span{0, size - 1};
    int status = 200;
    switch (ByteRange::parseRange(request.header("range"), size, &span)) {
    case ByteRange::RangeResult::Whole:
        span = {0, size - 1};
        break;
    case ByteRange::RangeResult::Partial:
        status = 206;
        headers.append({"Content-Range",
                        "bytes " + QByteArray::number(span.first) + '-'
                                + QByteArray::number(span.last) + '/' + QByteArray::number(size)});
        break;
    case ByteRange::RangeResult::Unsatisfiable:
        ::close(fileFd);
        return plain(416, "Range not satisfiable\n",
                     {{"Content-Range", "bytes */" + QByteArray::number(size)}});
    }
    TcpTakeover taken = TcpTakeover::take(socket);
    if (taken.fd < 0) {
        ::close(fileFd);
        return std::nullopt;
    }
    const bool isHead = request.method == "HEAD";
    TransferHost::Download job;
    job.fd = taken.fd;
    job.fileFd = fileFd;
    job.head = HttpAnswer::head(status, mime.isEmpty() ? "application/octet-stream" : mime,
                                span.length(), headers);
    job.offset = span.first;
    job.length = isHead ? 0 : span.length();
    m_transfers->download(std::move(job));
    return std::nullopt;
}

void FileDesk::uploadEnded(const TransferHost::UploadEnd &end)
{
    FileStore::Slot *slot = m_store.slot(end.slot);
    if (!slot) { // cancelled meanwhile
        if (end.outcome == TransferHost::Outcome::Complete)
            QFile::remove(m_store.filePath(end.slot));
        return;
    }
    slot->busy = false;
    slot->hash = end.hash;
    slot->offset = end.offset;
    slot->lastByteMs = nowMs();
    switch (end.outcome) {
    case TransferHost::Outcome::Partial:
    case TransferHost::Outcome::Failed:
        return;
    case TransferHost::Outcome::Cancelled:
    case TransferHost::Outcome::Mismatch:
        qCInfo(lcHttp) << "upload of" << slot->name << "ended without a file";
        m_store.removeSlot(end.slot);
        return;
    case TransferHost::Outcome::Complete:
        break;
    }
    const FileStore::Slot done = std::move(*slot);
    m_store.removeSlot(done.id); // the partial file is the complete one now, under its own id
    complete(done, end.sha256);
}

void FileDesk::complete(const FileStore::Slot &slot, const QByteArray &sha256)
{
    // Counted against the quota at once; announced when its picture is looked at.
    m_store.addFile({slot.fileId, slot.name, u"application/octet-stream"_s, slot.size, false});
    const QString path = m_store.filePath(slot.fileId);
    const QString thumbPath = m_store.thumbPath(slot.fileId);
    const QString name = slot.name;
    m_pool.start([this, slot, sha256, path, thumbPath, name] {
        const Analysis analysis = analyse(path, thumbPath, name);
        QMetaObject::invokeMethod(
                this, [this, slot, sha256, analysis] { analysed(slot, sha256, analysis); },
                Qt::QueuedConnection);
    });
}

// On the pool's thread: the type by name and bytes, and a picture's thumbnail (Thumbnailer decides
// by content, checks the declared size before decoding and decodes under an allocation limit).
FileDesk::Analysis FileDesk::analyse(const QString &path, const QString &thumbPath,
                                     const QString &name)
{
    Analysis analysis;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return analysis;
    analysis.mime = FileTypes::decide(name, file.peek(4096));
    Thumbnailer::Error error = Thumbnailer::Error::None;
    const std::optional<Thumbnail> thumbnail = Thumbnailer().make(&file, &error);
    if (!thumbnail) {
        if (error != Thumbnailer::Error::NotAPicture)
            qCInfo(lcHttp) << "no thumbnail for" << name << ":" << Thumbnailer::errorText(error);
        return analysis;
    }
    QFile out(thumbPath);
    if (!out.open(QIODevice::WriteOnly) || out.write(thumbnail->data) != thumbnail->data.size()) {
        qCWarning(lcHttp) << "cannot write" << thumbPath << ":" << out.errorString();
        out.remove();
        return analysis;
    }
    analysis.mime = QString::fromLatin1(Thumbnailer::mimeType(thumbnail->format));
    analysis.width = thumbnail->original.width();
    analysis.height = thumbnail->original.height();
    analysis.thumb = true;
    return analysis;
}

void FileDesk::analysed(const FileStore::Slot &slot, const QByteArray &sha256,
                        const Analysis &analysis)
{
    if (!m_store.file(slot.fileId))
        return; // removed meanwhile
    if (!FileTypes::isAllowed(m_config.fileTypes, slot.name, analysis.mime)) {
        qCInfo(lcHttp) << slot.name << "is" << analysis.mime << "- not a type this room takes";
        m_store.removeFile(slot.fileId);
        Q_EMIT uploadRefused(slot.from, slot.clientId, ErrorCode::FileType,
                             u"The host does not take files of this type."_s);
        return;
    }
    m_store.describe(slot.fileId, analysis.mime, analysis.thumb);

    Message file;
    file.type = Protocol::Type::File;
    file.from = slot.from;
    file.to = slot.to;
    file.id = slot.clientId;
    file.name = slot.name;
    file.size = slot.size;
    file.mime = analysis.mime;
    file.sha256 = QString::fromLatin1(sha256);
    file.upload = slot.fileId;
    const QString name = slot.name == u"thumb"_s ? u"file-thumb"_s : slot.name;
    file.url = u"/files/%1/%2"_s.arg(slot.fileId, FileTypes::urlSegment(name));
    if (analysis.thumb)
        file.thumb = u"/files/%1/thumb"_s.arg(slot.fileId);
    file.width = analysis.width;
    file.height = analysis.height;
    qCInfo(lcHttp) << slot.from << "sent" << slot.name << "(" << slot.size << "bytes)";
    Q_EMIT fileReady(file, slot.senderKey, slot.recipientKey);
}

void FileDesk::removeFiles(const QStringList &ids)
{
    for (const QString &id : ids) {
        if (isId(id))
            m_store.removeFile(id);
    }
}

void FileDesk::expireSlots()
{
    const QStringList expired
            = m_store.expireSlots(nowMs(), qint64(m_config.uploadSlotLifetime.count()));
    if (!expired.isEmpty())
        qCInfo(lcHttp) << expired.size() << "unfinished uploads expired";
}
