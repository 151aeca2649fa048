#include "chathub.h"

#include "frontdoor.h"
#include "logging.h"
#include "randomhex.h"

#include <QTimer>

#include <algorithm>
#include <utility>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

using namespace Qt::StringLiterals;
using Protocol::Message;
using Protocol::Type;

namespace {

// Encoded and framed once per message; the same bytes go to every receiver.
QByteArray frameOf(const Message &message)
{
    return WsFrame::text(Protocol::encode(message));
}

} // namespace

ChatHub::ChatHub(const HubConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_instance(Protocol::randomHex(8))
{
    m_clock.start();
}

ChatHub::~ChatHub()
{
    shutdownNow();
}

quint16 ChatHub::port() const
{
    return m_door ? m_door->port() : 0;
}

qint64 ChatHub::unsentBytes() const
{
    qint64 sum = 0;
    for (const auto &peer : m_peers)
        sum += peer->out.size() + peer->socket->pendingBytes();
    return sum;
}

void ChatHub::start()
{
    if (m_door)
        return;
    m_readiness = ReadinessSet::create(this);
    if (!m_readiness) {
        Q_EMIT failed(u"cannot watch sockets (%1)"_s.arg(
                QLatin1StringView(ReadinessSet::implementationName())));
        return;
    }
    // Qt does every handshake; the Handover then gives adopt() the connection's descriptor.
    m_handover = new Handover([this](Handover::Connection c) { adopt(std::move(c)); }, this);
    m_door = new FrontDoor([handover = m_handover](QTcpSocket *tcp) { handover->upgrade(tcp); },
                           {m_config.maxHeadBytes, m_config.headTimeout, m_config.closeGrace},
                           this);
    m_door->setAllowedOrigins(m_config.allowedOrigins);
    m_door->setCapacityCheck(
            [this] { return m_peers.size() < size_t(std::max(0, m_config.maxClients)); });
    if (!m_door->listen(m_config.bindAddress, m_config.port, m_config.portAttempts)) {
        const QString reason = m_config.port && m_config.portAttempts > 1
                ? u"no free port in %1-%2: %3"_s.arg(m_config.port)
                          .arg(m_config.port + m_config.portAttempts - 1)
                          .arg(m_door->errorString())
                : u"cannot listen on %1 port %2: %3"_s.arg(m_config.bindAddress.toString())
                          .arg(m_config.port)
                          .arg(m_door->errorString());
        qCWarning(lcHub) << "listen failed:" << reason;
        delete m_door;
        m_door = nullptr;
        delete m_handover;
        m_handover = nullptr;
        Q_EMIT failed(reason);
        return;
    }

    m_keepalive = new QTimer(this);
    const auto tick = std::max<std::chrono::milliseconds>(
            std::chrono::milliseconds(10),
            std::min(m_config.pingInterval, m_config.idleTimeout) / 4);
    m_keepalive->start(tick);
    connect(m_keepalive, &QTimer::timeout, this, &ChatHub::checkKeepalive);

    qCInfo(lcHub) << "room" << m_config.room << "listening on port" << m_door->port();
    Q_EMIT listening(m_door->port());
}

void ChatHub::setKnownRooms(const QByteArray &json)
{
    if (m_door)
        m_door->setRoomsJson(json);
}

// A connection Qt has just upgraded, on the hub's own transport from now on. (A QTcpSocket +
// QWebSocket pair costs about 19 KiB per connection and one signal per frame:
// docs/PERFORMANCE.md.)
void ChatHub::adopt(Handover::Connection connection)
{
    const int fd = connection.fd;
    // Chat is many small frames: Nagle would hold each one back until the previous is
    // acknowledged, and a receiver that only listens delays its ACKs by up to 40 ms.
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);

    auto *socket = new WsConnection(
            fd, connection.peerAddress, connection.peerPort,
            {m_config.maxMessageBytes, m_config.maxPendingBytes, m_config.closeGrace}, this);
    auto owned = std::make_unique<Peer>();
    Peer *peer = owned.get();
    peer->hub = this;
    peer->socket = socket;
    peer->index = m_peers.size();
    peer->lastActivityMs = peer->lastPingMs = now();
    peer->limiter = RateLimiter(m_config.rateLimit, m_config.rateBurst, now());
    m_peers.push_back(std::move(owned));
    qCDebug(lcHub) << "connection from" << socket->peerString();
    // The front door already answers 503 when the room is full; this covers a stopping hub and
    // connections that were mid-handshake when the room filled up.
    const bool refuse = m_stopping || m_peers.size() > size_t(std::max(0, m_config.maxClients));
    if (socket->start(m_readiness, peer, std::move(connection.input)) && refuse)
        closePeer(peer, 1013 /* try again later */, u"room is full"_s, u"full"_s);
}

