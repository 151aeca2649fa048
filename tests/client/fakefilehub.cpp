#include "fakefilehub.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDateTime>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QWebSocket>

using namespace Qt::StringLiterals;

namespace {
QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QString json(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}
} // namespace

FakeFileHub::FakeFileHub(QObject *parent)
    : QObject(parent)
    , m_sockets(u"fake"_s, QWebSocketServer::NonSecureMode)
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
            connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                m_http.remove(socket);
                socket->deleteLater();
            });
        }
    });
    connect(&m_sockets, &QWebSocketServer::newConnection, this, [this] {
        while (QWebSocket *client = m_sockets.nextPendingConnection()) {
            m_clients.append(client);
            connect(client, &QWebSocket::textMessageReceived, this,
                    [this, client](const QString &text) { onText(client, text); });
            connect(client, &QWebSocket::disconnected, this, [this, client] {
                m_clients.removeAll(client);
                m_names.remove(client);
                client->deleteLater();
            });
        }
    });
}

FakeFileHub::~FakeFileHub()
{
    // Sockets still open are deleted after this object's members; their disconnected() must not
    // reach the lambdas above, which use those members.
    for (QWebSocket *client : std::as_const(m_clients))
        client->disconnect(this);
    for (QTcpSocket *socket : m_http.keys())
        socket->disconnect(this);
    for (QTcpSocket *socket : findChildren<QTcpSocket *>())
        socket->disconnect(this);
    for (QTcpSocket *socket : m_server.findChildren<QTcpSocket *>())
        socket->disconnect(this);
}

bool FakeFileHub::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl FakeFileHub::socketUrl() const
{
    return QUrl(u"ws://127.0.0.1:%1/ws"_s.arg(port()));
}

qint64 FakeFileHub::uploadedBytes(const QString &slot) const
{
    return m_slots.value(slot).bytes.size();
}

void FakeFileHub::onReadyRead(QTcpSocket *socket)
{
    if (!m_http.contains(socket)) {
        const QByteArray peek = socket->peek(16 * 1024);
        const qsizetype end = peek.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        if (peek.left(end).toLower().contains("upgrade: websocket")) {
            socket->disconnect(this);
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            m_sockets.handleConnection(socket);
            return;
        }
        Http http;
        http.head = socket->read(end + 4);
        const QList<QByteArray> lines = http.head.split('\n');
        const QList<QByteArray> request = lines.value(0).trimmed().split(' ');
        http.method = QString::fromLatin1(request.value(0));
        http.path = QString::fromLatin1(request.value(1));
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon > 0)
                http.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                    lines.at(i).mid(colon + 1).trimmed());
        }
        m_http.insert(socket, http);
        onHead(socket, m_http[socket]);
    }
    if (m_http.contains(socket))
        onBody(socket, m_http[socket]);
}

void FakeFileHub::onHead(QTcpSocket *socket, Http &http)
{
    if (http.method == u"PUT"_s && http.path.startsWith(u"/upload/"_s)) {
        http.slot = http.path.mid(8);
        if (!m_slots.contains(http.slot)) {
            answer(socket, 404);
            return;
        }
        Slot &slot = m_slots[http.slot];
        qint64 start = 0;
        const QByteArray range = http.headers.value("content-range");
        if (!range.isEmpty())
            start = range.mid(6, range.indexOf('-') - 6).toLongLong();
        http.bodyLeft = http.headers.value("content-length").toLongLong();
        m_requests.append(u"PUT %1 from %2"_s.arg(http.path).arg(start));
        if (start != slot.bytes.size()) {
            answer(socket, 409, {}, {{"Upload-Offset", QByteArray::number(slot.bytes.size())}});
            return;
        }
        return;
    }
    const QByteArray range = http.headers.value("range");
    m_requests.append(http.method + u' ' + http.path
                      + (range.isEmpty() ? QString() : u' ' + QString::fromLatin1(range)));
    if (http.method == u"DELETE"_s && http.path.startsWith(u"/upload/"_s)) {
        const QString id = http.path.mid(8);
        m_slots.remove(id);
        ++m_deletes;
        answer(socket, 204);
        Q_EMIT uploadCancelled(id);
        return;
    }
    if (http.method == u"GET"_s && http.path.startsWith(u"/files/"_s)) {
        serveFile(socket, http);
        return;
    }
    answer(socket, 404);
}

