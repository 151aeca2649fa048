#pragma once

#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QStringList>

#include "netinterface.h"
#include "roomannouncement.h"

#include <chrono>
#include <functional>

class QTimer;
class QUdpSocket;

// Tells the LAN about a hosted room: every interval() it sends the announcement to the multicast
// group and as a subnet broadcast, on each selected interface, named explicitly (never through the
// default route). Changes to the room name or the people count go out promptly; stop() sends a
// "bye" so listeners drop the room at once.
class RoomAnnouncer final : public QObject
{
    Q_OBJECT
public:
    explicit RoomAnnouncer(QObject *parent = nullptr);
    ~RoomAnnouncer() override; // says bye when still running

    // The announcement's id (random per announcer unless set), room, host, port and people.
    RoomAnnouncement announcement() const { return m_announcement; }
    QString roomId() const { return m_announcement.id; }
    void setRoomId(const QString &id);
    void setRoomName(const QString &room); // sends promptly when running and changed
    void setHostName(const QString &host); // default: QSysInfo::machineHostName()
    void setRoomPort(quint16 port); // the hub's TCP port
    void setPeopleCount(int people); // sends promptly when running and changed
    // The room needs a passcode (announced as "passcode":true, never the code); sends promptly.
    void setPasscodeRequired(bool required);

    std::chrono::milliseconds interval() const { return m_announcement.interval; }
    void setInterval(std::chrono::milliseconds interval); // default Discovery::DefaultInterval

    // Where to send (defaults: Discovery::groupAddress(), Discovery::Port). Tests use another port.
    void setGroupAddress(const QHostAddress &group);
    void setDestinationPort(quint16 port);
    quint16 destinationPort() const { return m_destinationPort; }

    void setInterfaceSelection(const InterfaceSelection &selection);
    InterfaceSelection interfaceSelection() const { return m_selection; }
    // The interfaces to consider (default: NetInterface::system(), read on every send).
    void setInterfaceProvider(std::function<QList<NetInterface>()> provider);

    void setMulticastEnabled(bool enabled); // default on
    void setBroadcastEnabled(bool enabled); // default on
    void setMulticastTtl(int ttl); // default 1 (stays on the link); tests use 0 on loopback

    bool isRunning() const { return m_running; }
    void start(); // sends at once, then every interval(); failed() when no socket can be opened
    void stop(); // sends "bye" and stops

    QStringList lastInterfaces() const { return m_lastInterfaces; } // used by the newest send

Q_SIGNALS:
    // After each round: how many datagrams left, on which interfaces. 0 datagrams is not an error
    // (no network); it is logged at debug level.
    void announced(int datagrams, const QStringList &interfaces);
    void failed(const QString &reason);

private:
    void sendNow();
    void sendSoon();
    int send(const RoomAnnouncement &announcement);

    RoomAnnouncement m_announcement;
    QHostAddress m_group;
    quint16 m_destinationPort;
    InterfaceSelection m_selection;
    std::function<QList<NetInterface>()> m_provider;
    bool m_multicast = true;
    bool m_broadcast = true;
    int m_ttl = 1;
    bool m_running = false;
    QStringList m_lastInterfaces;
    QUdpSocket *m_socket = nullptr; // child
    QTimer *m_timer = nullptr; // child: the regular announcements
    QTimer *m_soonTimer = nullptr; // child: coalesces prompt sends after a change
    QElapsedTimer m_sinceLastSend;
};
