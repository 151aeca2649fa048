#include "chathub.h"

#include "filedesk.h"
#include "frontdoor.h"
#include "logging.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <algorithm>
#include <utility>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

using namespace Qt::StringLiterals;
using Protocol::Message;
using Protocol::Type;
namespace CloseCode = Protocol::CloseCode;
namespace ErrorCode = Protocol::ErrorCode;
namespace LeaveReason = Protocol::LeaveReason;

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
    , m_room(new Room(config, this))
{
    m_clock.start();
    m_access.setPasscode(config.passcode);
    m_access.setHostToken(config.hostToken);
    m_config.passcode.clear(); // kept by m_access only, so that nothing else can log it
    connect(m_room, &Room::storeStateChanged, this, &ChatHub::storeStateChanged);
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
    // The store opens on the hub's thread, before anyone can connect.
    m_room->open();
    openFiles();
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
    m_door->setFileRoute(
            [this](QTcpSocket *socket,
                   const HttpRequestHead &request) -> std::optional<HttpAnswer::Simple> {
                if (!m_files)
                    return HttpAnswer::Simple{404, "text/plain; charset=utf-8", "Not found\n", {}};
                return m_files->handle(socket, request);
            });
    m_door->setAllowedOrigins(m_config.allowedOrigins);
    m_door->setAllowedHosts(m_config.allowedHosts);
    m_door->setCapacityCheck(
            [this] { return m_peers.size() < size_t(std::max(0, m_config.maxClients)); });
    // What a browser may know before it joins (the name dialog): what the LAN announcement says.
    // A room with a passcode tells nothing of who is inside.
    m_door->setRoomInfo([this] {
        const QJsonObject info = m_access.hasPasscode()
                ? QJsonObject{{u"room"_s, m_config.room}, {u"passcode"_s, true}}
                : QJsonObject{{u"room"_s, m_config.room}, {u"people"_s, joinedCount()}};
        return QJsonDocument(info).toJson(QJsonDocument::Compact);
    });
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

void ChatHub::setRoomName(const QString &name)
{
    const QString room = name.trimmed();
    if (room.isEmpty() || room.size() > Protocol::MaxRoomNameLength || room == m_config.room)
        return;
    qCInfo(lcHub) << "room" << m_config.room << "is now" << room;
    m_config.room = room;
    m_room->setName(room);
    Message renamed;
    renamed.type = Type::Room;
    renamed.room = room;
    renamed.time = QDateTime::currentDateTimeUtc();
    broadcastToJoined(frameOf(renamed));
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
    peer->id = m_nextId++;
    peer->lastActivityMs = peer->lastPingMs = now();
    peer->limiter = RateLimiter(m_config.rateLimit, m_config.rateBurst, now());
    m_peers.push_back(std::move(owned));
    qCDebug(lcHub) << "connection from" << socket->peerString();
    // The front door already answers 503 when the room is full; this covers a stopping hub and
    // connections that were mid-handshake when the room filled up.
    const bool refuse = m_stopping || m_peers.size() > size_t(std::max(0, m_config.maxClients));
    if (!socket->start(m_readiness, peer, std::move(connection.input)))
        return;
    if (refuse)
        closePeer(peer, CloseCode::TryAgainLater, u"room is full"_s, LeaveReason::Error);
    else
        admitConnection(peer);
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
        closePeer(peer, CloseCode::Policy, u"too many messages"_s, LeaveReason::Flood);
        return false;
    }
    // Every refused message is answered (with its id), so a client knows exactly what to send
    // again; a flood of answers is bounded by the close above.
    sendError(peer, ErrorCode::RateLimited,
              u"You are sending messages too fast; this one was not delivered."_s, id);
    return false;
}

void ChatHub::onBinary(Peer *peer)
{
    peer->lastActivityMs = now();
    closePeer(peer, CloseCode::UnsupportedData, u"binary frames are not supported"_s,
              LeaveReason::Error);
}

