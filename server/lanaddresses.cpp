#include "lanaddresses.h"

using namespace Qt::StringLiterals;

namespace LanAddresses {

QList<Entry> entries(const QHostAddress &bind, bool includeLoopback)
{
    QList<Entry> lan;
    QList<Entry> loopback;
    const bool any = bind == QHostAddress::Any || bind == QHostAddress::AnyIPv4
            || bind == QHostAddress::AnyIPv6;
    for (const QNetworkInterface &iface : QNetworkInterface::allInterfaces()) {
        const auto flags = iface.flags();
        if (!(flags & QNetworkInterface::IsUp) || !(flags & QNetworkInterface::IsRunning))
            continue;
        for (const QNetworkAddressEntry &entry : iface.addressEntries()) {
            QHostAddress address = entry.ip();
            if (address.isLinkLocal())
                continue; // fe80::/10 and 169.254/16 need a scope or are not routed
            if (bind == QHostAddress::AnyIPv4
                && address.protocol() != QAbstractSocket::IPv4Protocol)
                continue;
            if (!any && !address.isEqual(bind, QHostAddress::TolerantConversion))
                continue;
            Entry e;
            e.address = address;
            e.interfaceName = iface.name();
            e.interfaceLabel = iface.humanReadableName();
            e.loopback = address.isLoopback();
            e.pointToPoint = flags & QNetworkInterface::IsPointToPoint;
            (e.loopback ? loopback : lan).append(e);
        }
    }
    // IPv4 first: it is what people type.
    std::stable_sort(lan.begin(), lan.end(), [](const Entry &a, const Entry &b) {
        return a.address.protocol() == QAbstractSocket::IPv4Protocol
                && b.address.protocol() != QAbstractSocket::IPv4Protocol;
    });
    std::stable_sort(loopback.begin(), loopback.end(), [](const Entry &a, const Entry &b) {
        return a.address.protocol() == QAbstractSocket::IPv4Protocol
                && b.address.protocol() != QAbstractSocket::IPv4Protocol;
    });
    if (includeLoopback)
        lan += loopback;
    return lan;
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