bool ChatHub::admitRate(Peer *peer, const QString &id)
{
    const qint64 t = now();
    if (peer->limiter.tryTake(t))
        return true;
    if (t - peer->floodWindowStartMs > m_config.floodWindow.count()) {
        peer->floodWindowStartMs = t;
        peer->refusedInWindow = 0;
    }
    if (++peer->refusedInWindow >= m_config.floodCloseCount) {
        qCWarning(lcHub) << "closing" << peer->socket->peerString() << peer->name
                         << ": kept flooding past the rate limit";
        closePeer(peer, 1008 /* policy */, u"too many messages"_s, u"flood"_s);
        return false;
    }
    // Every refused message is answered (with its id), so a client knows exactly what to send
    // again; a flood of answers is bounded by the close above.
    sendError(peer, u"rate_limited"_s,
              u"You are sending messages too fast; this one was not delivered."_s, id);
    return false;
}

void ChatHub::onBinary(Peer *peer)
{
    peer->lastActivityMs = now();
    closePeer(peer, 1003 /* unsupported data */, u"binary frames are not supported"_s, u"error"_s);
}

void ChatHub::onRejected(Peer *peer, quint16 code, const QString &why)
{
    // The connection closes itself with `code`; the others hear that it left with an error.
    qCInfo(lcHub).nospace() << "closing " << peer->socket->peerString() << " (" << peer->name
                            << "): " << why << " (" << code << ")";
    peer->closing = true;
    peer->leaveReason = u"error"_s;
}

void ChatHub::onText(Peer *peer, QByteArrayView utf8)
{
    if (peer->closing)
        return;
    peer->lastActivityMs = now();
    Protocol::DecodeError error = Protocol::DecodeError::None;
    QString unknownType;
    const std::optional<Message> message = Protocol::decode(utf8, &error, &unknownType);
    const bool isChat = message && message->type == Type::Chat;
    if (!admitRate(peer,
                   isChat && message->id.size() <= Protocol::MaxIdLength ? message->id : QString()))
        return;
    if (!message) {
        switch (error) {
        case Protocol::DecodeError::NotJson:
        case Protocol::DecodeError::NotObject:
            // A plain-text client: the frame is the chat text.
            handleChat(peer, QString::fromUtf8(utf8), {});
            return;
        case Protocol::DecodeError::UnknownType:
            sendError(peer, u"unknown_type"_s, u"Unknown message type \"%1\"."_s.arg(unknownType));
            return;
        default:
            sendError(peer, u"bad_message"_s, u"The message is not valid protocol v1."_s);
            return;
        }
    }
    switch (message->type) {
    case Type::Join:
        handleJoin(peer, *message);
        return;
    case Type::Chat:
        if (message->id.size() > Protocol::MaxIdLength) {
            sendError(peer, u"bad_message"_s, u"The message id is too long."_s);
            return;
        }
        handleChat(peer, message->text, message->id);
        return;
    case Type::Rename:
        handleRename(peer, *message);
        return;
    case Type::Ping: {
        Message pong;
        pong.type = Type::Pong;
        sendTo(peer, pong);
        return;
    }
    default:
        sendError(peer, u"unknown_type"_s,
                  u"\"%1\" is sent by the server, not by clients."_s.arg(message->typeName));
        return;
    }
}

QString ChatHub::validName(const QString &raw)
{
    const QString name = raw.trimmed();
    if (name.isEmpty() || name.size() > Protocol::MaxNameLength)
        return {};
    for (const QChar c : name) {
        const auto category = c.category();
        if (category == QChar::Other_Control || category == QChar::Separator_Line
            || category == QChar::Separator_Paragraph)
            return {};
    }
    return name;
}

QString ChatHub::acceptableName(Peer *peer, const QString &raw)
{
    const QString name = validName(raw);
    if (name.isEmpty()) {
        sendError(peer, u"bad_name"_s,
                  u"A name must be 1 to 32 characters without control characters."_s);
    }
    return name;
}

