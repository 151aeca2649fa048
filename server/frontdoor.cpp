#include "frontdoor.h"

#include "lingeringclose.h"
#include "logging.h"

#include <QFile>
#include <QHostInfo>
#include <QNetworkInterface>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {

const QByteArray contentSecurityPolicy = QByteArrayLiteral(
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; media-src 'self' data:; manifest-src 'self'; base-uri 'none'; "
        "form-action 'none'; frame-ancestors 'none'");

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 431:
        return "Request Header Fields Too Large";
    case 503:
        return "Service Unavailable";
    default:
        return "Error";
    }
}

QByteArray contentTypeFor(const QString &file)
{
    if (file.endsWith(u".html"_s))
        return "text/html; charset=utf-8";
    if (file.endsWith(u".js"_s) || file.endsWith(u".mjs"_s))
        return "text/javascript; charset=utf-8";
    if (file.endsWith(u".css"_s))
        return "text/css; charset=utf-8";
    if (file.endsWith(u".svg"_s))
        return "image/svg+xml";
    if (file.endsWith(u".png"_s))
        return "image/png";
    if (file.endsWith(u".ico"_s))
        return "image/x-icon";
    if (file.endsWith(u".json"_s) || file.endsWith(u".webmanifest"_s))
        return "application/json";
    if (file.endsWith(u".wav"_s))
        return "audio/wav";
    return "application/octet-stream";
}

// "http://Host:Port" as an origin key: lower-case scheme and host, explicit port.
QString originKey(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return {};
    const QString scheme = url.scheme().toLower();
    const int port = url.port(scheme == u"https"_s ? 443 : 80);
    QString host = url.host().toLower();
    if (host.contains(u':'))
        host = u'[' + host + u']';
    return scheme + u"://"_s + host + u':' + QString::number(port);
}

} // namespace

FrontDoor::FrontDoor(std::function<void(QTcpSocket *)> upgrade, const Limits &limits,
                     QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
    , m_upgrade(std::move(upgrade))
    , m_limits(limits)
{
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &FrontDoor::accept);
}

FrontDoor::~FrontDoor()
{
    close();
}

bool FrontDoor::listen(const QHostAddress &address, quint16 port, int attempts)
{
    attempts = std::max(1, attempts);
    // Qt's default backlog is 50: a burst of connections (a room full of browsers reconnecting
    // after a restart) overflows it, and the kernel drops SYNs that clients retry only after 1 s.
    m_server->setListenBacklogSize(4096);
    for (int i = 0; i < attempts; ++i) {
        const quint16 candidate = port == 0 ? 0 : quint16(port + i);
        if (port != 0 && candidate < port)
            break; // wrapped past 65535
        if (m_server->listen(address, candidate)) {
            m_error.clear();
            computeOwnOrigins();
            return true;
        }
        m_error = m_server->errorString();
        if (m_server->serverError() != QAbstractSocket::AddressInUseError || port == 0)
            break;
    }
    return false;
}

void FrontDoor::close()
{
    m_server->close();
    for (QTcpSocket *socket : std::as_const(m_pending))
        socket->abort();
    m_pending.clear();
}

bool FrontDoor::isListening() const
{
    return m_server->isListening();
}

quint16 FrontDoor::port() const
{
    return m_server->serverPort();
}

void FrontDoor::setAllowedOrigins(const QStringList &origins)
{
    m_extraOrigins = origins;
    if (isListening())
        computeOwnOrigins();
}

void FrontDoor::computeOwnOrigins()
{
    m_allowedOrigins.clear();
    const QString port = QString::number(this->port());
    auto add = [&](QString host) {
        host = host.toLower();
        if (host.contains(u':'))
            host = u'[' + host + u']';
        m_allowedOrigins.insert(u"http://"_s + host + u':' + port);
        m_allowedOrigins.insert(u"https://"_s + host + u':' + port);
    };
    for (const QHostAddress &address : QNetworkInterface::allAddresses()) {
        QHostAddress plain = address;
        plain.setScopeId({});
        add(plain.toString());
    }
    add(u"localhost"_s);
    add(u"127.0.0.1"_s);
    add(u"::1"_s);
    const QString hostName = QHostInfo::localHostName();
    if (!hostName.isEmpty()) {
        add(hostName);
        add(hostName + u".local"_s);
    }
    for (const QString &origin : std::as_const(m_extraOrigins)) {
        const QString key = originKey(QUrl(origin));
        if (!key.isEmpty())
            m_allowedOrigins.insert(key);
    }
}

bool FrontDoor::isOriginAllowed(const QString &origin) const
{
    if (origin.isEmpty())
        return true; // native clients send no Origin
    return m_allowedOrigins.contains(originKey(QUrl(origin)));
}

void FrontDoor::accept()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        m_pending.insert(socket);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] { forget(socket); });
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        // A head not complete in time is closed without an answer (slowloris).
        auto *timer = new QTimer(socket);
        timer->setObjectName(u"headTimer"_s);
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, this, [this, socket] {
            qCInfo(lcHttp) << "closing" << socket->peerAddress().toString()
                           << ": request head not complete in time";
            // Not forget(): that deletes this timer, inside its own signal.
            m_pending.remove(socket);
            disconnect(socket, nullptr, this, nullptr);
            socket->abort(); // disconnected -> deleteLater takes the timer along
        });
        timer->start(m_limits.headTimeout);
    }
}