void ChatHub::onRejected(Peer *peer, quint16 code, const QString &why)
{
    // The connection closes itself with `code`; the others hear that it left with an error.
    qCInfo(lcHub).nospace() << "closing " << peer->socket->peerString() << " (" << peer->name
                            << "): " << why << " (" << code << ")";
    peer->closing = true;
    peer->leaveReason = LeaveReason::Error.toString();
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
            sendError(peer, ErrorCode::UnknownType,
                      u"Unknown message type \"%1\"."_s.arg(unknownType));
            return;
        default:
            sendError(peer, ErrorCode::BadMessage, u"The message is not valid protocol v1."_s);
            return;
        }
    }
    switch (message->type) {
    case Type::Join:
        handleJoin(peer, *message);
        return;
    case Type::Chat:
        if (message->id.size() > Protocol::MaxIdLength) {
            sendError(peer, ErrorCode::BadMessage, u"The message id is too long."_s);
            return;
        }
        handleChat(peer, message->text, message->id, message->to);
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
    case Type::History:
        if (!message->answer) {
            if (!refuseBeforeJoin(peer))
                answer(peer, m_room->history(*message, readerOf(peer)));
            return;
        }
        break;
    case Type::Search:
        if (!message->answer) {
            if (!refuseBeforeJoin(peer))
                answer(peer, m_room->search(*message, readerOf(peer)));
            return;
        }
        break;
    case Type::Upload:
        if (!message->answer) {
            handleUpload(peer, *message);
            return;
        }
        break;
    case Type::Kick:
    case Type::Ban:
    case Type::Unban:
    case Type::Lock:
    case Type::Passcode:
        handleModeration(peer, *message);
        return;
    default:
        break;
    }
    sendError(peer, ErrorCode::UnknownType,
              u"\"%1\" is sent by the server, not by clients."_s.arg(message->typeName));
}

void ChatHub::answer(Peer *peer, const Room::Answer &answer)
{
    if (answer.refusal)
        refuse(peer, *answer.refusal);
    else
        sendTo(peer, answer.message);
}

void ChatHub::handleJoin(Peer *peer, const Message &message)
{
    if (peer->name.isEmpty() && !admitJoin(peer, message))
        return;
    const Room::JoinResult joined = m_room->join(peer->id, message.name, &message);
    if (joined.refusal) {
        refuse(peer, *joined.refusal);
        return;
    }
    welcomed(peer, joined, message.after && message.instance == m_room->instance());
}

void ChatHub::welcomed(Peer *peer, const Room::JoinResult &joined, bool resume)
{
    if (joined.replaced) {
        if (Peer *holder = m_members.take(*joined.replaced)) {
            // The same person reconnected before their old connection timed out.
            qCInfo(lcHub) << "connection of" << holder->name << "replaced by a reconnect from"
                          << peer->socket->peerString();
            holder->name.clear();
            closePeer(holder, CloseCode::Replaced, u"replaced by a new connection"_s,
                      LeaveReason::Replaced);
        }
    }
    peer->name = joined.welcome.you;
    m_members.insert(peer->id, peer);
    Message welcome = joined.welcome;
    completeWelcome(peer, &welcome);
    const QByteArray frame = frameOf(welcome);
    // A welcome is what the room owes a newcomer, not traffic the client failed to read: only
    // what comes after it counts towards the slow-client limit.
    peer->socket->allowBacklog(frame.size());
    deliver(peer, frame);
    qCInfo(lcHub) << peer->socket->peerString() << "joined as" << peer->name
                  << (resume ? "(resumed)" : "") << (peer->host ? "with host rights" : "");
    if (peer->host)
        sendTo(peer, m_access.snapshot(wallNow()));

    if (!joined.replaced) {
        Message announce;
        announce.type = Type::Joined;
        announce.name = peer->name;
        announce.host = peer->host;
        announce.time = QDateTime::currentDateTimeUtc();
        broadcastToJoined(frameOf(announce), peer);
        Q_EMIT peerCountChanged(joinedCount());
    }
}

