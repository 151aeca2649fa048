#pragma once

#include <QByteArrayView>
#include <QHostAddress>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

// Which Host and Origin headers the front door answers. Pure: it is told this machine's names,
// addresses and port, and looks nothing up itself.
//
// Host (every request): an IP literal, "localhost", one of this machine's names or a name allowed
// with --allow-host. Any other name is refused (421): a page on a foreign site that rebinds its
// name to this machine would otherwise read /rooms.json as its own.
// Origin (WebSocket upgrades): this hub's own page under any of those hosts and its port, or an
// origin allowed with --allow-origin. Both are parsed strictly, in the one form a browser sends.
class HostPolicy final
{
public:
    struct Authority
    {
        QString scheme; // "http" or "https"; empty for a Host header
        QString host; // lower case; IPv6 without brackets
        int port = -1; // -1: none given

        friend bool operator==(const Authority &, const Authority &) = default;
    };

    // "host[:port]" (a Host header): host a canonical IPv4 address, a bracketed IPv6 address or a
    // DNS name (any case), port canonical decimal 1-65535.
    static std::optional<Authority> parseHost(QByteArrayView text);
    // "scheme://host[:port]" as browsers serialise an origin: http or https, lower-case host in
    // canonical form (IPv4 dotted decimal, IPv6 compressed as in the URL standard), canonical
    // decimal port. No userinfo, path, or trailing anything.
    static std::optional<Authority> parseOrigin(QByteArrayView text);

    void setPort(quint16 port);
    void setLocalAddresses(const QList<QHostAddress> &addresses);
    void setLocalNames(const QStringList &names); // this machine's names ("localhost" is implied)
    void setAllowedHosts(const QStringList &names); // --allow-host
    void setAllowedOrigins(const QStringList &origins); // --allow-origin (read leniently)

    bool isHostAllowed(QByteArrayView host) const;
    // An empty origin (native clients send none) is allowed.
    bool isOriginAllowed(QByteArrayView origin) const;

private:
    void rebuild();

    quint16 m_port = 0;
    QList<QHostAddress> m_addresses;
    QStringList m_localNames;
    QStringList m_allowedHosts;
    QStringList m_allowedOriginTexts;
    QSet<QString> m_names; // lower case: localhost, local names, allowed hosts
    QSet<QString> m_origins; // "scheme://host:port", port always explicit
};