QString ChatHub::uniqueName(const QString &wanted, const Peer *owner) const
{
    auto isFree = [this, owner](const QString &candidate) {
        const Peer *holder = m_byName.value(candidate.toCaseFolded());
        return holder == nullptr || holder == owner;
    };
    if (isFree(wanted))
        return wanted;
    for (int n = 2;; ++n) {
        const QString suffix = u'-' + QString::number(n);
        const QString candidate = wanted.left(Protocol::MaxNameLength - suffix.size()) + suffix;
        if (isFree(candidate))
            return candidate;
    }
}

QStringList ChatHub::userNames() const
{
    QStringList names;
    names.reserve(m_byName.size());
    for (const Peer *peer : m_byName)
        names.append(peer->name);
    std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) {
        return QString::compare(a, b, Qt::CaseInsensitive) < 0;
    });
    return names;
}

void ChatHub::handleJoin(Peer *peer, const Message &message)
{
    if (!peer->name.isEmpty()) {
        sendError(peer, u"already_joined"_s, u"You have already joined; use rename."_s);
        return;
    }
    const QString name = acceptableName(peer, message.name);
    if (name.isEmpty())
        return;
    joinAs(peer, name, &message);
}

void ChatHub::joinAs(Peer *peer, const QString &wanted, const Message *request)
{
    bool replacing = false;
    if (request && !request->token.isEmpty()) {
        Peer *holder = m_byName.value(wanted.toCaseFolded());
        if (holder && holder != peer && holder->token == request->token) {
            // The same person reconnected before their old connection timed out.
            qCInfo(lcHub) << "connection of" << holder->name << "replaced by a reconnect from"
                          << peer->socket->peerString();
            m_byName.remove(wanted.toCaseFolded());
            holder->name.clear();
            closePeer(holder, Protocol::CloseReplaced, u"replaced by a new connection"_s,
                      u"replaced"_s);
            replacing = true;
        }
    }
    peer->name = uniqueName(wanted, peer);
    peer->token = Protocol::randomHex(16);
    m_byName.insert(peer->name.toCaseFolded(), peer);

    Message welcome;
    welcome.type = Type::Welcome;
    welcome.you = peer->name;
    welcome.room = m_config.room;
    welcome.instance = m_instance;
    welcome.token = peer->token;
    welcome.users = userNames();
    welcome.seq = m_seq;
    welcome.maxText = m_config.maxText;
    const bool resume = request && request->after && request->instance == m_instance;
    const qint64 after = resume ? *request->after : 0;
    for (const Message &line : m_history) {
        if (line.seq > after)
            welcome.history.append(line);
    }
    if (resume && !m_history.empty())
        welcome.truncated = m_history.front().seq > after + 1;
    else if (resume)
        welcome.truncated = m_seq > after;
    sendTo(peer, welcome);
    qCInfo(lcHub) << peer->socket->peerString() << "joined as" << peer->name
                  << (resume ? "(resumed)" : "");

    if (!replacing) {
        Message joined;
        joined.type = Type::Joined;
        joined.name = peer->name;
        joined.time = QDateTime::currentDateTimeUtc();
        broadcastToJoined(frameOf(joined), peer);
        Q_EMIT peerCountChanged(joinedCount());
    }
}

void ChatHub::handleChat(Peer *peer, const QString &text, const QString &id)
{
    if (text.trimmed().isEmpty()) {
        sendError(peer, u"empty"_s, u"An empty message was not sent."_s, id);
        return;
    }
    if (text.size() > m_config.maxText) {
        sendError(peer, u"too_long"_s,
                  u"The message is longer than %1 characters and was not sent."_s.arg(
                          m_config.maxText),
                  id);
        return;
    }
    if (peer->name.isEmpty()) {
        QString guest;
        do {
            guest = u"guest-"_s + QString::number(m_nextGuest++);
        } while (m_byName.contains(guest));
        joinAs(peer, guest, nullptr);
    }

    Message chat;
    chat.type = Type::Chat;
    chat.seq = ++m_seq;
    chat.from = peer->name;
    chat.text = text;
    chat.id = id;
    chat.time = QDateTime::currentDateTimeUtc();
    const QByteArray frame = frameOf(chat); // encoded and framed once for every receiver
    m_history.push_back(std::move(chat));
    while (m_history.size() > size_t(std::max(0, m_config.historySize)))
        m_history.pop_front();

    // Iterate by index: deliver() may close a slow peer, which never removes it synchronously.
    for (size_t i = 0; i < m_peers.size(); ++i)
        deliver(m_peers[i].get(), frame);
}

