#include "downloads.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QStandardPaths>

#include "filehasher.h"
#include "filelog.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 ReadBufferBytes = 1024 * 1024; // what may wait in memory for the disk
constexpr int MaxResumes = 50;
const QString PartSuffix = u".part"_s;

QString partPath(const QString &path)
{
    return path + PartSuffix;
}

// The name as the sender gave it, made safe for a folder on this machine.
QString safeName(const QString &name)
{
    QString clean;
    for (const QChar c : name) {
        if (c == u'/' || c == u'\\' || c == u':' || c.category() == QChar::Other_Control
            || c.category() == QChar::Other_Format)
            clean += u'_';
        else
            clean += c;
    }
    clean = clean.trimmed();
    while (clean.startsWith(u'.'))
        clean.remove(0, 1);
    return clean.isEmpty() ? u"download"_s : clean.left(200);
}

bool isFinal(Downloads::State state)
{
    return state == Downloads::State::Done || state == Downloads::State::Failed
            || state == Downloads::State::Cancelled;
}
} // namespace

Downloads::Downloads(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
    m_network->setProxy(QNetworkProxy::NoProxy);
}

Downloads::~Downloads()
{
    m_work.stopAll(this);
}

QString Downloads::folder() const
{
    if (!m_folder.isEmpty())
        return m_folder;
    const QString downloads = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    return downloads.isEmpty() ? QDir::homePath() : downloads;
}

QString Downloads::freePath(const QString &folder, const QString &name)
{
    const QString clean = safeName(name);
    // "archive.tar.gz" becomes "archive (2).tar.gz"; "photo.jpg" "photo (2).jpg".
    const QFileInfo info(clean);
    QString suffix = info.suffix();
    if (info.completeSuffix().startsWith(u"tar."_s, Qt::CaseInsensitive))
        suffix = info.completeSuffix();
    const QString base = suffix.isEmpty() ? clean : clean.left(clean.size() - suffix.size() - 1);
    const QDir dir(folder);
    for (int n = 1; n < 100000; ++n) {
        const QString candidate = n == 1
                ? clean
                : u"%1 (%2)%3"_s.arg(base).arg(n).arg(suffix.isEmpty() ? QString() : u'.' + suffix);
        const QString path = dir.filePath(candidate);
        if (!QFileInfo::exists(path) && !QFileInfo::exists(partPath(path)))
            return path;
    }
    return {};
}

QString Downloads::start(const FileInfo &file, const QUrl &pageUrl)
{
    Download download;
    download.id = u"d"_s + QString::number(++m_counter);
    download.file = file;
    download.url = pageUrl.resolved(QUrl(file.url));
    QDir().mkpath(folder());
    download.path = freePath(folder(), file.name);
    m_downloads.append(download);
    qCInfo(lcClientFiles) << "downloading" << file.name << "to" << download.path;
    Q_EMIT added(download.id);
    Download &added = m_downloads.last();
    if (added.path.isEmpty()) {
        finish(added, State::Failed, tr("No free file name in %1.").arg(folder()));
        return added.id;
    }
    get(added);
    return added.id;
}

void Downloads::get(Download &download)
{
    // The .part file holds the name while the bytes arrive, so a second download of the same
    // name picks "(2)".
    auto *part = new QFile(partPath(download.path), this);
    if (!part->open(download.received > 0 ? QIODevice::Append : QIODevice::WriteOnly)) {
        const QString error = part->errorString();
        delete part;
        finish(download, State::Failed, error);
        return;
    }
    download.received = part->size();
    m_parts.insert(download.id, part);
    QNetworkRequest request(download.url);
    if (download.received > 0)
        request.setRawHeader("Range", "bytes=" + QByteArray::number(download.received) + '-');
    QNetworkReply *reply = m_network->get(request);
    reply->setReadBufferSize(ReadBufferBytes);
    m_work.setReply(download.id, reply);
    download.state = State::Running;
    const QString id = download.id;
    connect(reply, &QNetworkReply::readyRead, this, [this, id, reply] { onReadyRead(id, reply); });
    connect(reply, &QNetworkReply::finished, this, [this, id, reply] { onFinished(id, reply); });
    Q_EMIT changed(id);
}

void Downloads::onReadyRead(const QString &id, QNetworkReply *reply)
{
    Download *download = find(id);
    QFile *part = m_parts.value(id);
    if (!download || !part || m_work.reply(id) != reply)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200 && status != 206)
        return; // an error page: finished() handles it
    if (!reply->property("checked").toBool()) {
        reply->setProperty("checked", true);
        if (status == 200 && part->size() > 0) {
            // The server ignored the Range and sends the whole file: start the part again.
            part->resize(0);
            part->seek(0);
            download->received = 0;
        }
    }
    while (reply->bytesAvailable() > 0) {
        const QByteArray chunk = reply->read(ReadBufferBytes);
        if (part->write(chunk) != chunk.size()) {
            const QString error = part->errorString();
            m_work.stop(id, this);
            finish(*download, State::Failed, error);
            return;
        }
        download->received += chunk.size();
    }
    Q_EMIT changed(id);
}

