#pragma once

#include <QList>
#include <QNetworkRequest>
#include <QObject>
#include <QUrl>
#include <QWebSocket>

#include "protocol.h"

#include <functional>
#include <optional>

class QTcpSocket;

// A scripted protocol client for tests: a real QWebSocket plus a queue of what it received.
class TestPeer final : public QObject
{
    Q_OBJECT
public:
    explicit TestPeer(QObject *parent = nullptr);

    // Connects and waits for the handshake; false if it did not connect within timeoutMs.
    bool open(const QUrl &url, const QByteArray &origin = {}, int timeoutMs = 5000);
    // join + wait for welcome.
    std::optional<Protocol::Message> join(const QString &name, int timeoutMs = 5000);
    void send(const Protocol::Message &message);
    void sendRaw(const QString &frame);
    // Waits for the next received message of this type, removes and returns it (and everything
    // received before it of other types stays queued).
    std::optional<Protocol::Message> next(Protocol::Type type, int timeoutMs = 5000);
    // Waits for the next chat; convenience for next(Type::Chat).
    std::optional<Protocol::Message> nextChat(int timeoutMs = 5000);
    bool waitClosed(int timeoutMs = 5000);

    QWebSocket &socket() { return m_socket; }
    const QList<Protocol::Message> &queue() const { return m_queue; }
    QStringList rawFrames() const { return m_raw; }
    bool isClosed() const { return m_closed; }
    int closeCode() const { return m_closeCode; }

private:
    QWebSocket m_socket;
    QList<Protocol::Message> m_queue;
    QStringList m_raw;
    bool m_closed = false;
    int m_closeCode = -1;
};

// A WebSocket client that completes the handshake and then never reads again: the slow client of
// the seeds' articles. Returns nullptr if the handshake did not complete.
// With a name, it joins first (one masked frame), so the others see it leave.
QTcpSocket *openSilentWebSocket(quint16 port, QObject *parent, const QString &joinAs = {},
                                int timeoutMs = 5000);

// A client on a plain non-blocking POSIX socket, for what QTcpSocket and QWebSocket hide: it sees
// whether the server's side ended with FIN or with a reset, and keeps sending after the server's
// close frame the way a busy browser does. Its frames are masked with an all-zero key.
class RawClient final
{
public:
    RawClient() = default;
    ~RawClient();
    RawClient(const RawClient &) = delete;
    RawClient &operator=(const RawClient &) = delete;

    // Connects to 127.0.0.1:port and completes the handshake (pumping the event loop).
    bool open(quint16 port, int timeoutMs = 5000);
    // Only connects (for plain HTTP); then sendBytes() what you like.
    bool connectTcp(quint16 port, int timeoutMs = 5000);
    // Before connectTcp()/open(): a small receive buffer makes a client that stops reading fill
    // up quickly.
    void setReceiveBufferSize(int bytes) { m_receiveBuffer = bytes; }
    // Before connectTcp()/open(): connect from this loopback address (e.g. 127.0.0.2), so that
    // the hub sees a client of another address.
    void setSourceAddress(const QByteArray &ipv4) { m_source = ipv4; }
    bool sendBytes(const QByteArray &bytes) { return sendAll(bytes); }
    // Sends everything at once; false with errno's text in lastError() if the kernel refused.
    bool sendText(const QByteArray &utf8);
    bool sendTexts(const QList<QByteArray> &utf8s);
    bool sendClose(quint16 code);
    void shutdownWrite(); // FIN, as a browser does once both close frames are exchanged
    // Reads what has arrived (pumping the event loop) until pred is true or timeoutMs passed.
    bool readUntil(const std::function<bool()> &pred, int timeoutMs = 5000);
    // A frame as a client sends it (firstByte: FIN | opcode, e.g. 0x81 text, 0x01 a first
    // fragment, 0x80 the last continuation), masked unless told otherwise.
    static QByteArray frame(quint8 firstByte, const QByteArray &payload, bool masked = true);
    static QByteArray upgradeRequest(); // GET /ws with a fixed key
    struct Frame
    {
        int opcode = 0;
        QByteArray payload;
    };
    QList<Frame> frames() const; // the complete frames received so far (after open())
    // The close code of the server's close frame, or -1 if none came (yet).
    int closeCode() const;
    bool atEnd() const { return m_eof; } // the server's FIN was read
    int socketError() const; // SO_ERROR: 0, or e.g. ECONNRESET/EPIPE after a reset
    QString lastError() const { return m_lastError; }
    const QByteArray &received() const { return m_in; } // after the 101 head, if open()ed

private:
    bool readHandshake(int timeoutMs); // waits for the 101 answer and drops its head
    bool sendAll(const QByteArray &bytes);
    void readAvailable();

    int m_fd = -1;
    int m_receiveBuffer = 0;
    QByteArray m_source;
    QByteArray m_in; // everything after the 101 answer's head
    bool m_eof = false;
    int m_readErrno = 0;
    QString m_lastError;
};
