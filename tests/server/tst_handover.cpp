// The hand-over from Qt to the hub's transport, and the facts about Qt 6.4's QWebSocketServer and
// QWebSocket it relies on (handover.h says where each is used). If a Qt update changes one of
// them, the qt* tests here fail by name instead of the hub misbehaving somewhere else.
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

#include "handover.h"
#include "testpeer.h"

#include <memory>
#include <optional>

#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

class TestHandover : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void qtLeavesTheSocketsParentAlone();
    void qtDeletesTheSocketWhenItDisconnects();
    void qtReadsExactlyTheHeadAndWebSocketDoesNotOwnTheSocket();
    void qtWebSocketEatsFramesSentBeforeThe101();
    void handsOverTheDescriptorAndTheQtObjectsGo();
    void destroyingDeletesHandshakesInProgress();

private:
    // A server-side QTcpSocket whose client (raw) has sent `bytes`, all of them buffered.
    QTcpSocket *acceptWith(RawClient &raw, const QByteArray &bytes);
    // Qt's handshake on tcp; the QWebSocket it made (the caller's), or null.
    static QWebSocket *handshake(QWebSocketServer &server, QTcpSocket *tcp);
    std::unique_ptr<QTcpServer> m_listener;
};

void TestHandover::init()
{
    m_listener = std::make_unique<QTcpServer>();
    QVERIFY(m_listener->listen(QHostAddress::LocalHost, 0));
}

void TestHandover::cleanup()
{
    m_listener.reset();
}

QTcpSocket *TestHandover::acceptWith(RawClient &raw, const QByteArray &bytes)
{
    if (!raw.connectTcp(m_listener->serverPort()) || !raw.sendBytes(bytes))
        return nullptr;
    if (!QTest::qWaitFor([&] { return m_listener->hasPendingConnections(); }, 5000))
        return nullptr;
    QTcpSocket *tcp = m_listener->nextPendingConnection();
    tcp->setParent(this);
    if (!QTest::qWaitFor([&] { return tcp->bytesAvailable() >= bytes.size(); }, 5000))
        return nullptr;
    return tcp;
}

QWebSocket *TestHandover::handshake(QWebSocketServer &server, QTcpSocket *tcp)
{
    if (!tcp)
        return nullptr;
    QSignalSpy upgraded(&server, &QWebSocketServer::newConnection);
    server.handleConnection(tcp);
    return upgraded.wait(5000) || !upgraded.isEmpty() ? server.nextPendingConnection() : nullptr;
}

void TestHandover::qtLeavesTheSocketsParentAlone()
{
    // "takes ownership" in Qt's documentation does not mean reparenting.
    QWebSocketServer server(u"test"_s, QWebSocketServer::NonSecureMode);
    RawClient raw;
    QTcpSocket *tcp = acceptWith(raw, "GET /ws HTTP/1.1\r\n"); // head not complete: no handshake
    QVERIFY(tcp);
    QObject owner;
    tcp->setParent(&owner);
    server.handleConnection(tcp);
    QCoreApplication::processEvents();
    QCOMPARE(tcp->parent(), &owner);
    QCOMPARE(server.findChildren<QTcpSocket *>().size(), 0);
}

void TestHandover::qtDeletesTheSocketWhenItDisconnects()
{
    // What the "ownership" is: a disconnected -> deleteLater connection.
    QWebSocketServer server(u"test"_s, QWebSocketServer::NonSecureMode);
    auto raw = std::make_unique<RawClient>();
    QPointer<QTcpSocket> tcp = acceptWith(*raw, "GET /ws HTTP/1.1\r\n");
    QVERIFY(tcp);
    server.handleConnection(tcp);
    raw.reset(); // the client goes away
    QTRY_VERIFY(tcp.isNull());
}

void TestHandover::qtReadsExactlyTheHeadAndWebSocketDoesNotOwnTheSocket()
{
    QWebSocketServer server(u"test"_s, QWebSocketServer::NonSecureMode);
    RawClient raw;
    QPointer<QTcpSocket> tcp = acceptWith(raw, RawClient::upgradeRequest());
    std::unique_ptr<QWebSocket> ws(handshake(server, tcp));
    QVERIFY(ws);
    // The head is consumed, nothing more; the 101 waits in the QTcpSocket (Handover flushes it).
    QCOMPARE(tcp->bytesAvailable(), 0);
    QVERIFY(tcp->bytesToWrite() > 0);
    QVERIFY(tcp->flush());
    QVERIFY(raw.readUntil([&] { return raw.received().contains("\r\n\r\n"); }));
    QVERIFY(raw.received().startsWith("HTTP/1.1 101"));
    QVERIFY(raw.received().endsWith("\r\n\r\n")); // the answer and nothing after it
    // Handover finds the QTcpSocket by these four.
    QCOMPARE(ws->localAddress(), tcp->localAddress());
    QCOMPARE(ws->localPort(), tcp->localPort());
    QCOMPARE(ws->peerAddress(), tcp->peerAddress());
    QCOMPARE(ws->peerPort(), tcp->peerPort());
    // The QWebSocket has no parent and does not own its QTcpSocket; it notices its deletion.
    QCOMPARE(ws->parent(), nullptr);
    QCOMPARE(tcp->parent(), this);
    QCOMPARE(ws->findChildren<QTcpSocket *>().size(), 0);
    // Not tcp->disconnect(): that would also cut the QWebSocket's destroyed() connection.
    QObject::disconnect(tcp, nullptr, &server, nullptr); // Qt's disconnected -> deleteLater
    tcp->abort();
    delete tcp;
    QVERIFY(ws->peerAddress().isNull()); // forgot the socket instead of using a dangling one
}

