#include <QRandomGenerator>
#include <QTest>
#include <QtEndian>

#include "referenceutf8.h"
#include "wsframe.h"

using namespace Qt::StringLiterals;
using WsFrame::Opcode;

namespace {

constexpr quint8 Fin = 0x80;
constexpr quint8 Rsv1 = 0x40;
constexpr quint8 Rsv2 = 0x20;
constexpr quint8 Rsv3 = 0x10;
constexpr quint8 OpContinuation = 0x0;
constexpr quint8 OpText = 0x1;
constexpr quint8 OpBinary = 0x2;
constexpr quint8 OpClose = 0x8;
constexpr quint8 OpPing = 0x9;
constexpr quint8 OpPong = 0xA;

enum LengthForm { Minimal, Bits16, Bits64 };

// Concatenation that yields a QByteArray (QT_USE_QSTRINGBUILDER makes '+' lazy, which test data
// columns do not take).
template<typename... Parts> QByteArray cat(const Parts &...parts)
{
    QByteArray bytes;
    (bytes.append(parts), ...);
    return bytes;
}

// The first two bytes plus the extended length of a frame, MASK bit as asked, no key.
QByteArray frameHeader(quint8 firstByte, quint64 length, LengthForm form, bool masked = true)
{
    QByteArray header(1, char(firstByte));
    const quint8 maskBit = masked ? 0x80 : 0;
    if (form == Minimal && length < 126) {
        header.append(char(maskBit | length));
    } else if (form != Bits64 && length <= 0xFFFF) {
        char be[2];
        qToBigEndian(quint16(length), be);
        header.append(char(maskBit | 126)).append(be, 2);
    } else {
        char be[8];
        qToBigEndian(length, be);
        header.append(char(maskBit | 127)).append(be, 8);
    }
    return header;
}

// A client frame: firstByte (FIN, RSV, opcode) as given, payload masked with a fresh key whose
// bytes are all non-zero, so that a missed unmask always shows.
QByteArray clientFrame(quint8 firstByte, QByteArrayView payload, LengthForm form = Minimal,
                       bool masked = true)
{
    QByteArray frame = frameHeader(firstByte, quint64(payload.size()), form, masked);
    if (!masked)
        return frame.append(payload);
    static QRandomGenerator rng(6455);
    uchar key[4];
    for (uchar &k : key)
        k = uchar(rng.bounded(1u, 256u));
    frame.append(reinterpret_cast<const char *>(key), 4);
    const qsizetype start = frame.size();
    frame.append(payload);
    for (qsizetype i = 0; i < payload.size(); ++i)
        frame[start + i] = char(uchar(frame[start + i]) ^ key[i % 4]);
    return frame;
}

QByteArray maskKey()
{
    return QByteArrayLiteral("\x11\x22\x33\x44");
}

QByteArray pattern(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char(i * 7 % 251);
    return bytes;
}

QByteArray closePayload(quint16 code, QByteArrayView reason = {})
{
    char be[2];
    qToBigEndian(code, be);
    return QByteArray(be, 2).append(reason);
}

QByteArray opcodeName(Opcode opcode)
{
    switch (opcode) {
    case Opcode::Continuation:
        return "continuation"_ba;
    case Opcode::Text:
        return "text"_ba;
    case Opcode::Binary:
        return "binary"_ba;
    case Opcode::Close:
        return "close"_ba;
    case Opcode::Ping:
        return "ping"_ba;
    case Opcode::Pong:
        return "pong"_ba;
    }
    return "?"_ba;
}

QByteArray entry(const char *opcode, QByteArrayView payload)
{
    return QByteArray(opcode).append(':').append(payload);
}

struct Recorder final : WsFrame::Reader::Sink
{
    QByteArrayList frames; // "<opcode>:<payload>"
    QList<const char *> payloadData;
    qsizetype stopAfter = -1; // return false once this many frames have arrived

    bool onFrame(Opcode opcode, QByteArrayView payload) override
    {
        frames.append(opcodeName(opcode).append(':').append(payload));
        payloadData.append(payload.data());
        return stopAfter < 0 || frames.size() < stopAfter;
    }
};

// Feeds a copy: the reader unmasks in place.
bool feed(WsFrame::Reader &reader, QByteArray bytes, Recorder &sink)
{
    return reader.feed(bytes.data(), bytes.size(), sink);
}

bool feedBytewise(WsFrame::Reader &reader, const QByteArray &bytes, Recorder &sink)
{
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (!feed(reader, bytes.sliced(i, 1), sink))
            return false;
    }
    return true;
}

} // namespace

class TestWsFrame : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Reader
    void singleTextFrameIsDelivered();
    void anySplitGivesSameFrames_data();
    void anySplitGivesSameFrames();
    void extendedLengthsAreDecoded_data();
    void extendedLengthsAreDecoded();
    void pingBetweenFragmentsIsDeliveredFirst();
    void binaryMessagesAreDelivered();
    void controlPayloadsAreUnmasked_data();
    void controlPayloadsAreUnmasked();
    void closeIsDeliveredRawAndSinkDecidesWhatFollows();
    void protocolErrorsFail_data();
    void protocolErrorsFail();
    void oversizedHeaderFailsBeforeItsPayload();
    void oversizedMessageAcrossFragmentsFails();
    void messageAtExactLimitIsAccepted();
    void utf8SplitAcrossFragmentsIsAccepted();
    void sinkReturningFalseStopsDelivery();
    void feedFailsAfterError();
    void errorTextSaysWhy_data();
    void errorTextSaysWhy();
    void bufferedBytesCountsOnlyIncompleteData();
    void completeFramesAreUnmaskedInPlace();

    // Helpers
    void isValidUtf8_data();
    void isValidUtf8();
    void isValidUtf8MatchesReferenceDecoder();
    void parseClosePayload_data();
    void parseClosePayload();

    // Server frames
    void serverFrameBytes_data();
    void serverFrameBytes();
    void closeReasonIsCutAtCharacterBoundary_data();
    void closeReasonIsCutAtCharacterBoundary();
    void serverFrameSizeWalksConcatenatedFrames();
    void serverFrameSizeNeedsWholeHeader_data();
    void serverFrameSizeNeedsWholeHeader();
};

