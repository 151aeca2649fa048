#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

// RFC 6455 framing for the server side of a WebSocket: frames the hub writes (FIN set, never
// masked) and an incremental reader of the frames clients send (always masked). No sockets here.
namespace WsFrame {

enum class Opcode : quint8 {
    Continuation = 0x0,
    Text = 0x1,
    Binary = 0x2,
    Close = 0x8,
    Ping = 0x9,
    Pong = 0xA,
};

// Server -> client frames.
QByteArray text(QByteArrayView utf8);
// The reason is cut to 123 bytes at a UTF-8 character boundary (control frames carry <= 125).
QByteArray close(quint16 code, QByteArrayView reasonUtf8 = {});
QByteArray ping(QByteArrayView payload = {});
QByteArray pong(QByteArrayView payload);
// Size (header + payload) of the unmasked server frame at the start of data; -1 if data does not
// hold all of its header yet. Used to find frame boundaries in an output queue.
qsizetype serverFrameSize(QByteArrayView data);

bool isValidUtf8(QByteArrayView bytes);

// A received close frame's payload. Empty payload: code 1005 (no status), valid. Returns false
// with *errorCode = 1002 (1-byte payload, a code that must not be sent) or 1007 (reason not UTF-8).
bool parseClosePayload(QByteArrayView payload, quint16 *code, QString *reason, quint16 *errorCode);

// Reads client -> server frames from a byte stream that arrives in arbitrary pieces.
class Reader
{
public:
    struct Sink
    {
        // A complete message or control frame: Text (valid UTF-8, fragments joined), Binary,
        // Ping, Pong or Close (raw payload). Return false to stop reading (the rest is dropped).
        virtual bool onFrame(Opcode opcode, QByteArrayView payload) = 0;

    protected:
        ~Sink() = default;
    };

    explicit Reader(qint64 maxMessageBytes);

    // Feeds bytes; data may be modified (unmasked in place). Returns false on a protocol error
    // (then errorCode()/errorText() say which close code to send and why) or when the sink said
    // stop; after an error every later feed() returns false at once.
    bool feed(char *data, qsizetype size, Sink &sink);

    quint16 errorCode() const { return m_errorCode; } // 0: no error
    QString errorText() const { return m_errorText; }
    qsizetype bufferedBytes() const { return m_partial.size() + m_message.size(); }

private:
    // Parses the complete frames at the start of data (unmasking them in place); *consumed is
    // how many bytes they took. False on an error or when the sink said stop.
    bool parse(char *data, qsizetype size, Sink &sink, qsizetype *consumed);
    bool deliver(quint8 opcode, bool fin, char *payload, qsizetype size, Sink &sink);
    bool fail(quint16 code, const QString &text);

    qint64 m_maxMessageBytes;
    quint8 m_messageOpcode = 0; // Text or Binary while a fragmented message is in progress, else 0
    QByteArray m_partial; // an incomplete frame, still masked
    QByteArray m_message; // unmasked payload of the fragments so far
    quint16 m_errorCode = 0;
    QString m_errorText;
};

} // namespace WsFrame
