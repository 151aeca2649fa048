#include "wsframe.h"

#include <QtEndian>

#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>
#include <utility>

using namespace Qt::StringLiterals;

namespace WsFrame {

namespace {

constexpr quint8 FinBit = 0x80;
constexpr quint8 RsvBits = 0x70;
constexpr quint8 OpcodeBits = 0x0F;
constexpr quint8 ControlBit = 0x08;
constexpr quint8 MaskBit = 0x80;
constexpr quint8 LengthBits = 0x7F;
constexpr quint8 Length16 = 126;
constexpr quint8 Length64 = 127;
constexpr qsizetype MaskSize = 4;
constexpr qsizetype MaxControlPayload = 125;
constexpr qsizetype MaxCloseReason = MaxControlPayload - 2;

constexpr quint16 ProtocolError = 1002;
constexpr quint16 InvalidPayload = 1007;
constexpr quint16 MessageTooBig = 1009;

constexpr quint8 byteOf(Opcode opcode)
{
    return quint8(opcode);
}

constexpr qsizetype headerSize(qsizetype payloadSize)
{
    return payloadSize < Length16 ? 2 : payloadSize <= 0xFFFF ? 4 : 10;
}

// Writes the header of an unmasked frame and returns its size.
qsizetype writeHeader(char *out, quint8 firstByte, qsizetype payloadSize)
{
    out[0] = char(firstByte);
    if (payloadSize < Length16) {
        out[1] = char(payloadSize);
        return 2;
    }
    if (payloadSize <= 0xFFFF) {
        out[1] = char(Length16);
        qToBigEndian(quint16(payloadSize), out + 2);
        return 4;
    }
    out[1] = char(Length64);
    qToBigEndian(quint64(payloadSize), out + 2);
    return 10;
}

// One unmasked frame with FIN set; the payload is a followed by b. Allocates exactly once.
QByteArray makeFrame(Opcode opcode, QByteArrayView a, QByteArrayView b = {})
{
    const qsizetype payloadSize = a.size() + b.size();
    QByteArray frame(headerSize(payloadSize) + payloadSize, Qt::Uninitialized);
    char *out = frame.data();
    out += writeHeader(out, FinBit | byteOf(opcode), payloadSize);
    if (!a.isEmpty())
        std::memcpy(out, a.data(), size_t(a.size()));
    if (!b.isEmpty())
        std::memcpy(out + a.size(), b.data(), size_t(b.size()));
    return frame;
}

// XORs data with the 4-byte key, 8 bytes at a time.
void unmask(char *data, qsizetype size, const uchar *key)
{
    uchar key8[8];
    std::memcpy(key8, key, 4);
    std::memcpy(key8 + 4, key, 4);
    quint64 key64;
    std::memcpy(&key64, key8, sizeof key64);

    qsizetype i = 0;
    for (; size - i >= 8; i += 8) {
        quint64 word;
        std::memcpy(&word, data + i, sizeof word);
        word ^= key64;
        std::memcpy(data + i, &word, sizeof word);
    }
    for (; i < size; ++i) // i is a multiple of 8 here, so the key phase still starts at 0
        data[i] = char(uchar(data[i]) ^ key8[i & 7]);
}

constexpr bool isContinuation(uchar c)
{
    return (c & 0xC0) == 0x80;
}

} // namespace

QByteArray text(QByteArrayView utf8)
{
    return makeFrame(Opcode::Text, utf8);
}

QByteArray close(quint16 code, QByteArrayView reasonUtf8)
{
    qsizetype cut = reasonUtf8.size();
    if (cut > MaxCloseReason) {
        cut = MaxCloseReason;
        // Step back to the first byte of the character that would be split.
        while (cut > 0 && isContinuation(uchar(reasonUtf8[cut])))
            --cut;
    }
    char codeBytes[2];
    qToBigEndian(code, codeBytes);
    return makeFrame(Opcode::Close, QByteArrayView(codeBytes, 2), reasonUtf8.first(cut));
}

QByteArray ping(QByteArrayView payload)
{
    return makeFrame(Opcode::Ping, payload.first(std::min(payload.size(), MaxControlPayload)));
}

QByteArray pong(QByteArrayView payload)
{
    return makeFrame(Opcode::Pong, payload.first(std::min(payload.size(), MaxControlPayload)));
}

qsizetype serverFrameSize(QByteArrayView data)
{
    if (data.size() < 2)
        return -1;
    const auto *p = reinterpret_cast<const uchar *>(data.data());
    quint64 length = p[1] & LengthBits;
    qsizetype header = 2;
    if (length == Length16) {
        if (data.size() < 4)
            return -1;
        length = qFromBigEndian<quint16>(p + 2);
        header = 4;
    } else if (length == Length64) {
        if (data.size() < 10)
            return -1;
        length = qFromBigEndian<quint64>(p + 2);
        header = 10;
    }
    if (p[1] & MaskBit)
        header += MaskSize;
    if (data.size() < header)
        return -1;
    constexpr qsizetype Max = std::numeric_limits<qsizetype>::max();
    return length > quint64(Max - header) ? Max : header + qsizetype(length);
}

bool isValidUtf8(QByteArrayView bytes)
{
    const auto *s = reinterpret_cast<const uchar *>(bytes.data());
    const auto *const end = s + bytes.size();
    for (;;) {
        // ASCII fast path: 8 bytes at a time, then to the first non-ASCII byte.
        while (end - s >= 8) {
            quint64 word;
            std::memcpy(&word, s, sizeof word);
            const quint64 high = word & 0x8080808080808080ULL;
            if (high) {
                if constexpr (std::endian::native == std::endian::little)
                    s += std::countr_zero(high) / 8;
                break;
            }
            s += 8;
        }
        while (s != end && *s < 0x80)
            ++s;
        if (s == end)
            return true;

        // A multibyte sequence (RFC 3629, section 4).
        const uchar c = *s;
        const qsizetype left = end - s;
        if (c < 0xC2) // a stray continuation byte, or an overlong C0/C1 lead
            return false;
        if (c < 0xE0) {
            if (left < 2 || !isContinuation(s[1]))
                return false;
            s += 2;
        } else if (c < 0xF0) {
            const uchar low = c == 0xE0 ? 0xA0 : 0x80; // E0 80-9F: overlong
            const uchar high = c == 0xED ? 0x9F : 0xBF; // ED A0-BF: surrogates
            if (left < 3 || s[1] < low || s[1] > high || !isContinuation(s[2]))
                return false;
            s += 3;
        } else if (c < 0xF5) {
            const uchar low = c == 0xF0 ? 0x90 : 0x80; // F0 80-8F: overlong
            const uchar high = c == 0xF4 ? 0x8F : 0xBF; // F4 90+: over U+10FFFF
            if (left < 4 || s[1] < low || s[1] > high || !isContinuation(s[2])
                || !isContinuation(s[3]))
                return false;
            s += 4;
        } else {
            return false; // F5-FF: over U+10FFFF
        }
    }
}

bool parseClosePayload(QByteArrayView payload, quint16 *code, QString *reason, quint16 *errorCode)
{
    const auto failWith = [errorCode](quint16 error) {
        if (errorCode)
            *errorCode = error;
        return false;
    };
    quint16 status = 1005; // no status code present
    QByteArrayView reasonBytes;
    if (!payload.isEmpty()) {
        if (payload.size() < 2)
            return failWith(ProtocolError);
        status = qFromBigEndian<quint16>(payload.data());
        const bool sendable = (status >= 1000 && status <= 1003)
                || (status >= 1007 && status <= 1014) || (status >= 3000 && status <= 4999);
        if (!sendable)
            return failWith(ProtocolError);
        reasonBytes = payload.sliced(2);
        if (!isValidUtf8(reasonBytes))
            return failWith(InvalidPayload);
    }
    if (code)
        *code = status;
    if (reason)
        *reason = QString::fromUtf8(reasonBytes);
    if (errorCode)
        *errorCode = 0;
    return true;
}

Reader::Reader(qint64 maxMessageBytes)
    : m_maxMessageBytes(std::max<qint64>(0, maxMessageBytes))
{ }

// When the sink returns false, the rest of that call's bytes (and any buffered incomplete frame)
// are dropped, but this is not an error: a later feed() starts at a frame boundary and a
// fragmented message in progress stays in progress.
bool Reader::feed(char *data, qsizetype size, Sink &sink)
{
    if (m_errorCode)
        return false;
    if (size <= 0)
        return true;

    if (m_partial.isEmpty()) {
        // Nothing buffered: parse and unmask in the caller's buffer, copy only an incomplete tail.
        qsizetype consumed = 0;
        const bool ok = parse(data, size, sink, &consumed);
        if (!ok) {
            if (m_errorCode)
                m_message = QByteArray();
            return false;
        }
        if (consumed < size)
            m_partial.append(data + consumed, size - consumed);
        return true;
    }

    m_partial.append(data, size);
    qsizetype consumed = 0;
    const bool ok = parse(m_partial.data(), m_partial.size(), sink, &consumed);
    if (!ok) {
        m_partial = QByteArray();
        if (m_errorCode)
            m_message = QByteArray();
        return false;
    }
    if (consumed == m_partial.size())
        m_partial = QByteArray(); // an idle connection holds no buffer
    else
        m_partial.remove(0, consumed);
    return true;
}

bool Reader::parse(char *data, qsizetype size, Sink &sink, qsizetype *consumed)
{
    qsizetype pos = 0;
    while (pos < size) {
        const auto *p = reinterpret_cast<const uchar *>(data + pos);
        const qsizetype available = size - pos;

        // Everything the first byte can break is checked as soon as it is here.
        const quint8 first = p[0];
        const quint8 opcode = first & OpcodeBits;
        const bool fin = first & FinBit;
        if (first & RsvBits)
            return fail(ProtocolError, u"reserved bits set"_s);
        switch (opcode) {
        case byteOf(Opcode::Continuation):
            if (!m_messageOpcode)
                return fail(ProtocolError, u"continuation frame without a message"_s);
            break;
        case byteOf(Opcode::Text):
        case byteOf(Opcode::Binary):
            if (m_messageOpcode)
                return fail(ProtocolError, u"new message before the fragmented one ended"_s);
            break;
        case byteOf(Opcode::Close):
        case byteOf(Opcode::Ping):
        case byteOf(Opcode::Pong):
            if (!fin)
                return fail(ProtocolError, u"fragmented control frame"_s);
            break;
        default:
            return fail(ProtocolError, u"reserved opcode 0x%1"_s.arg(opcode, 0, 16));
        }
        const bool control = opcode & ControlBit;

        if (available < 2)
            break;
        const quint8 second = p[1];
        if (!(second & MaskBit))
            return fail(ProtocolError, u"frame not masked"_s);
        quint64 length = second & LengthBits;
        qsizetype header = 2;
        if (length == Length16) {
            if (available < 4)
                break;
            length = qFromBigEndian<quint16>(p + 2);
            header = 4;
        } else if (length == Length64) {
            if (available < 10)
                break;
            length = qFromBigEndian<quint64>(p + 2);
            header = 10;
            if (length >> 63)
                return fail(ProtocolError, u"frame length with the top bit set"_s);
        }
        // Limits are checked from the header alone, before any payload is buffered.
        if (control) {
            if (length > quint64(MaxControlPayload))
                return fail(ProtocolError, u"control frame over 125 bytes"_s);
        } else if (length > quint64(m_maxMessageBytes - m_message.size())) {
            return fail(MessageTooBig, u"message over %1 bytes"_s.arg(m_maxMessageBytes));
        }

        if (available - header < MaskSize)
            break;
        const uchar *key = p + header;
        header += MaskSize;
        if (quint64(available - header) < length)
            break;

        char *payload = data + pos + header;
        const auto payloadSize = qsizetype(length);
        unmask(payload, payloadSize, key);
        pos += header + payloadSize;
        *consumed = pos;
        if (!deliver(opcode, fin, payload, payloadSize, sink))
            return false;
    }
    *consumed = pos;
    return true;
}

bool Reader::deliver(quint8 opcode, bool fin, char *payload, qsizetype size, Sink &sink)
{
    if (opcode & ControlBit)
        return sink.onFrame(Opcode(opcode), QByteArrayView(payload, size));

    if (fin && opcode != byteOf(Opcode::Continuation)) { // a whole message in one frame
        if (opcode == byteOf(Opcode::Text) && !isValidUtf8(QByteArrayView(payload, size)))
            return fail(InvalidPayload, u"invalid UTF-8 in a text message"_s);
        return sink.onFrame(Opcode(opcode), QByteArrayView(payload, size));
    }

    if (opcode != byteOf(Opcode::Continuation))
        m_messageOpcode = opcode;
    m_message.append(payload, size);
    if (!fin)
        return true;

    const auto messageOpcode = Opcode(std::exchange(m_messageOpcode, quint8(0)));
    // Taking the message also releases its buffer: an idle reader holds no heap memory for it.
    const QByteArray message = std::exchange(m_message, QByteArray());
    if (messageOpcode == Opcode::Text && !isValidUtf8(message))
        return fail(InvalidPayload, u"invalid UTF-8 in a text message"_s);
    return sink.onFrame(messageOpcode, message);
}

bool Reader::fail(quint16 code, const QString &text)
{
    m_errorCode = code;
    m_errorText = text;
    return false;
}

} // namespace WsFrame
