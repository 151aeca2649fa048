#include <QNetworkInterface>
#include <QSignalSpy>
#include <QTest>

#include "reachability.h"
#include "reachsession.h"
#include "roomannouncer.h"
#include "roomlistener.h"

using namespace Qt::StringLiterals;

// Two sessions in one process, as two lanchat processes on one machine would be, over loopback.
class TestReachSession final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void hostedRoomIsHeardByOthersButNotByItself();
    void joinCardAndNotesWhenHosting();
    void roomsJsonForTheHub();
    void announceCanBeTurnedOff();

private:
    // Keeps a session on loopback: its announcer sends to `port`, its listener listens there.
    void confine(ReachSession &session, quint16 port) const;
    static NetInterface loopback();
    QString m_loopbackName;
};

void TestReachSession::initTestCase()
{
    const QList<QNetworkInterface> all = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &i : all) {
        if (i.flags().testFlag(QNetworkInterface::IsLoopBack))
            m_loopbackName = i.name();
    }
    QVERIFY(!m_loopbackName.isEmpty());
}

NetInterface TestReachSession::loopback()
{
    NetInterface n;
    n.name = u"lo"_s;
    n.up = n.running = n.loopback = true;
    n.addresses = {{QHostAddress::LocalHost, {}, 8}};
    return n;
}

void TestReachSession::confine(ReachSession &session, quint16 port) const
{
    session.announcer()->setInterfaceSelection({.names = {m_loopbackName}});
    session.announcer()->setMulticastTtl(0);
    session.announcer()->setDestinationPort(port);
    session.listener()->setInterfaceSelection({.names = {m_loopbackName}});
    session.reachability()->setInterfaces({loopback()});
    session.reachability()->setDefaultRouteAddress({});
}

void TestReachSession::hostedRoomIsHeardByOthersButNotByItself()
{
    ReachSession guest;
    QVERIFY(guest.listener()->start(0));
    const quint16 port = guest.listener()->port();
    confine(guest, port);
    ReachSession host;
    confine(host, port);
    QVERIFY(host.listener()->start(port)); // both listen on one port, as two processes would

    QSignalSpy guestRooms(&guest, &ReachSession::roomsChanged);
    host.hostingStarted(u"Kitchen"_s, QHostAddress::Any, 8765, 8765);
    QVERIFY(host.isHosting());
    QVERIFY(host.announcer()->isRunning());
    QTRY_COMPARE(guest.rooms().size(), 1);
    QVERIFY(guestRooms.size() >= 1);
    const auto heard = guestRooms.last().at(0).value<QList<HeardRoom>>();
    QCOMPARE(heard.size(), 1);
    QCOMPARE(heard.constFirst().announcement.room, u"Kitchen"_s);
    QCOMPARE(heard.constFirst().socketUrl(), QUrl(u"ws://127.0.0.1:8765/ws"_s));

    host.setPeopleCount(5);
    QTRY_COMPARE(guest.rooms().constFirst().announcement.people, 5);
    host.setRoomName(u"Kitchen 2"_s);
    QTRY_COMPARE(guest.rooms().constFirst().announcement.room, u"Kitchen 2"_s);
    QVERIFY(host.rooms().isEmpty()); // it heard itself, and left itself out

    host.hostingStopped();
    QVERIFY(!host.isHosting());
    QTRY_COMPARE(guest.rooms().size(), 0);
}

void TestReachSession::joinCardAndNotesWhenHosting()
{
    ReachSession host;
    confine(host, 9); // sends to the discard port on loopback; nobody listens
    host.setAnnounceEnabled(false);
    QSignalSpy card(&host, &ReachSession::joinCardChanged);
    QSignalSpy notes(&host, &ReachSession::reachabilityNotesChanged);
    host.setJoinCardSide(200);
    host.hostingStarted(u"Lobby"_s, QHostAddress::Any, 8765, 8766);

    QCOMPARE(host.joinUrl(), QUrl(u"http://127.0.0.1:8766/"_s)); // no LAN here
    QVERIFY(!host.joinCard().isNull());
    QVERIFY(host.joinCard().width() <= 200);
    QVERIFY(host.joinCard().width() > 100);
    QCOMPARE(host.joinCard().width(), host.joinCard().height());
    QCOMPARE(card.size(), 1);
    QCOMPARE(card.at(0).at(1).toUrl(), host.joinUrl());

    const QStringList expected = host.reachabilityNotes();
    QCOMPARE(expected.size(), 2); // the busy port and "only this computer"
    QVERIFY(expected.at(0).startsWith(u"Port 8765 was busy; the room uses 8766 instead."_s));
    QCOMPARE(notes.size(), 1);
    QCOMPARE(notes.at(0).at(0).toStringList(), expected);

    // A passcode goes into the link's fragment (never sent by a browser) and the announcement
    // says only that one is needed.
    host.setPasscode(u"tulip 42&x"_s);
    QCOMPARE(host.joinUrl().toString(QUrl::FullyEncoded),
             u"http://127.0.0.1:8766/#code=tulip%2042%26x"_s);
    QCOMPARE(card.size(), 2);
    QVERIFY(host.announcer()->announcement().passcode);
    QVERIFY(!host.announcer()->announcement().encode().contains("tulip"));
    host.setPasscode({});
    QCOMPARE(host.joinUrl(), QUrl(u"http://127.0.0.1:8766/"_s));
    QVERIFY(!host.announcer()->announcement().passcode);
    card.clear();

    host.hostingStopped();
    QCOMPARE(card.size(), 1);
    QVERIFY(card.at(0).at(0).value<QImage>().isNull());
    QVERIFY(card.at(0).at(1).toUrl().isEmpty());
    QCOMPARE(notes.last().at(0).toStringList(), QStringList());
    QVERIFY(host.reachabilityNotes().isEmpty());
}

void TestReachSession::roomsJsonForTheHub()
{
    ReachSession host;
    confine(host, 9);
    host.setAnnounceEnabled(false);
    QSignalSpy json(&host, &ReachSession::roomsJsonChanged);
    host.hostingStarted(u"Lobby"_s, QHostAddress::Any, 8765, 8765);
    QCOMPARE(json.size(), 1);
    QCOMPARE(json.at(0).at(0).toByteArray(), QByteArray("[]"));

    RoomAnnouncement other;
    other.id = u"other"_s;
    other.room = u"Attic"_s;
    other.host = u"ann"_s;
    other.port = 9000;
    other.people = 2;
    host.listener()->processDatagram(other.encode(), QHostAddress(u"192.168.1.9"_s));
    QCOMPARE(json.size(), 2);
    QCOMPARE(json.at(1).at(0).toByteArray(),
             QByteArray("[{\"host\":\"ann\",\"people\":2,\"room\":\"Attic\","
                        "\"url\":\"http://192.168.1.9:9000/\"}]"));
    QCOMPARE(host.roomsJson(), json.at(1).at(0).toByteArray());
}

void TestReachSession::announceCanBeTurnedOff()
{
    ReachSession host;
    confine(host, 9);
    host.setAnnounceEnabled(false);
    host.hostingStarted(u"Quiet"_s, QHostAddress::Any, 0, 40000);
    QVERIFY(!host.announcer()->isRunning());
    host.setAnnounceEnabled(true);
    QVERIFY(host.announcer()->isRunning());
    host.setAnnounceEnabled(false);
    QVERIFY(!host.announcer()->isRunning());
}

QTEST_GUILESS_MAIN(TestReachSession)
#include "tst_reachsession.moc"