void TestWsFrame::singleTextFrameIsDelivered()
{
    WsFrame::Reader reader(1024);
    Recorder sink;
    QVERIFY(feed(reader, clientFrame(Fin | OpText, "héllo, wörld"_ba), sink));
    QCOMPARE(sink.frames, QByteArrayList{"text:héllo, wörld"_ba});
    QCOMPARE(reader.errorCode(), quint16(0));
    QCOMPARE(reader.bufferedBytes(), qsizetype(0));
}

void TestWsFrame::anySplitGivesSameFrames_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QByteArrayList>("expected");

    const QByteArray binary = pattern(200);
    QTest::addRow("text, ping, 16-bit binary")
            << cat(clientFrame(Fin | OpText, "héllo wörld"_ba),
                   clientFrame(Fin | OpPing, "you there?"_ba), clientFrame(Fin | OpBinary, binary))
            << QByteArrayList{"text:héllo wörld"_ba, "ping:you there?"_ba, entry("binary", binary)};
    // "é" is split between the fragments.
    QTest::addRow("fragmented text around a ping")
            << cat(clientFrame(OpText, "Hel\xC3"_ba), clientFrame(Fin | OpPing, "p"_ba),
                   clientFrame(Fin | OpContinuation, "\xA9 wörld"_ba))
            << QByteArrayList{"ping:p"_ba, "text:Helé wörld"_ba};
    QTest::addRow("empty frames") << cat(clientFrame(Fin | OpText, {}),
                                         clientFrame(Fin | OpPong, {}),
                                         clientFrame(Fin | OpBinary, {}))
                                  << QByteArrayList{"text:"_ba, "pong:"_ba, "binary:"_ba};
}

void TestWsFrame::anySplitGivesSameFrames()
{
    QFETCH(QByteArray, stream);
    QFETCH(QByteArrayList, expected);

    // Three pieces, cut at every pair of points (which includes every single cut).
    for (qsizetype first = 0; first <= stream.size(); ++first) {
        for (qsizetype second = first; second <= stream.size(); ++second) {
            WsFrame::Reader reader(1 << 20);
            Recorder sink;
            QVERIFY(feed(reader, stream.first(first), sink));
            QVERIFY(feed(reader, stream.sliced(first, second - first), sink));
            QVERIFY(feed(reader, stream.sliced(second), sink));
            QVERIFY2(sink.frames == expected,
                     qPrintable(u"cut at %1 and %2"_s.arg(first).arg(second)));
            QCOMPARE(reader.bufferedBytes(), qsizetype(0));
        }
    }

    WsFrame::Reader reader(1 << 20);
    Recorder sink;
    QVERIFY(feedBytewise(reader, stream, sink));
    QCOMPARE(sink.frames, expected);
    QCOMPARE(reader.bufferedBytes(), qsizetype(0));
}

void TestWsFrame::extendedLengthsAreDecoded_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("form");

    QTest::addRow("7-bit 125") << 125 << int(Minimal);
    QTest::addRow("16-bit 126") << 126 << int(Minimal);
    QTest::addRow("16-bit 200") << 200 << int(Minimal);
    QTest::addRow("16-bit 65535") << 65535 << int(Minimal);
    QTest::addRow("64-bit 65536") << 65536 << int(Minimal);
    QTest::addRow("64-bit 70000") << 70000 << int(Minimal);
    QTest::addRow("64-bit 100000 (the limit)") << 100000 << int(Minimal);
    QTest::addRow("non-minimal 16-bit 5") << 5 << int(Bits16);
    QTest::addRow("non-minimal 64-bit 5") << 5 << int(Bits64);
    QTest::addRow("non-minimal 64-bit 200") << 200 << int(Bits64);
}

void TestWsFrame::extendedLengthsAreDecoded()
{
    QFETCH(int, size);
    QFETCH(int, form);

    const QByteArray payload = pattern(size);
    const QByteArray frame = clientFrame(Fin | OpBinary, payload, LengthForm(form));
    const QByteArrayList expected{entry("binary", payload)};

    for (const qsizetype chunk : {frame.size(), qsizetype(1000), qsizetype(7)}) {
        WsFrame::Reader reader(100000);
        Recorder sink;
        for (qsizetype pos = 0; pos < frame.size(); pos += chunk)
            QVERIFY(feed(reader, frame.sliced(pos, std::min(chunk, frame.size() - pos)), sink));
        QVERIFY2(sink.frames == expected, qPrintable(u"chunks of %1"_s.arg(chunk)));
        QCOMPARE(reader.bufferedBytes(), qsizetype(0));
    }
}

void TestWsFrame::pingBetweenFragmentsIsDeliveredFirst()
{
    WsFrame::Reader reader(1024);
    Recorder sink;

    QVERIFY(feed(reader, clientFrame(OpText, "one "_ba), sink));
    QVERIFY(sink.frames.isEmpty());
    QCOMPARE(reader.bufferedBytes(), qsizetype(4));

    QVERIFY(feed(reader, clientFrame(Fin | OpPing, "still there?"_ba), sink));
    QCOMPARE(sink.frames, QByteArrayList{"ping:still there?"_ba});

    QVERIFY(feed(reader,
                 clientFrame(OpContinuation, "two "_ba)
                         + clientFrame(Fin | OpContinuation, "three"_ba),
                 sink));
    QCOMPARE(sink.frames, (QByteArrayList{"ping:still there?"_ba, "text:one two three"_ba}));
    QCOMPARE(reader.bufferedBytes(), qsizetype(0));
}

