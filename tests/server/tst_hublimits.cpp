#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTest>

#include "hubfixture.h"

using namespace Qt::StringLiterals;
using Protocol::Type;

class TestHubLimits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup();
    void messageOver64KiBCloses1009();
    void binaryFrameCloses1003();
    void slowClientIsDropped1008OthersLoseNothing();
    void rateLimitRefusesThenClosesFlooder();
    void closeCodeReachesAClientThatIsStillSending();
    void burstWithinLimitIsDelivered();
    void rateLimitZeroTurnsItOff();
    void silentClientIsDroppedAfterIdleTimeout();
    void clientPingsCountAsLiveness();
    void pingFloodKeepsOnePongAndOthersChat();
    void stopSendsGoingAwayToEveryone();

private:
    HubFixture f;
};

void TestHubLimits::cleanup()
{
    f.peers.clear();
    f.hub.reset();
}

void TestHubLimits::messageOver64KiBCloses1009()
{
    QVERIFY(f.start());
    TestPeer *alice = f.joined(u"alice"_s);
    TestPeer *big = f.joined(u"big"_s);
    QVERIFY(alice && big);
    big->sendRaw(QString(64 * 1024 + 1, u'x'));
    QVERIFY(big->waitClosed());
    QCOMPARE(big->closeCode(), 1009);
    const auto left = alice->next(Type::Left);
    QVERIFY(left);
    QCOMPARE(left->name, u"big"_s);
    // Just under the limit is fine (as chat text over maxText it is refused, not closed).
    TestPeer *edge = f.joined(u"edge"_s);
    QVERIFY(edge);
    edge->sendRaw(QString(60 * 1024, u'y'));
    const auto error = edge->next(Type::Error);
    QVERIFY(error);
    QCOMPARE(error->code, u"too_long"_s);
    alice->send(Protocol::chat(u"still chatting"_s));
    QVERIFY(alice->nextChat());
}

void TestHubLimits::binaryFrameCloses1003()
{
    QVERIFY(f.start());
    TestPeer *alice = f.joined(u"alice"_s);
    TestPeer *bin = f.joined(u"bin"_s);
    QVERIFY(alice && bin);
    bin->socket().sendBinaryMessage("\x01\x02");
    QVERIFY(bin->waitClosed());
    QCOMPARE(bin->closeCode(), 1003);
    const auto left = alice->next(Type::Left);
    QVERIFY(left);
    QCOMPARE(left->reason, u"error"_s);
}

void TestHubLimits::slowClientIsDropped1008OthersLoseNothing()
{
    HubConfig config;
    config.maxPendingBytes = 256 * 1024;
    config.rateLimit = 0;
    config.closeGrace = std::chrono::milliseconds(500);
    QVERIFY(f.start(config));
    TestPeer *alice = f.joined(u"alice"_s);
    TestPeer *bob = f.joined(u"bob"_s);
    QVERIFY(alice && bob);
    QTcpSocket *silent = openSilentWebSocket(f.port, this, u"silent"_s);
    QVERIFY(silent);
    QTRY_COMPARE(f.hub->joinedCount(), 3);

    // 8 MiB of chat in 8 KiB messages: far more than the kernel buffers plus 256 KiB.
    const QString text(8000, u'z');
    const int count = 1000;
    int received = 0;
    qint64 lastSeq = 0;
    for (int i = 0; i < count; ++i) {
        alice->send(Protocol::chat(text));
        // Keep bob reading as we go, like a healthy client.
        while (auto chat = bob->nextChat(0)) {
            QCOMPARE(chat->seq, lastSeq + 1);
            lastSeq = chat->seq;
            ++received;
        }
        if (i % 50 == 0)
            QTest::qWait(1); // let the hub's event loop run, as a real network would
    }
    while (received < count) {
        const auto chat = bob->nextChat();
        QVERIFY2(chat, qPrintable(u"bob got %1 of %2"_s.arg(received).arg(count)));
        QCOMPARE(chat->seq, lastSeq + 1);
        lastSeq = chat->seq;
        ++received;
    }
    // The silent client was dropped (it cannot read the close frame, so it is cut off after the
    // grace period; it does not notice, as it reads nothing, so ask the hub).
    QTRY_COMPARE_WITH_TIMEOUT(f.hub->connectionCount(), 2, 10000);
    const auto left = alice->next(Type::Left);
    QVERIFY(left);
    QCOMPARE(left->name, u"silent"_s);
    QCOMPARE(left->reason, u"slow"_s);
}

