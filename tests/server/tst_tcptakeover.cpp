// The hand-over of a plain HTTP connection from Qt to the file transfers (server/tcptakeover.h):
// each fact it relies on, checked on a real connection.
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include "tcptakeover.h"
#include "testpeer.h"

#include <memory>

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

class TestTcpTakeover : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void bufferedBytesComeOutAsInput();
    void connectionStaysOpenAndTheDescriptorWorks();
    void qtSocketIsDeletedLater();
    void goneConnectionGivesNoDescriptor();

private:
    QTcpSocket *acceptWith(RawClient &raw, const QByteArray &bytes);
    std::unique_ptr<QTcpServer> m_listener;
};

void TestTcpTakeover::init()
{
    m_listener = std::make_unique<QTcpServer>();
    QVERIFY(m_listener->listen(QHostAddress::LocalHost, 0));
}

void TestTcpTakeover::cleanup()
{
    m_listener.reset();
}

QTcpSocket *TestTcpTakeover::acceptWith(RawClient &raw, const QByteArray &bytes)
{
    if (!raw.connectTcp(m_listener->serverPort()) || !raw.sendBytes(bytes))
        return nullptr;
    if (!QTest::qWaitFor([&] { return m_listener->hasPendingConnections(); }, 5000))
        return nullptr;
    QTcpSocket *tcp = m_listener->nextPendingConnection();
    tcp->setParent(nullptr);
    if (!QTest::qWaitFor([&] { return tcp->bytesAvailable() >= bytes.size(); }, 5000))
        return nullptr;
    return tcp;
}

void TestTcpTakeover::bufferedBytesComeOutAsInput()
{
    RawClient raw;
    QTcpSocket *tcp = acceptWith(raw, "PUT /upload/x HTTP/1.1\r\n\r\nbody-start");
    QVERIFY(tcp);
    tcp->read(26); // the head, as the front door reads it
    const TcpTakeover taken = TcpTakeover::take(tcp);
    QVERIFY(taken.fd >= 0);
    QCOMPARE(taken.input, QByteArray("body-start"));
    QCOMPARE(taken.peerAddress, QHostAddress(QHostAddress::LocalHost));
    // Non-blocking, close-on-exec.
    QVERIFY(::fcntl(taken.fd, F_GETFL) & O_NONBLOCK);
    QVERIFY(::fcntl(taken.fd, F_GETFD) & FD_CLOEXEC);
    ::close(taken.fd);
}

void TestTcpTakeover::connectionStaysOpenAndTheDescriptorWorks()
{
    RawClient raw;
    QTcpSocket *tcp = acceptWith(raw, "GET / HTTP/1.1\r\n\r\n");
    QVERIFY(tcp);
    const TcpTakeover taken = TcpTakeover::take(tcp);
    QVERIFY(taken.fd >= 0);
    QTest::qWait(0); // Qt deletes its socket now; the client must not see a close
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QVERIFY(!raw.readUntil([&] { return raw.atEnd() || raw.socketError() != 0; }, 100));
    // What the client sends next arrives on the duplicate; what is sent on it reaches the client.
    QVERIFY(raw.sendBytes("more"));
    char buffer[16] = {};
    QTRY_COMPARE(::recv(taken.fd, buffer, sizeof buffer, MSG_PEEK), ssize_t(4));
    QCOMPARE(::send(taken.fd, "answer", 6, MSG_NOSIGNAL), ssize_t(6));
    QVERIFY(raw.readUntil([&] { return raw.received().size() >= 6; }));
    QCOMPARE(raw.received(), QByteArray("answer"));
    ::close(taken.fd);
    QVERIFY(raw.readUntil([&] { return raw.atEnd() || raw.socketError() != 0; }));
}

void TestTcpTakeover::qtSocketIsDeletedLater()
{
    RawClient raw;
    QPointer<QTcpSocket> tcp = acceptWith(raw, "GET / HTTP/1.1\r\n\r\n");
    QVERIFY(tcp);
    const TcpTakeover taken = TcpTakeover::take(tcp);
    QVERIFY(tcp); // not inside the caller's stack
    QCOMPARE(tcp->state(), QAbstractSocket::UnconnectedState);
    QTRY_VERIFY(!tcp);
    ::close(taken.fd);
}

void TestTcpTakeover::goneConnectionGivesNoDescriptor()
{
    RawClient raw;
    QTcpSocket *tcp = acceptWith(raw, "GET / HTTP/1.1\r\n\r\n");
    QVERIFY(tcp);
    tcp->abort();
    const TcpTakeover taken = TcpTakeover::take(tcp);
    QCOMPARE(taken.fd, -1);
}

QTEST_GUILESS_MAIN(TestTcpTakeover)
#include "tst_tcptakeover.moc"