void TestWsFrame::binaryMessagesAreDelivered()
{
    QByteArray everyByte(256, Qt::Uninitialized);
    for (int i = 0; i < 256; ++i)
        everyByte[i] = char(i);

    WsFrame::Reader reader(1024);
    Recorder sink;
    QVERIFY(feed(reader,
                 clientFrame(Fin | OpBinary, everyByte)
                         + clientFrame(OpBinary, everyByte.first(100))
                         + clientFrame(Fin | OpContinuation, everyByte.sliced(100)),
                 sink));
    QCOMPARE(sink.frames, (QByteArrayList{entry("binary", everyByte), entry("binary", everyByte)}));
    QCOMPARE(reader.bufferedBytes(), qsizetype(0));
}

void TestWsFrame::controlPayloadsAreUnmasked_data()
{
    QTest::addColumn<int>("opcode");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<int>("form");
    QTest::addColumn<QByteArray>("expected");

    QTest::addRow("empty ping") << int(OpPing) << QByteArray() << int(Minimal) << "ping:"_ba;
    QTest::addRow("ping") << int(OpPing) << "hello"_ba << int(Minimal) << "ping:hello"_ba;
    QTest::addRow("ping of 125 bytes")
            << int(OpPing) << pattern(125) << int(Minimal) << entry("ping", pattern(125));
    QTest::addRow("ping, non-minimal 16-bit length")
            << int(OpPing) << "hello"_ba << int(Bits16) << "ping:hello"_ba;
    QTest::addRow("pong") << int(OpPong) << "0123456789abcdef"_ba << int(Minimal)
                          << "pong:0123456789abcdef"_ba;
    QTest::addRow("pong of 125 bytes")
            << int(OpPong) << pattern(125) << int(Minimal) << entry("pong", pattern(125));
    QTest::addRow("close") << int(OpClose) << closePayload(1000, "bye") << int(Minimal)
                           << entry("close", closePayload(1000, "bye"));
    QTest::addRow("close, non-minimal 64-bit length")
            << int(OpClose) << closePayload(1001) << int(Bits64)
            << entry("close", closePayload(1001));
}

void TestWsFrame::controlPayloadsAreUnmasked()
{
    QFETCH(int, opcode);
    QFETCH(QByteArray, payload);
    QFETCH(int, form);
    QFETCH(QByteArray, expected);

    WsFrame::Reader reader(1024);
    Recorder sink;
    QVERIFY(feed(reader, clientFrame(Fin | quint8(opcode), payload, LengthForm(form)), sink));
    QCOMPARE(sink.frames, QByteArrayList{expected});
}

void TestWsFrame::closeIsDeliveredRawAndSinkDecidesWhatFollows()
{
    const QByteArray stream = clientFrame(Fin | OpClose, closePayload(1001, "going away"))
            + clientFrame(Fin | OpText, "late"_ba);

    WsFrame::Reader keepsReading(1024);
    Recorder all;
    QVERIFY(feed(keepsReading, stream, all));
    QCOMPARE(all.frames,
             (QByteArrayList{entry("close", closePayload(1001, "going away")), "text:late"_ba}));

    WsFrame::Reader stops(1024);
    Recorder closer;
    closer.stopAfter = 1;
    QVERIFY(!feed(stops, stream, closer));
    QCOMPARE(stops.errorCode(), quint16(0));
    QCOMPARE(closer.frames.size(), qsizetype(1));

    quint16 code = 0;
    QString reason;
    quint16 error = 0;
    const QByteArray payload = closer.frames.constFirst().sliced(qstrlen("close:"));
    QVERIFY(WsFrame::parseClosePayload(payload, &code, &reason, &error));
    QCOMPARE(code, quint16(1001));
    QCOMPARE(reason, u"going away"_s);
}

