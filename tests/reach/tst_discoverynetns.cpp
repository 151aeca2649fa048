#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;

// Discovery between two machines, simulated: two network namespaces joined by a veth pair, an
// announcer (reach_netns_helper) in one and a listener in the other, both with the library's
// defaults (real port and group, interfaces found by themselves). Needs root and `ip netns`;
// skipped otherwise. Namespace and link names are unique per run and removed at the end.
class TestDiscoveryNetns final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void roomInOneNamespaceIsFoundFromTheOther_data();
    void roomInOneNamespaceIsFoundFromTheOther();
    void byeCrossesTheLink();

private:
    // Runs `ip ARGS`, bounded; false (with the reason in *error) when it fails.
    bool ip(const QStringList &args, QString *error = nullptr);
    QProcess *startInNamespace(const QString &ns, const QStringList &helperArgs);
    // Starts the listener in B and waits until it has bound the port and joined the group.
    // *ready tells whether it said so within 5 s.
    QProcess *startListener(const QStringList &helperArgs, bool *ready);
    bool waitUntilUp(const QString &ns, const QString &interface);
    static bool finish(QProcess *process, int timeoutMs);

    QString m_ip;
    QString m_nsA; // the announcer's
    QString m_nsB; // the listener's
    QString m_vethA;
    QString m_vethB;
    bool m_created = false;
};

bool TestDiscoveryNetns::ip(const QStringList &args, QString *error)
{
    QProcess process;
    process.start(m_ip, args);
    if (!process.waitForFinished(10000)) {
        process.kill();
        process.waitForFinished(2000);
        if (error)
            *error = u"ip %1: timed out"_s.arg(args.join(u' '));
        return false;
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        if (error)
            *error = u"ip %1: %2"_s.arg(
                    args.join(u' '),
                    QString::fromLocal8Bit(process.readAllStandardError()).trimmed());
        return false;
    }
    return true;
}

void TestDiscoveryNetns::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("not root: the two-namespace discovery test needs root for `ip netns` (run ctest as "
              "root to include it)");
    m_ip = QStandardPaths::findExecutable(u"ip"_s);
    if (m_ip.isEmpty())
        m_ip = QStandardPaths::findExecutable(u"ip"_s, {u"/usr/sbin"_s, u"/sbin"_s});
    if (m_ip.isEmpty())
        QSKIP("the `ip` tool (iproute2) is not installed");

    const QString id = QString::number(QCoreApplication::applicationPid());
    m_nsA = u"lanchat-test-a-"_s + id;
    m_nsB = u"lanchat-test-b-"_s + id;
    m_vethA = u"lcva"_s + id.right(10); // interface names: at most 15 characters
    m_vethB = u"lcvb"_s + id.right(10);

    QString error;
    if (!ip({u"netns"_s, u"add"_s, m_nsA}, &error))
        QSKIP(qPrintable(u"`ip netns` does not work here (%1)"_s.arg(error)));
    m_created = true;
    const QList<QStringList> steps{
            {u"netns"_s, u"add"_s, m_nsB},
            {u"link"_s, u"add"_s, m_vethA, u"type"_s, u"veth"_s, u"peer"_s, u"name"_s, m_vethB},
            {u"link"_s, u"set"_s, m_vethA, u"netns"_s, m_nsA},
            {u"link"_s, u"set"_s, m_vethB, u"netns"_s, m_nsB},
            {u"-n"_s, m_nsA, u"addr"_s, u"add"_s, u"10.231.7.1/24"_s, u"brd"_s, u"+"_s, u"dev"_s,
             m_vethA},
            {u"-n"_s, m_nsB, u"addr"_s, u"add"_s, u"10.231.7.2/24"_s, u"brd"_s, u"+"_s, u"dev"_s,
             m_vethB},
            {u"-n"_s, m_nsA, u"link"_s, u"set"_s, u"lo"_s, u"up"_s},
            {u"-n"_s, m_nsB, u"link"_s, u"set"_s, u"lo"_s, u"up"_s},
            {u"-n"_s, m_nsA, u"link"_s, u"set"_s, m_vethA, u"up"_s},
            {u"-n"_s, m_nsB, u"link"_s, u"set"_s, m_vethB, u"up"_s},
    };
    for (const QStringList &step : steps)
        QVERIFY2(ip(step, &error), qPrintable(error));
    // The carrier comes up a moment after `link set up`; the announcer skips an interface that is
    // not running yet.
    QVERIFY(waitUntilUp(m_nsA, m_vethA));
    QVERIFY(waitUntilUp(m_nsB, m_vethB));
}

bool TestDiscoveryNetns::waitUntilUp(const QString &ns, const QString &interface)
{
    for (int attempt = 0; attempt < 50; ++attempt) {
        QProcess process;
        process.start(m_ip, {u"-n"_s, ns, u"-br"_s, u"link"_s, u"show"_s, u"dev"_s, interface});
        if (!process.waitForFinished(5000))
            return false;
        if (process.readAllStandardOutput().contains(" UP "))
            return true;
        QTest::qWait(100);
    }
    return false;
}

