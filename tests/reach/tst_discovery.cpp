#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkInterface>
#include <QSignalSpy>
#include <QTest>
#include <QTextStream>
#include <QUdpSocket>

#include "discovery.h"
#include "roomannouncer.h"
#include "roomlistener.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

// Everything here stays on the loopback interface: announcers are told to use only it (multicast
// with TTL 0), listeners join the group only there, and every UDP port is picked by the system.
class TestDiscovery final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();

    void announcerAndListenerOverLoopbackMulticast();
    void peopleCountUpdatesLive();
    void roomNameChangeIsSentPromptly();
    void byeDropsRoomAtOnce();
    void twoListenersOnOnePortBothHear();
    void ownRoomIsIgnored();
    void roomAgesOutAfterMissedAnnouncements();
    void roomStaysWhileAnnouncing();
    void sameRoomHeardTwiceShowsOnce();
    void malformedDatagramsAreIgnored();
    void listIsCapped();
    void roomsAreSorted();
    void roomsJson();
    void roomsJsonLeavesOutLoopbackRooms();
    void runDiscoverPrintsOneLinePerRoom();
    void runDiscoverSaysWhenNothingHeard();
    void noInterfaceSendsNothing();

private:
    InterfaceSelection loopbackOnly() const { return {.names = {m_loopbackName}}; }
    void setUpAnnouncer(RoomAnnouncer &announcer, quint16 port, const QString &room) const;
    bool startListener(RoomListener &listener, quint16 port = 0) const;
    // A raw announcement datagram, sent unicast over loopback from `from` to the listener.
    static bool sendRaw(const QByteArray &datagram, quint16 port,
                        const QHostAddress &from = QHostAddress::LocalHost);
    static RoomAnnouncement announcement(const QString &id, const QString &room, int people = 1,
                                         std::chrono::milliseconds interval = 3000ms);

    QString m_loopbackName;
};

void TestDiscovery::initTestCase()
{
    const QList<QNetworkInterface> all = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &i : all) {
        if (i.flags().testFlag(QNetworkInterface::IsLoopBack)) {
            m_loopbackName = i.name();
            break;
        }
    }
    QVERIFY2(!m_loopbackName.isEmpty(), "no loopback interface");
}

void TestDiscovery::setUpAnnouncer(RoomAnnouncer &announcer, quint16 port,
                                   const QString &room) const
{
    announcer.setInterfaceSelection(loopbackOnly());
    announcer.setMulticastTtl(0);
    announcer.setDestinationPort(port);
    announcer.setRoomName(room);
    announcer.setHostName(u"test-host"_s);
    announcer.setRoomPort(8765);
}

bool TestDiscovery::startListener(RoomListener &listener, quint16 port) const
{
    listener.setInterfaceSelection(loopbackOnly());
    return listener.start(port);
}

bool TestDiscovery::sendRaw(const QByteArray &datagram, quint16 port, const QHostAddress &from)
{
    QUdpSocket socket;
    if (!socket.bind(from, 0))
        return false;
    return socket.writeDatagram(datagram, QHostAddress::LocalHost, port) == datagram.size();
}

RoomAnnouncement TestDiscovery::announcement(const QString &id, const QString &room, int people,
                                             std::chrono::milliseconds interval)
{
    RoomAnnouncement a;
    a.id = id;
    a.room = room;
    a.host = u"h"_s;
    a.port = 8765;
    a.people = people;
    a.interval = interval;
    return a;
}