void FakeFileHub::onBody(QTcpSocket *socket, Http &http)
{
    if (http.slot.isEmpty() || !m_slots.contains(http.slot))
        return;
    Slot &slot = m_slots[http.slot];
    while (http.bodyLeft > 0 && socket->bytesAvailable() > 0) {
        qint64 want = std::min<qint64>(http.bodyLeft, socket->bytesAvailable());
        if (cutUploadAt >= 0)
            want = std::min<qint64>(want, cutUploadAt - slot.bytes.size());
        if (want <= 0) {
            cutUploadAt = -1; // once
            m_http.remove(socket);
            socket->abort();
            return;
        }
        const QByteArray chunk = socket->read(want);
        slot.bytes += chunk;
        http.bodyLeft -= chunk.size();
    }
    if (http.bodyLeft > 0)
        return;
    const QString slotId = http.slot;
    http.slot.clear();
    if (slot.bytes.size() < slot.size) {
        answer(socket, 204, {}, {{"Upload-Offset", QByteArray::number(slot.bytes.size())}});
        return;
    }
    if (!slot.sha256.isEmpty() && sha256(slot.bytes) != slot.sha256) {
        m_slots.remove(slotId);
        answer(socket, 422);
        return;
    }
    StoredFile file;
    file.id = QString::fromLatin1(QByteArray::number(++m_counter).toHex().rightJustified(32, '0'));
    file.name = slot.name;
    file.bytes = slot.bytes;
    file.sha256 = sha256(slot.bytes);
    QImage image;
    if (image.loadFromData(file.bytes)) {
        QBuffer buffer(&file.thumb);
        buffer.open(QIODevice::WriteOnly);
        image.scaled(QSize(320, 320).boundedTo(image.size()), Qt::KeepAspectRatio)
                .save(&buffer, "PNG");
    }
    m_files.append(file);
    answer(socket, 201, json({{"file"_L1, file.id}}).toUtf8());
    announce(file, slot);
    m_slots.remove(slotId);
    Q_EMIT fileStored(file.name);
}

FakeFileHub::StoredFile FakeFileHub::addFile(const QString &name, const QByteArray &bytes,
                                             const QString &from)
{
    Slot slot;
    slot.name = name;
    slot.from = from;
    slot.size = bytes.size();
    slot.bytes = bytes;
    slot.id = u"added"_s;
    m_slots.insert(slot.id, slot);
    // Goes the same way as an upload's last byte.
    StoredFile file;
    file.id = QString::fromLatin1(QByteArray::number(++m_counter).toHex().rightJustified(32, '0'));
    file.name = name;
    file.bytes = bytes;
    file.sha256 = sha256(bytes);
    QImage image;
    if (image.loadFromData(bytes)) {
        QBuffer buffer(&file.thumb);
        buffer.open(QIODevice::WriteOnly);
        image.scaled(QSize(320, 320).boundedTo(image.size()), Qt::KeepAspectRatio)
                .save(&buffer, "PNG");
    }
    m_files.append(file);
    announce(file, slot);
    m_slots.remove(slot.id);
    return file;
}

