#include "testpeer.h"

#include <QHostAddress>
#include <QTcpSocket>
#include <QTest>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

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
    tcp->write(RawClient::upgradeRequest());
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
    if (!joinAs.isEmpty())
        tcp->write(RawClient::frame(0x81, Protocol::encode(Protocol::join(joinAs))));
    tcp->setReadBufferSize(1024); // from now on it stops reading once 1 KiB is buffered
    return tcp;
}

QByteArray RawClient::frame(quint8 firstByte, const QByteArray &payload, bool masked)
{
    QByteArray frame;
    frame.append(char(firstByte));
    const char maskBit = masked ? char(0x80) : char(0);
    const auto size = quint64(payload.size());
    if (size < 126) {
        frame.append(char(maskBit | char(size)));
    } else if (size <= 0xffff) {
        frame.append(char(maskBit | 126)).append(char(size >> 8)).append(char(size & 0xff));
    } else {
        frame.append(char(maskBit | 127));
        for (int shift = 56; shift >= 0; shift -= 8)
            frame.append(char((size >> shift) & 0xff));
    }
    if (!masked)
        return frame.append(payload);
    // A real mask, so that a server that forgets to unmask reads garbage.
    const char key[4] = {0x37, char(0xfa), 0x21, 0x3d};
    frame.append(key, 4);
    for (qsizetype i = 0; i < payload.size(); ++i)
        frame.append(char(payload[i] ^ key[i % 4]));
    return frame;
}

QList<RawClient::Frame> RawClient::frames() const
{
    QList<Frame> frames;
    qsizetype at = 0;
    while (at + 2 <= m_in.size()) {
        const auto opcode = quint8(m_in[at]) & 0x0f;
        quint64 size = quint8(m_in[at + 1]) & 0x7f;
        qsizetype header = 2;
        if (size == 126) {
            if (at + 4 > m_in.size())
                break;
            size = (quint64(quint8(m_in[at + 2])) << 8) | quint8(m_in[at + 3]);
            header = 4;
        } else if (size == 127) {
            if (at + 10 > m_in.size())
                break;
            size = 0;
            for (int i = 0; i < 8; ++i)
                size = (size << 8) | quint8(m_in[at + 2 + i]);
            header = 10;
        }
        if (at + header + qsizetype(size) > m_in.size())
            break;
        frames.append({opcode, m_in.mid(at + header, qsizetype(size))});
        at += header + qsizetype(size);
    }
    return frames;
}

RawClient::~RawClient()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

bool RawClient::connectTcp(quint16 port, int timeoutMs)
{
    m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (m_fd < 0)
        return false;
    if (m_receiveBuffer > 0)
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVBUF, &m_receiveBuffer, sizeof m_receiveBuffer);
    if (!m_source.isEmpty()) {
        sockaddr_in source{};
        source.sin_family = AF_INET;
        if (::inet_pton(AF_INET, m_source.constData(), &source.sin_addr) != 1
            || ::bind(m_fd, reinterpret_cast<const sockaddr *>(&source), sizeof source) != 0)
            return false;
    }
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(m_fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0
        && errno != EINPROGRESS)
        return false;
    pollfd writable{m_fd, POLLOUT, 0};
    return QTest::qWaitFor([&] { return ::poll(&writable, 1, 0) == 1; }, timeoutMs)
            && socketError() == 0;
}

QByteArray RawClient::upgradeRequest()
{
    return "GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
           "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
           "Sec-WebSocket-Version: 13\r\n\r\n";
}

bool RawClient::readHandshake(int timeoutMs)
{
    if (!readUntil([this] { return m_in.contains("\r\n\r\n"); }, timeoutMs)
        || !m_in.startsWith("HTTP/1.1 101"))
        return false;
    m_in.remove(0, m_in.indexOf("\r\n\r\n") + 4);
    return true;
}

bool RawClient::open(quint16 port, int timeoutMs)
{
    return connectTcp(port, timeoutMs) && sendAll(upgradeRequest()) && readHandshake(timeoutMs);
}

bool RawClient::sendAll(const QByteArray &bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n
                = ::send(m_fd, bytes.constData() + done, size_t(bytes.size() - done), MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EAGAIN) {
                QTest::qWait(1); // the server reads meanwhile (it may run on this thread)
                continue;
            }
            m_lastError = QString::fromLocal8Bit(std::strerror(errno));
            return false;
        }
        done += qsizetype(n);
    }
    return true;
}

bool RawClient::sendText(const QByteArray &utf8)
{
    return sendAll(frame(0x81, utf8));
}

bool RawClient::sendTexts(const QList<QByteArray> &utf8s)
{
    QByteArray all;
    for (const QByteArray &utf8 : utf8s)
        all += frame(0x81, utf8);
    return sendAll(all);
}

bool RawClient::sendClose(quint16 code)
{
    QByteArray payload;
    payload.append(char(code >> 8)).append(char(code & 0xff));
    return sendAll(frame(0x88, payload));
}

void RawClient::shutdownWrite()
{
    ::shutdown(m_fd, SHUT_WR);
}

void RawClient::readAvailable()
{
    char buffer[16384];
    while (!m_eof && m_readErrno == 0) {
        const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
        if (n > 0)
            m_in.append(buffer, n);
        else if (n == 0)
            m_eof = true;
        else if (errno != EAGAIN && errno != EINTR)
            m_readErrno = errno;
        else
            break;
    }
}

bool RawClient::readUntil(const std::function<bool()> &pred, int timeoutMs)
{
    return QTest::qWaitFor(
            [&] {
                readAvailable();
                return pred();
            },
            timeoutMs);
}

int RawClient::closeCode() const
{
    for (const Frame &f : frames()) {
        if (f.opcode == 0x8 && f.payload.size() >= 2)
            return (quint8(f.payload[0]) << 8) | quint8(f.payload[1]);
    }
    return -1;
}

int RawClient::socketError() const
{
    if (m_readErrno)
        return m_readErrno;
    int error = 0;
    socklen_t size = sizeof error;
    ::getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &error, &size);
    return error;
}
