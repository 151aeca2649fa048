#include "filetransfers.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonObject>
#include <QMimeDatabase>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>

#include "chatclient.h"
#include "filehasher.h"
#include "filelog.h"
#include "randomhex.h"
#include "roomurl.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
constexpr int MaxResumes = 50; // a link that breaks this often is not coming back

bool isFinal(FileTransfers::State state)
{
    return state == FileTransfers::State::Done || state == FileTransfers::State::Failed
            || state == FileTransfers::State::Cancelled;
}
} // namespace

FileTransfers::FileTransfers(ChatClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_network(new QNetworkAccessManager(this))
    , m_idPrefix(u"f"_s + Protocol::randomHex(4) + u'-')
{
    // The room is on the LAN: a proxy from the environment would only be in the way.
    m_network->setProxy(QNetworkProxy::NoProxy);
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &FileTransfers::resumeWaiting);
    connect(m_client, &ChatClient::extensionMessage, this, &FileTransfers::onMessage);
    connect(m_client, &ChatClient::stateChanged, this, [this](ChatClient::State state) {
        if (state == ChatClient::State::Connected) {
            resumeWaiting();
            return;
        }
        // Requests not answered on a link that is gone are asked again on the next one.
        for (Upload &upload : m_uploads) {
            if (upload.state == State::Asking)
                breakOff(upload, u"link closed while asking"_s);
        }
    });
}

FileTransfers::~FileTransfers()
{
    m_work.stopAll(this);
}

QString FileTransfers::screenshotName(const QDateTime &taken)
{
    return u"Screenshot %1.png"_s.arg(taken.toString(u"yyyy-MM-dd HH.mm.ss"_s));
}

QString FileTransfers::sendImage(const QImage &image, const QString &to, const QDateTime &taken)
{
    if (!m_pasted) {
        m_pasted = std::make_unique<QTemporaryDir>();
        if (!m_pasted->isValid()) {
            Q_EMIT failed(screenshotName(taken), m_pasted->errorString());
            m_pasted.reset();
            return {};
        }
    }
    // A folder per picture: two pastes within a second keep their names and their files.
    const QString folder = m_pasted->filePath(QString::number(++m_counter));
    const QString path = folder + u'/' + screenshotName(taken);
    if (!QDir().mkpath(folder) || image.isNull() || !image.save(path, "PNG")) {
        Q_EMIT failed(screenshotName(taken), tr("The picture could not be saved for sending."));
        return {};
    }
    return sendFile(path, to);
}

QString FileTransfers::sendFile(const QString &path, const QString &to)
{
    const QFileInfo info(path);
    if (!info.isFile() || !info.isReadable()) {
        Q_EMIT failed(info.fileName(), tr("It is not a file that can be read."));
        return {};
    }
    Upload upload;
    upload.id = m_idPrefix + QString::number(++m_counter);
    upload.path = info.absoluteFilePath();
    upload.name = info.fileName();
    upload.to = to;
    upload.size = info.size();
    m_uploads.append(upload);
    qCInfo(lcClientFiles) << "sending" << upload.name << upload.size << "bytes as" << upload.id
                          << (to.isEmpty() ? u"to the room"_s : u"to "_s + to);
    Q_EMIT uploadAdded(upload.id);
    if (!m_filesAllowed) {
        finish(m_uploads.last(), State::Failed, u"files_off"_s);
        return upload.id;
    }
    if (m_maxBytes > 0 && upload.size > m_maxBytes) {
        finish(m_uploads.last(), State::Failed, u"file_too_big"_s);
        return upload.id;
    }
    const QString id = upload.id;
    m_work.setHashing(id,
                      FileHasher::start(upload.path, this,
                                        [this, id](const QString &hex, const QString &error) {
                                            m_work.hashDone(id);
                                            Upload *u = find(id);
                                            if (!u || u->state != State::Hashing)
                                                return;
                                            if (!error.isEmpty()) {
                                                finish(*u, State::Failed, error);
                                                return;
                                            }
                                            u->sha256 = hex;
                                            ask(*u);
                                        }));
    return id;
}