void TestHubLimits::rateLimitRefusesThenClosesFlooder()
{
    HubConfig config;
    config.rateLimit = 5;
    config.rateBurst = 5;
    config.floodCloseCount = 30;
    QVERIFY(f.start(config));
    TestPeer *alice = f.joined(u"alice"_s); // the join takes a token too
    TestPeer *flood = f.connect();
    QVERIFY(alice && flood);
    QVERIFY(flood->join(u"flood"_s));
    for (int i = 0; i < 10; ++i)
        flood->send(Protocol::chat(u"spam %1"_s.arg(i), u"id-%1"_s.arg(i)));
    const auto error = flood->next(Type::Error);
    QVERIFY(error);
    QCOMPARE(error->code, u"rate_limited"_s);
    // Each refused message is named by its id, and every one of the 10 is either echoed or refused.
    QTRY_COMPARE(flood->queue().size(), 9);
    QStringList settled{error->id};
    for (const auto &m : flood->queue())
        settled.append(m.id);
    settled.sort();
    QStringList all;
    for (int i = 0; i < 10; ++i)
        all.append(u"id-%1"_s.arg(i));
    QCOMPARE(settled, all);
    // At most the burst got through (4 left after the join, maybe one refilled).
    (void)QTest::qWaitFor([&] { return alice->queue().size() >= 4; }, 2000);
    int relayed = 0;
    while (alice->nextChat(200))
        ++relayed;
    QVERIFY2(relayed >= 4 && relayed <= 6, qPrintable(QString::number(relayed)));
    // Going on flooding closes the connection with 1008; alice stays.
    for (int i = 0; i < 100 && !flood->isClosed(); ++i)
        flood->send(Protocol::chat(u"more"_s));
    QVERIFY(flood->waitClosed());
    QCOMPARE(flood->closeCode(), 1008);
    const auto left = alice->next(Type::Left);
    QVERIFY(left);
    QCOMPARE(left->reason, u"flood"_s);
}

void TestHubLimits::closeCodeReachesAClientThatIsStillSending()
{
    // A browser that floods still has frames on the way when the hub closes it. Closing the socket
    // under them would make the kernel answer with a reset, and a browser whose write fails
    // reports 1006 ("connection lost") instead of the 1008 it had been sent.
    HubConfig config;
    config.rateLimit = 1;
    config.rateBurst = 1;
    config.floodCloseCount = 5;
    QVERIFY(f.start(config));
    TestPeer *alice = f.joined(u"alice"_s);
    QVERIFY(alice);
    RawClient flood;
    QVERIFY(flood.open(f.port));
    QList<QByteArray> spam;
    for (int i = 0; i < 10; ++i)
        spam.append(Protocol::encode(Protocol::chat(u"spam %1"_s.arg(i), u"id-%1"_s.arg(i))));
    QVERIFY(flood.sendTexts(spam));
    QVERIFY(flood.readUntil([&] { return flood.closeCode() != -1; }));
    QCOMPARE(flood.closeCode(), 1008);
    // It goes on sending what it had queued, then answers the close; the hub reads and drops all
    // of it, and ends the connection with FIN, not a reset.
    QVERIFY2(flood.sendTexts(spam), qPrintable(flood.lastError()));
    QVERIFY2(flood.sendClose(1008), qPrintable(flood.lastError()));
    QVERIFY(flood.readUntil([&] { return flood.atEnd(); }));
    QCOMPARE(flood.socketError(), 0);
    const auto left = alice->next(Type::Left);
    QVERIFY(left);
    QCOMPARE(left->reason, u"flood"_s);
}

void TestHubLimits::burstWithinLimitIsDelivered()
{
    QVERIFY(f.start()); // defaults: 20/s, bursts of 40
    TestPeer *alice = f.joined(u"alice"_s);
    QVERIFY(alice);
    for (int i = 0; i < 30; ++i)
        alice->send(Protocol::chat(QString::number(i)));
    for (int i = 0; i < 30; ++i) {
        const auto chat = alice->nextChat();
        QVERIFY(chat);
        QCOMPARE(chat->text, QString::number(i));
    }
    QVERIFY(!alice->next(Type::Error, 0));
}

void TestHubLimits::rateLimitZeroTurnsItOff()
{
    HubConfig config;
    config.rateLimit = 0;
    QVERIFY(f.start(config));
    TestPeer *alice = f.joined(u"alice"_s);
    QVERIFY(alice);
    for (int i = 0; i < 500; ++i)
        alice->send(Protocol::chat(QString::number(i)));
    QTRY_COMPARE(f.hub->currentSeq(), 500);
    QVERIFY(!alice->next(Type::Error, 0));
}

