#include <QTest>

#include "lanaddresses.h"

using namespace Qt::StringLiterals;

class TestLanAddresses : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void listsLanFirstIpv4FirstLoopbackLast();
    void bindAddressNarrowsTheList();
    void ownAddressesHaveNoScope();

private:
    static QList<NetInterface> machine();
};

// A made-up machine: loopback, a Wi-Fi with IPv4 and IPv6, a VPN, and an interface that is down.
QList<NetInterface> TestLanAddresses::machine()
{
    NetInterface lo;
    lo.name = u"lo"_s;
    lo.up = lo.running = lo.loopback = true;
    lo.addresses = {{QHostAddress(u"127.0.0.1"_s), {}, 8}};
    lo.ipv6Addresses = {QHostAddress(u"::1"_s)};
    NetInterface wifi;
    wifi.name = u"wlan0"_s;
    wifi.label = u"Wi-Fi"_s;
    wifi.up = wifi.running = true;
    QHostAddress linkLocal(u"fe80::1"_s);
    linkLocal.setScopeId(u"wlan0"_s);
    wifi.ipv6Addresses = {QHostAddress(u"2001:db8::7"_s), linkLocal};
    wifi.addresses = {{QHostAddress(u"192.168.1.7"_s), QHostAddress(u"192.168.1.255"_s), 24}};
    NetInterface vpn;
    vpn.name = u"tun0"_s;
    vpn.up = vpn.running = vpn.pointToPoint = true;
    vpn.addresses = {{QHostAddress(u"10.8.0.2"_s), {}, 32}};
    NetInterface down;
    down.name = u"eth1"_s;
    down.addresses = {{QHostAddress(u"10.1.1.1"_s), {}, 24}};
    return {lo, wifi, vpn, down};
}

void TestLanAddresses::listsLanFirstIpv4FirstLoopbackLast()
{
    const QList<LanAddresses::Entry> list
            = LanAddresses::entries(machine(), QHostAddress::Any, true);
    QStringList addresses;
    for (const LanAddresses::Entry &e : list)
        addresses << e.address.toString();
    QCOMPARE(addresses,
             QStringList({u"192.168.1.7"_s, u"10.8.0.2"_s, u"2001:db8::7"_s, u"127.0.0.1"_s,
                          u"::1"_s}));
    QCOMPARE(list.at(0).interfaceLabel, u"Wi-Fi"_s);
    QVERIFY(list.at(1).pointToPoint);
    QVERIFY(list.at(3).loopback);
    QCOMPARE(LanAddresses::entries(machine(), QHostAddress::Any, false).size(), 3);
}

void TestLanAddresses::bindAddressNarrowsTheList()
{
    const auto one = LanAddresses::entries(machine(), QHostAddress(u"10.8.0.2"_s), true);
    QCOMPARE(one.size(), 1);
    QCOMPARE(one.at(0).interfaceName, u"tun0"_s);
    for (const auto &e : LanAddresses::entries(machine(), QHostAddress::AnyIPv4, true))
        QCOMPARE(e.address.protocol(), QAbstractSocket::IPv4Protocol);
}

void TestLanAddresses::ownAddressesHaveNoScope()
{
    const QList<QHostAddress> own = LanAddresses::ownAddresses(machine());
    QVERIFY(own.contains(QHostAddress(u"fe80::1"_s)));
    QVERIFY(own.contains(QHostAddress(u"10.8.0.2"_s)));
    QVERIFY(!own.contains(QHostAddress(u"10.1.1.1"_s))); // down
    for (const QHostAddress &a : own)
        QVERIFY(a.scopeId().isEmpty());
}

QTEST_GUILESS_MAIN(TestLanAddresses)
#include "tst_lanaddresses.moc"
