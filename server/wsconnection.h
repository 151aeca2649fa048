#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QString>

#include "readinessset.h"
#include "wsframe.h"

#include <chrono>

// The server side of one WebSocket connection, straight on its descriptor (RFC 6455): frames are
// read into one buffer per hub thread and parsed in place, and written with one send() per call;
// only what the kernel does not take is kept. An idle connection holds no buffers at all (a
// QTcpSocket + QWebSocket pair keeps about 19 KiB: docs/PERFORMANCE.md).
//
// It never reports closed() synchronously from a call the hub makes: that comes from the event
// loop, so the hub may close connections while it iterates over them.
//
// What it holds for a peer that does not read is bounded here, where the buffer is: at most
// maxPendingBytes queued (beyond that it closes itself 1008), and at most one pong waiting
// (RFC 6455 5.5.3 lets an endpoint answer only the latest ping), so no peer can grow the hub's
// memory by sending, whatever it sends.
class WsConnection final
    : public QObject
    , private ReadinessSet::Handler
    , private WsFrame::Reader::Sink
{
    Q_OBJECT
public:
    // One Events object per connection (the hub's Peer), so the calls do not name the connection.
    struct Events
    {
        virtual void wsText(QByteArrayView utf8) = 0;
        virtual void wsBinary() = 0;
        // A frame arrived, of any kind (also a ping, a pong or a fragment): the peer is alive.
        // Comes before the frame's own event.
        virtual void wsAlive() = 0;
        // More than maxPendingBytes wait for the peer to read: the connection closes itself 1008
        // after this call, its backlog dropped. May come from inside write().
        virtual void wsTooSlow(qint64 unsentBytes) = 0;
        // The peer broke the protocol (1002), sent invalid UTF-8 (1007) or too much (1009); the
        // connection closes itself with that code after this call.
        virtual void wsRejected(quint16 code, const QString &why) = 0;
        // The connection is over and its descriptor closed; delete it later.
        virtual void wsClosed() = 0;

    protected:
        ~Events() = default;
    };

    enum class State { Open, Closing, Closed };

    struct Limits
    {
        qint64 maxMessageBytes = 64 * 1024; // larger -> close 1009
        qint64 maxPendingBytes = 4 * 1024 * 1024; // unsent -> close 1008 (wsTooSlow)
        std::chrono::milliseconds closeGrace{2000}; // for the peer's side of the close
    };

    // Takes the descriptor (connected, non-blocking). Start with start().
    WsConnection(int fd, const QHostAddress &peer, quint16 peerPort, const Limits &limits,
                 QObject *parent = nullptr);
    ~WsConnection() override; // closes the descriptor if still open; reports nothing

    // Registers with the set and reads `input` (bytes that came with the handshake). False if
    // the descriptor cannot be watched (closed() follows).
    bool start(ReadinessSet *set, Events *events, QByteArray input);
    void setEvents(Events *events) { m_events = events; } // nullptr: report nothing any more

    // Ready-made frames, in order. Ignored unless Open.
    void write(QByteArrayView frames);
    // Not taken by the kernel yet (a pong that waits included).
    qint64 pendingBytes() const { return m_out.size() - m_outPos + m_pendingPong.size(); }
    // The next `bytes` written are owed to the peer (a welcome with the room's history), not a
    // backlog it failed to read: until they have left, they do not count towards maxPendingBytes.
    void allowBacklog(qint64 bytes) { m_allowance = bytes; }
    void ping();
    // Sends a close frame after what is queued (or, with dropBacklog, after the frame that is
    // half sent: the rest of the backlog is dropped), then FIN, and reads on until the peer
    // closes too; after closeGrace it is cut off.
    void close(quint16 code, const QString &reason, bool dropBacklog = false);
    void abort(); // closes the descriptor now

    State state() const { return m_state; }
    QString peerString() const; // "address:port"
    QHostAddress peerAddress() const { return m_peerAddress; }
    quint16 peerPort() const { return m_peerPort; }
    bool closeFrameReceived() const { return m_closeReceived; }
    quint16 receivedCloseCode() const { return m_receivedCode; } // 1005: none given
    QString receivedCloseReason() const { return m_receivedReason; }
    // Why the connection ended without a close handshake ("" if it had one): the peer's FIN or
    // reset, a send error, no answer within the grace period, …
    QString failure() const { return m_failure; }

private:
    void onReadiness(ReadinessSet::Events events) override;
    bool onFrame(WsFrame::Opcode opcode, QByteArrayView payload) override;
    void readInput();
    void feed(char *data, qsizetype size);
    void flushOutput();
    void queue(QByteArrayView bytes);
    void answerPing(QByteArrayView payload);
    void enforceLimit();
    void consumeSent(qsizetype sent);
    static qsizetype halfFrameAfter(QByteArrayView bytes, qsizetype halfFrame, qsizetype sent);
    void updateWantWrite();
    void finish(const QString &failure);
    void closeDescriptor(); // leaves the epoll set first

    int m_fd = -1;
    State m_state = State::Open;
    QPointer<ReadinessSet> m_set; // the hub's; it may go first when the hub is destroyed
    bool m_registered = false; // m_fd is in m_set
    Events *m_events = nullptr;
    WsFrame::Reader m_reader;
    QByteArray m_out; // from m_outPos on: bytes the kernel did not take yet
    qsizetype m_outPos = 0;
    qsizetype m_outHalfFrame = 0; // pending bytes at the front that finish a frame already begun
    QByteArray m_pendingPong; // the answer to the latest ping, while m_out waits for the kernel
    qint64 m_allowance = 0; // pending bytes not held against the peer (allowBacklog)
    bool m_wantWrite = false;
    bool m_closeSent = false;
    bool m_finSent = false;
    bool m_closeReceived = false;
    quint16 m_receivedCode = 1005;
    QString m_receivedReason;
    QString m_failure;
    QHostAddress m_peerAddress;
    quint16 m_peerPort = 0;
    Limits m_limits;
};
