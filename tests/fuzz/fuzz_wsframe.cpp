// libFuzzer harness for WsFrame::Reader, the hub's parser of client frames.
//
// Input: byte 0 picks the message limit, bytes 1-2 seed the chunk sizes, the rest is the stream.
// The stream is read three ways that must agree: by WsFrame::Reader in one piece, by
// WsFrame::Reader in pseudo-random pieces, and by the plain reference decoder below, written
// straight from RFC 6455 §5 without looking at the reader's code.
#include "referenceutf8.h"
#include "wsframe.h"

#include <QList>

#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace {

struct Event
{
    int opcode;
    QByteArray payload;
    friend bool operator==(const Event &, const Event &) = default;
};

struct Outcome
{
    QList<Event> events;
    int errorCode = 0; // 0: no error (the stream may end inside a frame)
    friend bool operator==(const Outcome &, const Outcome &) = default;
};

bool referenceUtf8(const QByteArray &bytes)
{
    return referenceValidUtf8(reinterpret_cast<const uchar *>(bytes.constData()), bytes.size());
}

Outcome referenceDecode(const QByteArray &s, std::uint64_t maxMessage)
{
    Outcome out;
    const qsizetype n = s.size();
    qsizetype pos = 0;
    int messageOpcode = 0; // of a fragmented message in progress
    QByteArray message;
    auto at = [&](qsizetype i) { return static_cast<unsigned char>(s[i]); };
    while (pos < n) {
        const int b0 = at(pos);
        const bool fin = b0 & 0x80;
        const int opcode = b0 & 0x0F;
        if (b0 & 0x70) {
            out.errorCode = 1002;
            return out;
        }
        const bool control = opcode >= 8;
        if (opcode == 0) {
            if (!messageOpcode) {
                out.errorCode = 1002;
                return out;
            }
        } else if (opcode == 1 || opcode == 2) {
            if (messageOpcode) {
                out.errorCode = 1002;
                return out;
            }
        } else if (opcode == 8 || opcode == 9 || opcode == 10) {
            if (!fin) {
                out.errorCode = 1002;
                return out;
            }
        } else {
            out.errorCode = 1002;
            return out;
        }
        if (pos + 1 >= n)
            return out;
        const int b1 = at(pos + 1);
        if (!(b1 & 0x80)) {
            out.errorCode = 1002;
            return out;
        }
        std::uint64_t length = b1 & 0x7F;
        qsizetype p = pos + 2;
        if (length == 126 || length == 127) {
            const int bytes = length == 126 ? 2 : 8;
            if (p + bytes > n)
                return out;
            length = 0;
            for (int k = 0; k < bytes; ++k)
                length = (length << 8) | at(p + k);
            p += bytes;
            if (bytes == 8 && (length >> 63)) {
                out.errorCode = 1002;
                return out;
            }
        }
        if (control && length > 125) {
            out.errorCode = 1002;
            return out;
        }
        if (!control && length + std::uint64_t(message.size()) > maxMessage) {
            out.errorCode = 1009;
            return out;
        }
        if (p + 4 > n)
            return out;
        unsigned char key[4];
        for (int k = 0; k < 4; ++k)
            key[k] = at(p + k);
        p += 4;
        if (std::uint64_t(n - p) < length)
            return out;
        QByteArray payload(qsizetype(length), Qt::Uninitialized);
        for (qsizetype k = 0; k < qsizetype(length); ++k)
            payload[k] = char(at(p + k) ^ key[k % 4]);
        pos = p + qsizetype(length);

        if (control) {
            out.events.append({opcode, payload});
            continue;
        }
        if (opcode != 0)
            messageOpcode = opcode;
        message += payload;
        if (!fin)
            continue;
        if (messageOpcode == 1 && !referenceUtf8(message)) {
            out.errorCode = 1007;
            return out;
        }
        out.events.append({messageOpcode, message});
        messageOpcode = 0;
        message.clear();
    }
    return out;
}

struct Recorder final : WsFrame::Reader::Sink
{
    QList<Event> events;
    bool onFrame(WsFrame::Opcode opcode, QByteArrayView payload) override
    {
        events.append({int(opcode), payload.toByteArray()});
        return true;
    }
};

Outcome readerDecode(const QByteArray &stream, qint64 maxMessage, std::uint32_t seed)
{
    WsFrame::Reader reader(maxMessage);
    Recorder sink;
    qsizetype pos = 0;
    bool ok = true;
    while (pos < stream.size() && ok) {
        qsizetype chunk = stream.size() - pos;
        if (seed) {
            seed = seed * 1103515245u + 12345u;
            chunk = std::min<qsizetype>(chunk, 1 + (seed >> 16) % 97);
        }
        QByteArray piece = stream.sliced(pos, chunk); // the reader unmasks in place
        ok = reader.feed(piece.data(), piece.size(), sink);
        pos += chunk;
    }
    if (ok != (reader.errorCode() == 0))
        std::abort(); // feed() and errorCode() disagree
    return {sink.events, reader.errorCode()};
}

void check(bool condition)
{
    if (!condition)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 3)
        return 0;
    static const qint64 limits[] = {64 * 1024, 0, 1, 125, 126, 65535, 65536, 200};
    const qint64 maxMessage = limits[data[0] % 8];
    const std::uint32_t seed = std::uint32_t(data[1]) << 8 | data[2] | 1u;
    const QByteArray stream(reinterpret_cast<const char *>(data + 3), qsizetype(size - 3));

    const Outcome expected = referenceDecode(stream, std::uint64_t(maxMessage));
    check(readerDecode(stream, maxMessage, 0) == expected);
    check(readerDecode(stream, maxMessage, seed) == expected);
    // The reader's own UTF-8 check against the reference one, on the raw bytes too.
    check(WsFrame::isValidUtf8(stream) == referenceUtf8(stream));
    return 0;
}
