#include <QTest>

#include "hostpolicy.h"

using namespace Qt::StringLiterals;

class TestHostPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void host_data();
    void host();
    void origin_data();
    void origin();
    void parsedOriginIsCanonical();

private:
    static HostPolicy policy();
};

HostPolicy TestHostPolicy::policy()
{
    HostPolicy p;
    p.setPort(8765);
    p.setLocalAddresses({QHostAddress(u"192.168.1.7"_s), QHostAddress(u"2001:DB8:0:0:0:0:0:7"_s),
                         QHostAddress(u"::1"_s), QHostAddress(u"127.0.0.1"_s)});
    p.setLocalNames({u"Kitchen-PC"_s, u"kitchen-pc.local"_s});
    p.setAllowedHosts({u"chat.example"_s});
    p.setAllowedOrigins({u"http://Other.Example:9999/"_s, u"https://[2001:db8::0:9]"_s});
    return p;
}

void TestHostPolicy::host_data()
{
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<bool>("allowed");
    QTest::addRow("own IPv4") << QByteArray("192.168.1.7:8765") << true;
    QTest::addRow("any IPv4 literal") << QByteArray("10.9.8.7") << true;
    QTest::addRow("IPv6 literal") << QByteArray("[2001:db8::7]:8765") << true;
    QTest::addRow("IPv6 literal, long form") << QByteArray("[2001:DB8:0:0:0:0:0:7]") << true;
    QTest::addRow("localhost") << QByteArray("localhost:8765") << true;
    QTest::addRow("LOCALHOST") << QByteArray("LOCALHOST") << true;
    QTest::addRow("host name") << QByteArray("kitchen-pc:8765") << true;
    QTest::addRow("host name .local") << QByteArray("Kitchen-PC.local") << true;
    QTest::addRow("--allow-host") << QByteArray("chat.example:80") << true;
    QTest::addRow("foreign name") << QByteArray("evil.example:8765") << false;
    QTest::addRow("subdomain of allowed") << QByteArray("a.chat.example") << false;
    QTest::addRow("localhost.") << QByteArray("localhost.") << false;
    QTest::addRow("empty") << QByteArray() << false;
    QTest::addRow("port only") << QByteArray(":8765") << false;
    QTest::addRow("empty port") << QByteArray("localhost:") << false;
    QTest::addRow("port 0") << QByteArray("localhost:0") << false;
    QTest::addRow("port too large") << QByteArray("localhost:65536") << false;
    QTest::addRow("leading zero port") << QByteArray("localhost:08765") << false;
    QTest::addRow("signed port") << QByteArray("localhost:+80") << false;
    QTest::addRow("userinfo") << QByteArray("x@localhost") << false;
    QTest::addRow("short IPv4") << QByteArray("127.1") << false;
    QTest::addRow("hex IPv4") << QByteArray("0x7f.0.0.1") << false;
    QTest::addRow("octal IPv4") << QByteArray("0177.0.0.1") << false;
    QTest::addRow("IPv4 part over 255") << QByteArray("256.0.0.1") << false;
    QTest::addRow("IPv6 unbracketed") << QByteArray("::1") << false;
    QTest::addRow("IPv6 with zone") << QByteArray("[fe80::1%25eth0]") << false;
    QTest::addRow("IPv6 bad") << QByteArray("[1:2:3]") << false;
    QTest::addRow("bracket tail") << QByteArray("[::1]x") << false;
    QTest::addRow("space") << QByteArray("local host") << false;
    QTest::addRow("non-ASCII") << QByteArray("k\xc3\xbc"
                                             "che")
                               << false;
}

void TestHostPolicy::host()
{
    QFETCH(QByteArray, host);
    QFETCH(bool, allowed);
    QCOMPARE(policy().isHostAllowed(host), allowed);
}