void TestDiscovery::announcerAndListenerOverLoopbackMulticast()
{
    RoomListener listener;
    QVERIFY(startListener(listener));
    QVERIFY(listener.port() != 0);
    QCOMPARE(listener.joinedInterfaces(), QStringList{m_loopbackName});

    RoomAnnouncer announcer;
    setUpAnnouncer(announcer, listener.port(), u"Kitchen"_s);
    announcer.setBroadcastEnabled(false); // multicast only: loopback has no broadcast anyway
    announcer.setPeopleCount(3);
    QSignalSpy announced(&announcer, &RoomAnnouncer::announced);
    announcer.start();
    QVERIFY(announcer.isRunning());
    QCOMPARE(announced.size(), 1);
    QCOMPARE(announced.at(0).at(0).toInt(), 1);
    QCOMPARE(announced.at(0).at(1).toStringList(), QStringList{m_loopbackName});

    QTRY_COMPARE(listener.roomCount(), 1);
    const HeardRoom room = listener.rooms().constFirst();
    QCOMPARE(room.id(), announcer.roomId());
    QCOMPARE(room.announcement.room, u"Kitchen"_s);
    QCOMPARE(room.announcement.host, u"test-host"_s);
    QCOMPARE(room.announcement.port, quint16(8765));
    QCOMPARE(room.announcement.people, 3);
    QVERIFY(room.address.isLoopback());
    QCOMPARE(room.pageUrl(), QUrl(u"http://127.0.0.1:8765/"_s));
    QCOMPARE(room.socketUrl(), QUrl(u"ws://127.0.0.1:8765/ws"_s));
}

void TestDiscovery::peopleCountUpdatesLive()
{
    RoomListener listener;
    QVERIFY(startListener(listener));
    RoomAnnouncer announcer;
    setUpAnnouncer(announcer, listener.port(), u"Live"_s);
    announcer.setInterval(60s); // only prompt sends can deliver the changes in time
    announcer.start();
    QTRY_COMPARE(listener.roomCount(), 1);
    QCOMPARE(listener.rooms().constFirst().announcement.people, 0);

    QSignalSpy changed(&listener, &RoomListener::roomsChanged);
    announcer.setPeopleCount(4);
    QTRY_COMPARE(listener.rooms().constFirst().announcement.people, 4);
    QVERIFY(changed.size() >= 1);
    announcer.setPeopleCount(2);
    QTRY_COMPARE(listener.rooms().constFirst().announcement.people, 2);
    QCOMPARE(listener.roomCount(), 1);
}

void TestDiscovery::roomNameChangeIsSentPromptly()
{
    RoomListener listener;
    QVERIFY(startListener(listener));
    RoomAnnouncer announcer;
    setUpAnnouncer(announcer, listener.port(), u"Before"_s);
    announcer.setInterval(60s);
    announcer.start();
    QTRY_COMPARE(listener.roomCount(), 1);
    announcer.setRoomName(u"After"_s);
    QTRY_COMPARE(listener.rooms().constFirst().announcement.room, u"After"_s);
}

void TestDiscovery::byeDropsRoomAtOnce()
{
    RoomListener listener;
    QVERIFY(startListener(listener));
    RoomAnnouncer announcer;
    setUpAnnouncer(announcer, listener.port(), u"Leaving"_s);
    announcer.setInterval(60s); // without the bye the room would stay for minutes
    announcer.start();
    QTRY_COMPARE(listener.roomCount(), 1);
    QElapsedTimer clock;
    clock.start();
    announcer.stop();
    QVERIFY(!announcer.isRunning());
    QTRY_COMPARE(listener.roomCount(), 0);
    QVERIFY(clock.elapsed() < 5000);
}

void TestDiscovery::twoListenersOnOnePortBothHear()
{
    RoomListener first;
    QVERIFY(startListener(first));
    RoomListener second;
    QVERIFY(startListener(second, first.port()));
    QCOMPARE(second.port(), first.port());

    RoomAnnouncer announcer;
    setUpAnnouncer(announcer, first.port(), u"Shared"_s);
    announcer.start();
    QTRY_COMPARE(first.roomCount(), 1);
    QTRY_COMPARE(second.roomCount(), 1);
}

void TestDiscovery::ownRoomIsIgnored()
{
    RoomListener listener;
    QVERIFY(startListener(listener));
    RoomAnnouncer own;
    setUpAnnouncer(own, listener.port(), u"Mine"_s);
    listener.setIgnoredRoomId(own.roomId());
    RoomAnnouncer other;
    setUpAnnouncer(other, listener.port(), u"Theirs"_s);
    own.start(); // sent before the other room: it would be heard first
    other.start();
    QTRY_COMPARE(listener.roomCount(), 1);
    QCOMPARE(listener.rooms().constFirst().announcement.room, u"Theirs"_s);

    // Setting the id later drops the room if it was already heard.
    listener.setIgnoredRoomId(other.roomId());
    QCOMPARE(listener.roomCount(), 0);
}