void ChatHub::handleChat(Peer *peer, const QString &text, const QString &id, const QString &to)
{
    if (const auto refusal = m_room->checkText(text)) {
        refuse(peer, *refusal, id);
        return;
    }
    // Before the passcode a lurker learns nothing, not even who is in the room.
    if (refuseBeforeJoin(peer, true, id))
        return;
    // A private message to nobody makes no guest of a lurker.
    if (const auto refusal = m_room->checkRecipient(peer->id, to)) {
        refuse(peer, *refusal, id);
        return;
    }
    if (peer->name.isEmpty()) // a lurker's first chat makes it a guest
        welcomed(peer, m_room->joinAsGuest(peer->id), false);
    const Room::Answer posted = m_room->post(peer->id, text, id, to);
    if (posted.refusal) {
        refuse(peer, *posted.refusal, id);
        return;
    }
    const QByteArray frame = WsFrame::text(posted.json); // encoded and framed once for everyone
    if (posted.recipient) {
        // A private message: the recipient and the sender, nobody else (no lurker either).
        if (Peer *recipient = m_members.value(*posted.recipient))
            deliver(recipient, frame);
        deliver(peer, frame);
        return;
    }
    // Iterate by index: deliver() may close a slow peer, which never removes it synchronously.
    for (size_t i = 0; i < m_peers.size(); ++i) {
        if (seesTheRoom(m_peers[i].get()))
            deliver(m_peers[i].get(), frame);
    }
}

// The member whose private messages a connection may read; none before it joined.
std::optional<Room::MemberId> ChatHub::readerOf(const Peer *peer) const
{
    return peer->name.isEmpty() ? std::nullopt : std::optional<Room::MemberId>(peer->id);
}

void ChatHub::handleRename(Peer *peer, const Message &message)
{
    const Room::RenameResult result = m_room->rename(peer->id, message.name);
    if (result.refusal) {
        refuse(peer, *result.refusal);
        return;
    }
    if (!result.renamed)
        return;
    peer->name = result.renamed->to;
    broadcastToJoined(frameOf(*result.renamed));
}

void ChatHub::sendTo(Peer *peer, const Message &message)
{
    deliver(peer, frameOf(message));
}

void ChatHub::refuse(Peer *peer, const Room::Refusal &refusal, const QString &id)
{
    sendError(peer, refusal.code, refusal.text, id);
}

void ChatHub::sendError(Peer *peer, QStringView code, const QString &text, const QString &id)
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
    // Nothing leaves before the messages in it are in the store: a message anyone received
    // survives a crash of the host. One transaction for everything the round posted.
    m_room->commit();
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
    peer->leaveReason = LeaveReason::Slow.toString();
}

void ChatHub::closePeer(Peer *peer, int code, const QString &reason, QStringView leaveReason)
{
    if (peer->closing)
        return;
    peer->closing = true;
    peer->leaveReason = leaveReason.toString();
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
        if (socket->closeFrameReceived()
            && (code == CloseCode::Normal || code == CloseCode::GoingAway
                || code == CloseCode::NoStatus)) {
            reason = LeaveReason::Quit.toString();
            qCDebug(lcHub) << socket->peerString() << peer->name << "left";
        } else {
            reason = LeaveReason::Lost.toString();
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
    // A connection replaced by a newer one of the same person has left the room already.
    const QString name = m_members.remove(peer->id) ? m_room->leave(peer->id) : QString();

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

    if (!name.isEmpty() && !m_stopping) {
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
            peer->leaveReason = LeaveReason::Timeout.toString();
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
        closePeer(m_peers[i].get(), CloseCode::GoingAway, u"host ended the room"_s,
                  LeaveReason::Shutdown);
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
        peer->leaveReason = LeaveReason::Shutdown.toString();
        WsConnection *socket = peer->socket;
        socket->abort();
        onDisconnected(peer); // removes it (the connection's own report is cancelled)
        delete socket; // now, not later: the hub may be on its way out
    }
    finishStop();
}
