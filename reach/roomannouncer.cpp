#include "roomannouncer.h"

#include "reachlogging.h"

#include <QNetworkInterface>
#include <QSysInfo>
#include <QTimer>
#include <QUdpSocket>
#include <QVariant>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {
// A change is sent at once, but never more often than this (a burst of joins is one datagram).
constexpr auto MinGapBetweenSends = 250ms;
} // namespace

RoomAnnouncer::RoomAnnouncer(QObject *parent)
    : QObject(parent)
    , m_group(Discovery::groupAddress())
    , m_destinationPort(Discovery::Port)
    , m_provider(&NetInterface::system)
    , m_timer(new QTimer(this))
    , m_soonTimer(new QTimer(this))
{
    m_announcement.id = RoomAnnouncement::newRoomId();
    m_announcement.host = QSysInfo::machineHostName().left(Discovery::MaxHostNameLength);
    m_announcement.room = u"Lobby"_s;
    m_timer->setInterval(m_announcement.interval);
    m_soonTimer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &RoomAnnouncer::sendNow);
    connect(m_soonTimer, &QTimer::timeout, this, [this] {
        sendNow();
        m_timer->start(); // the regular rhythm starts again from this send
    });
}

RoomAnnouncer::~RoomAnnouncer()
{
    stop();
}

void RoomAnnouncer::setRoomId(const QString &id)
{
    m_announcement.id = id;
}

void RoomAnnouncer::setRoomName(const QString &room)
{
    const QString name = room.trimmed().left(Discovery::MaxRoomNameLength);
    if (name == m_announcement.room)
        return;
    m_announcement.room = name;
    sendSoon();
}

void RoomAnnouncer::setHostName(const QString &host)
{
    m_announcement.host = host.trimmed().left(Discovery::MaxHostNameLength);
}

void RoomAnnouncer::setRoomPort(quint16 port)
{
    if (port == m_announcement.port)
        return;
    m_announcement.port = port;
    sendSoon();
}

void RoomAnnouncer::setPeopleCount(int people)
{
    people = std::clamp(people, 0, Discovery::MaxPeople);
    if (people == m_announcement.people)
        return;
    m_announcement.people = people;
    sendSoon();
}

void RoomAnnouncer::setPasscodeRequired(bool required)
{
    if (required == m_announcement.passcode)
        return;
    m_announcement.passcode = required;
    sendSoon();
}

void RoomAnnouncer::setInterval(std::chrono::milliseconds interval)
{
    interval = std::clamp(interval, Discovery::MinInterval, Discovery::MaxInterval);
    if (interval == m_announcement.interval)
        return;
    m_announcement.interval = interval;
    m_timer->setInterval(interval);
    sendSoon();
}

void RoomAnnouncer::setGroupAddress(const QHostAddress &group)
{
    m_group = group;
}

void RoomAnnouncer::setDestinationPort(quint16 port)
{
    m_destinationPort = port;
}

void RoomAnnouncer::setInterfaceSelection(const InterfaceSelection &selection)
{
    m_selection = selection;
}

void RoomAnnouncer::setInterfaceProvider(std::function<QList<NetInterface>()> provider)
{
    m_provider = provider ? std::move(provider) : std::function(&NetInterface::system);
}

void RoomAnnouncer::setMulticastEnabled(bool enabled)
{
    m_multicast = enabled;
}

void RoomAnnouncer::setBroadcastEnabled(bool enabled)
{
    m_broadcast = enabled;
}

void RoomAnnouncer::setMulticastTtl(int ttl)
{
    m_ttl = std::clamp(ttl, 0, 255);
    if (m_socket)
        m_socket->setSocketOption(QAbstractSocket::MulticastTtlOption, QVariant(m_ttl));
}

void RoomAnnouncer::start()
{
    if (m_running)
        return;
    if (!m_socket) {
        auto *socket = new QUdpSocket(this);
        if (!socket->bind(QHostAddress::AnyIPv4, 0)) {
            const QString reason = socket->errorString();
            qCWarning(lcReach) << "announcer: cannot open a UDP socket:" << reason;
            delete socket;
            Q_EMIT failed(reason);
            return;
        }
        socket->setSocketOption(QAbstractSocket::MulticastTtlOption, QVariant(m_ttl));
        // Another lanchat on this very machine hears us too.
        socket->setSocketOption(QAbstractSocket::MulticastLoopbackOption, QVariant(1));
        m_socket = socket;
    }
    m_running = true;
    sendNow();
    m_timer->start();
}

void RoomAnnouncer::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_timer->stop();
    m_soonTimer->stop();
    RoomAnnouncement bye = m_announcement;
    bye.bye = true;
    send(bye);
}

void RoomAnnouncer::sendNow()
{
    if (!m_running)
        return;
    send(m_announcement);
}

void RoomAnnouncer::sendSoon()
{
    if (!m_running || m_soonTimer->isActive())
        return;
    const auto sinceLast = std::chrono::milliseconds(
            m_sinceLastSend.isValid() ? m_sinceLastSend.elapsed() : MinGapBetweenSends.count());
    m_soonTimer->start(std::max(0ms, MinGapBetweenSends - sinceLast));
}

int RoomAnnouncer::send(const RoomAnnouncement &announcement)
{
    m_sinceLastSend.start();
    if (announcement.port == 0) {
        qCDebug(lcReach) << "announcer: no room port set yet, nothing sent";
        return 0;
    }
    const QByteArray datagram = announcement.encode();
    int sent = 0;
    QStringList used;
    const QList<NetInterface> interfaces = m_provider();
    for (const NetInterface &n : interfaces) {
        if (!m_selection.accepts(n))
            continue;
        int sentHere = 0;
        if (m_multicast && (n.canMulticast || n.loopback)) {
            const QNetworkInterface qt = n.index > 0
                    ? QNetworkInterface::interfaceFromIndex(n.index)
                    : QNetworkInterface::interfaceFromName(n.name);
            if (!qt.isValid()) {
                qCDebug(lcReach) << "announcer: interface gone:" << n.name;
            } else {
                m_socket->setMulticastInterface(qt);
                if (m_socket->writeDatagram(datagram, m_group, m_destinationPort)
                    == datagram.size())
                    ++sentHere;
                else
                    qCDebug(lcReach) << "announcer: multicast on" << n.name
                                     << "failed:" << m_socket->errorString();
            }
        }
        if (m_broadcast && n.canBroadcast) {
            for (const NetInterface::Address &address : n.addresses) {
                if (address.broadcast.isNull())
                    continue;
                if (m_socket->writeDatagram(datagram, address.broadcast, m_destinationPort)
                    == datagram.size())
                    ++sentHere;
                else
                    qCDebug(lcReach) << "announcer: broadcast to" << address.broadcast << "on"
                                     << n.name << "failed:" << m_socket->errorString();
            }
        }
        if (sentHere > 0)
            used.append(n.name);
        sent += sentHere;
    }
    if (sent == 0)
        qCDebug(lcReach) << "announcer: no interface to announce on";
    m_lastInterfaces = used;
    Q_EMIT announced(sent, used);
    return sent;
}
