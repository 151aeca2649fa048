// LingeringClose on one loopback TCP connection (a reset is TCP's, so not a UNIX socketpair): a
// QTcpSocket on the server side, a plain socket (RawClient) on the other.
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include "lingeringclose.h"
#include "testpeer.h"

#include <memory>

using namespace std::chrono_literals;

class TestLingeringClose : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void answerReachesAClientThatIsStillSending_data();
    void answerReachesAClientThatIsStillSending();
    void endsAsSoonAsTheClientCloses();
    void givesUpAfterTheGrace();
    void watchesNothingOnAClosedSocket();

private:
    QTcpSocket *accept(RawClient &raw);
    // Server side: writes the answer and closes as the front door does, lingering or not.
    LingeringClose *answerAndClose(QTcpSocket *tcp, bool linger, std::chrono::milliseconds grace);
    std::unique_ptr<QTcpServer> m_listener;
};

void TestLingeringClose::init()
{
    m_listener = std::make_unique<QTcpServer>();
    QVERIFY(m_listener->listen(QHostAddress::LocalHost, 0));
}

void TestLingeringClose::cleanup()
{
    m_listener.reset();
}

QTcpSocket *TestLingeringClose::accept(RawClient &raw)
{
    if (!raw.connectTcp(m_listener->serverPort())
        || !QTest::qWaitFor([&] { return m_listener->hasPendingConnections(); }, 5000))
        return nullptr;
    QTcpSocket *tcp = m_listener->nextPendingConnection();
    tcp->setParent(this);
    connect(tcp, &QTcpSocket::disconnected, tcp, &QObject::deleteLater);
    return tcp;
}

LingeringClose *TestLingeringClose::answerAndClose(QTcpSocket *tcp, bool linger,
                                                   std::chrono::milliseconds grace)
{
    tcp->write("answer");
    LingeringClose *lingering = linger ? LingeringClose::watch(tcp, grace, this) : nullptr;
    tcp->disconnectFromHost();
    return lingering;
}

void TestLingeringClose::answerReachesAClientThatIsStillSending_data()
{
    QTest::addColumn<bool>("linger");
    QTest::addRow("lingering") << true;
    // Without it, the kernel answers the client's late bytes with a reset: what the class is for.
    QTest::addRow("plain close (resets)") << false;
}

void TestLingeringClose::answerReachesAClientThatIsStillSending()
{
    QFETCH(bool, linger);
    RawClient raw;
    QPointer<QTcpSocket> tcp = accept(raw);
    QVERIFY(tcp);
    QVERIFY(raw.sendBytes(QByteArray(1024, 'h'))); // a head the server answers before reading
    QTRY_VERIFY(tcp->bytesAvailable() > 0);
    answerAndClose(tcp, linger, 5s);
    QTRY_VERIFY(tcp.isNull()); // Qt has written the answer and closed its descriptor
    // The client is still sending (a body, the rest of an oversized head): 20 more pieces.
    bool sendFailed = false;
    for (int i = 0; i < 20 && !sendFailed; ++i) {
        sendFailed = !raw.sendBytes(QByteArray(1024, 'b'));
        QTest::qWait(5);
    }
    raw.readUntil([&] { return raw.atEnd() || raw.socketError() != 0; }, 5000);
    if (linger) {
        QVERIFY2(!sendFailed, qPrintable(raw.lastError()));
        QCOMPARE(raw.socketError(), 0);
        QVERIFY(raw.atEnd()); // FIN after the answer
        QCOMPARE(raw.received(), QByteArray("answer"));
    } else {
        QVERIFY(sendFailed || raw.socketError() != 0);
    }
}

void TestLingeringClose::endsAsSoonAsTheClientCloses()
{
    RawClient raw;
    QPointer<QTcpSocket> tcp = accept(raw);
    QVERIFY(tcp);
    LingeringClose *lingering = answerAndClose(tcp, true, 30s);
    QVERIFY(lingering);
    QSignalSpy finished(lingering, &LingeringClose::finished);
    QVERIFY(raw.readUntil([&] { return raw.atEnd(); }));
    QCOMPARE(raw.received(), QByteArray("answer"));
    QElapsedTimer clock;
    clock.start();
    raw.shutdownWrite();
    QVERIFY(finished.wait(5000));
    QVERIFY(clock.elapsed() < 5000); // not the 30 s grace
}

void TestLingeringClose::givesUpAfterTheGrace()
{
    RawClient raw; // reads nothing, never closes
    QPointer<QTcpSocket> tcp = accept(raw);
    QVERIFY(tcp);
    LingeringClose *lingering = answerAndClose(tcp, true, 200ms);
    QVERIFY(lingering);
    QSignalSpy finished(lingering, &LingeringClose::finished);
    QVERIFY(finished.wait(5000));
    QVERIFY(raw.readUntil([&] { return raw.atEnd(); }));
    QCOMPARE(raw.received(), QByteArray("answer"));
}

void TestLingeringClose::watchesNothingOnAClosedSocket()
{
    RawClient raw;
    QTcpSocket *tcp = accept(raw);
    QVERIFY(tcp);
    tcp->abort();
    QCOMPARE(LingeringClose::watch(tcp, 1s, this), nullptr);
    QCOMPARE(LingeringClose::watch(nullptr, 1s, this), nullptr);
}

QTEST_GUILESS_MAIN(TestLingeringClose)
#include "tst_lingeringclose.moc"