void TestWsFrame::protocolErrorsFail_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<qint64>("maxBytes");
    QTest::addColumn<int>("code");

    const QByteArray a = "a"_ba;
    QTest::addRow("RSV1") << clientFrame(Fin | Rsv1 | OpText, a) << qint64(1024) << 1002;
    QTest::addRow("RSV2") << clientFrame(Fin | Rsv2 | OpText, a) << qint64(1024) << 1002;
    QTest::addRow("RSV3") << clientFrame(Fin | Rsv3 | OpText, a) << qint64(1024) << 1002;
    QTest::addRow("RSV1 on a ping") << clientFrame(Fin | Rsv1 | OpPing, a) << qint64(1024) << 1002;
    QTest::addRow("not masked") << clientFrame(Fin | OpText, a, Minimal, false) << qint64(1024)
                                << 1002;
    QTest::addRow("a server frame") << WsFrame::text("hi") << qint64(1024) << 1002;
    for (const quint8 opcode : {0x3, 0x4, 0x5, 0x6, 0x7, 0xB, 0xC, 0xD, 0xE, 0xF})
        QTest::addRow("opcode 0x%X", opcode)
                << clientFrame(Fin | opcode, a) << qint64(1024) << 1002;
    QTest::addRow("ping without FIN") << clientFrame(OpPing, a) << qint64(1024) << 1002;
    QTest::addRow("pong without FIN") << clientFrame(OpPong, a) << qint64(1024) << 1002;
    QTest::addRow("close without FIN") << clientFrame(OpClose, a) << qint64(1024) << 1002;
    QTest::addRow("ping of 126 bytes")
            << clientFrame(Fin | OpPing, pattern(126)) << qint64(1024) << 1002;
    QTest::addRow("close of 126 bytes")
            << clientFrame(Fin | OpClose, closePayload(1000, pattern(124))) << qint64(1024) << 1002;
    QTest::addRow("continuation without a message")
            << clientFrame(Fin | OpContinuation, a) << qint64(1024) << 1002;
    QTest::addRow("continuation after a finished message")
            << cat(clientFrame(Fin | OpText, a), clientFrame(Fin | OpContinuation, a))
            << qint64(1024) << 1002;
    QTest::addRow("text inside a fragmented message")
            << cat(clientFrame(OpText, a), clientFrame(Fin | OpText, a)) << qint64(1024) << 1002;
    QTest::addRow("binary inside a fragmented message")
            << cat(clientFrame(OpBinary, a), clientFrame(OpBinary, a)) << qint64(1024) << 1002;
    QTest::addRow("64-bit length with the top bit set")
            << cat(frameHeader(Fin | OpBinary, quint64(1) << 63, Bits64), maskKey()) << qint64(1024)
            << 1002;
    QTest::addRow("64-bit length of all ones")
            << cat(frameHeader(Fin | OpBinary, ~quint64(0), Bits64), maskKey()) << qint64(1024)
            << 1002;

    QTest::addRow("frame over the limit")
            << clientFrame(Fin | OpText, "12345"_ba) << qint64(4) << 1009;
    QTest::addRow("16-bit header over the limit, no payload")
            << cat(frameHeader(Fin | OpBinary, 200, Minimal), maskKey()) << qint64(199) << 1009;
    QTest::addRow("zero limit") << clientFrame(Fin | OpBinary, a) << qint64(0) << 1009;

    QTest::addRow("invalid UTF-8")
            << clientFrame(Fin | OpText, "ok \xC3\x28"_ba) << qint64(1024) << 1007;
    QTest::addRow("overlong UTF-8")
            << clientFrame(Fin | OpText, "\xC0\xAF"_ba) << qint64(1024) << 1007;
    QTest::addRow("surrogate") << clientFrame(Fin | OpText, "\xED\xA0\x80"_ba) << qint64(1024)
                               << 1007;
    QTest::addRow("text cut in a character by its last fragment")
            << cat(clientFrame(OpText, "a\xE2\x82"_ba), clientFrame(Fin | OpContinuation, {}))
            << qint64(1024) << 1007;
    QTest::addRow("invalid UTF-8 across fragments")
            << cat(clientFrame(OpText, "\xE2\x82"_ba), clientFrame(Fin | OpContinuation, "("_ba))
            << qint64(1024) << 1007;
}

void TestWsFrame::protocolErrorsFail()
{
    QFETCH(QByteArray, stream);
    QFETCH(qint64, maxBytes);
    QFETCH(int, code);

    WsFrame::Reader reader(maxBytes);
    Recorder sink;
    QVERIFY(!feed(reader, stream, sink));
    QCOMPARE(int(reader.errorCode()), code);
    QVERIFY(!reader.errorText().isEmpty());
    QCOMPARE(reader.bufferedBytes(), qsizetype(0));
    QVERIFY(!feed(reader, clientFrame(Fin | OpText, "ok"_ba), sink));
    QVERIFY(!sink.frames.contains("text:ok"_ba));
    QCOMPARE(int(reader.errorCode()), code);

    WsFrame::Reader bytewise(maxBytes);
    Recorder bytewiseSink;
    QVERIFY(!feedBytewise(bytewise, stream, bytewiseSink));
    QCOMPARE(int(bytewise.errorCode()), code);
    QCOMPARE(bytewiseSink.frames, sink.frames);
}

void TestWsFrame::oversizedHeaderFailsBeforeItsPayload()
{
    const QByteArray header = frameHeader(Fin | OpBinary, quint64(1) << 30, Bits64) + maskKey();

    WsFrame::Reader reader(65536);
    Recorder sink;
    QVERIFY(!feed(reader, header, sink));
    QCOMPARE(reader.errorCode(), quint16(1009));
    QCOMPARE(reader.errorText(), u"message over 65536 bytes"_s);
    QCOMPARE(reader.bufferedBytes(), qsizetype(0));

    WsFrame::Reader bytewise(65536);
    qsizetype fed = 0;
    while (fed < header.size() && feed(bytewise, header.sliced(fed, 1), sink))
        ++fed;
    QVERIFY(fed < header.size());
    QCOMPARE(bytewise.errorCode(), quint16(1009));
    QVERIFY(sink.frames.isEmpty());
}

void TestWsFrame::oversizedMessageAcrossFragmentsFails()
{
    WsFrame::Reader reader(10);
    Recorder sink;
    QVERIFY(feed(reader, clientFrame(OpText, "123456"_ba), sink));
    // Only the next fragment's header: 6 + 5 > 10 shows without its payload.
    QVERIFY(!feed(reader, frameHeader(Fin | OpContinuation, 5, Minimal) + maskKey(), sink));
    QCOMPARE(reader.errorCode(), quint16(1009));
    QCOMPARE(reader.errorText(), u"message over 10 bytes"_s);
    QCOMPARE(reader.bufferedBytes(), qsizetype(0));
    QVERIFY(sink.frames.isEmpty());
}

void TestWsFrame::messageAtExactLimitIsAccepted()
{
    WsFrame::Reader reader(10);
    Recorder sink;
    QVERIFY(feed(reader,
                 clientFrame(OpText, "123456"_ba) + clientFrame(Fin | OpPing, pattern(125))
                         + clientFrame(Fin | OpContinuation, "7890"_ba)
                         + clientFrame(Fin | OpBinary, "0123456789"_ba),
                 sink));
    QCOMPARE(sink.frames,
             (QByteArrayList{entry("ping", pattern(125)), "text:1234567890"_ba,
                             "binary:0123456789"_ba}));
}