void ChatHub::handleRename(Peer *peer, const Message &message)
{
    if (peer->name.isEmpty()) {
        sendError(peer, u"not_joined"_s, u"Join the room before renaming."_s);
        return;
    }
    const QString wanted = acceptableName(peer, message.name);
    if (wanted.isEmpty())
        return;
    const QString name = uniqueName(wanted, peer);
    if (name == peer->name)
        return;
    Message renamed;
    renamed.type = Type::Renamed;
    renamed.from = peer->name;
    renamed.to = name;
    renamed.time = QDateTime::currentDateTimeUtc();
    m_byName.remove(peer->name.toCaseFolded());
    peer->name = name;
    m_byName.insert(name.toCaseFolded(), peer);
    broadcastToJoined(frameOf(renamed));
}

void ChatHub::sendTo(Peer *peer, const Message &message)
{
    deliver(peer, frameOf(message));
}

void ChatHub::sendError(Peer *peer, const QString &code, const QString &text, const QString &id)
{
    qCDebug(lcHub) << "error" << code << "to" << peer->socket->peerString() << peer->name;
    Message error = Protocol::error(code, text);
    error.id = id;
    sendTo(peer, error);
}

void ChatHub::broadcastToJoined(const QByteArray &frame, const Peer *except)
{
    for (size_t i = 0; i < m_peers.size(); ++i) {
        Peer *peer = m_peers[i].get();
        if (peer != except && !peer->name.isEmpty())
            deliver(peer, frame);
    }
}

// Queues a ready-made frame. Everything a peer is sent in one round of the event loop leaves in one
// write when the round ends (flush()), straight to the kernel when Qt's buffer for the socket is
// empty: no per-receiver JSON, framing or UTF-16 to UTF-8 conversion, and no write notifier turned
// on and off per socket and message (with the glib dispatcher that bookkeeping is linear in the
// number of sockets, which made broadcasts quadratic).
void ChatHub::deliver(Peer *peer, const QByteArray &frame)
{
    if (peer->closing)
        return;
    peer->out.append(frame);
    if (peer->dirtyIndex < 0) {
        peer->dirtyIndex = qsizetype(m_dirty.size());
        m_dirty.push_back(peer);
    }
    if (!m_flushPosted) {
        m_flushPosted = true;
        QMetaObject::invokeMethod(this, &ChatHub::flush, Qt::QueuedConnection);
    }
    if (peer->out.size() > m_config.maxPendingBytes)
        flushPeer(peer); // the slow-client rule applies now, not only at the end of the round
}

void ChatHub::flush()
{
    m_flushPosted = false;
    // By index: flushing can drop a slow peer, whose `left` queues frames for others behind.
    for (size_t i = 0; i < m_dirty.size(); ++i) {
        Peer *peer = m_dirty[i];
        if (!peer)
            continue;
        m_dirty[i] = nullptr;
        peer->dirtyIndex = -1;
        flushPeer(peer);
    }
    m_dirty.clear();
}

void ChatHub::flushPeer(Peer *peer)
{
    if (peer->out.isEmpty())
        return;
    // One send() straight to the kernel; only what it does not take is kept (by the connection,
    // which also keeps the slow-client limit: onTooSlow()).
    peer->socket->write(peer->out);
    if (peer->out.capacity() > 64 * 1024)
        peer->out = QByteArray();
    else
        peer->out.resize(0);
}

void ChatHub::onTooSlow(Peer *peer, qint64 unsentBytes)
{
    // The seeds' slow-client rule, by bytes, kept by the connection itself: it closes 1008 and
    // drops its backlog, so the close frame is the next thing the peer reads; everyone else keeps
    // receiving. (Inside closePeer() the reason already given stays.) Called from inside write():
    // only marks the peer.
    qCDebug(lcHub) << peer->name << "is too slow:" << unsentBytes << "bytes unsent";
    if (peer->closing)
        return;
    peer->closing = true;
    peer->leaveReason = u"slow"_s;
}

void ChatHub::closePeer(Peer *peer, int code, const QString &reason, const QString &leaveReason)
{
    if (peer->closing)
        return;
    peer->closing = true;
    peer->leaveReason = leaveReason;
    flushPeer(peer); // what was queued before the close frame goes before it
    peer->out = QByteArray();
    // The connection reports closed() later, from the event loop, never inside this call.
    peer->socket->close(quint16(code), reason);
}