void TestHubLimits::silentClientIsDroppedAfterIdleTimeout()
{
    HubConfig config;
    config.pingInterval = std::chrono::milliseconds(100);
    config.idleTimeout = std::chrono::milliseconds(600);
    QVERIFY(f.start(config));
    TestPeer *alice = f.joined(u"alice"_s); // QWebSocket answers pings: it stays
    QVERIFY(alice);
    QTcpSocket *silent = openSilentWebSocket(f.port, this); // answers nothing
    QTcpSocket *silent2 = openSilentWebSocket(f.port, this); // neither does this one
    QVERIFY(silent && silent2);
    QTRY_COMPARE(f.hub->connectionCount(), 3);
    QTRY_COMPARE_WITH_TIMEOUT(f.hub->connectionCount(), 1, 5000);
    QVERIFY(silent);
    // Alice has been silent herself for well over the idle timeout, but answered the pings.
    QTest::qWait(800); // longer than idleTimeout: the point is that time passes
    QCOMPARE(alice->socket().state(), QAbstractSocket::ConnectedState);
    alice->send(Protocol::chat(u"still here"_s));
    QVERIFY(alice->nextChat());
}

void TestHubLimits::clientPingsCountAsLiveness()
{
    // PROTOCOL.md: any frame counts as activity. This client pings the hub but never answers the
    // hub's pings (nor reads at all).
    HubConfig config;
    config.pingInterval = std::chrono::milliseconds(100);
    config.idleTimeout = std::chrono::milliseconds(600);
    QVERIFY(f.start(config));
    RawClient pinger;
    QVERIFY(pinger.open(f.port));
    QTRY_COMPARE(f.hub->connectionCount(), 1);
    // Three idle timeouts' worth, bounded: 20 rounds of 100 ms.
    for (int i = 0; i < 20; ++i) {
        QVERIFY(pinger.sendBytes(RawClient::frame(0x89, "still here")));
        QTest::qWait(100); // the point is that time passes
        QCOMPARE(f.hub->connectionCount(), 1);
    }
    QCOMPARE(pinger.socketError(), 0);
    QVERIFY(!pinger.atEnd());
}

void TestHubLimits::pingFloodKeepsOnePongAndOthersChat()
{
    // A client that never joins, does not read and pings as fast as it can: the hub answers only
    // the latest ping once the kernel takes nothing more, so what it holds for the client stays
    // small, and the room goes on.
    QVERIFY(f.start());
    TestPeer *alice = f.joined(u"alice"_s);
    QVERIFY(alice);
    RawClient flooder;
    flooder.setReceiveBufferSize(4096);
    QVERIFY(flooder.open(f.port));
    const QByteArray ping = RawClient::frame(0x89, QByteArray(125, 'p'));
    QByteArray burst;
    for (int i = 0; i < 200; ++i)
        burst += ping;
    qint64 mostUnsent = 0;
    QElapsedTimer clock;
    clock.start();
    // Up to 1,000 bursts of 200 pings (26 MB of pongs if each were kept: more than the kernel's
    // buffers take), at most 20 s; stops early once the hub holds more than it should.
    for (int round = 0; round < 1000 && clock.elapsed() < 20000 && mostUnsent < 4096; ++round) {
        QVERIFY2(flooder.sendBytes(burst), qPrintable(flooder.lastError()));
        QCoreApplication::processEvents();
        mostUnsent = std::max(mostUnsent, f.hub->unsentBytes());
        if (round % 100 == 0) {
            alice->send(Protocol::chat(u"round %1"_s.arg(round)));
            const auto echo = alice->nextChat();
            QVERIFY(echo);
            QCOMPARE(echo->text, u"round %1"_s.arg(round));
        }
    }
    QVERIFY2(mostUnsent < 4096, qPrintable(QString::number(mostUnsent)));
    alice->send(Protocol::chat(u"after the flood"_s));
    const auto echo = alice->nextChat();
    QVERIFY(echo);
    QCOMPARE(echo->text, u"after the flood"_s);
}

void TestHubLimits::stopSendsGoingAwayToEveryone()
{
    QVERIFY(f.start());
    TestPeer *alice = f.joined(u"alice"_s);
    TestPeer *lurker = f.connect();
    QVERIFY(alice && lurker);
    QSignalSpy stopped(f.hub.get(), &ChatHub::stopped);
    f.hub->stop();
    QVERIFY(alice->waitClosed());
    QVERIFY(lurker->waitClosed());
    QCOMPARE(alice->closeCode(), 1001);
    QCOMPARE(alice->socket().closeReason(), u"host ended the room"_s);
    QCOMPARE(lurker->closeCode(), 1001);
    QTRY_COMPARE(stopped.size(), 1);
    QCOMPARE(f.hub->port(), 0); // no longer listening
}

QTEST_GUILESS_MAIN(TestHubLimits)
#include "tst_hublimits.moc"
