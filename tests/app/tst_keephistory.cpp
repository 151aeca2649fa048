#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QTest>

#include "appoptions.h"
#include "chatwindow.h"
#include "clientsettings.h"
#include "guiapp.h"

using namespace Qt::StringLiterals;

// Room > Keep History on This Computer: the setting, the window's action and what the app makes
// of it when it hosts, against --ephemeral / --data-dir.
class TestKeepHistory final : public QObject
{
    Q_OBJECT

    static AppOptions parsed(const QStringList &arguments)
    {
        const ParsedCommandLine result = parseOptions(QStringList{u"lanchat"_s} + arguments);
        if (!result.options)
            qFatal("command line rejected: %s", qPrintable(result.error));
        return *result.options;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(u"LanChatTest"_s);
        QCoreApplication::setApplicationName(u"tst_keephistory"_s);
    }

    void init() { QSettings().clear(); } // every test starts as a first run

    void settingRoundTrips()
    {
        QVERIFY(ClientSettings().keepHistory());
        ClientSettings().setKeepHistory(false);
        QVERIFY(!ClientSettings().keepHistory());
        ClientSettings().setKeepHistory(true);
        QVERIFY(ClientSettings().keepHistory());
    }

    void roomMenuActionIsCheckedAndSaved()
    {
        ChatWindow window;
        auto *action = window.findChild<QAction *>(u"keepHistoryAction"_s);
        QVERIFY(action);
        QCOMPARE(action, window.keepHistoryAction());
        QVERIFY(action->isCheckable());
        QVERIFY(action->isChecked());
        QVERIFY(action->isEnabled());

        QMenu *roomMenu = nullptr;
        const QList<QAction *> menus = window.menuBar()->actions();
        for (QAction *menu : menus) {
            if (menu->menu() && menu->menu()->actions().contains(action))
                roomMenu = menu->menu();
        }
        QVERIFY(roomMenu);
        QVERIFY(roomMenu->actions().contains(window.findChild<QAction *>(u"hostAction"_s)));

        action->trigger();
        QVERIFY(!action->isChecked());
        QVERIFY(!ClientSettings().keepHistory());

        ChatWindow again; // the next run shows what was chosen
        QVERIFY(!again.keepHistoryAction()->isChecked());
        action->trigger();
        QVERIFY(ClientSettings().keepHistory());
    }

    void settingDecidesWithoutCommandLine()
    {
        const AppOptions options = parsed({});
        QVERIFY(!historyChosenOnCommandLine(options));
        QVERIFY(!options.hub.dataDir.isEmpty());
        QCOMPARE(hostedDataDir(options, true), options.hub.dataDir);
        QVERIFY(hostedDataDir(options, false).isEmpty());
    }

    void commandLineWins()
    {
        const QString dir = QDir(u"history-here"_s).absolutePath();
        const AppOptions given = parsed({u"--data-dir"_s, dir});
        QVERIFY(historyChosenOnCommandLine(given));
        QCOMPARE(hostedDataDir(given, false), dir);
        QCOMPARE(hostedDataDir(given, true), dir);

        const AppOptions ephemeral = parsed({u"--ephemeral"_s});
        QVERIFY(historyChosenOnCommandLine(ephemeral));
        QVERIFY(hostedDataDir(ephemeral, true).isEmpty());
        QVERIFY(hostedDataDir(ephemeral, false).isEmpty());
    }
};

QTEST_MAIN(TestKeepHistory)
#include "tst_keephistory.moc"
