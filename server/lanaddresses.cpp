#include "lanaddresses.h"

using namespace Qt::StringLiterals;

namespace LanAddresses {

QList<Entry> entries(const QHostAddress &bind, bool includeLoopback)
{
    return entries(NetInterface::system(), bind, includeLoopback);
}

QList<Entry> entries(const QList<NetInterface> &interfaces, const QHostAddress &bind,
                     bool includeLoopback)
{
    QList<Entry> lan;
    QList<Entry> loopback;
    const bool any = bind == QHostAddress::Any || bind == QHostAddress::AnyIPv4
            || bind == QHostAddress::AnyIPv6;
    for (const NetInterface &iface : interfaces) {
        if (!iface.up || !iface.running)
            continue;
        QList<QHostAddress> addresses;
        for (const NetInterface::Address &v4 : iface.addresses)
            addresses.append(v4.ip);
        addresses += iface.ipv6Addresses;
        for (const QHostAddress &address : std::as_const(addresses)) {
            if (address.isLinkLocal())
                continue; // fe80::/10 and 169.254/16 need a scope or are not routed
            if (bind == QHostAddress::AnyIPv4
                && address.protocol() != QAbstractSocket::IPv4Protocol)
                continue;
            if (!any && !address.isEqual(bind, QHostAddress::TolerantConversion))
                continue;
            Entry e;
            e.address = address;
            e.interfaceName = iface.name;
            e.interfaceLabel = iface.label;
            e.loopback = address.isLoopback();
            e.pointToPoint = iface.pointToPoint;
            (e.loopback ? loopback : lan).append(e);
        }
    }
    // IPv4 first: it is what people type.
    const auto ipv4First = [](const Entry &a, const Entry &b) {
        return a.address.protocol() == QAbstractSocket::IPv4Protocol
                && b.address.protocol() != QAbstractSocket::IPv4Protocol;
    };
    std::stable_sort(lan.begin(), lan.end(), ipv4First);
    std::stable_sort(loopback.begin(), loopback.end(), ipv4First);
    if (includeLoopback)
        lan += loopback;
    return lan;
}

QList<QHostAddress> ownAddresses(const QList<NetInterface> &interfaces)
{
    QList<QHostAddress> result;
    for (const NetInterface &iface : interfaces) {
        if (!iface.up)
            continue;
        for (const NetInterface::Address &v4 : iface.addresses)
            result.append(v4.ip);
        for (QHostAddress v6 : iface.ipv6Addresses) {
            v6.setScopeId({});
            result.append(v6);
        }
    }
    return result;
}

static QUrl urlFor(const QString &scheme, const QHostAddress &address, quint16 port,
                   const QString &path)
{
    QUrl url;
    url.setScheme(scheme);
    QHostAddress plain = address;
    plain.setScopeId({});
    url.setHost(plain.toString());
    url.setPort(port);
    url.setPath(path);
    return url;
}

QUrl pageUrl(const QHostAddress &address, quint16 port)
{
    return urlFor(u"http"_s, address, port, u"/"_s);
}

QUrl socketUrl(const QHostAddress &address, quint16 port)
{
    return urlFor(u"ws"_s, address, port, u"/ws"_s);
}

} // namespace LanAddresses
