#include "hostpolicy.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Canonical decimal: no sign, no leading zero, at most max.
std::optional<int> canonicalNumber(QByteArrayView text, int max)
{
    if (text.isEmpty() || text.size() > 5 || (text.size() > 1 && text.front() == '0'))
        return std::nullopt;
    int value = 0;
    for (char c : text) {
        if (!isDigit(c))
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    if (value > max)
        return std::nullopt;
    return value;
}

std::optional<int> canonicalPort(QByteArrayView text)
{
    const auto port = canonicalNumber(text, 65535);
    if (!port || *port == 0)
        return std::nullopt;
    return port;
}

// Four canonical decimal parts 0-255.
bool isCanonicalIpv4(QByteArrayView text)
{
    int parts = 0;
    qsizetype start = 0;
    while (true) {
        qsizetype dot = text.indexOf('.', start);
        const qsizetype end = dot < 0 ? text.size() : dot;
        if (!canonicalNumber(text.sliced(start, end - start), 255))
            return false;
        ++parts;
        if (dot < 0)
            break;
        start = dot + 1;
    }
    return parts == 4;
}

// The URL standard's IPv6 serialisation: lower-case hex pieces without leading zeros, the first
// longest run of two or more zero pieces compressed to "::".
QString canonicalIpv6(const Q_IPV6ADDR &address)
{
    quint16 pieces[8];
    for (int i = 0; i < 8; ++i)
        pieces[i] = quint16((address[2 * i] << 8) | address[2 * i + 1]);
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8;) {
        int j = i;
        while (j < 8 && pieces[j] == 0)
            ++j;
        if (j - i > bestLength) {
            bestStart = i;
            bestLength = j - i;
        }
        i = j == i ? i + 1 : j;
    }
    QString text;
    for (int i = 0; i < 8; ++i) {
        if (i == bestStart) {
            text += i == 0 ? u"::"_s : u":"_s;
            i += bestLength - 1;
            continue;
        }
        text += QString::number(pieces[i], 16);
        if (i < 7)
            text += u':';
    }
    return text;
}

// A DNS name in lower case (the URL standard lower-cases and punycodes names): letters, digits,
// '-', '_' and dots between non-empty labels. A name whose last label is a number would have been
// read as an IPv4 address by a browser ("127.1", "0x7f.1"), so it is not a name.
bool isCanonicalName(QByteArrayView text)
{
    if (text.isEmpty() || text.size() > 253)
        return false;
    qsizetype labelStart = 0;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == '.') {
            if (i == labelStart)
                return false;
            labelStart = i + 1;
            continue;
        }
        const char c = text[i];
        if (!((c >= 'a' && c <= 'z') || isDigit(c) || c == '-' || c == '_'))
            return false;
    }
    const qsizetype lastDot = text.lastIndexOf('.');
    const QByteArrayView last = text.sliced(lastDot + 1);
    bool numeric = true;
    for (char c : last)
        numeric = numeric && isDigit(c);
    const bool hex = last.size() >= 2 && last[0] == '0' && (last[1] == 'x' || last[1] == 'X');
    return !numeric && !hex;
}

// host[:port] with the host in its canonical form; caseFold lower-cases names first (Host).
std::optional<HostPolicy::Authority> parseAuthority(QByteArrayView text, bool caseFold)
{
    HostPolicy::Authority result;
    QByteArrayView rest;
    if (text.startsWith('[')) {
        const qsizetype close = text.indexOf(']');
        if (close < 0)
            return std::nullopt;
        const QByteArrayView literal = text.sliced(1, close - 1);
        for (char c : literal) {
            if (!(isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':'
                  || c == '.'))
                return std::nullopt; // also no zone id: browsers take none
        }
        QHostAddress address;
        if (!address.setAddress(QString::fromLatin1(literal))
            || address.protocol() != QAbstractSocket::IPv6Protocol)
            return std::nullopt;
        result.host = canonicalIpv6(address.toIPv6Address());
        if (!caseFold && result.host.toLatin1() != literal)
            return std::nullopt;
        rest = text.sliced(close + 1);
    } else {
        const qsizetype colon = text.indexOf(':');
        QByteArray host = (colon < 0 ? text : text.first(colon)).toByteArray();
        if (caseFold)
            host = host.toLower();
        if (!isCanonicalIpv4(host) && !isCanonicalName(host))
            return std::nullopt;
        result.host = QString::fromLatin1(host);
        rest = colon < 0 ? QByteArrayView() : text.sliced(colon);
    }
    if (!rest.isEmpty()) {
        if (rest.front() != ':')
            return std::nullopt;
        const auto port = canonicalPort(rest.sliced(1));
        if (!port)
            return std::nullopt;
        result.port = *port;
    }
    return result;
}

