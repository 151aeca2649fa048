#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QString>

#include "access.h"
#include "handover.h"
#include "hubconfig.h"
#include "protocol.h"
#include "ratelimiter.h"
#include "room.h"
#include "wsconnection.h"

#include <memory>
#include <vector>

class FileDesk;
class FrontDoor;
class QTimer;

// The room's session layer: every WebSocket of the room is a child of this object and lives on its
// thread; it turns frames into calls on the Room (names, sequence, history, store) and the Room's
// answers into frames. It does not know which thread it is on (HubHost decides); it is only ever
// driven by queued calls.
class ChatHub final : public QObject
{
    Q_OBJECT
public:
    explicit ChatHub(const HubConfig &config, QObject *parent = nullptr);
    ~ChatHub() override;

    void start(); // listening() or failed()
    void stop(); // close 1001 to everyone, wait up to closeGrace, then stopped()
    void shutdownNow(); // abort everything at once (destructor path)
    void setKnownRooms(const QByteArray &json);
    // Renames the room: later welcomes carry the new name and everyone in the room is told
    // ("room"). Names are trimmed; empty or over Protocol::MaxRoomNameLength ones are ignored.
    void setRoomName(const QString &name);
    QString roomName() const { return m_config.room; }
    // Sets the passcode as the host's console or window ("" removes it): everyone is told
    // (moderation "by":"host"), the people inside stay.
    void setPasscode(const QString &passcode);
    QString passcode() const { return m_access.passcode(); }

    quint16 port() const;
    int joinedCount() const { return m_room->memberCount(); }
    int connectionCount() const { return int(m_peers.size()); }
    qint64 unsentBytes() const; // held for all connections, not taken by the kernel yet
    qint64 currentSeq() const { return m_room->seq(); }
    QString instance() const { return m_room->instance(); }
    const Room &room() const { return *m_room; }
    const FileDesk *files() const { return m_files; } // nullptr: files are off

Q_SIGNALS:
    void listening(quint16 port);
    void failed(const QString &reason);
    void stopped();
    void peerCountChanged(int joinedPeople);
    void storeStateChanged(Room::StoreState state, const QString &problem);
    void passcodeChanged(const QString &passcode); // set or removed ("") by a host

private:
    // A connection of the room; it hears its WsConnection's events and hands them to the hub.
    struct Peer final : WsConnection::Events
    {
        ChatHub *hub = nullptr;
        WsConnection *socket = nullptr; // child of this hub, deleted later when it is over
        size_t index = 0; // position in m_peers
        QByteArray out; // frames queued in this round of the event loop, written by flush()
        qsizetype dirtyIndex = -1; // position in m_dirty while out is queued
        Room::MemberId id = 0; // the room's name for this connection
        QString name; // as the room knows it; empty until joined
        RateLimiter limiter;
        qint64 lastActivityMs = 0;
        qint64 lastPingMs = 0;
        qint64 floodWindowStartMs = 0;
        int refusedInWindow = 0;
        QString leaveReason; // set when the hub ends the connection
        bool closing = false;
        bool host = false; // joined with the host token

        void wsText(QByteArrayView utf8) override { hub->onText(this, utf8); }
        void wsBinary() override { hub->onBinary(this); }
        void wsAlive() override { lastActivityMs = hub->now(); }
        void wsTooSlow(qint64 unsentBytes) override { hub->onTooSlow(this, unsentBytes); }
        void wsRejected(quint16 code, const QString &why) override
        {
            hub->onRejected(this, code, why);
        }
        void wsClosed() override { hub->onDisconnected(this); }
    };

    void adopt(Handover::Connection connection);
    void onText(Peer *peer, QByteArrayView utf8);
    void onBinary(Peer *peer);
    void onRejected(Peer *peer, quint16 code, const QString &why);
    void onTooSlow(Peer *peer, qint64 unsentBytes);
    void onDisconnected(Peer *peer);
    void handleJoin(Peer *peer, const Protocol::Message &message);
    void handleChat(Peer *peer, const QString &text, const QString &id, const QString &to = {});
    void handleRename(Peer *peer, const Protocol::Message &message);
    std::optional<Room::MemberId> readerOf(const Peer *peer) const;
    // Files (chathubfiles.cpp)
    void openFiles();
    void handleUpload(Peer *peer, const Protocol::Message &message);
    void postFile(const Protocol::Message &file, const QByteArray &senderKey,
                  const QByteArray &recipientKey);
    void welcomed(Peer *peer, const Room::JoinResult &joined, bool resume);
    void answer(Peer *peer, const Room::Answer &answer);
    void sendTo(Peer *peer, const Protocol::Message &message);
    void sendError(Peer *peer, QStringView code, const QString &text, const QString &id = {});
    void refuse(Peer *peer, const Room::Refusal &refusal, const QString &id = {});
    void broadcastToJoined(const QByteArray &frame, const Peer *except = nullptr);
    void deliver(Peer *peer, const QByteArray &frame);
    void flush();
    void flushPeer(Peer *peer);
    void closePeer(Peer *peer, int code, const QString &reason, QStringView leaveReason);
    void checkKeepalive();
    bool admitRate(Peer *peer, const QString &id);
    void finishStop();
    void finishStopWhenIdle(); // finishStop() once no connection is left

    // Access (chathubaccess.cpp): the Access policy decides, these act on connections.
    bool admitConnection(Peer *peer); // false: a kicked or banned address, closed at once
    bool admitJoin(Peer *peer, const Protocol::Message &join);
    // A connection not joined may not read the room (passcode) or become a guest (passcode, lock).
    bool refuseBeforeJoin(Peer *peer, bool asGuest = false, const QString &chatId = {});
    bool seesTheRoom(const Peer *peer) const; // receives chat: joined, or no passcode
    void completeWelcome(Peer *peer, Protocol::Message *welcome);
    void handleModeration(Peer *peer, const Protocol::Message &message);
    void removePerson(Peer *host, Peer *target, bool ban);
    void changePasscode(const QString &by, const QString &passcode);
    void announceModeration(QStringView action, const QString &by, const QString &name = {},
                            const Peer *except = nullptr);
    void sendAccessToHosts();
    QStringList hostNames() const;
    QDateTime wallNow() const;

    qint64 now() const { return m_clock.elapsed(); }

    HubConfig m_config;
    Handover *m_handover = nullptr; // child; from the front door's upgrades to adopt()
    FrontDoor *m_door = nullptr; // child
    ReadinessSet *m_readiness = nullptr; // child; watches every WsConnection
    QTimer *m_keepalive = nullptr; // child
    QElapsedTimer m_clock;
    std::vector<std::unique_ptr<Peer>> m_peers;
    std::vector<Peer *> m_dirty; // peers with frames queued (nullptr: gone since)
    bool m_flushPosted = false;
    Room *m_room = nullptr; // child
    FileDesk *m_files = nullptr; // child; nullptr when files are off
    QHash<Room::MemberId, Peer *> m_members; // joined peers
    Room::MemberId m_nextId = 1;
    Access m_access;
    bool m_stopping = false;
};
