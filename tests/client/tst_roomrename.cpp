#include <QAction>
#include <QApplication>
#include <QInputDialog>
#include <QLabel>
#include <QNetworkInterface>
#include <QSignalSpy>
#include <QTest>

#include "chatwindow.h"
#include "hubrunner.h"
#include "reachsession.h"
#include "roomannouncer.h"
#include "roomlistener.h"
#include "testpeer.h"

using namespace Qt::StringLiterals;

// The hosted room's name: named after the host, it follows the host's rename; set in the window,
// it stays. Everyone sees the new name: the window, the guests (message "room") and the LAN (the
// announcement, heard over loopback multicast).
class TestRoomRename final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(u"LanChatTest"_s);
        QCoreApplication::setApplicationName(u"tst_roomrename"_s);
        for (const QNetworkInterface &i : QNetworkInterface::allInterfaces()) {
            if (i.flags().testFlag(QNetworkInterface::IsLoopBack))
                m_loopback = {.names = {i.name()}};
        }
        QVERIFY(!m_loopback.names.isEmpty());
    }

    void roomFollowsTheHostsRename()
    {
        Hosting hosting;
        QVERIFY(hosting.start(m_loopback));
        ChatWindow &window = hosting.window;
        TestPeer bob;
        QVERIFY(bob.open(hosting.hub.url()));
        QVERIFY(bob.join(u"bob"_s));

        QTest::keyClick(&window, Qt::Key_F2);
        auto *nameEdit = window.findChild<QWidget *>(u"nameEdit"_s);
        QTRY_COMPARE(QApplication::focusWidget(), nameEdit);
        QTest::keyClicks(nameEdit, u"alicia"_s); // replaces the selected old name
        QTest::keyClick(nameEdit, Qt::Key_Return);
        QCOMPARE(QApplication::focusWidget()->objectName(), u"messageInput"_s);

        QTRY_COMPARE(window.client()->name(), u"alicia"_s);
        QTRY_COMPARE(window.client()->room(), u"alicia"_s);
        QCOMPARE(window.findChild<QLabel *>(u"roomLabel"_s)->text(), u"alicia"_s);
        QVERIFY(window.windowTitle().contains(u"alicia"_s));
        const auto told = bob.next(Protocol::Type::Room);
        QVERIFY(told);
        QCOMPARE(told->room, u"alicia"_s);
        QTRY_COMPARE(hosting.heardRoomName(), u"alicia"_s);

        // Later guests are welcomed to the new name.
        TestPeer carol;
        QVERIFY(carol.open(hosting.hub.url()));
        const auto welcome = carol.join(u"carol"_s);
        QVERIFY(welcome);
        QCOMPARE(welcome->room, u"alicia"_s);
    }

    void roomNamedInTheWindowStays()
    {
        Hosting hosting;
        QVERIFY(hosting.start(m_loopback));
        ChatWindow &window = hosting.window;
        QAction *rename = window.findChild<QAction *>(u"renameRoomAction"_s);
        QVERIFY(rename->isVisible());
        rename->trigger();
        auto *dialog = window.findChild<QInputDialog *>(u"roomNameDialog"_s);
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(dialog->textValue(), u"alice"_s);
        dialog->setTextValue(u"Kitchen"_s);
        dialog->accept();
        QTRY_COMPARE(window.client()->room(), u"Kitchen"_s);
        QVERIFY(window.windowTitle().contains(u"Kitchen"_s));
        QTRY_COMPARE(hosting.heardRoomName(), u"Kitchen"_s);

        // Now the host's own rename leaves the room's name alone.
        window.findChild<QAction *>(u"renameAction"_s)->trigger();
        auto *nameEdit = window.findChild<QWidget *>(u"nameEdit"_s);
        QTest::keyClicks(nameEdit, u"al"_s);
        QTest::keyClick(nameEdit, Qt::Key_Return);
        QTRY_COMPARE(window.client()->name(), u"al"_s);
        QCOMPARE(window.client()->room(), u"Kitchen"_s);
    }

private:
    // alice's window in the room she hosts, wired to the hub and the announcer as the app does;
    // a listener hears the announcements.
    struct Hosting
    {
        HubRunner hub;
        ReachSession reach;
        RoomListener listener;
        ChatWindow window;

        bool start(const InterfaceSelection &loopback)
        {
            HubConfig config;
            config.room = u"alice"_s;
            if (!hub.start(config))
                return false;
            listener.setInterfaceSelection(loopback);
            if (!listener.start(0))
                return false;
            reach.announcer()->setInterfaceSelection(loopback);
            reach.announcer()->setMulticastTtl(0);
            reach.announcer()->setBroadcastEnabled(false);
            reach.announcer()->setDestinationPort(listener.port());
            reach.hostingStarted(u"alice"_s, QHostAddress::LocalHost, 0, hub.port);
            QObject::connect(&window, &ChatWindow::roomRenameRequested, &window,
                             [this](const QString &room) {
                                 hub.host->setRoomName(room);
                                 reach.setRoomName(room);
                             });
            window.setNickname(u"alice"_s);
            window.setHosting(hub.url(), {});
            window.joinRoom(hub.url());
            window.show();
            window.activateWindow();
            if (!QTest::qWaitForWindowActive(&window))
                return false;
            return QTest::qWaitFor(
                    [&] { return window.client()->state() == ChatClient::State::Connected; }, 5000);
        }
        QString heardRoomName() const
        {
            const QList<HeardRoom> rooms = listener.rooms();
            return rooms.size() == 1 ? rooms.constFirst().announcement.room : QString();
        }
    };

    InterfaceSelection m_loopback;
};

QTEST_MAIN(TestRoomRename)
#include "tst_roomrename.moc"