void FileTransfers::cancel(const QString &id)
{
    Upload *upload = find(id);
    if (!upload || isFinal(upload->state))
        return;
    m_work.stop(id, this);
    if (!upload->url.isEmpty()) {
        // The hub deletes what it has; nobody else ever saw the file.
        QNetworkReply *remove = m_network->deleteResource(QNetworkRequest(httpUrl(upload->url)));
        connect(remove, &QNetworkReply::finished, remove, &QObject::deleteLater);
    }
    qCInfo(lcClientFiles) << "cancelled" << upload->name;
    finish(*upload, State::Cancelled);
}

const FileTransfers::Upload *FileTransfers::upload(const QString &id) const
{
    for (const Upload &upload : m_uploads) {
        if (upload.id == id)
            return &upload;
    }
    return nullptr;
}

bool FileTransfers::isActive(const QString &id) const
{
    const Upload *u = upload(id);
    return u && !isFinal(u->state);
}

FileTransfers::Upload *FileTransfers::find(const QString &id)
{
    for (Upload &upload : m_uploads) {
        if (upload.id == id)
            return &upload;
    }
    return nullptr;
}

QUrl FileTransfers::httpUrl(const QString &path) const
{
    return Protocol::roomPageUrl(m_client->url()).resolved(QUrl(path));
}

void FileTransfers::onMessage(const QJsonObject &message)
{
    const QString type = message.value("type"_L1).toString();
    if (type == u"welcome"_s) {
        const QJsonValue files = message.value("files"_L1);
        m_filesAllowed = files.isObject();
        m_maxBytes = qint64(files.toObject().value("maxBytes"_L1).toDouble());
        return;
    }
    const QString id = message.value("id"_L1).toString();
    if (type == u"error"_s) {
        const QString code = message.value("code"_L1).toString();
        Upload *upload = find(id);
        if (upload && upload->state == State::Asking) {
            qCInfo(lcClientFiles) << "the hub refused" << upload->name << code;
            finish(*upload, State::Failed, code);
        } else if (id.isEmpty() && code == u"unknown_type"_s) {
            // A hub that predates files answers `upload` with unknown_type and no id.
            for (Upload &u : m_uploads) {
                if (u.state == State::Asking)
                    finish(u, State::Failed, u"files_off"_s);
            }
        }
        return;
    }
    if (type == u"upload"_s) {
        Upload *upload = find(id);
        if (upload && upload->state == State::Asking)
            onGrant(*upload, message);
    }
}

void FileTransfers::ask(Upload &upload)
{
    QJsonObject request{{"type"_L1, u"upload"_s},
                        {"id"_L1, upload.id},
                        {"name"_L1, upload.name},
                        {"size"_L1, double(upload.size)},
                        {"sha256"_L1, upload.sha256}};
    static const QMimeDatabase mimes;
    const QMimeType mime = mimes.mimeTypeForFile(upload.path, QMimeDatabase::MatchExtension);
    if (mime.isValid() && !mime.isDefault())
        request.insert("mime"_L1, mime.name());
    if (!upload.to.isEmpty())
        request.insert("to"_L1, upload.to);
    if (!upload.slot.isEmpty())
        request.insert("upload"_L1, upload.slot);
    upload.state = State::Asking;
    if (!m_client->sendObject(request)) {
        breakOff(upload, u"not in the room"_s);
        return;
    }
    Q_EMIT uploadChanged(upload.id);
}

void FileTransfers::onGrant(Upload &upload, const QJsonObject &grant)
{
    const QString url = grant.value("url"_L1).toString();
    const qint64 offset = qint64(grant.value("offset"_L1).toDouble());
    if (!url.startsWith(u"/upload/"_s) || offset < 0 || offset > upload.size) {
        finish(upload, State::Failed, u"bad_message"_s);
        return;
    }
    upload.slot = grant.value("upload"_L1).toString();
    upload.url = url;
    upload.sent = offset;
    qCDebug(lcClientFiles) << "slot" << upload.slot << "for" << upload.name << "from" << offset;
    put(upload);
}

