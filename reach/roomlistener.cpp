#include "roomlistener.h"

#include "reachlogging.h"

#include <QNetworkDatagram>
#include <QNetworkInterface>
#include <QTimer>
#include <QUdpSocket>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr auto RescanInterval = 5s; // how often new interfaces are looked for
constexpr qsizetype MaxAddressesPerRoom = 8;

// Which address of a room to show: a LAN address beats link-local beats loopback.
int addressRank(const QHostAddress &address)
{
    if (address.isLoopback())
        return 0;
    if (address.isLinkLocal())
        return 1;
    return 2;
}

QString interfaceKey(const NetInterface &n)
{
    return QString::number(n.index) + u':' + n.name;
}

} // namespace

RoomListener::RoomListener(QObject *parent)
    : QObject(parent)
    , m_expiryTimer(new QTimer(this))
    , m_rescanTimer(new QTimer(this))
    , m_group(Discovery::groupAddress())
    , m_provider(&NetInterface::system)
{
    m_selection.includeLoopback = true;
    m_clock.start();
    m_expiryTimer->setSingleShot(true);
    connect(m_expiryTimer, &QTimer::timeout, this, &RoomListener::expire);
    m_rescanTimer->setInterval(RescanInterval);
    connect(m_rescanTimer, &QTimer::timeout, this, &RoomListener::joinInterfaces);
}

RoomListener::~RoomListener() = default;

bool RoomListener::start(quint16 port)
{
    stop();
    auto *socket = new QUdpSocket(this);
    if (!socket->bind(QHostAddress::AnyIPv4, port,
                      QUdpSocket::ShareAddress | QUdpSocket::ReuseAddressHint)) {
        const QString reason = socket->errorString();
        qCWarning(lcReach) << "listener: cannot bind UDP port" << port << ":" << reason;
        delete socket;
        Q_EMIT failed(reason);
        return false;
    }
    m_socket = socket;
    connect(m_socket, &QUdpSocket::readyRead, this, &RoomListener::readPending);
    joinInterfaces();
    m_rescanTimer->start();
    qCDebug(lcReach) << "listener: on UDP port" << m_socket->localPort() << "joined"
                     << joinedInterfaces();
    return true;
}

void RoomListener::stop()
{
    m_rescanTimer->stop();
    m_expiryTimer->stop();
    m_joined.clear();
    if (m_socket) {
        delete m_socket; // leaves the groups
        m_socket = nullptr;
    }
    if (!m_rooms.isEmpty()) {
        m_rooms.clear();
        Q_EMIT roomsChanged();
    }
}

bool RoomListener::isListening() const
{
    return m_socket != nullptr;
}

quint16 RoomListener::port() const
{
    return m_socket ? m_socket->localPort() : 0;
}

void RoomListener::setGroupAddress(const QHostAddress &group)
{
    m_group = group;
}

void RoomListener::setInterfaceSelection(const InterfaceSelection &selection)
{
    m_selection = selection;
}

void RoomListener::setInterfaceProvider(std::function<QList<NetInterface>()> provider)
{
    m_provider = provider ? std::move(provider) : std::function(&NetInterface::system);
}

QStringList RoomListener::joinedInterfaces() const
{
    QStringList names;
    for (const QString &key : m_joined)
        names.append(key.section(u':', 1));
    names.sort();
    return names;
}

void RoomListener::setIgnoredRoomId(const QString &id)
{
    m_ignoredId = id;
    if (!id.isEmpty() && m_rooms.remove(id) > 0) {
        scheduleExpiry();
        Q_EMIT roomsChanged();
    }
}

void RoomListener::setMissedAnnouncements(int count)
{
    m_missed = std::max(1, count);
}

void RoomListener::setMaxRooms(int max)
{
    m_maxRooms = std::max(1, max);
}

QList<HeardRoom> RoomListener::rooms() const
{
    QList<HeardRoom> result;
    result.reserve(m_rooms.size());
    for (const Entry &entry : m_rooms)
        result.append(entry.room);
    sortRooms(result);
    return result;
}

