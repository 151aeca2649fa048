#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QSet>

#include "heardroom.h"
#include "netinterface.h"

#include <chrono>
#include <functional>

class QTimer;
class QUdpSocket;

// Listens for room announcements and keeps the list of rooms heard on the LAN, keyed by room id:
// the same room heard on several interfaces or addresses is one entry. A room is dropped when it
// says bye, or after missedAnnouncements() of its announcement interval pass without a word. The
// list is capped (maxRooms()) so a flood of made-up rooms cannot grow memory.
class RoomListener final : public QObject
{
    Q_OBJECT
public:
    explicit RoomListener(QObject *parent = nullptr);
    ~RoomListener() override;

    // Binds the port (ShareAddress | ReuseAddressHint: several listeners on one machine all hear)
    // and joins the group on each selected interface; later interfaces are joined as they come up.
    // 0 binds any free port (tests). False, with failed(), when the port cannot be bound.
    bool start(quint16 port = Discovery::Port);
    void stop(); // forgets every room
    bool isListening() const;
    quint16 port() const; // the bound port, 0 when not listening

    void setGroupAddress(const QHostAddress &group); // before start(); default the LAN Chat group
    // Default: like the announcer's, but loopback included (announcers on this machine that were
    // asked to use loopback, e.g. tests, are heard).
    void setInterfaceSelection(const InterfaceSelection &selection);
    void setInterfaceProvider(std::function<QList<NetInterface>()> provider);
    QStringList joinedInterfaces() const; // where the group is joined now

    void setIgnoredRoomId(const QString &id); // our own room
    void setMissedAnnouncements(int count); // default Discovery::DefaultMissedAnnouncements
    int missedAnnouncements() const { return m_missed; }
    void setMaxRooms(int max); // default Discovery::DefaultMaxRooms
    int maxRooms() const { return m_maxRooms; }

    QList<HeardRoom> rooms() const; // sorted for people (sortRooms())
    int roomCount() const { return int(m_rooms.size()); }

    // Feeds one datagram as if it arrived from sender (what the socket does; also for tests).
    void processDatagram(const QByteArray &datagram, const QHostAddress &sender);

Q_SIGNALS:
    void roomsChanged(); // a room appeared, changed (name, people, address) or went away
    void failed(const QString &reason);

private:
    struct Entry
    {
        HeardRoom room;
        qint64 expiresAtMs = 0; // on m_clock
    };

    void readPending();
    void joinInterfaces();
    void expire();
    void scheduleExpiry();

    QUdpSocket *m_socket = nullptr; // child
    QTimer *m_expiryTimer = nullptr; // child: fires at the earliest expiry
    QTimer *m_rescanTimer = nullptr; // child: joins the group on new interfaces
    QHostAddress m_group;
    InterfaceSelection m_selection;
    std::function<QList<NetInterface>()> m_provider;
    QSet<QString> m_joined; // "index:name" of the interfaces where the group is joined
    QString m_ignoredId;
    int m_missed = Discovery::DefaultMissedAnnouncements;
    int m_maxRooms = Discovery::DefaultMaxRooms;
    QHash<QString, Entry> m_rooms; // by room id
    QElapsedTimer m_clock;
    bool m_warnedFull = false;
};
