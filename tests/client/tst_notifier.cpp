#include <QAction>
#include <QDBusConnection>
#include <QMenu>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include "chatwindow.h"
#include "desktopnotifications.h"
#include "notifier.h"

using namespace Qt::StringLiterals;

// A stand-in for the desktop's notification service, on a private session bus.
class FakeNotificationService final : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    struct Call
    {
        QString app;
        uint replaces = 0;
        QString summary;
        QString body;
        int timeout = 0;
    };
    QList<Call> calls;

public Q_SLOTS:
    uint Notify(const QString &app, uint replaces, const QString &icon, const QString &summary,
                const QString &body, const QStringList &actions, const QVariantMap &hints,
                int timeout)
    {
        Q_UNUSED(icon);
        Q_UNUSED(actions);
        Q_UNUSED(hints);
        calls.append({app, replaces, summary, body, timeout});
        return uint(40 + calls.size());
    }
    QStringList GetCapabilities() { return {u"body"_s}; }
};

// Notifications: through the desktop's service where there is no tray (tested against the fake
// service on a bus of our own, started with dbus-daemon), and the tray icon's menu.
class TestNotifier final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(u"LanChatTest"_s);
        QCoreApplication::setApplicationName(u"tst_notifier"_s);
        const QString daemon = QStandardPaths::findExecutable(u"dbus-daemon"_s);
        if (daemon.isEmpty())
            return; // the D-Bus tests skip; the rest runs
        m_daemon.start(daemon, {u"--session"_s, u"--nofork"_s, u"--print-address=1"_s});
        QVERIFY(m_daemon.waitForStarted(5000));
        QTRY_VERIFY_WITH_TIMEOUT(m_daemon.canReadLine(), 10000);
        m_address = QString::fromUtf8(m_daemon.readLine()).trimmed();
        QVERIFY(!m_address.isEmpty());
    }
    void cleanupTestCase()
    {
        QDBusConnection::disconnectFromBus(u"service"_s);
        QDBusConnection::disconnectFromBus(u"client"_s);
        if (m_daemon.state() != QProcess::NotRunning) {
            m_daemon.terminate();
            m_daemon.waitForFinished(5000);
        }
    }

    void notifiesThroughTheDesktopServiceWithoutATray()
    {
        if (m_address.isEmpty())
            QSKIP("dbus-daemon is not installed");
        QDBusConnection service = QDBusConnection::connectToBus(m_address, u"service"_s);
        QVERIFY(service.isConnected());
        FakeNotificationService fake;
        QVERIFY(service.registerObject(DesktopNotifications::Path, &fake,
                                       QDBusConnection::ExportAllSlots));
        QVERIFY(service.registerService(DesktopNotifications::Service));

        Notifier notifier(QIcon{});
        QVERIFY(!notifier.hasTray()); // offscreen: no tray
        auto *desktop
                = new DesktopNotifications(QDBusConnection::connectToBus(m_address, u"client"_s));
        QVERIFY(desktop->isAvailable());
        notifier.setDesktopNotifications(desktop);
        QSignalSpy shown(desktop, &DesktopNotifications::shown);

        notifier.messageArrived(u"bob"_s, u"hello\n  there"_s);
        QVERIFY(shown.wait(5000));
        QCOMPARE(fake.calls.size(), 1);
        QCOMPARE(fake.calls.at(0).summary, u"bob"_s);
        QCOMPARE(fake.calls.at(0).body, u"hello there"_s);
        QCOMPARE(fake.calls.at(0).replaces, 0u);
        QVERIFY(fake.calls.at(0).timeout > 0);
        QCOMPARE(notifier.unread(), 1);

        // The next one replaces the first instead of piling up.
        notifier.messageArrived(u"carol"_s, u"hi"_s);
        QVERIFY(shown.wait(5000));
        QCOMPARE(fake.calls.size(), 2);
        QCOMPARE(fake.calls.at(1).replaces, 41u);

        // Muted: counted, not shown.
        notifier.setMuted(true);
        notifier.messageArrived(u"dave"_s, u"psst"_s);
        QCOMPARE(desktop->sent(), 2);
        QCOMPARE(notifier.unread(), 3);
    }

    void noServiceNoNotification()
    {
        if (m_address.isEmpty())
            QSKIP("dbus-daemon is not installed");
        // A bus without the service: nothing to send to.
        DesktopNotifications desktop(QDBusConnection::connectToBus(m_address, u"client"_s));
        if (QDBusConnection(u"service"_s).isConnected())
            QDBusConnection(u"service"_s).unregisterService(DesktopNotifications::Service);
        QVERIFY(!desktop.isAvailable());
        // And without any bus at all.
        DesktopNotifications none(QDBusConnection(u"no such bus"_s));
        QVERIFY(!none.isAvailable());
    }

    void trayMenuShowsMutesAndQuits()
    {
        ChatWindow window;
        Notifier *notifier = window.notifier();
        QMenu *menu = notifier->trayMenu();
        QVERIFY(menu);
        QStringList names;
        for (const QAction *action : menu->actions()) {
            if (!action->isSeparator())
                names.append(action->objectName());
        }
        QCOMPARE(names,
                 (QStringList{u"trayShowAction"_s, u"trayMuteAction"_s, u"trayQuitAction"_s}));

        QSignalSpy activated(notifier, &Notifier::activated);
        menu->findChild<QAction *>(u"trayShowAction"_s)->trigger();
        QCOMPARE(activated.size(), 1);
        QTRY_VERIFY(window.isVisible());

        // Mute in the tray is the window's Mute too.
        auto *windowMute = window.findChild<QAction *>(u"muteAction"_s);
        const bool wasMuted = windowMute->isChecked();
        menu->findChild<QAction *>(u"trayMuteAction"_s)->trigger();
        QCOMPARE(notifier->isMuted(), !wasMuted);
        QCOMPARE(windowMute->isChecked(), !wasMuted);
        windowMute->trigger();
        QCOMPARE(menu->findChild<QAction *>(u"trayMuteAction"_s)->isChecked(), wasMuted);

        // Quit closes the window (not hosting: no question).
        menu->findChild<QAction *>(u"trayQuitAction"_s)->trigger();
        QTRY_VERIFY(!window.isVisible());
    }

private:
    QProcess m_daemon;
    QString m_address;
};

QTEST_MAIN(TestNotifier)
#include "tst_notifier.moc"
