#include <QAbstractEventDispatcher>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include "hubhost.h"
#include "testpeer.h"

using namespace Qt::StringLiterals;

class TestHubHost : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void startsOnWorkerThreadAndServes();
    void portInUseIsReportedAsFailed();
    void stopClosesClientsWith1001ThenStopped();
    void destructorStopsAtOnce();
    void peerCountFollowsJoins();
    void canRestartAfterStop();
    void workerThreadsGetTheUnixDispatcher();
    void storeStateCrossesToTheOwner();
    void hostTokenIsMadeAtOnceAndGivesHostRights();
    void passcodeChangesCrossBothWays();

private:
    static HubConfig localConfig()
    {
        HubConfig config;
        config.bindAddress = QHostAddress::LocalHost;
        config.port = 0;
        return config;
    }
};

void TestHubHost::startsOnWorkerThreadAndServes()
{
    HubHost host(localConfig());
    QSignalSpy listening(&host, &HubHost::listening);
    host.start();
    QVERIFY(listening.wait(5000));
    QVERIFY(host.isRunning());
    QCOMPARE(host.port(), listening.at(0).at(0).value<quint16>());
    TestPeer peer;
    QVERIFY(peer.open(QUrl(u"ws://127.0.0.1:%1/ws"_s.arg(host.port()))));
    QVERIFY(peer.join(u"alice"_s));
    peer.send(Protocol::chat(u"hello"_s));
    const auto chat = peer.nextChat();
    QVERIFY(chat);
    QCOMPARE(chat->text, u"hello"_s);
}

void TestHubHost::portInUseIsReportedAsFailed()
{
    HubHost first(localConfig());
    QSignalSpy listening(&first, &HubHost::listening);
    first.start();
    QVERIFY(listening.wait(5000));

    HubConfig config = localConfig();
    config.port = first.port();
    HubHost second(config);
    QSignalSpy failed(&second, &HubHost::failed);
    second.start();
    QVERIFY(failed.wait(5000));
    QVERIFY(failed.at(0).at(0).toString().contains(QString::number(first.port())));
    QVERIFY(!second.isRunning());
}

void TestHubHost::stopClosesClientsWith1001ThenStopped()
{
    HubHost host(localConfig());
    QSignalSpy listening(&host, &HubHost::listening);
    host.start();
    QVERIFY(listening.wait(5000));
    TestPeer alice;
    TestPeer bob;
    QVERIFY(alice.open(QUrl(u"ws://127.0.0.1:%1/ws"_s.arg(host.port()))));
    QVERIFY(bob.open(QUrl(u"ws://127.0.0.1:%1/ws"_s.arg(host.port()))));
    QVERIFY(alice.join(u"alice"_s));
    QSignalSpy stopped(&host, &HubHost::stopped);
    host.stop();
    QVERIFY(alice.waitClosed());
    QVERIFY(bob.waitClosed());
    QCOMPARE(alice.closeCode(), 1001);
    QCOMPARE(bob.closeCode(), 1001);
    QTRY_COMPARE(stopped.size(), 1);
    QVERIFY(!host.isRunning());
    QCOMPARE(host.port(), 0);
}

void TestHubHost::destructorStopsAtOnce()
{
    TestPeer alice;
    {
        HubHost host(localConfig());
        QSignalSpy listening(&host, &HubHost::listening);
        host.start();
        QVERIFY(listening.wait(5000));
        QVERIFY(alice.open(QUrl(u"ws://127.0.0.1:%1/ws"_s.arg(host.port()))));
    }
    QVERIFY(alice.waitClosed());
}

void TestHubHost::peerCountFollowsJoins()
{
    HubHost host(localConfig());
    QSignalSpy listening(&host, &HubHost::listening);
    QSignalSpy count(&host, &HubHost::peerCountChanged);
    host.start();
    QVERIFY(listening.wait(5000));
    const QUrl url(u"ws://127.0.0.1:%1/ws"_s.arg(host.port()));
    auto alice = std::make_unique<TestPeer>();
    TestPeer bob;
    QVERIFY(alice->open(url) && bob.open(url));
    QVERIFY(alice->join(u"alice"_s) && bob.join(u"bob"_s));
    QTRY_COMPARE(host.peerCount(), 2);
    alice.reset();
    QTRY_COMPARE(host.peerCount(), 1);
    QVERIFY(count.size() >= 3);
}

void TestHubHost::canRestartAfterStop()
{
    HubHost host(localConfig());
    QSignalSpy listening(&host, &HubHost::listening);
    QSignalSpy stopped(&host, &HubHost::stopped);
    host.start();
    QVERIFY(listening.wait(5000));
    host.stop();
    QTRY_COMPARE(stopped.size(), 1);
    host.start();
    QVERIFY(listening.wait(5000));
    QVERIFY(host.port() != 0);
}

