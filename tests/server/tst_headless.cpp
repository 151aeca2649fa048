#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTest>

#include <csignal>

#include "testpeer.h"

using namespace Qt::StringLiterals;

// The lanchat executable in headless mode, as a process.
class TestHeadless : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void servesRoomAndEndsCleanlyOnSigterm();
    void sigintAlsoEndsCleanly();
    void portInUseExitsWithOne();
    void helpListsLimits();
    void badOptionExitsWithTwo();
    void germanLocaleGivesGermanTextButTheSameFirstLine();

private:
    static void startHub(QProcess &process, const QStringList &extra = {});
    static quint16 waitForPort(QProcess &process, QString *out = nullptr);
};

void TestHeadless::startHub(QProcess &process, const QStringList &extra)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_LOGGING_RULES"_s, u"lanchat.*.info=false"_s);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(LANCHAT_BIN),
                  QStringList{u"--headless"_s, u"--bind"_s, u"127.0.0.1"_s, u"--port"_s, u"0"_s,
                              u"--no-announce"_s}
                          + extra);
}

quint16 TestHeadless::waitForPort(QProcess &process, QString *out)
{
    static const QRegularExpression portLine(u"on port (\\d+)"_s);
    QString text;
    quint16 port = 0;
    (void)QTest::qWaitFor(
            [&] {
                text += QString::fromUtf8(process.readAllStandardOutput());
                const auto match = portLine.match(text);
                if (match.hasMatch())
                    port = quint16(match.captured(1).toUInt());
                return port != 0 || process.state() == QProcess::NotRunning;
            },
            10000);
    (void)QTest::qWaitFor([&] { return text.contains(u"Ctrl+C"_s); }, 2000);
    text += QString::fromUtf8(process.readAllStandardOutput());
    if (out)
        *out = text;
    return port;
}

void TestHeadless::servesRoomAndEndsCleanlyOnSigterm()
{
    QProcess hub;
    startHub(hub, {u"--room"_s, u"Test Room"_s});
    QString banner;
    const quint16 port = waitForPort(hub, &banner);
    QVERIFY2(port, qPrintable(banner + QString::fromUtf8(hub.readAllStandardError())));
    QVERIFY2(banner.contains(u"LAN Chat: room \"Test Room\" on port %1"_s.arg(port)),
             qPrintable(banner));
    QVERIFY2(banner.contains(u"http://127.0.0.1:%1/"_s.arg(port)), qPrintable(banner));

    const QUrl url(u"ws://127.0.0.1:%1/ws"_s.arg(port));
    TestPeer alice;
    TestPeer bob;
    QVERIFY(alice.open(url) && bob.open(url));
    const auto welcome = alice.join(u"alice"_s);
    QVERIFY(welcome);
    QCOMPARE(welcome->room, u"Test Room"_s);
    QVERIFY(bob.join(u"bob"_s));
    bob.send(Protocol::chat(u"hi from bob"_s));
    const auto chat = alice.nextChat();
    QVERIFY(chat);
    QCOMPARE(chat->text, u"hi from bob"_s);

    hub.terminate(); // SIGTERM
    QVERIFY(alice.waitClosed());
    QVERIFY(bob.waitClosed());
    QCOMPARE(alice.closeCode(), 1001);
    QCOMPARE(bob.closeCode(), 1001);
    QTRY_COMPARE_WITH_TIMEOUT(hub.state(), QProcess::NotRunning, 10000);
    QCOMPARE(hub.exitStatus(), QProcess::NormalExit);
    QVERIFY2(hub.exitCode() == 0, hub.readAllStandardError().right(4000).constData());
}

void TestHeadless::sigintAlsoEndsCleanly()
{
    QProcess hub;
    startHub(hub);
    const quint16 port = waitForPort(hub);
    QVERIFY(port);
    TestPeer alice;
    QVERIFY(alice.open(QUrl(u"ws://127.0.0.1:%1/ws"_s.arg(port))));
    ::kill(pid_t(hub.processId()), SIGINT);
    QVERIFY(alice.waitClosed());
    QCOMPARE(alice.closeCode(), 1001);
    QTRY_COMPARE_WITH_TIMEOUT(hub.state(), QProcess::NotRunning, 10000);
    QCOMPARE(hub.exitStatus(), QProcess::NormalExit);
    QVERIFY2(hub.exitCode() == 0, hub.readAllStandardError().right(4000).constData());
}

void TestHeadless::portInUseExitsWithOne()
{
    QTcpServer holder;
    QVERIFY(holder.listen(QHostAddress::LocalHost, 0));
    QProcess hub;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    hub.setProcessEnvironment(env);
    hub.start(QStringLiteral(LANCHAT_BIN),
              {u"--headless"_s, u"--bind"_s, u"127.0.0.1"_s, u"--port"_s,
               QString::number(holder.serverPort()), u"--no-announce"_s});
    QVERIFY(hub.waitForFinished(10000));
    QCOMPARE(hub.exitCode(), 1);
    const QString err = QString::fromUtf8(hub.readAllStandardError());
    QVERIFY2(err.contains(u"cannot host the room"_s)
                     && err.contains(QString::number(holder.serverPort())),
             qPrintable(err));
}

void TestHeadless::helpListsLimits()
{
    QProcess process;
    process.start(QStringLiteral(LANCHAT_BIN), {u"--help"_s});
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 0);
    const QString help = QString::fromUtf8(process.readAllStandardOutput());
    for (const QString &option :
         {u"--headless"_s, u"--port"_s, u"--bind"_s, u"--room"_s, u"--max-clients"_s,
          u"--rate-limit"_s, u"--allow-origin"_s, u"--join"_s, u"--idle-timeout"_s})
        QVERIFY2(help.contains(option), qPrintable(option));
}

void TestHeadless::badOptionExitsWithTwo()
{
    QProcess process;
    process.start(QStringLiteral(LANCHAT_BIN), {u"--headless"_s, u"--port"_s, u"http"_s});
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 2);
    QVERIFY(QString::fromUtf8(process.readAllStandardError()).contains(u"--port"_s));
}

void TestHeadless::germanLocaleGivesGermanTextButTheSameFirstLine()
{
    // The translator is loaded by main() from the locale, as for a person with LANG=de_DE.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : {u"LANGUAGE"_s, u"LC_ALL"_s, u"LC_MESSAGES"_s})
        env.remove(name);
    env.insert(u"LANG"_s, u"de_DE.UTF-8"_s);
    QProcess help;
    help.setProcessEnvironment(env);
    help.start(QStringLiteral(LANCHAT_BIN), {u"--help"_s});
    QVERIFY(help.waitForFinished(10000));
    const QString text = QString::fromUtf8(help.readAllStandardOutput());
    QVERIFY2(text.contains(u"Einen Raum ohne Fenster eröffnen."_s), qPrintable(text));

    QProcess hub;
    hub.setProcessEnvironment(env);
    hub.start(QStringLiteral(LANCHAT_BIN),
              {u"--headless"_s, u"--bind"_s, u"127.0.0.1"_s, u"--port"_s, u"0"_s,
               u"--no-announce"_s, u"--room"_s, u"Küche"_s});
    QString banner;
    QVERIFY(waitForPort(hub, &banner));
    QVERIFY2(banner.startsWith(u"LAN Chat: room \"Küche\" on port "_s), qPrintable(banner));
    hub.terminate();
    QTRY_COMPARE_WITH_TIMEOUT(hub.state(), QProcess::NotRunning, 10000);
    QCOMPARE(hub.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestHeadless)
#include "tst_headless.moc"
