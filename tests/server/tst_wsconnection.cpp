// The hub's own WebSocket layer (WsConnection) seen from the wire, with a client on a plain
// socket: what QWebSocket clients never do (fragments, pings with payloads, protocol errors) and
// how connections end.
#include <QTest>

#include "hubfixture.h"

using namespace Qt::StringLiterals;
using Protocol::Type;

class TestWsConnection : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup();
    void fragmentedMessageWithAPingBetween();
    void protocolErrorsCloseWithTheirCode_data();
    void protocolErrorsCloseWithTheirCode();
    void clientCloseIsAnsweredAndEndsWithFin();
    void slowClientReadsItsCloseCodeAfterWhatTheKernelHolds();

private:
    RawClient *openJoined(RawClient &client, const QString &name);
    HubFixture f;
};

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