void TestHostPolicy::origin_data()
{
    QTest::addColumn<QByteArray>("origin");
    QTest::addColumn<bool>("allowed");
    QTest::addRow("none (native client)") << QByteArray() << true;
    QTest::addRow("own page by IPv4") << QByteArray("http://192.168.1.7:8765") << true;
    QTest::addRow("own page by loopback") << QByteArray("http://127.0.0.1:8765") << true;
    QTest::addRow("own page by IPv6") << QByteArray("http://[2001:db8::7]:8765") << true;
    QTest::addRow("own page by [::1]") << QByteArray("http://[::1]:8765") << true;
    QTest::addRow("own page over https") << QByteArray("https://localhost:8765") << true;
    QTest::addRow("own page by host name") << QByteArray("http://kitchen-pc:8765") << true;
    QTest::addRow("own page by --allow-host") << QByteArray("http://chat.example:8765") << true;
    QTest::addRow("--allow-origin") << QByteArray("http://other.example:9999") << true;
    QTest::addRow("--allow-origin default port") << QByteArray("https://[2001:db8::9]") << true;
    QTest::addRow("--allow-origin explicit default port")
            << QByteArray("https://[2001:db8::9]:443") << true;

    QTest::addRow("other port") << QByteArray("http://127.0.0.1:1") << false;
    QTest::addRow("default port") << QByteArray("http://127.0.0.1") << false;
    QTest::addRow("foreign site") << QByteArray("http://evil.example:8765") << false;
    QTest::addRow("null") << QByteArray("null") << false;
    QTest::addRow("other scheme") << QByteArray("ws://127.0.0.1:8765") << false;
    QTest::addRow("upper-case scheme") << QByteArray("HTTP://127.0.0.1:8765") << false;
    QTest::addRow("upper-case host") << QByteArray("http://Kitchen-PC:8765") << false;
    QTest::addRow("userinfo") << QByteArray("http://x@127.0.0.1:8765") << false;
    QTest::addRow("userinfo with password") << QByteArray("http://a:b@127.0.0.1:8765") << false;
    QTest::addRow("short IPv4") << QByteArray("http://127.1:8765") << false;
    QTest::addRow("hex IPv4") << QByteArray("http://0x7f.0.0.1:8765") << false;
    QTest::addRow("integer IPv4") << QByteArray("http://2130706433:8765") << false;
    QTest::addRow("leading zero port") << QByteArray("http://127.0.0.1:08765") << false;
    QTest::addRow("long-form IPv6") << QByteArray("http://[0:0:0:0:0:0:0:1]:8765") << false;
    QTest::addRow("upper-case IPv6") << QByteArray("http://[2001:DB8::7]:8765") << false;
    QTest::addRow("path") << QByteArray("http://127.0.0.1:8765/") << false;
    QTest::addRow("trailing dot") << QByteArray("http://localhost.:8765") << false;
    QTest::addRow("no host") << QByteArray("http://:8765") << false;
}

void TestHostPolicy::origin()
{
    QFETCH(QByteArray, origin);
    QFETCH(bool, allowed);
    QCOMPARE(policy().isOriginAllowed(origin), allowed);
}

void TestHostPolicy::parsedOriginIsCanonical()
{
    const auto v6 = HostPolicy::parseOrigin("https://[2001:db8::1:0:0:1]:8443");
    QVERIFY(v6);
    QCOMPARE(v6->scheme, u"https"_s);
    QCOMPARE(v6->host, u"2001:db8::1:0:0:1"_s);
    QCOMPARE(v6->port, 8443);
    // The first longest run of zeros is the one compressed.
    QVERIFY(HostPolicy::parseOrigin("http://[1::4:0:0:7:8]"));
    QVERIFY(!HostPolicy::parseOrigin("http://[1:0:0:4::7:8]"));
    QVERIFY(!HostPolicy::parseOrigin("http://[1::2:3:4:5:6:7]")); // one zero is not compressed
    QVERIFY(HostPolicy::parseOrigin("http://[1:0:2:3:4:5:6:7]"));
    const auto plain = HostPolicy::parseHost("Chat.Example");
    QVERIFY(plain);
    QCOMPARE(plain->host, u"chat.example"_s);
    QCOMPARE(plain->port, -1);
}

QTEST_GUILESS_MAIN(TestHostPolicy)
#include "tst_hostpolicy.moc"