// The hub's thread runs Qt's UNIX dispatcher, not glib's (linear in the number of sockets):
// main() sets QT_NO_THREADED_GLIB before any thread exists, and so does the test environment.
// HubHost no longer sets it itself, so this fails if neither does.
void TestHubHost::workerThreadsGetTheUnixDispatcher()
{
    QThread thread;
    thread.start();
    // The thread makes its dispatcher as it starts. Asking the QThread for it crosses no data of
    // ours between the threads (a lambda run there and read here would be a false report under
    // TSan, which cannot see Qt's own locking: QT64-NOTES.md).
    QTRY_VERIFY(thread.eventDispatcher() != nullptr);
    const QByteArray name = thread.eventDispatcher()->metaObject()->className();
    thread.quit();
    thread.wait();
    QCOMPARE(name, QByteArray("QEventDispatcherUNIX"));
}

// The state of the room's store reaches the owner's thread as a queued signal: where history goes,
// and why it is not being saved when the folder cannot be used.
void TestHubHost::storeStateCrossesToTheOwner()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    HubConfig config = localConfig();
    config.dataDir = dir.path();
    HubHost host(config);
    QSignalSpy state(&host, &HubHost::storeStateChanged);
    host.start();
    QVERIFY(state.wait(5000));
    QCOMPARE(state.at(0).at(0).value<Room::StoreState>(), Room::StoreState::Persistent);
    QCOMPARE(host.storeState(), Room::StoreState::Persistent);

    QFile blocker(dir.filePath(u"file"_s));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    config.dataDir = dir.filePath(u"file/history"_s);
    HubHost broken(config);
    QSignalSpy brokenState(&broken, &HubHost::storeStateChanged);
    QSignalSpy listening(&broken, &HubHost::listening);
    broken.start();
    QVERIFY(listening.wait(5000)); // the room goes on
    QTRY_COMPARE(brokenState.size(), 1);
    QCOMPARE(brokenState.at(0).at(0).value<Room::StoreState>(), Room::StoreState::NotSaving);
    QVERIFY(brokenState.at(0).at(1).toString().contains(u"file/history"_s));
}

void TestHubHost::hostTokenIsMadeAtOnceAndGivesHostRights()
{
    HubHost host(localConfig());
    static const QRegularExpression hex32(u"^[0-9a-f]{32}$"_s);
    QVERIFY2(hex32.match(host.hostToken()).hasMatch(), qPrintable(host.hostToken())); // no start
    QVERIFY(HubHost(localConfig()).hostToken() != host.hostToken());
    HubConfig given = localConfig();
    given.hostToken = u"fixed"_s;
    QCOMPARE(HubHost(given).hostToken(), u"fixed"_s);

    QSignalSpy listening(&host, &HubHost::listening);
    host.start();
    QVERIFY(listening.wait(5000));
    TestPeer peer;
    QVERIFY(peer.open(QUrl(u"ws://127.0.0.1:%1/ws"_s.arg(host.port()))));
    Protocol::Message join = Protocol::join(u"me"_s);
    join.hostToken = host.hostToken();
    peer.send(join);
    const auto welcome = peer.next(Protocol::Type::Welcome);
    QVERIFY(welcome && welcome->host);
}

void TestHubHost::passcodeChangesCrossBothWays()
{
    HubConfig config = localConfig();
    config.passcode = u"first"_s;
    HubHost host(config);
    QCOMPARE(host.passcode(), u"first"_s);
    QSignalSpy listening(&host, &HubHost::listening);
    QSignalSpy changed(&host, &HubHost::passcodeChanged);
    host.start();
    QVERIFY(listening.wait(5000));
    const QUrl url(u"ws://127.0.0.1:%1/ws"_s.arg(host.port()));

    // From the owner: passcode() follows at once, the hub applies it.
    host.setPasscode(u"second"_s);
    QCOMPARE(host.passcode(), u"second"_s);
    QCOMPARE(changed.size(), 1);
    TestPeer guest;
    QVERIFY(guest.open(url));
    Protocol::Message join = Protocol::join(u"guest"_s);
    join.passcode = u"first"_s;
    guest.send(join);
    const auto refused = guest.next(Protocol::Type::Error);
    QVERIFY(refused);
    QCOMPARE(refused->code, Protocol::ErrorCode::WrongPasscode.toString());

    // From a host in the room: the owner hears of it.
    TestPeer boss;
    QVERIFY(boss.open(url));
    Protocol::Message hostJoin = Protocol::join(u"boss"_s);
    hostJoin.hostToken = host.hostToken();
    boss.send(hostJoin);
    QVERIFY(boss.next(Protocol::Type::Welcome));
    boss.send(Protocol::passcodeRequest({}));
    QTRY_COMPARE(changed.size(), 2);
    QCOMPARE(changed.at(1).at(0).toString(), QString());
    QCOMPARE(host.passcode(), QString());
}

QTEST_GUILESS_MAIN(TestHubHost)
#include "tst_hubhost.moc"