void RoomListener::joinInterfaces()
{
    if (!m_socket)
        return;
    const QList<NetInterface> interfaces = m_provider();
    QSet<QString> present;
    for (const NetInterface &n : interfaces) {
        if (!m_selection.accepts(n) || !(n.canMulticast || n.loopback))
            continue;
        const QString key = interfaceKey(n);
        present.insert(key);
        if (m_joined.contains(key))
            continue;
        const QNetworkInterface qt = n.index > 0 ? QNetworkInterface::interfaceFromIndex(n.index)
                                                 : QNetworkInterface::interfaceFromName(n.name);
        if (qt.isValid() && m_socket->joinMulticastGroup(m_group, qt)) {
            m_joined.insert(key);
            qCDebug(lcReach) << "listener: joined" << m_group << "on" << n.name;
        } else {
            qCDebug(lcReach) << "listener: cannot join" << m_group << "on" << n.name << ":"
                             << m_socket->errorString();
        }
    }
    // An interface that went away took its membership with it; join again when it comes back.
    m_joined.intersect(present);
}

void RoomListener::readPending()
{
    while (m_socket && m_socket->hasPendingDatagrams()) {
        // One byte more than allowed, so that an oversized datagram is seen as such.
        const QNetworkDatagram datagram
                = m_socket->receiveDatagram(Discovery::MaxDatagramBytes + 1);
        if (!datagram.isValid())
            break;
        processDatagram(datagram.data(), datagram.senderAddress());
    }
}

void RoomListener::processDatagram(const QByteArray &datagram, const QHostAddress &sender)
{
    const auto decoded = RoomAnnouncement::decode(datagram);
    if (!decoded)
        return; // logged by decode()
    const RoomAnnouncement &a = *decoded;
    if (!m_ignoredId.isEmpty() && a.id == m_ignoredId)
        return;

    // An IPv4-mapped sender (dual-stack socket) is shown as plain IPv4.
    QHostAddress from = sender;
    bool isV4 = false;
    if (const quint32 v4 = from.toIPv4Address(&isV4); isV4)
        from = QHostAddress(v4);

    auto it = m_rooms.find(a.id);
    if (a.bye) {
        if (it != m_rooms.end()) {
            qCDebug(lcReach) << "listener: room" << a.id << a.room << "said bye";
            m_rooms.erase(it);
            scheduleExpiry();
            Q_EMIT roomsChanged();
        }
        return;
    }

    const qint64 expiresAt = m_clock.elapsed() + qint64(m_missed) * a.interval.count();
    if (it == m_rooms.end()) {
        if (m_rooms.size() >= m_maxRooms) {
            if (!m_warnedFull)
                qCWarning(lcReach) << "listener: already" << m_rooms.size()
                                   << "rooms; ignoring new ones until some go away";
            m_warnedFull = true;
            qCDebug(lcReach) << "listener: room list full, ignoring" << a.id << "from" << from;
            return;
        }
        Entry entry;
        entry.room.announcement = a;
        entry.room.address = from;
        entry.room.addresses = {from};
        entry.expiresAtMs = expiresAt;
        m_rooms.insert(a.id, entry);
        qCDebug(lcReach) << "listener: new room" << a.room << "at" << from << a.port;
        scheduleExpiry();
        Q_EMIT roomsChanged();
        return;
    }

    Entry &entry = *it;
    entry.expiresAtMs = expiresAt;
    bool changed = entry.room.announcement != a;
    entry.room.announcement = a;
    if (!entry.room.addresses.contains(from)) {
        if (entry.room.addresses.size() < MaxAddressesPerRoom)
            entry.room.addresses.append(from);
        if (addressRank(from) > addressRank(entry.room.address)) {
            entry.room.address = from;
            changed = true;
        }
    }
    scheduleExpiry();
    if (changed)
        Q_EMIT roomsChanged();
}

void RoomListener::expire()
{
    const qint64 now = m_clock.elapsed();
    bool changed = false;
    for (auto it = m_rooms.begin(); it != m_rooms.end();) {
        if (it->expiresAtMs <= now) {
            qCDebug(lcReach) << "listener: room" << it->room.announcement.room << "went quiet";
            it = m_rooms.erase(it);
            changed = true;
        } else {
            ++it;
        }
    }
    if (m_rooms.size() < m_maxRooms)
        m_warnedFull = false;
    scheduleExpiry();
    if (changed)
        Q_EMIT roomsChanged();
}

void RoomListener::scheduleExpiry()
{
    if (m_rooms.isEmpty()) {
        m_expiryTimer->stop();
        return;
    }
    qint64 earliest = std::numeric_limits<qint64>::max();
    for (const Entry &entry : m_rooms)
        earliest = std::min(earliest, entry.expiresAtMs);
    const qint64 wait = std::max<qint64>(0, earliest - m_clock.elapsed());
    m_expiryTimer->start(std::chrono::milliseconds(wait + 1));
}