void FileTransfers::put(Upload &upload)
{
    auto file = std::make_unique<QFile>(upload.path);
    if (!file->open(QIODevice::ReadOnly) || file->size() != upload.size) {
        finish(upload, State::Failed,
               file->isOpen() ? tr("The file changed while it was being sent.")
                              : file->errorString());
        return;
    }
    file->seek(upload.sent);
    QNetworkRequest request(httpUrl(upload.url));
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/octet-stream"_s);
    request.setHeader(QNetworkRequest::ContentLengthHeader, upload.size - upload.sent);
    if (upload.sent > 0) {
        request.setRawHeader("Content-Range",
                             "bytes " + QByteArray::number(upload.sent) + '-'
                                     + QByteArray::number(upload.size - 1) + '/'
                                     + QByteArray::number(upload.size));
    }
    QNetworkReply *reply = m_network->put(request, file.get());
    file.release()->setParent(reply); // read as it goes, closed with the reply
    upload.state = State::Sending;
    m_work.setReply(upload.id, reply);
    const QString id = upload.id;
    const qint64 start = upload.sent;
    connect(reply, &QNetworkReply::uploadProgress, this, [this, id, start](qint64 sent, qint64) {
        Upload *u = find(id);
        if (!u || u->state != State::Sending)
            return;
        u->sent = std::min(u->size, start + sent);
        Q_EMIT uploadChanged(id);
    });
    connect(reply, &QNetworkReply::finished, this, [this, id, reply] { onPutFinished(id, reply); });
    Q_EMIT uploadChanged(id);
}

void FileTransfers::onPutFinished(const QString &id, QNetworkReply *reply)
{
    reply->deleteLater();
    if (m_work.reply(id) != reply)
        return;
    m_work.replyDone(id);
    Upload *upload = find(id);
    if (!upload || upload->state != State::Sending)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray offsetHeader = reply->rawHeader("Upload-Offset");
    qCDebug(lcClientFiles) << "PUT" << upload->name << "answered" << status << offsetHeader
                           << reply->errorString();
    switch (status) {
    case 201:
        upload->sent = upload->size;
        qCInfo(lcClientFiles) << "sent" << upload->name;
        finish(*upload, State::Done);
        return;
    case 204: // the hub wants the rest (the connection ended early)
    case 409: { // we were not where the hub is: go on from its offset
        bool ok = false;
        const qint64 offset = offsetHeader.toLongLong(&ok);
        if (ok && offset >= 0 && offset <= upload->size && upload->attempts++ < MaxResumes) {
            upload->sent = offset;
            put(*upload);
            return;
        }
        finish(*upload, State::Failed, u"bad_message"_s);
        return;
    }
    case 422:
        finish(*upload, State::Failed, u"sha256_mismatch"_s);
        return;
    case 404:
        finish(*upload, State::Failed, u"upload_gone"_s);
        return;
    case 413:
        finish(*upload, State::Failed, u"file_too_big"_s);
        return;
    case 0: // no answer: the link broke
        breakOff(*upload, reply->errorString());
        return;
    default:
        finish(*upload, State::Failed, u"http_%1"_s.arg(status));
        return;
    }
}

void FileTransfers::breakOff(Upload &upload, const QString &why)
{
    if (++upload.attempts > MaxResumes) {
        finish(upload, State::Failed, why);
        return;
    }
    qCInfo(lcClientFiles) << "upload of" << upload.name << "interrupted at" << upload.sent << ":"
                          << why << "- resuming";
    upload.state = State::Waiting;
    Q_EMIT uploadChanged(upload.id);
    // Try again soon; at once when the room answers again (stateChanged → resumeWaiting).
    const int delay = std::min(m_retryLimitMs, 250 << std::min(upload.attempts, 7));
    if (!m_retryTimer.isActive() || m_retryTimer.remainingTime() > delay)
        m_retryTimer.start(delay);
}

void FileTransfers::resumeWaiting()
{
    if (m_client->state() != ChatClient::State::Connected)
        return; // the reconnect will call again
    for (Upload &upload : m_uploads) {
        if (upload.state == State::Waiting)
            ask(upload); // the same slot: the answer's offset says where to go on
    }
}

void FileTransfers::finish(Upload &upload, State state, const QString &error)
{
    upload.state = state;
    upload.error = error;
    if (state != State::Done && !error.isEmpty())
        qCInfo(lcClientFiles) << "upload of" << upload.name << "ended:" << state << error;
    Q_EMIT uploadChanged(upload.id);
}