void TestHandover::qtWebSocketEatsFramesSentBeforeThe101()
{
    // RFC 6455 4.1: a client waits for the 101 before it sends frames. One that does not loses
    // them: the QWebSocket reads what is buffered after the head as it is created, before anyone
    // can connect to its signals. If a Qt update leaves them in the QTcpSocket instead, Handover
    // passes them on as Connection::input; then PROTOCOL.md should no longer call them lost.
    QWebSocketServer server(u"test"_s, QWebSocketServer::NonSecureMode);
    RawClient raw;
    QPointer<QTcpSocket> tcp
            = acceptWith(raw, RawClient::upgradeRequest() + RawClient::frame(0x81, "too early"));
    std::unique_ptr<QWebSocket> ws(handshake(server, tcp));
    QVERIFY(ws);
    QCOMPARE(tcp->bytesAvailable(), 0);
    tcp->abort(); // Qt deletes it (disconnected -> deleteLater); the QWebSocket forgets it
    QTRY_VERIFY(tcp.isNull());
}

void TestHandover::handsOverTheDescriptorAndTheQtObjectsGo()
{
    std::optional<Handover::Connection> taken;
    Handover handover([&](Handover::Connection c) { taken = std::move(c); });
    RawClient raw;
    QPointer<QTcpSocket> tcp = acceptWith(raw, RawClient::upgradeRequest());
    QVERIFY(tcp);
    const quint16 clientPort = tcp->peerPort();
    handover.upgrade(tcp);
    QCOMPARE(tcp->parent(), &handover);
    QCOMPARE(handover.inHandshake(), 1);
    QTRY_VERIFY(taken.has_value());
    QVERIFY(taken->fd >= 0);
    QCOMPARE(taken->peerAddress, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(taken->peerPort, clientPort);
    QVERIFY(taken->input.isEmpty());
    QCOMPARE(handover.inHandshake(), 0);
    // The Qt objects go (later, from the event loop), and the connection stays: the client got
    // exactly the 101, no close frame, no FIN.
    QTRY_VERIFY(tcp.isNull());
    QVERIFY(raw.readUntil([&] { return raw.received().contains("\r\n\r\n"); }));
    QTest::qWait(50); // time for a close frame or a FIN to arrive, if one were sent
    QVERIFY(!raw.readUntil([&] { return !raw.received().endsWith("\r\n\r\n"); }, 50));
    QVERIFY(!raw.atEnd());
    // Both directions work on the duplicate.
    const QByteArray frame = RawClient::frame(0x81, "on the duplicate");
    QVERIFY(raw.sendBytes(frame));
    QByteArray got(frame.size(), Qt::Uninitialized);
    QVERIFY(QTest::qWaitFor(
            [&] {
                return ::recv(taken->fd, got.data(), size_t(got.size()), MSG_PEEK) == got.size();
            },
            5000));
    QCOMPARE(::recv(taken->fd, got.data(), size_t(got.size()), 0), got.size());
    QCOMPARE(got, frame);
    QCOMPARE(::send(taken->fd, "\x81\x02hi", 4, MSG_NOSIGNAL), 4);
    QVERIFY(raw.readUntil([&] { return raw.received().endsWith("\x81\x02hi"); }));
    ::close(taken->fd);
    QVERIFY(raw.readUntil([&] { return raw.atEnd(); }));
}

void TestHandover::destroyingDeletesHandshakesInProgress()
{
    int taken = 0;
    auto handover = std::make_unique<Handover>([&](Handover::Connection c) {
        ++taken;
        ::close(c.fd);
    });
    RawClient raw;
    QPointer<QTcpSocket> tcp = acceptWith(raw, RawClient::upgradeRequest());
    QVERIFY(tcp);
    handover->upgrade(tcp); // Qt answers in the next round of the event loop: not yet
    handover.reset();
    QVERIFY(tcp.isNull());
    QVERIFY(raw.readUntil([&] { return raw.atEnd(); }));
    QCOMPARE(raw.received(), QByteArray());
    QCOMPARE(taken, 0);
}

QTEST_GUILESS_MAIN(TestHandover)
#include "tst_handover.moc"
