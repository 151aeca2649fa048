#include <QApplication>
#include <QLabel>
#include <QNetworkInterface>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include "chatwindow.h"
#include "clientsettings.h"
#include "hubrunner.h"
#include "reachsession.h"
#include "roomannouncer.h"
#include "roomlistener.h"
#include "startscreen.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

// A window started without a room finds the room already on the LAN: discovery runs over loopback
// multicast (announcers and listeners told to use only the loopback interface, UDP port picked by
// the system), the room is a real hub.
class TestStartScreen final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(u"LanChatTest"_s);
        QCoreApplication::setApplicationName(u"tst_startscreen"_s);
        for (const QNetworkInterface &i : QNetworkInterface::allInterfaces()) {
            if (i.flags().testFlag(QNetworkInterface::IsLoopBack))
                m_loopback = {.names = {i.name()}};
        }
        QVERIFY(!m_loopback.names.isEmpty());
    }

    void secondStartOffersTheFirstRoomAndJoinsWithEnter()
    {
        // The second start: its window listens for rooms.
        ReachSession second;
        second.listener()->setInterfaceSelection(m_loopback);
        QVERIFY(second.listener()->start(0));
        ChatWindow window;
        window.setNickname(u"bob"_s);
        QObject::connect(&second, &ReachSession::roomsChanged, &window,
                         [&window](const QList<HeardRoom> &rooms) {
                             window.setDiscoveredRooms(discovered(rooms));
                         });
        QSignalSpy hostRequested(&window, &ChatWindow::hostRequested);

        // The first start hosts "Alice" and announces it.
        HubRunner hub;
        HubConfig config;
        config.room = u"Alice"_s;
        QVERIFY(hub.start(config));
        ReachSession first;
        first.announcer()->setInterfaceSelection(m_loopback);
        first.announcer()->setMulticastTtl(0);
        first.announcer()->setBroadcastEnabled(false);
        first.announcer()->setDestinationPort(second.listener()->port());
        first.setPeopleCount(1);
        first.hostingStarted(u"Alice"_s, QHostAddress::LocalHost, 0, hub.port);
        QCOMPARE(first.announcer()->interval(), 1000ms); // heard within a starting window's look

        window.lookForRooms(10s);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.isOnStartScreen());
        QTRY_VERIFY(window.findChild<QPushButton *>(u"joinRoom0"_s));
        auto *offer = window.findChild<QPushButton *>(u"joinRoom0"_s);
        QCOMPARE(offer->text(), u"Join Alice’s room (1 person)"_s);
        QTRY_COMPARE(QApplication::focusWidget(), offer);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QTRY_COMPARE(window.client()->state(), ChatClient::State::Connected);
        QCOMPARE(window.client()->room(), u"Alice"_s);
        QCOMPARE(window.client()->url().port(), int(hub.port));
        QVERIFY(!window.isOnStartScreen());
        QCOMPARE(hostRequested.size(), 0);
    }

    void joiningElsewhereEndsTheLook()
    {
        ChatWindow window;
        QSignalSpy hostRequested(&window, &ChatWindow::hostRequested);
        window.lookForRooms(10s);
        QVERIFY(window.findChild<StartScreen *>()->isLooking());
        window.requestJoin(QUrl(u"ws://127.0.0.1:1/ws"_s)); // Ctrl+J while looking
        QVERIFY(!window.findChild<StartScreen *>()->isLooking()); // so it will not host
        QVERIFY(!window.isOnStartScreen());
        QCOMPARE(hostRequested.size(), 0);
    }

    void enterOnTheScreenJoinsTheFirstRoom()
    {
        StartScreen screen;
        QSignalSpy join(&screen, &StartScreen::joinRequested);
        screen.start(10s, {});
        const QUrl url(u"ws://10.0.0.7:8765/ws"_s);
        screen.setRooms({{u"a"_s, u"Carol"_s, u"pc"_s, url, 3}});
        QTest::keyClick(&screen, Qt::Key_Enter);
        QCOMPARE(join.size(), 1);
        QCOMPARE(join.at(0).at(0).toUrl(), url);
        QCOMPARE(StartScreen::joinText({u"a"_s, u"Carol"_s, u"pc"_s, url, 3}),
                 u"Join Carol’s room (3 people)"_s);
    }

    void nothingHeardHosts()
    {
        ChatWindow window;
        QSignalSpy hostRequested(&window, &ChatWindow::hostRequested);
        window.lookForRooms(50ms);
        QVERIFY(window.isOnStartScreen());
        QVERIFY(window.findChild<StartScreen *>()->isLooking());
        QVERIFY(hostRequested.wait(5000));
        QCOMPARE(hostRequested.size(), 1);
        QVERIFY(!window.isOnStartScreen());
    }

    void roomOfLastTimeComesFirst()
    {
        const QUrl lobby(u"ws://192.168.1.31:8765/ws"_s);
        const QUrl kitchen(u"ws://192.168.1.30:8765/ws"_s);
        {
            ClientSettings settings;
            settings.addRecentRoom({kitchen, u"Kitchen"_s});
        }
        ChatWindow window;
        window.lookForRooms(10s);
        window.setDiscoveredRooms({{u"a1"_s, u"Lobby"_s, u"pc"_s, lobby, 2},
                                   {u"b2"_s, u"Kitchen"_s, u"pc2"_s, kitchen, 4}});
        auto *screen = window.findChild<StartScreen *>();
        QCOMPARE(screen->offeredRooms(), (QList<QUrl>{kitchen, lobby}));
        QVERIFY(!screen->isLooking());

        // "Host my own room" is always there.
        QSignalSpy hostRequested(&window, &ChatWindow::hostRequested);
        window.findChild<QPushButton *>(u"hostOwnRoomButton"_s)->click();
        QCOMPARE(hostRequested.size(), 1);
        QVERIFY(!window.isOnStartScreen());
    }

private:
    static QList<DiscoveredRoom> discovered(const QList<HeardRoom> &heard)
    {
        QList<DiscoveredRoom> rooms;
        for (const HeardRoom &room : heard) {
            const RoomAnnouncement &a = room.announcement;
            rooms.append({a.id, a.room, a.host, room.socketUrl(), a.people});
        }
        return rooms;
    }

    InterfaceSelection m_loopback;
};

QTEST_MAIN(TestStartScreen)
#include "tst_startscreen.moc"