void TestWsFrame::utf8SplitAcrossFragmentsIsAccepted()
{
    // Each character cut after every one of its bytes.
    for (const QByteArray &character : {"é"_ba, "€"_ba, "😀"_ba, "\xF4\x8F\xBF\xBF"_ba}) {
        for (qsizetype cut = 1; cut < character.size(); ++cut) {
            WsFrame::Reader reader(1024);
            Recorder sink;
            QVERIFY(feed(reader, clientFrame(OpText, cat("x"_ba, character.first(cut))), sink));
            QVERIFY(feed(reader,
                         clientFrame(Fin | OpContinuation, cat(character.sliced(cut), "y"_ba)),
                         sink));
            QCOMPARE(sink.frames, QByteArrayList{"text:x"_ba + character + "y"_ba});
            QCOMPARE(reader.bufferedBytes(), qsizetype(0));
        }
    }

    // One byte per fragment.
    const QByteArray emoji = "😀"_ba;
    QByteArray stream = clientFrame(OpText, emoji.first(1));
    stream += clientFrame(OpContinuation, emoji.sliced(1, 1));
    stream += clientFrame(OpContinuation, emoji.sliced(2, 1));
    stream += clientFrame(Fin | OpContinuation, emoji.sliced(3, 1));
    WsFrame::Reader reader(1024);
    Recorder sink;
    QVERIFY(feed(reader, stream, sink));
    QCOMPARE(sink.frames, QByteArrayList{"text:😀"_ba});
}

void TestWsFrame::sinkReturningFalseStopsDelivery()
{
    const QByteArray stream = clientFrame(Fin | OpText, "a"_ba) + clientFrame(Fin | OpText, "b"_ba)
            + clientFrame(Fin | OpText, "c"_ba);

    // Parsed in the caller's buffer.
    WsFrame::Reader reader(1024);
    Recorder sink;
    sink.stopAfter = 2;
    QVERIFY(!feed(reader, stream, sink));
    QCOMPARE(sink.frames, (QByteArrayList{"text:a"_ba, "text:b"_ba}));
    QCOMPARE(reader.errorCode(), quint16(0));
    QVERIFY(reader.errorText().isEmpty());
    QCOMPARE(reader.bufferedBytes(), qsizetype(0));

    // Not an error: a later feed starts at a frame boundary and keeps working.
    sink.stopAfter = -1;
    QVERIFY(feed(reader, clientFrame(Fin | OpText, "d"_ba), sink));
    QCOMPARE(sink.frames, (QByteArrayList{"text:a"_ba, "text:b"_ba, "text:d"_ba}));

    // Parsed from the reader's own buffer: the rest, and what was buffered, is dropped too.
    WsFrame::Reader buffered(1024);
    Recorder first;
    first.stopAfter = 1;
    QVERIFY(feed(buffered, stream.first(3), first));
    QVERIFY(buffered.bufferedBytes() > 0);
    QVERIFY(!feed(buffered, stream.sliced(3), first));
    QCOMPARE(first.frames, QByteArrayList{"text:a"_ba});
    QCOMPARE(buffered.errorCode(), quint16(0));
    QCOMPARE(buffered.bufferedBytes(), qsizetype(0));
}

void TestWsFrame::feedFailsAfterError()
{
    WsFrame::Reader reader(1024);
    Recorder sink;
    QVERIFY(!feed(reader, clientFrame(Fin | OpText, "x"_ba, Minimal, false), sink));
    QCOMPARE(reader.errorCode(), quint16(1002));
    QCOMPARE(reader.errorText(), u"frame not masked"_s);

    QVERIFY(!feed(reader, clientFrame(Fin | OpText, "fine"_ba), sink));
    QVERIFY(!feed(reader, clientFrame(Fin | OpPing, {}), sink));
    QVERIFY(sink.frames.isEmpty());
    QCOMPARE(reader.errorCode(), quint16(1002));
    QCOMPARE(reader.bufferedBytes(), qsizetype(0));
}

void TestWsFrame::errorTextSaysWhy_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QString>("text");

    QTest::addRow("RSV") << clientFrame(Fin | Rsv1 | OpText, "a"_ba) << u"reserved bits set"_s;
    QTest::addRow("opcode") << clientFrame(Fin | 0xB, "a"_ba) << u"reserved opcode 0xb"_s;
    QTest::addRow("not masked") << WsFrame::text("a") << u"frame not masked"_s;
    QTest::addRow("fragmented ping")
            << clientFrame(OpPing, "a"_ba) << u"fragmented control frame"_s;
    QTest::addRow("long ping") << clientFrame(Fin | OpPing, pattern(126))
                               << u"control frame over 125 bytes"_s;
    QTest::addRow("lone continuation") << clientFrame(Fin | OpContinuation, "a"_ba)
                                       << u"continuation frame without a message"_s;
    QTest::addRow("interleaved message")
            << cat(clientFrame(OpText, "a"_ba), clientFrame(Fin | OpBinary, "b"_ba))
            << u"new message before the fragmented one ended"_s;
    QTest::addRow("top length bit")
            << cat(frameHeader(Fin | OpBinary, ~quint64(0), Bits64), maskKey())
            << u"frame length with the top bit set"_s;
    QTest::addRow("too big") << clientFrame(Fin | OpBinary, pattern(1025))
                             << u"message over 1024 bytes"_s;
    QTest::addRow("bad UTF-8") << clientFrame(Fin | OpText, "\xFF"_ba)
                               << u"invalid UTF-8 in a text message"_s;
}

void TestWsFrame::errorTextSaysWhy()
{
    QFETCH(QByteArray, stream);
    QFETCH(QString, text);

    WsFrame::Reader reader(1024);
    Recorder sink;
    QVERIFY(!feed(reader, stream, sink));
    QCOMPARE(reader.errorText(), text);
}

