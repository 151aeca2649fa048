#pragma once

#include <QHostAddress>
#include <QList>
#include <QNetworkInterface>
#include <QString>
#include <QStringList>

// A network interface as a value, so that the hub's address list, discovery and the reachability
// code can be fed a made-up machine in tests ("only loopback", "a VPN and two LANs"). The one place
// that asks the system for its interfaces (system()). Discovery is IPv4 (multicast group and subnet
// broadcast) and uses addresses; the hub also lists and accepts IPv6 ones.
struct NetInterface
{
    struct Address
    {
        QHostAddress ip;
        QHostAddress broadcast; // null when the interface has none (loopback, point-to-point)
        int prefixLength = -1;

        friend bool operator==(const Address &, const Address &) = default;
    };

    QString name; // "eth0"
    QString label; // for people: the human-readable name where the system has one
    int index = 0; // the system's interface index; 0 for a made-up interface
    QNetworkInterface::InterfaceType type = QNetworkInterface::Unknown;
    bool up = false;
    bool running = false;
    bool loopback = false;
    bool pointToPoint = false;
    bool canMulticast = false;
    bool canBroadcast = false;
    QList<Address> addresses; // IPv4 only
    QList<QHostAddress> ipv6Addresses; // with the system's scope id (link-local ones have one)

    bool isUsable() const { return up && running && !addresses.isEmpty(); }
    // Point-to-point links, PPP, and the names VPN software uses (tun, tap, wg, tailscale, zt,
    // utun, ipsec, ppp, …).
    bool looksLikeVpn() const;
    // Container and virtual-machine bridges (docker0, br-…, virbr…, vboxnet…, vmnet…, veth…):
    // real, but rarely where the people are.
    bool looksLikeVirtualBridge() const;

    static NetInterface fromQt(const QNetworkInterface &interface);
    static QList<NetInterface> system(); // every interface of this machine, in system order

    // The IPv4 address this machine uses for its default route (found by "connecting" a UDP
    // socket, which sends nothing), or a null address when there is no default route.
    static QHostAddress defaultRouteAddress();

    friend bool operator==(const NetInterface &, const NetInterface &) = default;
};

// Which interfaces discovery uses. The default: every up, running interface with an IPv4 address,
// except loopback and point-to-point/VPN links.
struct InterfaceSelection
{
    bool includeLoopback = false;
    bool includePointToPoint = false; // also VPNs and tunnels (see NetInterface::looksLikeVpn)
    QStringList names; // when not empty: exactly the interfaces with these names (any kind)

    bool accepts(const NetInterface &interface) const;
};

// RFC 1918 (10/8, 172.16/12, 192.168/16) and shared address space (100.64/10 is not included).
bool isPrivateIpv4(const QHostAddress &address);
