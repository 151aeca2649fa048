#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
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
    void killNineLosesNothingAnyoneReceived();
    void helpListsLimits();
    void badOptionExitsWithTwo();
    void germanLocaleGivesGermanTextButTheSameFirstLine();
    void printsHostLinkAndWritesTheTokenForItsUserOnly();
    void ephemeralKeepsTheTokenInTheRuntimeFolder();

private:
    static void startHub(QProcess &process, const QStringList &extra = {});
    static quint16 waitForPort(QProcess &process, QString *out = nullptr);
    static void stopHub(QProcess &process);
    // The runtime folder of every hub started here (an ephemeral hub's host token goes there).
    static QTemporaryDir &runtimeDir();
};

QTemporaryDir &TestHeadless::runtimeDir()
{
    static QTemporaryDir dir; // 0700, as XDG_RUNTIME_DIR must be
    return dir;
}

void TestHeadless::stopHub(QProcess &process)
{
    ::kill(pid_t(process.processId()), SIGTERM);
    QVERIFY(process.waitForFinished(10000));
}

void TestHeadless::startHub(QProcess &process, const QStringList &extra)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_LOGGING_RULES"_s, u"lanchat.*.info=false"_s);
    env.insert(u"XDG_RUNTIME_DIR"_s, runtimeDir().path());
    process.setProcessEnvironment(env);
    // Each test starts from an empty room unless it names a data folder of its own.
    const QStringList store
            = extra.contains(u"--data-dir"_s) ? QStringList{} : QStringList{u"--ephemeral"_s};
    process.start(QStringLiteral(LANCHAT_BIN),
                  QStringList{u"--headless"_s, u"--bind"_s, u"127.0.0.1"_s, u"--port"_s, u"0"_s,
                              u"--no-announce"_s}
                          + store + extra);
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

// The host is killed (-9) while a stream of messages goes through it; started again on the same
// data folder, its history holds every message a client had received, and the room goes on.
void TestHeadless::killNineLosesNothingAnyoneReceived()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QStringList options{u"--data-dir"_s, dir.path(),        u"--room"_s,
                              u"Durable"_s,    u"--rate-limit"_s, u"0"_s};
    QProcess hub;
    startHub(hub, options);
    quint16 port = waitForPort(hub);
    QVERIFY(port);
    TestPeer sender;
    TestPeer receiver;
    QVERIFY(sender.open(QUrl(u"ws://127.0.0.1:%1/ws"_s.arg(port))));
    QVERIFY(receiver.open(QUrl(u"ws://127.0.0.1:%1/ws"_s.arg(port))));
    QVERIFY(sender.join(u"sender"_s));
    const auto welcome = receiver.join(u"receiver"_s);
    QVERIFY(welcome);
    for (int i = 1; i <= 2000; ++i)
        sender.send(Protocol::chat(u"stream %1"_s.arg(i)));
    QList<Protocol::Message> received;
    while (received.size() < 100) {
        const auto chat = receiver.nextChat(10000);
        QVERIFY(chat);
        received.append(*chat);
    }
    ::kill(pid_t(hub.processId()), SIGKILL);
    QVERIFY(receiver.waitClosed(10000));
    while (const auto chat = receiver.nextChat(0)) // what the kernel had delivered already
        received.append(*chat);
    QTRY_COMPARE_WITH_TIMEOUT(hub.state(), QProcess::NotRunning, 10000);
    QCOMPARE(hub.exitStatus(), QProcess::CrashExit);

    QProcess again;
    startHub(again, options);
    port = waitForPort(again);
    QVERIFY(port);
    TestPeer reader;
    QVERIFY(reader.open(QUrl(u"ws://127.0.0.1:%1/ws"_s.arg(port))));
    const auto after = reader.join(u"reader"_s);
    QVERIFY(after);
    QCOMPARE(after->instance, welcome->instance);
    QVERIFY(after->seq >= received.last().seq);
    QHash<qint64, QString> stored;
    std::optional<qint64> before;
    for (int pages = 0; pages < 100; ++pages) {
        reader.send(Protocol::historyRequest(before, 200));
        const auto page = reader.next(Protocol::Type::History);
        QVERIFY(page);
        for (const Protocol::Message &chat : page->messages)
            stored.insert(chat.seq, chat.text);
        if (page->complete || page->messages.isEmpty())
            break;
        before = page->messages.first().seq;
    }
    qInfo() << "received" << received.size() << "before the kill; the store kept" << stored.size();
    for (const Protocol::Message &chat : std::as_const(received)) {
        QVERIFY2(stored.contains(chat.seq), qPrintable(u"seq %1 lost"_s.arg(chat.seq)));
        QCOMPARE(stored.value(chat.seq), chat.text);
    }
    // The sequence goes on after what was stored.
    reader.send(Protocol::chat(u"after the crash"_s));
    const auto next = reader.nextChat();
    QVERIFY(next);
    QCOMPARE(next->seq, after->seq + 1);
    again.terminate();
    QTRY_COMPARE_WITH_TIMEOUT(again.state(), QProcess::NotRunning, 10000);
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
          u"--rate-limit"_s, u"--allow-origin"_s, u"--allow-host"_s, u"--join"_s,
          u"--idle-timeout"_s, u"--data-dir"_s, u"--ephemeral"_s, u"--keep-days"_s,
          u"--keep-messages"_s})
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

