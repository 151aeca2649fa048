#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <csignal>

#include "testpeer.h"

using namespace Qt::StringLiterals;

// The lanchat executable with its window (offscreen), as a process: the end of a session (logout
// sends SIGTERM) or Ctrl+C in its terminal ends the hosted room the way the Stop button does.
class TestGuiProcess : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void signalEndsTheRoomWith1001ThenQuits_data();
    void signalEndsTheRoomWith1001ThenQuits();
};

void TestGuiProcess::signalEndsTheRoomWith1001ThenQuits_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::addRow("SIGTERM") << int(SIGTERM);
    QTest::addRow("SIGINT") << int(SIGINT);
}

void TestGuiProcess::signalEndsTheRoomWith1001ThenQuits()
{
    QFETCH(int, signalNumber);
    QProcess app;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    // The hub's "listening on port N" line tells the port it got (port 0: any free one).
    env.insert(u"QT_LOGGING_RULES"_s, u"lanchat.*.info=false\nlanchat.server.hub.info=true"_s);
    app.setProcessEnvironment(env);
    app.start(QStringLiteral(LANCHAT_BIN),
              {u"--bind"_s, u"127.0.0.1"_s, u"--port"_s, u"0"_s, u"--no-announce"_s, u"--room"_s,
               u"Signals"_s, u"--nick"_s, u"host"_s});
    QVERIFY2(app.waitForStarted(10000), qPrintable(app.errorString()));

    static const QRegularExpression portLine(u"listening on port (\\d+)"_s);
    QString log;
    quint16 port = 0;
    (void)QTest::qWaitFor(
            [&] {
                log += QString::fromUtf8(app.readAllStandardError());
                const auto match = portLine.match(log);
                if (match.hasMatch())
                    port = quint16(match.captured(1).toUInt());
                return port != 0 || app.state() == QProcess::NotRunning;
            },
            15000);
    QVERIFY2(port, qPrintable(log));

    TestPeer guest;
    QVERIFY(guest.open(QUrl(u"ws://127.0.0.1:%1/ws"_s.arg(port))));
    const auto welcome = guest.join(u"guest"_s);
    QVERIFY(welcome);
    QCOMPARE(welcome->room, u"Signals"_s);

    ::kill(pid_t(app.processId()), signalNumber);
    QVERIFY(guest.waitClosed(10000));
    QCOMPARE(guest.closeCode(), 1001);
    QTRY_COMPARE_WITH_TIMEOUT(app.state(), QProcess::NotRunning, 10000);
    QCOMPARE(app.exitStatus(), QProcess::NormalExit);
    QVERIFY2(app.exitCode() == 0, app.readAllStandardError().right(4000).constData());
}

QTEST_GUILESS_MAIN(TestGuiProcess)
#include "tst_guiprocess.moc"