void Downloads::onFinished(const QString &id, QNetworkReply *reply)
{
    reply->deleteLater();
    if (m_work.reply(id) != reply)
        return;
    onReadyRead(id, reply);
    m_work.replyDone(id);
    Download *download = find(id);
    if (!download || download->state != State::Running)
        return;
    if (QFile *part = m_parts.take(id)) {
        part->close();
        part->deleteLater();
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    qCDebug(lcClientFiles) << "GET" << download->file.name << "answered" << status << "with"
                           << download->received << "of" << download->file.size
                           << reply->errorString();
    if (status == 0
        || ((status == 200 || status == 206) && download->received < download->file.size)) {
        breakOff(*download, reply->errorString());
        return;
    }
    if (status == 416 && download->received == download->file.size) {
        verify(*download); // everything had arrived before the link broke
        return;
    }
    if (status != 200 && status != 206) {
        QFile::remove(partPath(download->path));
        finish(*download, State::Failed, u"http_%1"_s.arg(status));
        return;
    }
    verify(*download);
}

void Downloads::verify(Download &download)
{
    download.state = State::Verifying;
    Q_EMIT changed(download.id);
    const QString id = download.id;
    m_work.setHashing(
            id,
            FileHasher::start(partPath(download.path), this,
                              [this, id](const QString &hex, const QString &error) {
                                  m_work.hashDone(id);
                                  Download *d = find(id);
                                  if (!d || d->state != State::Verifying)
                                      return;
                                  const QString part = partPath(d->path);
                                  if (!error.isEmpty()) {
                                      finish(*d, State::Failed, error);
                                      return;
                                  }
                                  if (!d->file.sha256.isEmpty() && hex != d->file.sha256) {
                                      qCWarning(lcClientFiles) << d->file.name << "has SHA-256"
                                                               << hex << "not" << d->file.sha256;
                                      QFile::remove(part);
                                      finish(*d, State::Failed, u"sha256_mismatch"_s);
                                      return;
                                  }
                                  d->verified = !d->file.sha256.isEmpty();
                                  // Another program may have taken the name meanwhile.
                                  if (QFileInfo::exists(d->path))
                                      d->path = freePath(QFileInfo(d->path).path(), d->file.name);
                                  if (!QFile::rename(part, d->path)) {
                                      finish(*d, State::Failed,
                                             tr("Could not name the file %1.").arg(d->path));
                                      return;
                                  }
                                  qCInfo(lcClientFiles)
                                          << "saved" << d->path << "verified" << d->verified;
                                  finish(*d, State::Done);
                              }));
}

void Downloads::breakOff(Download &download, const QString &why)
{
    if (++download.attempts > MaxResumes) {
        finish(download, State::Failed, why);
        return;
    }
    qCInfo(lcClientFiles) << "download of" << download.file.name << "interrupted at"
                          << download.received << ":" << why << "- resuming";
    download.state = State::Waiting;
    Q_EMIT changed(download.id);
    const int delay = std::min(m_retryLimitMs, 250 << std::min(download.attempts, 7));
    QTimer::singleShot(delay, this, [this, id = download.id] {
        Download *d = find(id);
        if (d && d->state == State::Waiting)
            get(*d);
    });
}

void Downloads::cancel(const QString &id)
{
    Download *download = find(id);
    if (!download || isFinal(download->state))
        return;
    m_work.stop(id, this);
    if (QFile *part = m_parts.take(id))
        delete part;
    QFile::remove(partPath(download->path));
    finish(*download, State::Cancelled);
}

void Downloads::retry(const QString &id)
{
    Download *download = find(id);
    if (!download || (download->state != State::Failed && download->state != State::Cancelled))
        return;
    download->path = freePath(QFileInfo(download->path).path(), download->file.name);
    download->received = 0;
    download->attempts = 0;
    download->error.clear();
    get(*download);
}

const Downloads::Download *Downloads::download(const QString &id) const
{
    for (const Download &download : m_downloads) {
        if (download.id == id)
            return &download;
    }
    return nullptr;
}

Downloads::Download *Downloads::find(const QString &id)
{
    for (Download &download : m_downloads) {
        if (download.id == id)
            return &download;
    }
    return nullptr;
}

void Downloads::finish(Download &download, State state, const QString &error)
{
    download.state = state;
    download.error = error;
    Q_EMIT changed(download.id);
}

void Downloads::showInFolder(const QString &path)
{
    const QUrl folderUrl = QUrl::fromLocalFile(QFileInfo(path).absolutePath());
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        QDesktopServices::openUrl(folderUrl);
        return;
    }
    // The freedesktop file manager interface opens the folder with the file selected; without a
    // file manager that offers it, open the folder.
    QDBusMessage call = QDBusMessage::createMethodCall(
            u"org.freedesktop.FileManager1"_s, u"/org/freedesktop/FileManager1"_s,
            u"org.freedesktop.FileManager1"_s, u"ShowItems"_s);
    call << QStringList{QUrl::fromLocalFile(path).toString()} << QString();
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call, 3000));
    QObject::connect(watcher, &QDBusPendingCallWatcher::finished, watcher, [watcher, folderUrl] {
        if (watcher->isError()) {
            qCInfo(lcClientFiles) << "no FileManager1:" << watcher->error().message();
            QDesktopServices::openUrl(folderUrl);
        }
        watcher->deleteLater();
    });
}