void ChatHub::onDisconnected(Peer *peer)
{
    WsConnection *socket = peer->socket;
    QString reason = peer->leaveReason;
    if (reason.isEmpty()) {
        // A close frame with 1000/1001 is a clean leave; anything else is logged once, with why.
        const quint16 code = socket->receivedCloseCode();
        if (socket->closeFrameReceived() && (code == 1000 || code == 1001 || code == 1005)) {
            reason = u"quit"_s;
            qCDebug(lcHub) << socket->peerString() << peer->name << "left";
        } else {
            reason = u"lost"_s;
            if (socket->closeFrameReceived()) {
                qCInfo(lcHub).nospace()
                        << "connection " << socket->peerString() << " (" << peer->name
                        << ") lost: close code " << code << " " << socket->receivedCloseReason();
            } else {
                qCInfo(lcHub).nospace()
                        << "connection " << socket->peerString() << " (" << peer->name
                        << ") lost without a close frame: " << socket->failure();
            }
        }
    }
    const QString name = peer->name;
    if (!name.isEmpty())
        m_byName.remove(name.toCaseFolded());

    // Swap-remove from the vector; the socket goes later (we are inside its signal).
    const size_t index = peer->index;
    if (peer->dirtyIndex >= 0)
        m_dirty[size_t(peer->dirtyIndex)] = nullptr;
    if (index + 1 != m_peers.size()) {
        std::swap(m_peers[index], m_peers.back());
        m_peers[index]->index = index;
    }
    socket->setEvents(nullptr);
    socket->deleteLater();
    m_peers.pop_back(); // peer is deleted here

    if (!name.isEmpty() && reason != u"replaced"_s && !m_stopping) {
        Message left;
        left.type = Type::Left;
        left.name = name;
        left.reason = reason;
        left.time = QDateTime::currentDateTimeUtc();
        broadcastToJoined(frameOf(left));
        Q_EMIT peerCountChanged(joinedCount());
    }
    finishStopWhenIdle();
}

void ChatHub::finishStopWhenIdle()
{
    if (m_stopping && m_peers.empty())
        finishStop();
}

void ChatHub::checkKeepalive()
{
    const qint64 t = now();
    for (size_t i = 0; i < m_peers.size(); ++i) {
        Peer *peer = m_peers[i].get();
        if (peer->closing)
            continue;
        if (t - peer->lastActivityMs >= m_config.idleTimeout.count()) {
            qCInfo(lcHub) << "dropping" << peer->socket->peerString() << peer->name
                          << ": silent for" << (t - peer->lastActivityMs) << "ms";
            peer->closing = true;
            peer->leaveReason = u"timeout"_s;
            // It does not answer, so a close handshake would hang too: cut it off (the connection
            // reports closed() from the event loop, not under this loop).
            peer->socket->abort();
            continue;
        }
        if (t - peer->lastPingMs >= m_config.pingInterval.count()) {
            peer->lastPingMs = t;
            peer->socket->ping();
        }
    }
}

void ChatHub::stop()
{
    if (m_stopping)
        return;
    m_stopping = true;
    qCInfo(lcHub) << "ending room" << m_config.room << "with" << m_peers.size() << "connections";
    if (m_door)
        m_door->close();
    if (m_keepalive)
        m_keepalive->stop();
    for (size_t i = 0; i < m_peers.size(); ++i) {
        closePeer(m_peers[i].get(), 1001 /* going away */, u"host ended the room"_s, u"shutdown"_s);
    }
    finishStopWhenIdle();
    QTimer::singleShot(m_config.closeGrace, this, [this] {
        if (!m_peers.empty()) {
            qCInfo(lcHub) << m_peers.size() << "clients did not finish the close handshake";
            shutdownNow();
        }
    });
}

void ChatHub::finishStop()
{
    if (!m_door)
        return;
    delete m_door;
    m_door = nullptr;
    delete m_handover; // and the connections still in their handshake
    m_handover = nullptr;
    qCInfo(lcHub) << "room" << m_config.room << "ended";
    Q_EMIT stopped();
}

void ChatHub::shutdownNow()
{
    m_stopping = true;
    while (!m_peers.empty()) {
        Peer *peer = m_peers.back().get();
        peer->leaveReason = u"shutdown"_s;
        WsConnection *socket = peer->socket;
        socket->abort();
        onDisconnected(peer); // removes it (the connection's own report is cancelled)
        delete socket; // now, not later: the hub may be on its way out
    }
    finishStop();
}