void TestWsFrame::bufferedBytesCountsOnlyIncompleteData()
{
    WsFrame::Reader reader(1 << 20);
    Recorder sink;
    QCOMPARE(reader.bufferedBytes(), qsizetype(0));

    const QByteArray big = clientFrame(Fin | OpBinary, pattern(100000));
    QVERIFY(feed(reader, clientFrame(Fin | OpText, "done"_ba) + big.first(50000), sink));
    QCOMPARE(reader.bufferedBytes(), qsizetype(50000));
    QVERIFY(feed(reader, big.sliced(50000), sink));
    QCOMPARE(sink.frames.size(), qsizetype(2));
    QCOMPARE(reader.bufferedBytes(), qsizetype(0));

    QVERIFY(feed(reader, clientFrame(OpBinary, pattern(300)), sink));
    QCOMPARE(reader.bufferedBytes(), qsizetype(300));
    QVERIFY(feed(reader, clientFrame(Fin | OpContinuation, pattern(10)), sink));
    QCOMPARE(sink.frames.size(), qsizetype(3));
    QCOMPARE(reader.bufferedBytes(), qsizetype(0));
}

void TestWsFrame::completeFramesAreUnmaskedInPlace()
{
    QByteArray buffer
            = clientFrame(Fin | OpText, "first"_ba) + clientFrame(Fin | OpPing, "second"_ba);
    const char *begin = buffer.data();
    const char *end = begin + buffer.size();

    WsFrame::Reader reader(1024);
    Recorder sink;
    QVERIFY(reader.feed(buffer.data(), buffer.size(), sink));
    QCOMPARE(sink.frames, (QByteArrayList{"text:first"_ba, "ping:second"_ba}));
    for (const char *payload : std::as_const(sink.payloadData))
        QVERIFY(payload >= begin && payload < end);
    QCOMPARE(QByteArrayView(sink.payloadData.at(0), 5).toByteArray(), "first"_ba);
    QCOMPARE(QByteArrayView(sink.payloadData.at(1), 6).toByteArray(), "second"_ba);
}

void TestWsFrame::isValidUtf8_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("valid");

    QTest::addRow("empty") << QByteArray() << true;
    QTest::addRow("NUL") << QByteArray(1, '\0') << true;
    QTest::addRow("ASCII") << "hello"_ba << true;
    QTest::addRow("long ASCII") << QByteArray(100, 'x') << true;
    QTest::addRow("U+0080") << "\xC2\x80"_ba << true;
    QTest::addRow("U+07FF") << "\xDF\xBF"_ba << true;
    QTest::addRow("U+0800") << "\xE0\xA0\x80"_ba << true;
    QTest::addRow("U+D7FF") << "\xED\x9F\xBF"_ba << true;
    QTest::addRow("U+E000") << "\xEE\x80\x80"_ba << true;
    QTest::addRow("U+FFFF") << "\xEF\xBF\xBF"_ba << true;
    QTest::addRow("U+10000") << "\xF0\x90\x80\x80"_ba << true;
    QTest::addRow("U+10FFFF") << "\xF4\x8F\xBF\xBF"_ba << true;
    QTest::addRow("mixed") << "Grüße, 世界! 😀 ok, ça va? ½ €5 𝄞 end"_ba << true;

    const QByteArrayList valid{"é"_ba, "€"_ba, "😀"_ba, "\xF4\x8F\xBF\xBF"_ba};
    for (const QByteArray &character : valid) {
        for (int offset = 0; offset < 16; ++offset) {
            const QByteArray prefix(offset, 'a');
            QTest::addRow("%s at %d", character.toHex().constData(), offset)
                    << cat(prefix, character, QByteArray(17, 'b')) << true;
            QTest::addRow("%s at %d, last", character.toHex().constData(), offset)
                    << cat(prefix, character) << true;
        }
    }

    const QList<std::pair<const char *, QByteArray>> invalid{
            {"stray continuation 80", "\x80"_ba},
            {"stray continuation BF", "\xBF"_ba},
            {"overlong C0", "\xC0\x80"_ba},
            {"overlong C1", "\xC1\xBF"_ba},
            {"overlong E0 80", "\xE0\x80\x80"_ba},
            {"overlong E0 9F", "\xE0\x9F\xBF"_ba},
            {"overlong F0 80", "\xF0\x80\x80\x80"_ba},
            {"overlong F0 8F", "\xF0\x8F\xBF\xBF"_ba},
            {"surrogate ED A0", "\xED\xA0\x80"_ba},
            {"surrogate ED BF", "\xED\xBF\xBF"_ba},
            {"over U+10FFFF F4 90", "\xF4\x90\x80\x80"_ba},
            {"lead F5", "\xF5\x80\x80\x80"_ba},
            {"lead F8", "\xF8\x88\x80\x80\x80"_ba},
            {"lead FE", "\xFE"_ba},
            {"lead FF", "\xFF"_ba},
            {"truncated 2-byte", "\xC3"_ba},
            {"truncated 3-byte", "\xE2\x82"_ba},
            {"truncated 4-byte", "\xF0\x9F\x98"_ba},
            {"bad 2nd of 2", "\xC3\x28"_ba},
            {"bad 2nd of 3", "\xE2\x28\xA1"_ba},
            {"bad 3rd of 3", "\xE2\x82\x28"_ba},
            {"bad 3rd of 4", "\xF0\x9F\x28\x80"_ba},
            {"bad 4th of 4", "\xF0\x9F\x98\x28"_ba},
            {"lead after lead", "\xC3\xC3\xA9"_ba},
    };
    for (const auto &[name, sequence] : invalid) {
        QTest::addRow("%s", name) << sequence << false;
        for (const int offset : {1, 7, 8, 9, 15, 16, 17, 24, 31}) {
            const QByteArray prefix(offset, 'a');
            QTest::addRow("%s at %d", name, offset)
                    << cat(prefix, sequence, QByteArray(12, 'z')) << false;
            QTest::addRow("%s at %d, last", name, offset) << cat(prefix, sequence) << false;
            QTest::addRow("%s at %d after é", name, offset)
                    << cat("é"_ba, prefix, sequence, QByteArray(12, 'z')) << false;
        }
    }
}

void TestWsFrame::isValidUtf8()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, valid);

    QCOMPARE(WsFrame::isValidUtf8(bytes), valid);
}

