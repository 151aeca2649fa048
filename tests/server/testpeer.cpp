#include "testpeer.h"

#include <QHostAddress>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;

TestPeer::TestPeer(QObject *parent)
    : QObject(parent)
{
    m_socket.setMaxAllowedIncomingMessageSize(64 * 1024 * 1024);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &frame) {
        m_raw.append(frame);
        if (auto message = Protocol::decode(frame))
            m_queue.append(*message);
    });
    connect(&m_socket, &QWebSocket::disconnected, this, [this] {
        m_closed = true;
        m_closeCode = int(m_socket.closeCode());
    });
}

bool TestPeer::open(const QUrl &url, const QByteArray &origin, int timeoutMs)
{
    QNetworkRequest request(url);
    if (!origin.isEmpty())
        request.setRawHeader("Origin", origin);
    m_socket.open(request);
    return QTest::qWaitFor(
                   [this] {
                       return m_socket.state() == QAbstractSocket::ConnectedState || m_closed;
                   },
                   timeoutMs)
            && m_socket.state() == QAbstractSocket::ConnectedState;
}

std::optional<Protocol::Message> TestPeer::join(const QString &name, int timeoutMs)
{
    send(Protocol::join(name));
    return next(Protocol::Type::Welcome, timeoutMs);
}

void TestPeer::send(const Protocol::Message &message)
{
    m_socket.sendTextMessage(Protocol::encodeText(message));
}

void TestPeer::sendRaw(const QString &frame)
{
    m_socket.sendTextMessage(frame);
}

std::optional<Protocol::Message> TestPeer::next(Protocol::Type type, int timeoutMs)
{
    std::optional<Protocol::Message> found;
    [[maybe_unused]] const bool found_ = QTest::qWaitFor(
            [&] {
                for (qsizetype i = 0; i < m_queue.size(); ++i) {
                    if (m_queue[i].type == type) {
                        found = m_queue.takeAt(i);
                        return true;
                    }
                }
                return false;
            },
            timeoutMs);
    return found;
}

std::optional<Protocol::Message> TestPeer::nextChat(int timeoutMs)
{
    return next(Protocol::Type::Chat, timeoutMs);
}

bool TestPeer::waitClosed(int timeoutMs)
{
    return QTest::qWaitFor([this] { return m_closed; }, timeoutMs);
}

QTcpSocket *openSilentWebSocket(quint16 port, QObject *parent, const QString &joinAs, int timeoutMs)
{
    auto *tcp = new QTcpSocket(parent);
    tcp->setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4096);
    tcp->connectToHost(QHostAddress::LocalHost, port);
    if (!tcp->waitForConnected(timeoutMs))
        return nullptr;
    tcp->write("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
               "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
               "Sec-WebSocket-Version: 13\r\n\r\n");
    QByteArray head;
    const bool upgraded = QTest::qWaitFor(
            [&] {
                // Read the 101 answer byte by byte so nothing after it is consumed.
                char c = 0;
                while (!head.endsWith("\r\n\r\n") && tcp->getChar(&c))
                    head.append(c);
                return head.endsWith("\r\n\r\n");
            },
            timeoutMs);
    if (!upgraded || !head.startsWith("HTTP/1.1 101"))
        return nullptr;
    if (!joinAs.isEmpty()) {
        // A masked text frame with an all-zero mask: the payload goes as it is.
        const QByteArray payload = Protocol::encode(Protocol::join(joinAs));
        if (payload.size() > 125)
            return nullptr;
        QByteArray frame;
        frame.append(char(0x81)).append(char(0x80 | payload.size())).append(4, '\0');
        tcp->write(frame + payload);
    }
    tcp->setReadBufferSize(1024); // from now on it stops reading once 1 KiB is buffered
    return tcp;
}