void FakeFileHub::announce(const StoredFile &file, const Slot &slot)
{
    QJsonObject message{
            {"type"_L1, u"file"_s},
            {"seq"_L1, double(++m_seq)},
            {"from"_L1, slot.from},
            {"time"_L1, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
            {"name"_L1, file.name},
            {"size"_L1, double(file.bytes.size())},
            {"sha256"_L1, file.sha256},
            {"url"_L1,
             u"/files/%1/%2"_s.arg(file.id,
                                   QString::fromLatin1(QUrl::toPercentEncoding(file.name)))}};
    if (!slot.clientId.isEmpty())
        message.insert("id"_L1, slot.clientId);
    if (!slot.to.isEmpty())
        message.insert("to"_L1, slot.to);
    if (!file.thumb.isEmpty()) {
        const QImage image = QImage::fromData(file.bytes);
        message.insert("thumb"_L1, u"/files/%1/thumb"_s.arg(file.id));
        message.insert("width"_L1, image.width());
        message.insert("height"_L1, image.height());
        message.insert("mime"_L1, u"image/png"_s);
    }
    for (QWebSocket *client : std::as_const(m_clients)) {
        if (m_names.contains(client))
            client->sendTextMessage(json(message));
    }
}

void FakeFileHub::serveFile(QTcpSocket *socket, const Http &http)
{
    const QStringList parts = http.path.split(u'/'); // "", "files", ID, NAME
    const QString id = parts.value(2);
    for (const StoredFile &file : std::as_const(m_files)) {
        if (file.id != id)
            continue;
        if (parts.value(3) == u"thumb"_s) {
            answer(socket, file.thumb.isEmpty() ? 404 : 200, file.thumb,
                   {{"Content-Type", "image/png"}});
            return;
        }
        QByteArray bytes = file.bytes;
        if (damageDownloads && !bytes.isEmpty())
            bytes[bytes.size() / 2] = char(bytes.at(bytes.size() / 2) ^ 0x55);
        const QByteArray range = http.headers.value("range");
        qint64 start = 0;
        if (range.startsWith("bytes="))
            start = range.mid(6, range.indexOf('-') - 6).toLongLong();
        if (start > bytes.size()) {
            answer(socket, 416);
            return;
        }
        const QByteArray body = bytes.mid(start);
        QList<QPair<QByteArray, QByteArray>> headers{{"Accept-Ranges", "bytes"}};
        if (!range.isEmpty())
            headers.append({"Content-Range",
                            "bytes " + QByteArray::number(start) + '-'
                                    + QByteArray::number(bytes.size() - 1) + '/'
                                    + QByteArray::number(bytes.size())});
        if (cutDownloadAt >= 0 && cutDownloadAt < body.size()) {
            const qint64 cut = std::exchange(cutDownloadAt, -1);
            QByteArray head = "HTTP/1.1 " + QByteArray(range.isEmpty() ? "200 OK" : "206 Partial")
                    + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
            for (const auto &[name, value] : headers)
                head += name + ": " + value + "\r\n";
            socket->write(head + "\r\n" + body.left(cut));
            socket->disconnectFromHost();
            return;
        }
        answer(socket, range.isEmpty() ? 200 : 206, body, headers);
        return;
    }
    answer(socket, 404);
}

void FakeFileHub::answer(QTcpSocket *socket, int status, const QByteArray &body,
                         const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\nConnection: close\r\n";
    for (const auto &[name, value] : headers)
        head += name + ": " + value + "\r\n";
    socket->write(head + "\r\n" + body);
    m_http.remove(socket);
    socket->disconnectFromHost();
}

void FakeFileHub::onText(QWebSocket *client, const QString &text)
{
    m_frames.append(text);
    const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = o.value("type"_L1).toString();
    if (type == u"join"_s) {
        const QString name = o.value("name"_L1).toString();
        for (QWebSocket *c : std::as_const(m_clients)) {
            if (m_names.contains(c))
                c->sendTextMessage(
                        json({{"type"_L1, u"joined"_s},
                              {"name"_L1, name},
                              {"time"_L1,
                               QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}}));
        }
        m_names.insert(client, name);
        client->sendTextMessage(
                json({{"type"_L1, u"welcome"_s},
                      {"v"_L1, 1},
                      {"you"_L1, name},
                      {"room"_L1, u"Files"_s},
                      {"instance"_L1, u"fake"_s},
                      {"token"_L1, u"0123456789abcdef"_s},
                      {"users"_L1, QJsonArray::fromStringList(m_names.values())},
                      {"seq"_L1, double(m_seq)},
                      {"files"_L1, QJsonObject{{"maxBytes"_L1, double(maxBytes)}}}}));
        return;
    }
    if (type == u"chat"_s) {
        QJsonObject chat{{"type"_L1, u"chat"_s},
                         {"seq"_L1, double(++m_seq)},
                         {"from"_L1, m_names.value(client)},
                         {"text"_L1, o.value("text"_L1)},
                         {"time"_L1, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}};
        if (o.contains("id"_L1))
            chat.insert("id"_L1, o.value("id"_L1));
        for (QWebSocket *c : std::as_const(m_clients)) {
            if (m_names.contains(c))
                c->sendTextMessage(json(chat));
        }
        return;
    }
    if (type != u"upload"_s)
        return;
    const QString id = o.value("id"_L1).toString();
    const qint64 size = qint64(o.value("size"_L1).toDouble());
    if (size > maxBytes) {
        client->sendTextMessage(json({{"type"_L1, u"error"_s},
                                      {"code"_L1, u"file_too_big"_s},
                                      {"text"_L1, u"too big"_s},
                                      {"id"_L1, id}}));
        return;
    }
    QString slotId = o.value("upload"_L1).toString();
    if (slotId.isEmpty() || !m_slots.contains(slotId)) {
        Slot slot;
        slot.id = QString::fromLatin1(
                QByteArray::number(1000 + ++m_counter).toHex().rightJustified(32, 'a'));
        slot.name = o.value("name"_L1).toString();
        slot.size = size;
        slot.sha256 = o.value("sha256"_L1).toString();
        slot.clientId = id;
        slot.from = m_names.value(client);
        slot.to = o.value("to"_L1).toString();
        m_slots.insert(slot.id, slot);
        slotId = slot.id;
    }
    client->sendTextMessage(json({{"type"_L1, u"upload"_s},
                                  {"id"_L1, id},
                                  {"upload"_L1, slotId},
                                  {"url"_L1, QString(u"/upload/"_s + slotId)},
                                  {"offset"_L1, double(m_slots.value(slotId).bytes.size())}}));
}
