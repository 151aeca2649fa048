// The hub's own WebSocket layer (WsConnection): alone on a socketpair (pair*), and seen from the
// wire through the whole hub, with a client on a plain socket: what QWebSocket clients never do
// (fragments, pings with payloads, protocol errors) and how connections end.
#include <QTest>

#include "hubfixture.h"
#include "readinessset.h"
#include "wsconnection.h"

#include <memory>

#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using Protocol::Type;

class TestWsConnection : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup();
    void pairReportsEveryFrameAsAlive();
    void pairKeepsOnlyTheLatestPongWhileThePeerDoesNotRead();
    void pairClosesItself1008PastItsLimit();
    void pairLeavesItsSetBeforeClosing();
    void fragmentedMessageWithAPingBetween();
    void protocolErrorsCloseWithTheirCode_data();
    void protocolErrorsCloseWithTheirCode();
    void clientCloseIsAnsweredAndEndsWithFin();
    void slowClientReadsItsCloseCodeAfterWhatTheKernelHolds();

private:
    RawClient *openJoined(RawClient &client, const QString &name);
    HubFixture f;
};

namespace {

// A WsConnection on one end of a socketpair; the test plays the client on the other end.
struct Pair final : WsConnection::Events
{
    std::unique_ptr<ReadinessSet> set{ReadinessSet::create()}; // epoll or notifiers, as built
    int peer = -1;
    int serverDuplicate = -1; // another descriptor of the connection's socket, if asked for
    WsConnection *connection = nullptr; // deleted by ~Pair
    int alive = 0;
    int texts = 0;
    qint64 tooSlow = -1;
    bool closed = false;

    explicit Pair(WsConnection::Limits limits = {}, int sendBuffer = 0, bool duplicate = false)
    {
        int fds[2];
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fds) != 0)
            return;
        if (sendBuffer > 0) {
            ::setsockopt(fds[0], SOL_SOCKET, SO_SNDBUF, &sendBuffer, sizeof sendBuffer);
            ::setsockopt(fds[1], SOL_SOCKET, SO_RCVBUF, &sendBuffer, sizeof sendBuffer);
        }
        peer = fds[1];
        if (duplicate)
            serverDuplicate = ::dup(fds[0]);
        connection = new WsConnection(fds[0], QHostAddress::LocalHost, 1, limits);
        connection->start(set.get(), this, {});
    }
    ~Pair()
    {
        delete connection;
        if (peer >= 0)
            ::close(peer);
        if (serverDuplicate >= 0)
            ::close(serverDuplicate);
    }
    bool send(const QByteArray &bytes) const
    {
        return ::send(peer, bytes.constData(), size_t(bytes.size()), MSG_NOSIGNAL) == bytes.size();
    }
    QByteArray readAll() const
    {
        QByteArray all;
        char buffer[65536];
        ssize_t n = 0;
        while ((n = ::recv(peer, buffer, sizeof buffer, 0)) > 0)
            all.append(buffer, n);
        return all;
    }
    // Fills the kernel's buffers from the connection's side until it keeps bytes itself.
    bool fillUntilPending()
    {
        const QByteArray frame = WsFrame::text(QByteArray(4096, 'f'));
        for (int i = 0; i < 1000 && connection->pendingBytes() == 0; ++i)
            connection->write(frame);
        return connection->pendingBytes() > 0;
    }

    void wsText(QByteArrayView) override { ++texts; }
    void wsBinary() override { }
    void wsAlive() override { ++alive; }
    void wsTooSlow(qint64 unsent) override { tooSlow = unsent; }
    void wsRejected(quint16, const QString &) override { }
    void wsClosed() override { closed = true; }
};

// Server frames (unmasked) in bytes: opcode and payload of each complete one.
QList<std::pair<int, QByteArray>> serverFrames(const QByteArray &bytes)
{
    QList<std::pair<int, QByteArray>> frames;
    qsizetype at = 0;
    while (at < bytes.size()) {
        const qsizetype size = WsFrame::serverFrameSize(QByteArrayView(bytes).sliced(at));
        if (size < 0 || at + size > bytes.size())
            break;
        const int length = quint8(bytes[at + 1]) & 0x7f;
        const qsizetype header = length < 126 ? 2 : length == 126 ? 4 : 10;
        frames.append({quint8(bytes[at]) & 0x0f, bytes.mid(at + header, size - header)});
        at += size;
    }
    return frames;
}

} // namespace

void TestWsConnection::pairReportsEveryFrameAsAlive()
{
    Pair pair;
    QVERIFY(pair.connection);
    QVERIFY(pair.send(RawClient::frame(0x89, "ping") + RawClient::frame(0x8A, "pong")
                      + RawClient::frame(0x81, "text")));
    QTRY_COMPARE(pair.alive, 3);
    QCOMPARE(pair.texts, 1);
    QVERIFY(pair.readAll().contains("ping")); // the pong with the ping's payload
}