QProcess *TestDiscoveryNetns::startListener(const QStringList &helperArgs, bool *ready)
{
    QProcess *process = startInNamespace(m_nsB, helperArgs);
    QElapsedTimer clock;
    clock.start();
    QByteArray seen;
    while (clock.elapsed() < 5000 && !seen.contains('\n')) {
        if (!process->waitForReadyRead(int(5000 - clock.elapsed())))
            break;
        seen += process->readLine();
    }
    *ready = seen.startsWith("LISTENING ") && seen.contains(m_vethB.toLatin1());
    if (!*ready)
        qWarning("listener not ready: %s", seen.constData());
    return process;
}

void TestDiscoveryNetns::cleanupTestCase()
{
    if (!m_created)
        return;
    // Deleting a namespace deletes the veth end inside it, and with it the pair.
    QString error;
    if (!ip({u"netns"_s, u"del"_s, m_nsA}, &error))
        qWarning("%s", qPrintable(error));
    ip({u"netns"_s, u"del"_s, m_nsB}); // may not exist if setup failed early
    m_created = false;
}

QProcess *TestDiscoveryNetns::startInNamespace(const QString &ns, const QStringList &helperArgs)
{
    auto *process = new QProcess(this);
    process->setProcessChannelMode(QProcess::SeparateChannels);
    process->start(m_ip,
                   QStringList{u"netns"_s, u"exec"_s, ns, QStringLiteral(REACH_NETNS_HELPER)}
                           + helperArgs);
    return process;
}

bool TestDiscoveryNetns::finish(QProcess *process, int timeoutMs)
{
    const bool done = process->waitForFinished(timeoutMs);
    if (!done) {
        process->kill();
        process->waitForFinished(2000);
    }
    return done;
}

void TestDiscoveryNetns::roomInOneNamespaceIsFoundFromTheOther_data()
{
    QTest::addColumn<QString>("how");
    QTest::addRow("multicast") << u"multicast"_s;
    QTest::addRow("subnet broadcast") << u"broadcast"_s;
    QTest::addRow("both") << u"both"_s;
}

void TestDiscoveryNetns::roomInOneNamespaceIsFoundFromTheOther()
{
    QFETCH(QString, how);
    bool ready = false;
    QProcess *listener = startListener({u"listen"_s, u"6000"_s}, &ready);
    QVERIFY2(ready, "the listener did not bind and join the group on the veth in time");
    QProcess *announcer = startInNamespace(
            m_nsA, {u"announce"_s, u"Netns Room "_s + how, u"8000"_s, u"200"_s, how});
    QVERIFY(announcer->waitForStarted(5000));

    const bool listenerDone = finish(listener, 10000);
    finish(announcer, 0); // not needed any more: stop it (bounded)
    const QString heard = QString::fromUtf8(listener->readAllStandardOutput());
    const QString announced = QString::fromUtf8(announcer->readAllStandardOutput());
    QVERIFY2(listenerDone, "the listener did not finish");
    QVERIFY2(listener->exitCode() == 0,
             qPrintable(u"nothing heard; announcer said: %1; listener stderr: %2"_s.arg(
                     announced, QString::fromUtf8(listener->readAllStandardError()))));
    QCOMPARE(heard.trimmed(),
             u"HEARD Netns Room %1\t10.231.7.1:8765\t2\t"_s.arg(how) + QSysInfo::machineHostName());
    // The announcer used the veth on its own, and not loopback.
    QVERIFY2(announced.contains(u"ANNOUNCED "_s) && announced.contains(m_vethA)
                     && !announced.contains(u",lo"_s) && !announced.contains(u" lo"_s),
             qPrintable(announced));
    delete listener;
    delete announcer;
}

void TestDiscoveryNetns::byeCrossesTheLink()
{
    // Announcements every 5 s: without the bye the room would stay 15 s. It says bye after 1 s.
    bool ready = false;
    QProcess *listener = startListener({u"listen"_s, u"8000"_s, u"until-gone"_s}, &ready);
    QVERIFY2(ready, "the listener did not bind and join the group on the veth in time");
    QProcess *announcer
            = startInNamespace(m_nsA, {u"announce"_s, u"Short"_s, u"1000"_s, u"5000"_s});
    QVERIFY(announcer->waitForStarted(5000));
    const bool done = finish(listener, 10000);
    finish(announcer, 5000);
    const QStringList lines
            = QString::fromUtf8(listener->readAllStandardOutput()).trimmed().split(u'\n');
    QVERIFY(done);
    QCOMPARE(listener->exitCode(), 0);
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines.at(0).startsWith(u"HEARD Short\t10.231.7.1:8765"_s));
    QVERIFY(lines.at(1).startsWith(u"GONE "_s));
    QVERIFY2(lines.at(1).mid(5).toInt() < 4000, qPrintable(lines.at(1)));
    delete listener;
    delete announcer;
}

QTEST_GUILESS_MAIN(TestDiscoveryNetns)
#include "tst_discoverynetns.moc"