void FrontDoor::forget(QTcpSocket *socket)
{
    if (!m_pending.remove(socket))
        return;
    disconnect(socket, nullptr, this, nullptr);
    delete socket->findChild<QTimer *>(u"headTimer"_s, Qt::FindDirectChildrenOnly);
}

void FrontDoor::onReadyRead(QTcpSocket *socket)
{
    if (!m_pending.contains(socket))
        return;
    const QByteArray head = socket->peek(m_limits.maxHeadBytes + 4);
    const qsizetype end = head.indexOf("\r\n\r\n");
    if (end < 0 || end + 4 > m_limits.maxHeadBytes) {
        if (head.size() >= m_limits.maxHeadBytes || end + 4 > m_limits.maxHeadBytes) {
            qCInfo(lcHttp) << "request head over" << m_limits.maxHeadBytes << "bytes from"
                           << socket->peerAddress().toString();
            respond(socket, 431, "text/plain; charset=utf-8", "Request head too large\n");
        }
        return; // wait for the rest of the head
    }
    Request request;
    if (!parseHead(head.left(end), &request)) {
        respond(socket, 400, "text/plain; charset=utf-8", "Bad request\n");
        return;
    }
    handle(socket, request, end + 4);
}

bool FrontDoor::parseHead(const QByteArray &head, Request *request)
{
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine[2].startsWith("HTTP/1."))
        return false;
    request->method = requestLine[0];
    request->path = requestLine[1];
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return false;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        auto it = request->headers.find(name);
        if (it == request->headers.end())
            request->headers.insert(name, value);
        else
            *it += ", " + value;
    }
    return true;
}

void FrontDoor::handle(QTcpSocket *socket, const Request &request, qsizetype headLength)
{
    QByteArray path = request.path;
    const qsizetype query = path.indexOf('?');
    if (query >= 0)
        path.truncate(query);
    const bool isGet = request.method == "GET";
    const bool isHead = request.method == "HEAD";
    const bool wantsUpgrade = request.headers.value("upgrade").toLower().contains("websocket");

    if (wantsUpgrade) {
        if (path != "/ws" || !isGet) {
            respond(socket, 404, "text/plain; charset=utf-8", "Not found\n");
            return;
        }
        const QString origin = QString::fromUtf8(request.headers.value("origin"));
        if (!isOriginAllowed(origin)) {
            qCWarning(lcHttp) << "refused upgrade from" << socket->peerAddress().toString()
                              << "with foreign origin" << origin;
            Q_EMIT upgradeRefused(u"origin"_s);
            respond(socket, 403, "text/plain; charset=utf-8", "Origin not allowed\n");
            return;
        }
        if (m_hasRoom && !m_hasRoom()) {
            qCWarning(lcHttp) << "refused upgrade from" << socket->peerAddress().toString()
                              << ": connection limit reached";
            Q_EMIT upgradeRefused(u"full"_s);
            respond(socket, 503, "text/plain; charset=utf-8", "The room is full\n", false,
                    {{"Retry-After", "5"}});
            return;
        }
        // Hand over with the request bytes still unread: the handshake reads them. The socket is
        // no longer the front door's (Handover says whose it is at every step).
        forget(socket);
        disconnect(socket, nullptr, this, nullptr);
        disconnect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        m_upgrade(socket);
        return;
    }

    socket->read(headLength);
    if (!isGet && !isHead) {
        respond(socket, 405, "text/plain; charset=utf-8", "Method not allowed\n", false,
                {{"Allow", "GET, HEAD"}});
        return;
    }
    if (path == "/rooms.json") {
        respond(socket, 200, "application/json", m_roomsJson, isHead);
        return;
    }
    QString file = QString::fromUtf8(path.mid(1));
    if (file.isEmpty())
        file = u"index.html"_s;
    static const QRegularExpression safeName(u"^[A-Za-z0-9_-][A-Za-z0-9._-]*$"_s);
    auto cached = m_fileCache.constFind(file);
    if (cached == m_fileCache.constEnd() && safeName.match(file).hasMatch()) {
        QFile resource(u":/web/"_s + file);
        if (resource.open(QIODevice::ReadOnly))
            cached = m_fileCache.insert(file, resource.readAll());
    }
    if (cached == m_fileCache.constEnd()) {
        respond(socket, 404, "text/plain; charset=utf-8", "Not found\n", isHead);
        return;
    }
    respond(socket, 200, contentTypeFor(file), *cached, isHead);
}

void FrontDoor::respond(QTcpSocket *socket, int status, const QByteArray &contentType,
                        const QByteArray &body, bool headOnly,
                        const QList<QPair<QByteArray, QByteArray>> &extraHeaders)
{
    forget(socket);
    disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
    QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status)
            + "\r\nContent-Type: " + contentType
            + "\r\nContent-Length: " + QByteArray::number(body.size())
            + "\r\nConnection: close"
              "\r\nCache-Control: no-cache"
              "\r\nX-Content-Type-Options: nosniff"
              "\r\nReferrer-Policy: no-referrer"
              "\r\nContent-Security-Policy: "
            + contentSecurityPolicy + "\r\n";
    for (const auto &[name, value] : extraHeaders)
        response += name + ": " + value + "\r\n";
    response += "\r\n";
    if (!headOnly)
        response += body;
    socket->write(response);
    // The client may still be sending (a long head, a body): closing under it would reset the
    // connection and could destroy the answer before the client reads it.
    LingeringClose::watch(socket, m_limits.closeGrace, this);
    socket->disconnectFromHost();
}
