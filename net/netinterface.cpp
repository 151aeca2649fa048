#include "netinterface.h"

#include <QUdpSocket>

using namespace Qt::StringLiterals;

bool NetInterface::looksLikeVpn() const
{
    if (loopback)
        return false;
    if (pointToPoint || type == QNetworkInterface::Ppp)
        return true;
    static const QStringList prefixes{u"tun"_s, u"tap"_s,      u"wg"_s,     u"tailscale"_s,
                                      u"zt"_s,  u"utun"_s,     u"ppp"_s,    u"ipsec"_s,
                                      u"vpn"_s, u"nordlynx"_s, u"proton"_s, u"mullvad"_s};
    for (const QString &prefix : prefixes) {
        if (name.startsWith(prefix, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool NetInterface::looksLikeVirtualBridge() const
{
    static const QStringList prefixes{u"docker"_s, u"br-"_s,  u"virbr"_s,  u"vboxnet"_s,
                                      u"vmnet"_s,  u"veth"_s, u"lxcbr"_s,  u"lxdbr"_s,
                                      u"podman"_s, u"cni"_s,  u"flannel"_s};
    for (const QString &prefix : prefixes) {
        if (name.startsWith(prefix, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

NetInterface NetInterface::fromQt(const QNetworkInterface &interface)
{
    NetInterface n;
    n.name = interface.name();
    n.label = interface.humanReadableName();
    n.index = interface.index();
    n.type = interface.type();
    const auto flags = interface.flags();
    n.up = flags.testFlag(QNetworkInterface::IsUp);
    n.running = flags.testFlag(QNetworkInterface::IsRunning);
    n.loopback = flags.testFlag(QNetworkInterface::IsLoopBack)
            || interface.type() == QNetworkInterface::Loopback;
    n.pointToPoint = flags.testFlag(QNetworkInterface::IsPointToPoint);
    n.canMulticast = flags.testFlag(QNetworkInterface::CanMulticast);
    n.canBroadcast = flags.testFlag(QNetworkInterface::CanBroadcast);
    const QList<QNetworkAddressEntry> entries = interface.addressEntries();
    for (const QNetworkAddressEntry &entry : entries) {
        if (entry.ip().protocol() == QAbstractSocket::IPv6Protocol)
            n.ipv6Addresses.append(entry.ip());
        else if (entry.ip().protocol() == QAbstractSocket::IPv4Protocol)
            n.addresses.append({entry.ip(), entry.broadcast(), entry.prefixLength()});
    }
    return n;
}

QList<NetInterface> NetInterface::system()
{
    QList<NetInterface> result;
    const QList<QNetworkInterface> all = QNetworkInterface::allInterfaces();
    result.reserve(all.size());
    for (const QNetworkInterface &interface : all)
        result.append(fromQt(interface));
    return result;
}

QHostAddress NetInterface::defaultRouteAddress()
{
    // connect() on a UDP socket only picks a route and a source address; nothing is sent. The
    // address is from TEST-NET-3 so that no real host is ever named.
    QUdpSocket socket;
    socket.connectToHost(QHostAddress(u"203.0.113.1"_s), 9);
    if (!socket.waitForConnected(200))
        return {};
    const QHostAddress local = socket.localAddress();
    if (local.protocol() != QAbstractSocket::IPv4Protocol || local.isNull()
        || local == QHostAddress(QHostAddress::AnyIPv4))
        return {};
    return local;
}

bool InterfaceSelection::accepts(const NetInterface &interface) const
{
    if (!interface.isUsable())
        return false;
    if (!names.isEmpty())
        return names.contains(interface.name);
    if (interface.loopback)
        return includeLoopback;
    if (interface.looksLikeVpn())
        return includePointToPoint;
    return true;
}

bool isPrivateIpv4(const QHostAddress &address)
{
    if (address.protocol() != QAbstractSocket::IPv4Protocol)
        return false;
    const quint32 ip = address.toIPv4Address();
    return (ip >> 24) == 10 || (ip >> 20) == ((172u << 4) | 1u)
            || (ip >> 16) == ((192u << 8) | 168u);
}