QString originKey(const QString &scheme, const QString &host, int port)
{
    const QString bracketed = host.contains(u':') ? u'[' + host + u']' : host;
    return scheme + u"://"_s + bracketed + u':' + QString::number(port);
}

int defaultPort(const QString &scheme)
{
    return scheme == u"https"_s ? 443 : 80;
}

} // namespace

std::optional<HostPolicy::Authority> HostPolicy::parseHost(QByteArrayView text)
{
    return parseAuthority(text, true);
}

std::optional<HostPolicy::Authority> HostPolicy::parseOrigin(QByteArrayView text)
{
    QString scheme;
    if (text.startsWith("http://"))
        scheme = u"http"_s;
    else if (text.startsWith("https://"))
        scheme = u"https"_s;
    else
        return std::nullopt;
    auto result = parseAuthority(text.sliced(scheme.size() + 3), false);
    if (result)
        result->scheme = scheme;
    return result;
}

void HostPolicy::setPort(quint16 port)
{
    m_port = port;
    rebuild();
}

void HostPolicy::setLocalAddresses(const QList<QHostAddress> &addresses)
{
    m_addresses = addresses;
    rebuild();
}

void HostPolicy::setLocalNames(const QStringList &names)
{
    m_localNames = names;
    rebuild();
}

void HostPolicy::setAllowedHosts(const QStringList &names)
{
    m_allowedHosts = names;
    rebuild();
}

void HostPolicy::setAllowedOrigins(const QStringList &origins)
{
    m_allowedOriginTexts = origins;
    rebuild();
}

void HostPolicy::rebuild()
{
    m_names = {u"localhost"_s};
    for (const QStringList *list : {&m_localNames, &m_allowedHosts}) {
        for (const QString &name : *list) {
            if (!name.isEmpty())
                m_names.insert(name.toLower());
        }
    }
    m_origins.clear();
    QStringList hosts(m_names.cbegin(), m_names.cend());
    hosts << u"127.0.0.1"_s << u"::1"_s;
    for (const QHostAddress &address : std::as_const(m_addresses)) {
        if (address.protocol() == QAbstractSocket::IPv6Protocol)
            hosts << canonicalIpv6(address.toIPv6Address());
        else if (address.protocol() == QAbstractSocket::IPv4Protocol)
            hosts << address.toString();
    }
    for (const QString &host : std::as_const(hosts)) {
        m_origins.insert(originKey(u"http"_s, host, m_port));
        m_origins.insert(originKey(u"https"_s, host, m_port));
    }
    // What people type: "http://Chat.Example:8765/" is taken as the origin it names.
    for (const QString &text : std::as_const(m_allowedOriginTexts)) {
        const QUrl url(text);
        const QString scheme = url.scheme().toLower();
        if (!url.isValid() || url.host().isEmpty() || (scheme != u"http"_s && scheme != u"https"_s))
            continue;
        QHostAddress literal;
        const QString host = literal.setAddress(url.host())
                        && literal.protocol() == QAbstractSocket::IPv6Protocol
                ? canonicalIpv6(literal.toIPv6Address())
                : url.host().toLower();
        m_origins.insert(originKey(scheme, host, url.port(defaultPort(scheme))));
    }
}

bool HostPolicy::isHostAllowed(QByteArrayView host) const
{
    const auto authority = parseHost(host);
    if (!authority)
        return false;
    if (isCanonicalIpv4(authority->host.toLatin1()) || authority->host.contains(u':'))
        return true; // an IP literal cannot be rebound
    return m_names.contains(authority->host);
}

bool HostPolicy::isOriginAllowed(QByteArrayView origin) const
{
    if (origin.isEmpty())
        return true;
    const auto authority = parseOrigin(origin);
    if (!authority)
        return false;
    const int port = authority->port < 0 ? defaultPort(authority->scheme) : authority->port;
    return m_origins.contains(originKey(authority->scheme, authority->host, port));
}
