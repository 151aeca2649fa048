#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QString>

#include "readinessset.h"
#include "wsframe.h"

#include <chrono>

// The server side of one WebSocket connection, straight on its descriptor (RFC 6455): frames are
// read into one buffer per hub thread and parsed in place, and written with one send() per call;
// only what the kernel does not take is kept. An idle connection holds no buffers at all (a
// QTcpSocket + QWebSocket pair keeps about 19 KiB: docs/PERFORMANCE.md).
//
// It never reports synchronously from a call the hub makes: closed() comes from the event loop,
// so the hub may close connections while it iterates over them.
class WsConnection final
    : public QObject
    , private ReadinessSet::Handler
    , private WsFrame::Reader::Sink
{
    Q_OBJECT
public:
    struct Events
    {
        virtual void wsText(WsConnection *connection, QByteArrayView utf8) = 0;
        virtual void wsBinary(WsConnection *connection) = 0;
        virtual void wsPong(WsConnection *connection) = 0;
        // The peer broke the protocol (1002), sent invalid UTF-8 (1007) or too much (1009); the
        // connection closes itself with that code after this call.
        virtual void wsRejected(WsConnection *connection, quint16 code, const QString &why) = 0;
        // The connection is over and its descriptor closed; delete it later.
        virtual void wsClosed(WsConnection *connection) = 0;

    protected:
        ~Events() = default;
    };

    enum class State { Open, Closing, Closed };

    // Takes the descriptor (connected, non-blocking). Start with start().
    WsConnection(int fd, const QHostAddress &peer, quint16 peerPort, qint64 maxMessageBytes,
                 std::chrono::milliseconds closeGrace, QObject *parent = nullptr);
    ~WsConnection() override; // closes the descriptor if still open; reports nothing

    // Registers with the set and reads `input` (bytes that came with the handshake). False if
    // the descriptor cannot be watched (closed() follows).
    bool start(ReadinessSet *set, Events *events, QByteArray input);
    void setEvents(Events *events) { m_events = events; } // nullptr: report nothing any more

    // Ready-made frames, in order. Ignored unless Open.
    void write(QByteArrayView frames);
    qint64 pendingBytes() const { return m_out.size() - m_outPos; } // not taken by the kernel yet
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
    void consumeSent(qsizetype sent);
    static qsizetype halfFrameAfter(QByteArrayView bytes, qsizetype halfFrame, qsizetype sent);
    void updateWantWrite();
    void finish(const QString &failure);

    int m_fd = -1;
    State m_state = State::Open;
    ReadinessSet *m_set = nullptr;
    Events *m_events = nullptr;
    WsFrame::Reader m_reader;
    QByteArray m_out; // from m_outPos on: bytes the kernel did not take yet
    qsizetype m_outPos = 0;
    qsizetype m_outHalfFrame = 0; // pending bytes at the front that finish a frame already begun
    bool m_wantWrite = false;
    bool m_closeSent = false;
    bool m_finSent = false;
    bool m_closeReceived = false;
    quint16 m_receivedCode = 1005;
    QString m_receivedReason;
    QString m_failure;
    QHostAddress m_peerAddress;
    quint16 m_peerPort = 0;
    std::chrono::milliseconds m_closeGrace;
};