void TestWsConnection::pairKeepsOnlyTheLatestPongWhileThePeerDoesNotRead()
{
    Pair pair({}, 4096);
    QVERIFY(pair.connection && pair.fillUntilPending());
    const qint64 backlog = pair.connection->pendingBytes();
    for (int i = 0; i < 100; ++i)
        QVERIFY(pair.send(RawClient::frame(0x89, "p" + QByteArray::number(i))));
    QTRY_COMPARE(pair.alive, 100);
    // One pong waits (2 header bytes + "p99"), not 100.
    QCOMPARE(pair.connection->pendingBytes(), backlog + 5);
    // The peer reads again: the backlog, then the one pong, answering the latest ping.
    QByteArray received;
    QTRY_VERIFY((received += pair.readAll()).endsWith("p99"));
    QList<QByteArray> pongs;
    for (const auto &[opcode, payload] : serverFrames(received)) {
        if (opcode == 0xA)
            pongs.append(payload);
    }
    QCOMPARE(pongs, QList<QByteArray>{"p99"});
    QCOMPARE(pair.connection->pendingBytes(), 0);
}

void TestWsConnection::pairClosesItself1008PastItsLimit()
{
    WsConnection::Limits limits;
    limits.maxPendingBytes = 64 * 1024;
    Pair pair(limits, 4096);
    QVERIFY(pair.connection);
    const QByteArray frame = WsFrame::text(QByteArray(4096, 'f'));
    for (int i = 0; i < 100 && pair.connection->state() == WsConnection::State::Open; ++i)
        pair.connection->write(frame);
    QVERIFY(pair.tooSlow > limits.maxPendingBytes);
    QCOMPARE(pair.connection->state(), WsConnection::State::Closing);
    // The backlog is dropped: what the peer reads is what the kernel held, then the close frame.
    QByteArray received;
    QTRY_VERIFY(!serverFrames(received += pair.readAll()).isEmpty()
                && serverFrames(received).last().first == 0x8);
    const QByteArray close = serverFrames(received).last().second;
    QCOMPARE((quint8(close[0]) << 8) | quint8(close[1]), 1008);
    QVERIFY(received.size() < limits.maxPendingBytes);
}

void TestWsConnection::pairLeavesItsSetBeforeClosing()
{
    // With another descriptor of its socket open (here: the test's duplicate; in life one
    // inherited by a child process), a connection that only closed its own would stay in the
    // set, and the set would call it after it is deleted (ASan: use after free).
    Pair pair({}, 0, true);
    QVERIFY(pair.connection && pair.serverDuplicate >= 0);
    pair.connection->abort();
    QTRY_VERIFY(pair.closed);
    delete pair.connection;
    pair.connection = nullptr;
    QVERIFY(pair.send(RawClient::frame(0x81, "after"))); // the socket is readable again
    QTest::qWait(50); // time for the set to report it, were the connection still in it
    QCOMPARE(pair.texts, 0);
}

void TestWsConnection::cleanup()
{
    f.peers.clear();
    f.hub.reset();
}

RawClient *TestWsConnection::openJoined(RawClient &client, const QString &name)
{
    if (!client.open(f.port) || !client.sendText(Protocol::encode(Protocol::join(name))))
        return nullptr;
    const bool welcomed = client.readUntil([&] {
        for (const auto &frame : client.frames()) {
            if (frame.opcode == 0x1 && frame.payload.contains("\"welcome\""))
                return true;
        }
        return false;
    });
    return welcomed ? &client : nullptr;
}

void TestWsConnection::fragmentedMessageWithAPingBetween()
{
    QVERIFY(f.start());
    TestPeer *alice = f.joined(u"alice"_s);
    RawClient client;
    QVERIFY(alice && openJoined(client, u"frag"_s));
    const QByteArray chat = Protocol::encode(Protocol::chat(u"in two pieces ✓"_s, u"f1"_s));
    const qsizetype half = chat.indexOf("pieces") + 3; // splits nothing but the JSON
    QVERIFY(client.sendBytes(RawClient::frame(0x01, chat.left(half))
                             + RawClient::frame(0x89, "heartbeat")
                             + RawClient::frame(0x80, chat.mid(half))));
    const auto chatFrom = alice->nextChat();
    QVERIFY(chatFrom);
    QCOMPARE(chatFrom->text, u"in two pieces ✓"_s);
    QCOMPARE(chatFrom->from, u"frag"_s);
    // The pong carries the ping's payload and comes before the echo of the message.
    QVERIFY(client.readUntil([&] {
        for (const auto &frame : client.frames()) {
            if (frame.opcode == 0x1 && frame.payload.contains("\"id\":\"f1\""))
                return true;
        }
        return false;
    }));
    int pongAt = -1;
    int echoAt = -1;
    const auto frames = client.frames();
    for (int i = 0; i < frames.size(); ++i) {
        if (frames[i].opcode == 0xA && frames[i].payload == "heartbeat")
            pongAt = i;
        if (frames[i].opcode == 0x1 && frames[i].payload.contains("\"id\":\"f1\""))
            echoAt = i;
    }
    QVERIFY(pongAt >= 0);
    QVERIFY(pongAt < echoAt);
}