void TestWsFrame::isValidUtf8MatchesReferenceDecoder()
{
    // Every sequence of up to 3 bytes, alone and after 9 ASCII bytes (past the 8-byte fast path),
    // and 4-byte sequences with every first two bytes.
    uchar buffer[16] = {'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'};
    constexpr int Prefix = 9;
    uchar *s = buffer + Prefix;
    const auto check = [&](int length) {
        const bool expected = referenceValidUtf8(s, length);
        const QByteArrayView alone(s, length);
        const QByteArrayView prefixed(buffer, Prefix + length);
        return WsFrame::isValidUtf8(alone) == expected
                && WsFrame::isValidUtf8(prefixed) == expected;
    };
    for (int a = 0; a < 256; ++a) {
        s[0] = uchar(a);
        if (!check(1))
            QFAIL(QByteArrayView(s, 1).toByteArray().toHex().constData());
        for (int b = 0; b < 256; ++b) {
            s[1] = uchar(b);
            if (!check(2))
                QFAIL(QByteArrayView(s, 2).toByteArray().toHex().constData());
            for (int c = 0; c < 256; ++c) {
                s[2] = uchar(c);
                if (!check(3))
                    QFAIL(QByteArrayView(s, 3).toByteArray().toHex().constData());
            }
            for (const uchar c : {0x00, 0x7F, 0x80, 0x8F, 0x90, 0xBF, 0xC0, 0xFF}) {
                s[2] = c;
                for (const uchar d : {0x00, 0x7F, 0x80, 0xBF, 0xC0, 0xFF}) {
                    s[3] = d;
                    if (!check(4))
                        QFAIL(QByteArrayView(s, 4).toByteArray().toHex().constData());
                }
            }
        }
    }
}

void TestWsFrame::parseClosePayload_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<int>("error");

    QTest::addRow("empty: no status") << QByteArray() << true << 1005 << QString() << 0;
    QTest::addRow("one byte") << "\x03"_ba << false << 0 << QString() << 1002;
    for (const int code : {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014,
                           3000, 3999, 4000, 4999})
        QTest::addRow("%d", code) << closePayload(quint16(code)) << true << code << QString() << 0;
    for (const int code : {0, 999, 1004, 1005, 1006, 1015, 1016, 2000, 2999, 5000, 65535})
        QTest::addRow("%d must not be sent", code)
                << closePayload(quint16(code)) << false << 0 << QString() << 1002;
    QTest::addRow("reason") << closePayload(1000, "bye") << true << 1000 << u"bye"_s << 0;
    QTest::addRow("UTF-8 reason") << closePayload(4001, "à bientôt 😀") << true << 4001
                                  << u"à bientôt 😀"_s << 0;
    QTest::addRow("invalid UTF-8 reason")
            << closePayload(1000, "bad \xC3\x28") << false << 0 << QString() << 1007;
    QTest::addRow("reason cut in a character")
            << closePayload(1000, "\xE2\x82") << false << 0 << QString() << 1007;
    QTest::addRow("bad code before bad reason")
            << closePayload(1005, "\xFF") << false << 0 << QString() << 1002;
}

void TestWsFrame::parseClosePayload()
{
    QFETCH(QByteArray, payload);
    QFETCH(bool, ok);
    QFETCH(int, code);
    QFETCH(QString, reason);
    QFETCH(int, error);

    quint16 gotCode = 0;
    QString gotReason;
    quint16 gotError = 0;
    QCOMPARE(WsFrame::parseClosePayload(payload, &gotCode, &gotReason, &gotError), ok);
    QCOMPARE(int(gotError), error);
    if (ok) {
        QCOMPARE(int(gotCode), code);
        QCOMPARE(gotReason, reason);
    }
}

void TestWsFrame::serverFrameBytes_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QByteArray>("expected");

    const auto hex = [](const char *digits) { return QByteArray::fromHex(digits); };
    const QByteArray long70000 = pattern(70000);

    QTest::addRow("empty text") << WsFrame::text({}) << hex("8100");
    QTest::addRow("text") << WsFrame::text("hi") << cat(hex("8102"), "hi"_ba);
    QTest::addRow("text of 125") << WsFrame::text(pattern(125)) << cat(hex("817D"), pattern(125));
    QTest::addRow("text of 126") << WsFrame::text(pattern(126))
                                 << cat(hex("817E007E"), pattern(126));
    QTest::addRow("text of 65535")
            << WsFrame::text(pattern(65535)) << cat(hex("817EFFFF"), pattern(65535));
    QTest::addRow("text of 65536")
            << WsFrame::text(pattern(65536)) << cat(hex("817F0000000000010000"), pattern(65536));
    QTest::addRow("text of 70000")
            << WsFrame::text(long70000) << cat(hex("817F0000000000011170"), long70000);

    QTest::addRow("close") << WsFrame::close(1000) << hex("880203E8");
    QTest::addRow("close with reason")
            << WsFrame::close(1001, "bye") << cat(hex("880503E9"), "bye"_ba);
    QTest::addRow("close with 123-byte reason") << WsFrame::close(4000, QByteArray(123, 'r'))
                                                << cat(hex("887D0FA0"), QByteArray(123, 'r'));
    QTest::addRow("close with 200-byte reason") << WsFrame::close(4000, QByteArray(200, 'r'))
                                                << cat(hex("887D0FA0"), QByteArray(123, 'r'));

    QTest::addRow("empty ping") << WsFrame::ping() << hex("8900");
    QTest::addRow("ping") << WsFrame::ping("abc") << cat(hex("8903"), "abc"_ba);
    QTest::addRow("ping of 125") << WsFrame::ping(pattern(125)) << cat(hex("897D"), pattern(125));
    QTest::addRow("ping of 200") << WsFrame::ping(pattern(200)) << cat(hex("897D"), pattern(125));
    QTest::addRow("empty pong") << WsFrame::pong({}) << hex("8A00");
    QTest::addRow("pong") << WsFrame::pong("abc") << cat(hex("8A03"), "abc"_ba);
    QTest::addRow("pong of 300") << WsFrame::pong(pattern(300)) << cat(hex("8A7D"), pattern(125));
}