void TestHeadless::printsHostLinkAndWritesTheTokenForItsUserOnly()
{
    QTemporaryDir data;
    QVERIFY(data.isValid());
    QProcess hub;
    startHub(hub, {u"--data-dir"_s, data.path(), u"--passcode"_s, u"tulip 42"_s});
    QString banner;
    const quint16 port = waitForPort(hub, &banner);
    QVERIFY2(port, qPrintable(banner + QString::fromUtf8(hub.readAllStandardError())));
    // The guest link carries the passcode, the host link the token, both in the fragment.
    QVERIFY2(banner.contains(u"http://127.0.0.1:%1/#code=tulip%2042"_s.arg(port)),
             qPrintable(banner));
    static const QRegularExpression hostLink(
            u"http://127\\.0\\.0\\.1:\\d+/#host=([0-9a-f]{32})\n"_s);
    const auto link = hostLink.match(banner);
    QVERIFY2(link.hasMatch(), qPrintable(banner));
    const QString tokenPath = data.filePath(u"host-token"_s);
    QVERIFY2(banner.contains(tokenPath), qPrintable(banner));

    QFile file(tokenPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromLatin1(file.readAll()).trimmed(), link.captured(1));
    QCOMPARE(file.permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner);

    // The token gives host rights without the passcode.
    TestPeer host;
    QVERIFY(host.open(QUrl(u"ws://127.0.0.1:%1/ws"_s.arg(port))));
    Protocol::Message join = Protocol::join(u"boss"_s);
    join.hostToken = link.captured(1);
    host.send(join);
    const auto welcome = host.next(Protocol::Type::Welcome);
    QVERIFY(welcome);
    QVERIFY(welcome->host);
    stopHub(hub);
}

void TestHeadless::ephemeralKeepsTheTokenInTheRuntimeFolder()
{
    QProcess hub;
    startHub(hub);
    QString banner;
    QVERIFY2(waitForPort(hub, &banner), qPrintable(banner));
    const QString tokenPath = runtimeDir().filePath(u"lanchat/host-token"_s);
    QVERIFY2(banner.contains(tokenPath), qPrintable(banner));
    QVERIFY2(!banner.contains(u"#code="_s), qPrintable(banner));
    QVERIFY(QFile::exists(tokenPath));
    stopHub(hub);
}

QTEST_GUILESS_MAIN(TestHeadless)
#include "tst_headless.moc"