void TestWsConnection::protocolErrorsCloseWithTheirCode_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("code");
    const QByteArray chat = Protocol::encode(Protocol::chat(u"x"_s));
    QTest::addRow("not masked") << RawClient::frame(0x81, chat, false) << 1002;
    QTest::addRow("reserved bit") << RawClient::frame(0xC1, chat) << 1002;
    QTest::addRow("unknown opcode") << RawClient::frame(0x83, chat) << 1002;
    QTest::addRow("continuation first") << RawClient::frame(0x80, chat) << 1002;
    QTest::addRow("fragmented ping") << RawClient::frame(0x09, "x") << 1002;
    QTest::addRow("invalid UTF-8") << RawClient::frame(0x81, "caf\xc3") << 1007;
    // A header that announces 1 GiB: refused from the header, nothing is buffered.
    QByteArray huge;
    huge.append(char(0x81)).append(char(0x80 | 127));
    for (int shift = 56; shift >= 0; shift -= 8)
        huge.append(char((quint64(1) << 30 >> shift) & 0xff));
    huge.append(4, '\0').append("only a few bytes");
    QTest::addRow("1 GiB header") << huge << 1009;
}

void TestWsConnection::protocolErrorsCloseWithTheirCode()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, code);
    QVERIFY(f.start());
    TestPeer *alice = f.joined(u"alice"_s);
    RawClient client;
    QVERIFY(alice && openJoined(client, u"broken"_s));
    QVERIFY(client.sendBytes(bytes));
    QVERIFY(client.readUntil([&] { return client.closeCode() != -1; }));
    QCOMPARE(client.closeCode(), code);
    QVERIFY(client.sendClose(quint16(code)));
    client.shutdownWrite();
    QVERIFY(client.readUntil([&] { return client.atEnd(); }));
    QCOMPARE(client.socketError(), 0);
    const auto left = alice->next(Type::Left);
    QVERIFY(left);
    QCOMPARE(left->name, u"broken"_s);
    QCOMPARE(left->reason, u"error"_s);
    alice->send(Protocol::chat(u"still here"_s));
    QVERIFY(alice->nextChat());
}

void TestWsConnection::clientCloseIsAnsweredAndEndsWithFin()
{
    QVERIFY(f.start());
    TestPeer *alice = f.joined(u"alice"_s);
    RawClient client;
    QVERIFY(alice && openJoined(client, u"polite"_s));
    QVERIFY(client.sendClose(1000));
    QVERIFY(client.readUntil([&] { return client.atEnd(); }));
    QCOMPARE(client.closeCode(), 1000); // the answer echoes the code
    QCOMPARE(client.socketError(), 0); // FIN, not a reset
    const auto left = alice->next(Type::Left);
    QVERIFY(left);
    QCOMPARE(left->reason, u"quit"_s);
    QTRY_COMPARE(f.hub->connectionCount(), 1);
}

void TestWsConnection::slowClientReadsItsCloseCodeAfterWhatTheKernelHolds()
{
    // The hub drops what a client that stopped reading has not been given yet, so when it reads
    // again (within the close grace) it finds the close code right after what the kernel already
    // held. QWebSocket kept the whole backlog in front of the close frame.
    HubConfig config;
    config.rateLimit = 0;
    config.maxPendingBytes = 256 * 1024;
    config.closeGrace = std::chrono::seconds(20); // the client reads again well before that
    QVERIFY(f.start(config));
    TestPeer *alice = f.joined(u"alice"_s);
    RawClient slow;
    slow.setReceiveBufferSize(4096);
    QVERIFY(alice && openJoined(slow, u"slow"_s));
    const QString text(8000, u'z');
    for (int i = 0; i < 1000; ++i) // 8 MB: more than the kernel's buffers take
        alice->send(Protocol::chat(text));
    // Alice gets all 1,000 back: the hub has relayed everything and dropped slow's backlog.
    int echoed = 0;
    while (echoed < 1000 && alice->nextChat(5000))
        ++echoed;
    QCOMPARE(echoed, 1000);
    QVERIFY(slow.readUntil([&] { return slow.closeCode() != -1; }));
    QCOMPARE(slow.closeCode(), 1008);
    int chats = 0;
    for (const auto &frame : slow.frames())
        chats += frame.opcode == 0x1 && frame.payload.contains("\"type\":\"chat\"");
    QVERIFY2(chats < 1000, qPrintable(QString::number(chats)));
    QVERIFY(slow.sendClose(1008));
    slow.shutdownWrite();
    QVERIFY(slow.readUntil([&] { return slow.atEnd(); }));
    const auto left = alice->next(Type::Left);
    QVERIFY(left);
    QCOMPARE(left->name, u"slow"_s);
    QCOMPARE(left->reason, u"slow"_s);
}

QTEST_GUILESS_MAIN(TestWsConnection)
#include "tst_wsconnection.moc"
