#include "frontdoor.h"

#include "httpanswer.h"
#include "httprequesthead.h"
#include "lanaddresses.h"
#include "lingeringclose.h"
#include "logging.h"

#include <QFile>
#include <QHostInfo>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {

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
            updatePolicy();
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
    m_policy.setAllowedOrigins(origins);
}

void FrontDoor::setAllowedHosts(const QStringList &names)
{
    m_policy.setAllowedHosts(names);
}

void FrontDoor::updatePolicy()
{
    m_policy.setPort(port());
    m_policy.setLocalAddresses(LanAddresses::ownAddresses());
    QStringList names;
    const QString hostName = QHostInfo::localHostName();
    if (!hostName.isEmpty())
        names << hostName << hostName + u".local"_s; // .local: mDNS (Avahi, Bonjour)
    // The fully qualified name where the system knows its domain (no lookup: it is configured).
    const QString domain = QHostInfo::localDomainName();
    if (!hostName.isEmpty() && !domain.isEmpty() && !hostName.contains(u'.'))
        names << hostName + u'.' + domain;
    m_policy.setLocalNames(names);
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
    const QByteArray bytes = socket->peek(m_limits.maxHeadBytes);
    HttpRequestHead::Error error = HttpRequestHead::Error::None;
    qsizetype headLength = 0;
    const auto request = HttpRequestHead::parse(bytes, m_limits.maxHeadBytes, &error, &headLength);
    switch (error) {
    case HttpRequestHead::Error::None:
        break;
    case HttpRequestHead::Error::Incomplete:
        return; // wait for the rest of the head
    case HttpRequestHead::Error::TooLarge:
        qCInfo(lcHttp) << "request head over" << m_limits.maxHeadBytes << "bytes from"
                       << socket->peerAddress().toString();
        respond(socket, 431, "text/plain; charset=utf-8", "Request head too large\n");
        return;
    case HttpRequestHead::Error::BadRequest:
        respond(socket, 400, "text/plain; charset=utf-8", "Bad request\n");
        return;
    case HttpRequestHead::Error::VersionNotSupported:
        respond(socket, 505, "text/plain; charset=utf-8", "HTTP version not supported\n");
        return;
    }
    handle(socket, *request, headLength);
}

void FrontDoor::handle(QTcpSocket *socket, const HttpRequestHead &request, qsizetype headLength)
{
    const QByteArray &path = request.path;
    // A name this machine does not answer to is a page elsewhere that rebound its name to us.
    // (HTTP/1.0 may leave Host out; browsers always send it.)
    if (request.hasHeader("host") && !m_policy.isHostAllowed(request.header("host"))) {
        qCWarning(lcHttp) << "refused request from" << socket->peerAddress().toString()
                          << "for host" << request.header("host");
        respond(socket, 421, "text/plain; charset=utf-8", "Misdirected request\n");
        return;
    }
    const bool isGet = request.method == "GET";
    const bool isHead = request.method == "HEAD";
    const bool wantsUpgrade = request.header("upgrade").toLower().contains("websocket");

    if (wantsUpgrade) {
        if (path != "/ws" || !isGet) {
            respond(socket, 404, "text/plain; charset=utf-8", "Not found\n");
            return;
        }
        const QByteArray origin = request.header("origin");
        if (!m_policy.isOriginAllowed(origin)) {
            qCWarning(lcHttp) << "refused upgrade from" << socket->peerAddress().toString()
                              << "with foreign origin" << origin;
            respond(socket, 403, "text/plain; charset=utf-8", "Origin not allowed\n");
            return;
        }
        if (m_hasRoom && !m_hasRoom()) {
            qCWarning(lcHttp) << "refused upgrade from" << socket->peerAddress().toString()
                              << ": connection limit reached";
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
    if (path.startsWith("/upload/") || path.startsWith("/files/")) {
        if (!m_fileRoute) {
            respond(socket, 404, "text/plain; charset=utf-8", "Not found\n", isHead);
            return;
        }
        // From here the connection is the route's, unless it gives an answer to write.
        forget(socket);
        disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
        if (const auto answer = m_fileRoute(socket, request)) {
            respond(socket, answer->status, answer->contentType, answer->body, isHead,
                    answer->headers);
        }
        return;
    }
    if (!isGet && !isHead) {
        respond(socket, 405, "text/plain; charset=utf-8", "Method not allowed\n", false,
                {{"Allow", "GET, HEAD"}});
        return;
    }
    if (path == "/rooms.json") {
        respond(socket, 200, "application/json", m_roomsJson, isHead);
        return;
    }
    if (path == "/room.json" && m_roomJson) {
        respond(socket, 200, "application/json", m_roomJson(), isHead);
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
    QByteArray response = HttpAnswer::head(status, contentType, body.size(), extraHeaders);
    if (!headOnly)
        response += body;
    socket->write(response);
    // The client may still be sending (a long head, a body): closing under it would reset the
    // connection and could destroy the answer before the client reads it.
    LingeringClose::watch(socket, m_limits.closeGrace, this);
    socket->disconnectFromHost();
}