void TestWsFrame::serverFrameBytes()
{
    QFETCH(QByteArray, frame);
    QFETCH(QByteArray, expected);

    QCOMPARE(frame.size(), expected.size());
    QCOMPARE(frame, expected);
    QCOMPARE(WsFrame::serverFrameSize(frame), frame.size());
}

void TestWsFrame::closeReasonIsCutAtCharacterBoundary_data()
{
    QTest::addColumn<QByteArray>("reason");
    QTest::addColumn<QByteArray>("kept");

    const auto repeat
            = [](const QByteArray &character, int times) { return character.repeated(times); };
    QTest::addRow("60 é (120 bytes)") << repeat("é"_ba, 60) << repeat("é"_ba, 60);
    QTest::addRow("61 é (122 bytes)") << repeat("é"_ba, 61) << repeat("é"_ba, 61);
    QTest::addRow("62 é (124 bytes)") << repeat("é"_ba, 62) << repeat("é"_ba, 61);
    QTest::addRow("a + 61 é (123 bytes)")
            << cat("a"_ba, repeat("é"_ba, 61)) << cat("a"_ba, repeat("é"_ba, 61));
    QTest::addRow("aa + 61 é (124 bytes)")
            << cat("aa"_ba, repeat("é"_ba, 61)) << cat("aa"_ba, repeat("é"_ba, 60));
    QTest::addRow("41 € (123 bytes)") << repeat("€"_ba, 41) << repeat("€"_ba, 41);
    QTest::addRow("42 € (126 bytes)") << repeat("€"_ba, 42) << repeat("€"_ba, 41);
    QTest::addRow("a + 41 € (124 bytes)")
            << cat("a"_ba, repeat("€"_ba, 41)) << cat("a"_ba, repeat("€"_ba, 40));
    QTest::addRow("31 😀 (124 bytes)") << repeat("😀"_ba, 31) << repeat("😀"_ba, 30);
    QTest::addRow("a + 30 😀 + b (122 bytes)")
            << cat("a"_ba, repeat("😀"_ba, 30), "b"_ba) << cat("a"_ba, repeat("😀"_ba, 30), "b"_ba);
}

void TestWsFrame::closeReasonIsCutAtCharacterBoundary()
{
    QFETCH(QByteArray, reason);
    QFETCH(QByteArray, kept);

    const QByteArray frame = WsFrame::close(1000, reason);
    QCOMPARE(frame.size(), 2 + 2 + kept.size());
    QCOMPARE(quint8(frame.at(1)), quint8(2 + kept.size()));
    const QByteArray payload = frame.sliced(2);
    QCOMPARE(payload.sliced(2), kept);

    quint16 code = 0;
    QString text;
    quint16 error = 0;
    QVERIFY(WsFrame::parseClosePayload(payload, &code, &text, &error));
    QCOMPARE(text, QString::fromUtf8(kept));
}

void TestWsFrame::serverFrameSizeWalksConcatenatedFrames()
{
    const QList<QByteArray> frames{WsFrame::text(pattern(5)), WsFrame::text(pattern(300)),
                                   WsFrame::text(pattern(70000)), WsFrame::close(1000, "bye")};
    const QList<qsizetype> sizes{2 + 5, 4 + 300, 10 + 70000, 2 + 5};
    const QByteArray queue = frames.at(0) + frames.at(1) + frames.at(2) + frames.at(3);

    qsizetype pos = 0;
    for (const qsizetype size : sizes) {
        QCOMPARE(WsFrame::serverFrameSize(QByteArrayView(queue).sliced(pos)), size);
        // Only the header is needed.
        QCOMPARE(WsFrame::serverFrameSize(QByteArrayView(queue).sliced(pos, size - 1)), size);
        pos += size;
    }
    QCOMPARE(pos, queue.size());
    QCOMPARE(WsFrame::serverFrameSize(QByteArrayView(queue).sliced(pos)), qsizetype(-1));
}

void TestWsFrame::serverFrameSizeNeedsWholeHeader_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<qsizetype>("size");

    const auto hex = [](const char *digits) { return QByteArray::fromHex(digits); };
    QTest::addRow("nothing") << QByteArray() << qsizetype(-1);
    QTest::addRow("first byte") << hex("81") << qsizetype(-1);
    QTest::addRow("7-bit header") << hex("8105") << qsizetype(7);
    QTest::addRow("16-bit, no length") << hex("817E") << qsizetype(-1);
    QTest::addRow("16-bit, half the length") << hex("817E01") << qsizetype(-1);
    QTest::addRow("16-bit header") << hex("817E012C") << qsizetype(304);
    QTest::addRow("64-bit, 7 length bytes") << hex("817F00000000000111") << qsizetype(-1);
    QTest::addRow("64-bit header") << hex("817F0000000000011170") << qsizetype(70010);
    QTest::addRow("masked, no key") << hex("8185") << qsizetype(-1);
    QTest::addRow("masked, 3 key bytes") << hex("8185112233") << qsizetype(-1);
    QTest::addRow("masked header") << hex("818511223344") << qsizetype(11);
    QTest::addRow("masked 16-bit header") << hex("81FE012C11223344") << qsizetype(308);
    QTest::addRow("masked 64-bit header")
            << hex("81FF000000000001117011223344") << qsizetype(70014);
}

void TestWsFrame::serverFrameSizeNeedsWholeHeader()
{
    QFETCH(QByteArray, data);
    QFETCH(qsizetype, size);

    QCOMPARE(WsFrame::serverFrameSize(data), size);
}

QTEST_GUILESS_MAIN(TestWsFrame)
#include "tst_wsframe.moc"