void TestDiscovery::roomAgesOutAfterMissedAnnouncements()
{
    RoomListener listener;
    QVERIFY(startListener(listener));
    listener.setMissedAnnouncements(3);
    QSignalSpy changed(&listener, &RoomListener::roomsChanged);

    QElapsedTimer clock;
    clock.start();
    QVERIFY(sendRaw(announcement(u"quiet"_s, u"Quiet"_s, 1, 100ms).encode(), listener.port()));
    QTRY_COMPARE(listener.roomCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(listener.roomCount(), 0, 3000);
    // Three announcements of 100 ms missed: not before 300 ms after it was heard.
    QVERIFY2(clock.elapsed() >= 290, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(changed.size(), 2); // appeared, went away
}

void TestDiscovery::roomStaysWhileAnnouncing()
{
    RoomListener listener;
    QVERIFY(startListener(listener));
    listener.setMissedAnnouncements(5); // 500 ms of slack for a busy machine
    RoomAnnouncer announcer;
    setUpAnnouncer(announcer, listener.port(), u"Steady"_s);
    announcer.setInterval(100ms);
    announcer.start();
    QTRY_COMPARE(listener.roomCount(), 1);
    QSignalSpy changed(&listener, &RoomListener::roomsChanged);
    QTest::qWait(1000); // ten announcements; the room must not blink out in between
    QCOMPARE(listener.roomCount(), 1);
    QCOMPARE(changed.size(), 0);
    announcer.stop();
    QTRY_COMPARE(listener.roomCount(), 0);
}

void TestDiscovery::sameRoomHeardTwiceShowsOnce()
{
    RoomListener listener;
    QVERIFY(startListener(listener));
    QSignalSpy changed(&listener, &RoomListener::roomsChanged);
    const QByteArray datagram = announcement(u"dup"_s, u"Twice"_s).encode();

    // The same room over multicast (the announcer) and from two loopback addresses.
    RoomAnnouncer announcer;
    setUpAnnouncer(announcer, listener.port(), u"Twice"_s);
    announcer.setRoomId(u"dup"_s);
    announcer.setPeopleCount(1);
    announcer.setHostName(u"h"_s);
    announcer.start();
    QTRY_COMPARE(listener.roomCount(), 1);
    QVERIFY(sendRaw(datagram, listener.port(), QHostAddress(u"127.0.0.1"_s)));
    QVERIFY(sendRaw(datagram, listener.port(), QHostAddress(u"127.0.0.2"_s)));
    QTRY_COMPARE(listener.rooms().constFirst().addresses.size(), 2);
    QCOMPARE(listener.roomCount(), 1);
    QCOMPARE(changed.size(), 1); // only the first hearing changed the list

    // A LAN address is preferred over loopback for the room's URL.
    listener.processDatagram(datagram, QHostAddress(u"192.168.1.7"_s));
    QCOMPARE(listener.roomCount(), 1);
    QCOMPARE(listener.rooms().constFirst().address, QHostAddress(u"192.168.1.7"_s));
    QCOMPARE(changed.size(), 2);
    listener.processDatagram(datagram, QHostAddress(u"127.0.0.3"_s));
    QCOMPARE(listener.rooms().constFirst().address, QHostAddress(u"192.168.1.7"_s));
}

void TestDiscovery::malformedDatagramsAreIgnored()
{
    RoomListener listener;
    QVERIFY(startListener(listener));
    QSignalSpy changed(&listener, &RoomListener::roomsChanged);

    RoomAnnouncement wrongVersion = announcement(u"v2"_s, u"Future"_s);
    QByteArray v2 = wrongVersion.encode();
    v2.replace("\"lanchat\":1", "\"lanchat\":2");
    QByteArray oversized = announcement(u"big"_s, u"Big"_s).encode();
    oversized.insert(1, "\"pad\":\"" + QByteArray(1100, 'x') + "\",");
    QVERIFY(oversized.size() > 1024);
    const QList<QByteArray> bad{
            QByteArray("hello"),
            QByteArray("\xff\xfe\x00\x01", 4),
            QByteArray("{\"lanchat\":1,\"id\":\"x\"}"),
            QByteArray(R"({"v":1,"id":"nomagic","room":"R","port":1,"people":0})"),
            v2,
            oversized,
            QByteArray(8000, '{'),
    };
    for (const QByteArray &datagram : bad)
        QVERIFY(sendRaw(datagram, listener.port()));
    // A good datagram sent after them arrives after them: once it is in, the others were read.
    QVERIFY(sendRaw(announcement(u"good"_s, u"Good"_s).encode(), listener.port()));
    QTRY_COMPARE(listener.roomCount(), 1);
    QCOMPARE(listener.rooms().constFirst().announcement.room, u"Good"_s);
    QCOMPARE(changed.size(), 1);
}

void TestDiscovery::listIsCapped()
{
    RoomListener listener;
    QVERIFY(startListener(listener));
    QCOMPARE(listener.maxRooms(), 256);
    listener.setMaxRooms(50);
    for (int i = 0; i < 300; ++i) {
        listener.processDatagram(announcement(u"fake%1"_s.arg(i), u"Fake %1"_s.arg(i)).encode(),
                                 QHostAddress(u"10.0.0.1"_s));
    }
    QCOMPARE(listener.roomCount(), 50);

    // Rooms already in the list still update while it is full.
    listener.processDatagram(announcement(u"fake3"_s, u"Fake 3"_s, 9).encode(),
                             QHostAddress(u"10.0.0.1"_s));
    bool found = false;
    const QList<HeardRoom> rooms = listener.rooms();
    for (const HeardRoom &room : rooms)
        found = found || (room.id() == u"fake3"_s && room.announcement.people == 9);
    QVERIFY(found);

    // Once some go away (bye), new rooms get in again.
    listener.processDatagram(
            [] {
                RoomAnnouncement bye = announcement(u"fake0"_s, u"Fake 0"_s);
                bye.bye = true;
                return bye.encode();
            }(),
            QHostAddress(u"10.0.0.1"_s));
    QCOMPARE(listener.roomCount(), 49);
    listener.processDatagram(announcement(u"late"_s, u"Late"_s).encode(),
                             QHostAddress(u"10.0.0.1"_s));
    QCOMPARE(listener.roomCount(), 50);
}

void TestDiscovery::roomsAreSorted()
{
    RoomListener listener;
    const QHostAddress from(u"10.0.0.2"_s);
    listener.processDatagram(announcement(u"c"_s, u"kitchen"_s).encode(), from);
    listener.processDatagram(announcement(u"a"_s, u"Zoo"_s).encode(), from);
    listener.processDatagram(announcement(u"b"_s, u"Lounge"_s).encode(), from);
    listener.processDatagram(announcement(u"d"_s, u"Attic"_s).encode(), from);
    QStringList names;
    const QList<HeardRoom> rooms = listener.rooms();
    for (const HeardRoom &room : rooms)
        names.append(room.announcement.room);
    QCOMPARE(names, (QStringList{u"Attic"_s, u"kitchen"_s, u"Lounge"_s, u"Zoo"_s}));
}

void TestDiscovery::roomsJson()
{
    HeardRoom kitchen;
    kitchen.announcement = announcement(u"k"_s, u"Kitchen"_s, 3);
    kitchen.announcement.host = u"bob-laptop"_s;
    kitchen.address = QHostAddress(u"192.168.1.7"_s);
    HeardRoom quote;
    quote.announcement = announcement(u"q"_s, u"Say \"hi\""_s, 0);
    quote.announcement.host = u"ann"_s;
    quote.announcement.port = 9000;
    quote.address = QHostAddress(u"10.1.2.3"_s);

    const QByteArray expected = "[{\"host\":\"bob-laptop\",\"people\":3,\"room\":\"Kitchen\","
                                "\"url\":\"http://192.168.1.7:8765/\"}]";
    QCOMPARE(Discovery::roomsJson({kitchen}), expected);
    QCOMPARE(Discovery::roomsJson({}), QByteArray("[]"));

    const QJsonDocument doc = QJsonDocument::fromJson(Discovery::roomsJson({kitchen, quote}));
    QVERIFY(doc.isArray());
    const QJsonArray array = doc.array();
    QCOMPARE(array.size(), 2);
    const QJsonObject second = array.at(1).toObject();
    QCOMPARE(second.value(u"room"_s).toString(), u"Say \"hi\""_s);
    QCOMPARE(second.value(u"host"_s).toString(), u"ann"_s);
    QCOMPARE(second.value(u"url"_s).toString(), u"http://10.1.2.3:9000/"_s);
    QCOMPARE(second.value(u"people"_s).toInt(), 0);
    QVERIFY(!second.contains(u"passcode"_s));

    quote.announcement.passcode = true;
    QVERIFY(quote.passcode());
    const QJsonObject locked
            = QJsonDocument::fromJson(Discovery::roomsJson({quote})).array().at(0).toObject();
    QCOMPARE(locked.value(u"passcode"_s), QJsonValue(true));
}

void TestDiscovery::roomsJsonLeavesOutLoopbackRooms()
{
    HeardRoom local;
    local.announcement = announcement(u"l"_s, u"Local"_s);
    local.address = QHostAddress::LocalHost;
    QCOMPARE(Discovery::roomsJson({local}), QByteArray("[]"));
    QCOMPARE(QJsonDocument::fromJson(Discovery::roomsJson({local}, true)).array().size(), 1);
}

void TestDiscovery::runDiscoverPrintsOneLinePerRoom()
{
    RoomListener listener;
    QVERIFY(startListener(listener));
    RoomAnnouncer kitchen;
    setUpAnnouncer(kitchen, listener.port(), u"Kitchen"_s);
    kitchen.setPeopleCount(3);
    RoomAnnouncer attic;
    setUpAnnouncer(attic, listener.port(), u"Attic"_s);
    attic.setRoomPort(9000);
    kitchen.start();
    attic.start();

    QString out;
    QString err;
    QTextStream outStream(&out);
    QTextStream errStream(&err);
    QElapsedTimer clock;
    clock.start();
    QCOMPARE(Discovery::runDiscover(listener, 500, outStream, &errStream), 0);
    QVERIFY(clock.elapsed() >= 490);
    QVERIFY(clock.elapsed() < 5000);
    QCOMPARE(out,
             u"Attic\t127.0.0.1:9000\t0\ttest-host\nKitchen\t127.0.0.1:8765\t3\ttest-host\n"_s);
    QVERIFY(err.isEmpty());
}

void TestDiscovery::runDiscoverSaysWhenNothingHeard()
{
    RoomListener listener;
    QVERIFY(startListener(listener));
    QString out;
    QString err;
    QTextStream outStream(&out);
    QTextStream errStream(&err);
    QCOMPARE(Discovery::runDiscover(listener, 100, outStream, &errStream), 0);
    QVERIFY(out.isEmpty());
    QVERIFY(err.contains(u"No rooms"_s));
}

void TestDiscovery::noInterfaceSendsNothing()
{
    RoomAnnouncer announcer;
    announcer.setInterfaceProvider([] { return QList<NetInterface>{}; });
    announcer.setRoomPort(8765);
    QSignalSpy announced(&announcer, &RoomAnnouncer::announced);
    announcer.start();
    QCOMPARE(announced.size(), 1);
    QCOMPARE(announced.at(0).at(0).toInt(), 0);
    QVERIFY(announcer.lastInterfaces().isEmpty());
}

QTEST_GUILESS_MAIN(TestDiscovery)
#include "tst_discovery.moc"
