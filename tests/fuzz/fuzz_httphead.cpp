// libFuzzer harness for the front door's pure parts: HttpRequestHead (the request head) and
// HostPolicy (its Host and Origin headers).
//
// Input: bytes 0-1 pick the head limit, the rest is what a client sent.
#include "hostpolicy.h"
#include "httprequesthead.h"

#include <cstdint>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
}

QByteArray serialise(const HostPolicy::Authority &a)
{
    QByteArray text = a.scheme.isEmpty() ? QByteArray() : a.scheme.toLatin1() + "://";
    text += a.host.contains(u':') ? '[' + a.host.toLatin1() + ']' : a.host.toLatin1();
    if (a.port >= 0)
        text += ':' + QByteArray::number(a.port);
    return text;
}

// Canonical forms only: an origin that parses is exactly its own serialisation, and a Host
// serialises to a Host that parses to the same.
void checkAuthority(QByteArrayView text)
{
    if (const auto origin = HostPolicy::parseOrigin(text))
        check(serialise(*origin) == text);
    if (const auto host = HostPolicy::parseHost(text)) {
        check(host->scheme.isEmpty());
        const auto again = HostPolicy::parseHost(serialise(*host));
        check(again && *again == *host);
    }
}

const HostPolicy &policy()
{
    static const HostPolicy p = [] {
        HostPolicy h;
        h.setPort(8765);
        h.setLocalAddresses({QHostAddress(u"192.168.1.7"_s), QHostAddress(u"fe80::1"_s)});
        h.setLocalNames({u"kitchen-pc"_s});
        h.setAllowedHosts({u"chat.example"_s});
        h.setAllowedOrigins({u"http://other.example:9999"_s});
        return h;
    }();
    return p;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 2)
        return 0;
    const qsizetype limit = qsizetype(data[0]) << 8 | data[1];
    const QByteArrayView bytes(reinterpret_cast<const char *>(data + 2), qsizetype(size - 2));

    HttpRequestHead::Error error = HttpRequestHead::Error::None;
    qsizetype length = -1;
    const auto head = HttpRequestHead::parse(bytes, limit, &error, &length);
    check(bool(head) == (error == HttpRequestHead::Error::None));
    checkAuthority(bytes);
    if (!head) {
        // Incomplete means: no blank line yet and room for more.
        if (error == HttpRequestHead::Error::Incomplete)
            check(bytes.size() < limit && !bytes.contains("\r\n\r\n"));
        return 0;
    }
    check(length > 0 && length <= limit && length <= bytes.size());
    check(bytes.first(length).endsWith("\r\n\r\n"));
    check(head->path.startsWith('/') && head->target.startsWith(head->path));
    check(head->version == "HTTP/1.0" || head->version == "HTTP/1.1");
    // The head alone parses to the same; what follows it never matters.
    const auto alone = HttpRequestHead::parse(bytes.first(length), limit);
    check(alone && alone->target == head->target && alone->headers == head->headers);
    for (auto it = head->headers.cbegin(); it != head->headers.cend(); ++it) {
        check(it.key() == it.key().toLower());
        check(!it.value().contains('\r') && !it.value().contains('\n'));
    }
    const QByteArray host = head->header("host");
    const QByteArray origin = head->header("origin");
    checkAuthority(host);
    checkAuthority(origin);
    (void)policy().isHostAllowed(host);
    (void)policy().isOriginAllowed(origin);
    return 0;
}
