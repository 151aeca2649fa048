#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "filedesk.h"
#include "hubfixture.h"

#include <memory>

using namespace Qt::StringLiterals;
using Protocol::Message;
using Protocol::Type;
namespace ErrorCode = Protocol::ErrorCode;

namespace {

struct Reply
{
    int status = 0;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
    bool complete = false;
};

// One HTTP request on a plain socket; the hub answers and closes (Connection: close).
Reply http(quint16 port, const QByteArray &request, int timeoutMs = 10000)
{
    Reply reply;
    RawClient client;
    if (!client.connectTcp(port) || !client.sendBytes(request))
        return reply;
    client.readUntil([&] { return client.atEnd() || client.socketError() != 0; }, timeoutMs);
    const QByteArray &in = client.received();
    const qsizetype end = in.indexOf("\r\n\r\n");
    if (end < 0)
        return reply;
    const QList<QByteArray> lines = in.left(end).split('\n');
    reply.status = lines.first().split(' ').value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        reply.headers.insert(lines[i].left(colon).trimmed().toLower(),
                             lines[i].mid(colon + 1).trimmed());
    }
    reply.body = in.mid(end + 4);
    reply.complete = client.atEnd();
    return reply;
}

QByteArray request(const QByteArray &method, const QByteArray &path,
                   const QList<QByteArray> &headers = {}, const QByteArray &body = {})
{
    QByteArray r = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (const QByteArray &h : headers)
        r += h + "\r\n";
    return r + "\r\n" + body;
}

QByteArray put(const QString &url, const QByteArray &body, const QByteArray &contentRange = {})
{
    QList<QByteArray> headers{"Content-Length: " + QByteArray::number(body.size())};
    if (!contentRange.isEmpty())
        headers.append("Content-Range: " + contentRange);
    return request("PUT", url.toLatin1(), headers, body);
}

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QByteArray pattern(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char((i * 131 + i / 7) & 0xff);
    return bytes;
}

// A 2×1 PNG.
QByteArray tinyPng()
{
    return QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAADUlEQVR42mP4zwAE"
                                  "/wEHAAH/PX2MSQAAAABJRU5ErkJggg==");
}

// A PNG that declares 50,000 × 50,000 pixels (7.5 GB decoded) in a few dozen bytes.
QByteArray pngBomb()
{
    return QByteArray::fromBase64(
            "iVBORw0KGgoAAAANSUhEUgAAw1AAAMNQCAIAAADEzaqdAAAADElEQVR42mNgGJQAAACXAAHYO3m/"
            "AAAAAElFTkSuQmCC");
}

} // namespace

class TestFiles : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void uploadThenEveryoneCanDownload();
    void headGivesTheHeadOnly();
    void resumesFromTheHubsOffset();
    void brokenUploadKeepsWhatArrived();
    void cancelDeletesThePartialFile();
    void hashMismatchKeepsNothing();
    void refusalsComeBeforeAnyByte_data();
    void refusalsComeBeforeAnyByte();
    void filesOffHasNoWelcomeFiles();
    void uploadNeedsAJoinedConnection();
    void badContentRangeAndTooManyBytes_data();
    void badContentRangeAndTooManyBytes();
    void ranges_data();
    void ranges();
    void forgedIdsAreNotFound_data();
    void forgedIdsAreNotFound();
    void namesAreCleaned_data();
    void namesAreCleaned();
    void tenThousandCharacterNameIsRefused();
    void svgIsNeverInline();
    void pictureIsInlineWithItsSize();
    void bombIsAFileWithoutThumbnail();
    void filesAreInHistoryAndSearchAfterARestart();
    void retentionRemovesTheFile();
    void unfinishedSlotExpires();
    void ephemeralRoomFolderIsRemoved();
    void privateFileIsOnlyForItsTwo();

private:
    HubConfig config() const;
    // alice asks for a slot; returns the grant (or nullopt, with alice's error queued).
    std::optional<Message> slotFor(TestPeer *peer, const QString &name, qint64 size,
                                   const QString &sha = {}, const QString &resume = {});
    // Uploads whole and waits for the file message at `receiver`.
    std::optional<Message> send(TestPeer *from, TestPeer *receiver, const QString &name,
                                const QByteArray &bytes);

    std::unique_ptr<QTemporaryDir> m_dir;
    HubFixture f;
};

void TestFiles::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestFiles::cleanup()
{
    f = {};
}

HubConfig TestFiles::config() const
{
    HubConfig c;
    c.dataDir = m_dir->path();
    c.room = u"Files"_s;
    c.rateLimit = 0;
    c.diskReserveBytes = 0;
    return c;
}

std::optional<Message> TestFiles::slotFor(TestPeer *peer, const QString &name, qint64 size,
                                          const QString &sha, const QString &resume)
{
    Message request = Protocol::uploadRequest(name, size, u"u-1"_s);
    request.sha256 = sha;
    request.upload = resume;
    peer->send(request);
    const bool answered = QTest::qWaitFor(
            [peer] {
                return std::any_of(peer->queue().cbegin(), peer->queue().cend(),
                                   [](const Message &m) {
                                       return m.type == Type::Upload || m.type == Type::Error;
                                   });
            },
            5000);
    if (!answered)
        return std::nullopt;
    for (const Message &m : peer->queue()) {
        if (m.type == Type::Error)
            return std::nullopt;
    }
    return peer->next(Type::Upload);
}

std::optional<Message> TestFiles::send(TestPeer *from, TestPeer *receiver, const QString &name,
                                       const QByteArray &bytes)
{
    const auto grant = slotFor(from, name, bytes.size(), sha256(bytes));
    if (!grant)
        return std::nullopt;
    const Reply reply = http(f.port, put(grant->url, bytes));
    if (reply.status != 201)
        return std::nullopt;
    return receiver->next(Type::File, 10000);
}

void TestFiles::uploadThenEveryoneCanDownload()
{
    QVERIFY(f.start(config()));
    TestPeer *alice = f.joined(u"alice"_s);
    TestPeer *bob = f.joined(u"bob"_s);
    QVERIFY(alice && bob);
    const QByteArray bytes = pattern(3 * 1024 * 1024 + 17);
    const auto grant = slotFor(alice, u"notes.txt"_s, bytes.size(), sha256(bytes));
    QVERIFY(grant);
    QCOMPARE(grant->id, u"u-1"_s);
    QCOMPARE(grant->offset, std::optional<qint64>(0));
    QCOMPARE(grant->upload.size(), 32);
    QCOMPARE(grant->url, u"/upload/"_s + grant->upload);

    const Reply created = http(f.port, put(grant->url, bytes));
    QCOMPARE(created.status, 201);
    QVERIFY(created.body.startsWith("{\"file\":\""));
    const auto file = bob->next(Type::File, 10000);
    QVERIFY(file);
    QCOMPARE(file->from, u"alice"_s);
    QCOMPARE(file->id, u"u-1"_s);
    QCOMPARE(file->name, u"notes.txt"_s);
    QCOMPARE(file->size, bytes.size());
    QCOMPARE(file->sha256, sha256(bytes));
    QCOMPARE(file->mime, u"text/plain"_s);
    QVERIFY(file->seq > 0);
    QVERIFY(file->thumb.isEmpty());
    QVERIFY(file->url.startsWith(u"/files/"_s));
    QVERIFY(alice->next(Type::File));

    const Reply download = http(f.port, request("GET", file->url.toLatin1()));
    QCOMPARE(download.status, 200);
    QCOMPARE(download.body.size(), bytes.size());
    QCOMPARE(download.body, bytes);
    QCOMPARE(download.headers.value("content-length"), QByteArray::number(bytes.size()));
    QCOMPARE(download.headers.value("accept-ranges"), "bytes");
    QCOMPARE(download.headers.value("content-disposition"),
             "attachment; filename*=UTF-8''notes.txt");
    QCOMPARE(download.headers.value("x-content-type-options"), "nosniff");
    QVERIFY(download.headers.value("content-security-policy").startsWith("default-src 'none'"));
    // Nothing of the file moved on the hub's thread: it is the transfers' own.
    QTRY_COMPARE(f.hub->files()->transfers().running(), 0);
}

void TestFiles::headGivesTheHeadOnly()
{
    QVERIFY(f.start(config()));
    TestPeer *alice = f.joined(u"alice"_s);
    const QByteArray bytes = pattern(1000);
    const auto file = send(alice, alice, u"a.bin"_s, bytes);
    QVERIFY(file);
    const Reply head = http(f.port, request("HEAD", file->url.toLatin1()));
    QCOMPARE(head.status, 200);
    QCOMPARE(head.headers.value("content-length"), "1000");
    QVERIFY(head.body.isEmpty());
}

void TestFiles::resumesFromTheHubsOffset()
{
    QVERIFY(f.start(config()));
    TestPeer *alice = f.joined(u"alice"_s);
    const QByteArray bytes = pattern(200000);
    const auto grant = slotFor(alice, u"big.dat"_s, bytes.size(), sha256(bytes));
    QVERIFY(grant);
    const Reply first = http(f.port, put(grant->url, bytes.left(70000), "bytes 0-69999/200000"));
    QCOMPARE(first.status, 204);
    QCOMPARE(first.headers.value("upload-offset"), "70000");
    // Not where the hub is: 409 says where it is.
    const Reply wrong
            = http(f.port, put(grant->url, bytes.mid(80000, 10), "bytes 80000-80009/200000"));
    QCOMPARE(wrong.status, 409);
    QCOMPARE(wrong.headers.value("upload-offset"), "70000");
    // Asking again for the same slot tells the offset.
    const auto again = slotFor(alice, u"big.dat"_s, bytes.size(), sha256(bytes), grant->upload);
    QVERIFY(again);
    QCOMPARE(again->upload, grant->upload);
    QCOMPARE(again->offset, std::optional<qint64>(70000));
    const Reply rest = http(f.port, put(grant->url, bytes.mid(70000), "bytes 70000-199999/200000"));
    QCOMPARE(rest.status, 201);
    const auto file = alice->next(Type::File, 10000);
    QVERIFY(file);
    QCOMPARE(file->sha256, sha256(bytes));
    QCOMPARE(http(f.port, request("GET", file->url.toLatin1())).body, bytes);
}

void TestFiles::brokenUploadKeepsWhatArrived()
{
    QVERIFY(f.start(config()));
    TestPeer *alice = f.joined(u"alice"_s);
    const QByteArray bytes = pattern(100000);
    const auto grant = slotFor(alice, u"x.dat"_s, bytes.size());
    QVERIFY(grant);
    {
        RawClient client;
        QVERIFY(client.connectTcp(f.port));
        QVERIFY(client.sendBytes(request("PUT", grant->url.toLatin1(), {"Content-Length: 100000"},
                                         bytes.left(30000))));
        QTRY_COMPARE(f.hub->files()->transfers().running(), 1);
        const QString part = f.hub->files()->folder() + u'/' + grant->upload + u".part"_s;
        QTRY_COMPARE(QFileInfo(part).size(), 30000);
    } // the connection breaks
    QTRY_COMPARE(f.hub->files()->transfers().running(), 0);
    const auto again = slotFor(alice, u"x.dat"_s, bytes.size(), {}, grant->upload);
    QVERIFY(again);
    QCOMPARE(again->offset, std::optional<qint64>(30000));
    QCOMPARE(http(f.port, put(grant->url, bytes.mid(30000), "bytes 30000-99999/100000")).status,
             201);
    const auto file = alice->next(Type::File, 10000);
    QVERIFY(file);
    QCOMPARE(file->sha256, sha256(bytes));
}

void TestFiles::cancelDeletesThePartialFile()
{
    QVERIFY(f.start(config()));
    TestPeer *alice = f.joined(u"alice"_s);
    const auto grant = slotFor(alice, u"x.dat"_s, 1000);
    QVERIFY(grant);
    QCOMPARE(http(f.port, put(grant->url, pattern(10), "bytes 0-9/1000")).status, 204);
    const QString part = f.hub->files()->folder() + u'/' + grant->upload + u".part"_s;
    QVERIFY(QFile::exists(part));
    QCOMPARE(http(f.port, request("DELETE", grant->url.toLatin1())).status, 204);
    QVERIFY(!QFile::exists(part));
    QCOMPARE(http(f.port, put(grant->url, pattern(10), "bytes 10-19/1000")).status, 404);
    QCOMPARE(http(f.port, request("DELETE", grant->url.toLatin1())).status, 404);
}

void TestFiles::hashMismatchKeepsNothing()
{
    QVERIFY(f.start(config()));
    TestPeer *alice = f.joined(u"alice"_s);
    const QByteArray bytes = pattern(5000);
    const auto grant = slotFor(alice, u"x.dat"_s, bytes.size(), sha256("something else"));
    QVERIFY(grant);
    QCOMPARE(http(f.port, put(grant->url, bytes)).status, 422);
    QCOMPARE(http(f.port, put(grant->url, bytes)).status, 404); // the slot ended
    QCOMPARE(QDir(f.hub->files()->folder()).entryList(QDir::Files), QStringList());
    alice->send(Protocol::ping());
    QVERIFY(alice->next(Type::Pong));
    for (const Message &m : alice->queue())
        QVERIFY(m.type != Type::File);
}

void TestFiles::refusalsComeBeforeAnyByte_data()
{
    QTest::addColumn<HubConfig>("config");
    QTest::addColumn<QString>("name");
    QTest::addColumn<qint64>("size");
    QTest::addColumn<QString>("code");
    HubConfig c = config();
    c.maxFileBytes = 1000;
    QTest::addRow("too big") << c << u"a.txt"_s << qint64(1001) << ErrorCode::FileTooBig.toString();
    QTest::addRow("just fits") << c << u"a.txt"_s << qint64(1000) << QString();
    c = config();
    c.fileTypes = {u"image/*"_s, u".zip"_s};
    QTest::addRow("type") << c << u"setup.exe"_s << qint64(10) << ErrorCode::FileType.toString();
    QTest::addRow("type by extension") << c << u"a.ZIP"_s << qint64(10) << QString();
    QTest::addRow("type by mime") << c << u"a.png"_s << qint64(10) << QString();
    c = config();
    c.filesQuotaBytes = 5000;
    QTest::addRow("quota") << c << u"a.txt"_s << qint64(5001) << ErrorCode::QuotaFull.toString();
    c = config();
    c.diskReserveBytes = qint64(1) << 60; // no disk has that much to spare
    QTest::addRow("disk") << c << u"a.txt"_s << qint64(1) << ErrorCode::DiskFull.toString();
    c = config();
    QTest::addRow("sha not hex") << c << u"a.txt"_s << qint64(1)
                                 << ErrorCode::BadMessage.toString();
}

void TestFiles::refusalsComeBeforeAnyByte()
{
    QFETCH(HubConfig, config);
    QFETCH(QString, name);
    QFETCH(qint64, size);
    QFETCH(QString, code);
    QVERIFY(f.start(config));
    TestPeer *alice = f.joined(u"alice"_s);
    const bool badSha = QLatin1StringView(QTest::currentDataTag()) == "sha not hex"_L1;
    const auto grant = slotFor(alice, name, size, badSha ? u"XYZ"_s : QString());
    if (code.isEmpty()) {
        QVERIFY(grant);
        return;
    }
    QVERIFY(!grant);
    const auto error = alice->next(Type::Error);
    QVERIFY(error);
    QCOMPARE(error->code, code);
    QCOMPARE(error->id, u"u-1"_s);
}

void TestFiles::filesOffHasNoWelcomeFiles()
{
    HubConfig c = config();
    c.filesEnabled = false;
    QVERIFY(f.start(c));
    TestPeer *alice = f.connect();
    const auto welcome = alice->join(u"alice"_s);
    QVERIFY(welcome);
    QVERIFY(!welcome->files);
    QVERIFY(!slotFor(alice, u"a.txt"_s, 1));
    QCOMPARE(alice->next(Type::Error)->code, ErrorCode::FilesOff.toString());
    QCOMPARE(http(f.port, request("GET", "/files/" + QByteArray(32, 'a') + "/x")).status, 404);

    f = {};
    QVERIFY(f.start(config()));
    const auto on = f.connect()->join(u"bob"_s);
    QVERIFY(on && on->files);
    QCOMPARE(on->files->maxBytes, qint64(2048) * 1024 * 1024);
    QVERIFY(on->files->types.isEmpty());
}

void TestFiles::uploadNeedsAJoinedConnection()
{
    QVERIFY(f.start(config()));
    TestPeer *lurker = f.connect();
    QVERIFY(!slotFor(lurker, u"a.txt"_s, 1));
    QCOMPARE(lurker->next(Type::Error)->code, ErrorCode::NotJoined.toString());
    // Without a slot, nothing can be put anywhere.
    const QByteArray forged = "/upload/" + QByteArray(32, '0');
    QCOMPARE(http(f.port, put(QString::fromLatin1(forged), "abc")).status, 404);
}

void TestFiles::badContentRangeAndTooManyBytes_data()
{
    QTest::addColumn<QList<QByteArray>>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addRow("more than the size")
            << QList<QByteArray>{"Content-Length: 101"} << pattern(101) << 413;
    QTest::addRow("range past the size")
            << QList<QByteArray>{"Content-Length: 10", "Content-Range: bytes 95-104/200"}
            << pattern(10) << 413;
    QTest::addRow("range and length disagree")
            << QList<QByteArray>{"Content-Length: 10", "Content-Range: bytes 0-4/100"}
            << pattern(10) << 400;
    QTest::addRow("range malformed")
            << QList<QByteArray>{"Content-Length: 10", "Content-Range: bytes=0-9/100"}
            << pattern(10) << 400;
    QTest::addRow("range backwards")
            << QList<QByteArray>{"Content-Length: 10", "Content-Range: bytes 9-0/100"}
            << pattern(10) << 400;
    QTest::addRow("no length") << QList<QByteArray>{} << QByteArray() << 411;
    QTest::addRow("chunked") << QList<QByteArray>{"Transfer-Encoding: chunked"}
                             << QByteArray("0\r\n\r\n") << 411;
    QTest::addRow("length not a number")
            << QList<QByteArray>{"Content-Length: -5"} << QByteArray() << 400;
    QTest::addRow("not at the offset")
            << QList<QByteArray>{"Content-Length: 10", "Content-Range: bytes 10-19/100"}
            << pattern(10) << 409;
}

void TestFiles::badContentRangeAndTooManyBytes()
{
    QFETCH(QList<QByteArray>, headers);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QVERIFY(f.start(config()));
    TestPeer *alice = f.joined(u"alice"_s);
    const auto grant = slotFor(alice, u"x.dat"_s, 100);
    QVERIFY(grant);
    const Reply reply = http(f.port, request("PUT", grant->url.toLatin1(), headers, body));
    QCOMPARE(reply.status, status);
    QVERIFY(reply.complete);
    // Nothing was written: the whole file still fits from 0.
    QCOMPARE(http(f.port, put(grant->url, pattern(100))).status, 201);
}

void TestFiles::ranges_data()
{
    QTest::addColumn<QByteArray>("range");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentRange");
    QTest::addColumn<qint64>("first");
    QTest::addColumn<qint64>("length");
    QTest::addRow("a range") << QByteArray("bytes=2-5") << 206 << QByteArray("bytes 2-5/1000")
                             << qint64(2) << qint64(4);
    QTest::addRow("open end") << QByteArray("bytes=990-") << 206 << QByteArray("bytes 990-999/1000")
                              << qint64(990) << qint64(10);
    QTest::addRow("suffix") << QByteArray("bytes=-3") << 206 << QByteArray("bytes 997-999/1000")
                            << qint64(997) << qint64(3);
    QTest::addRow("end past the size")
            << QByteArray("bytes=998-5000") << 206 << QByteArray("bytes 998-999/1000")
            << qint64(998) << qint64(2);
    QTest::addRow("past the end") << QByteArray("bytes=1000-") << 416 << QByteArray("bytes */1000")
                                  << qint64(0) << qint64(0);
    QTest::addRow("two ranges") << QByteArray("bytes=1-2,4-5") << 416 << QByteArray("bytes */1000")
                                << qint64(0) << qint64(0);
    QTest::addRow("garbage") << QByteArray("bytes=x-y") << 416 << QByteArray("bytes */1000")
                             << qint64(0) << qint64(0);
    QTest::addRow("backwards") << QByteArray("bytes=5-2") << 416 << QByteArray("bytes */1000")
                               << qint64(0) << qint64(0);
    QTest::addRow("other unit: ignored")
            << QByteArray("items=0-1") << 200 << QByteArray() << qint64(0) << qint64(1000);
}

void TestFiles::ranges()
{
    QFETCH(QByteArray, range);
    QFETCH(int, status);
    QFETCH(QByteArray, contentRange);
    QFETCH(qint64, first);
    QFETCH(qint64, length);
    QVERIFY(f.start(config()));
    TestPeer *alice = f.joined(u"alice"_s);
    const QByteArray bytes = pattern(1000);
    const auto file = send(alice, alice, u"r.bin"_s, bytes);
    QVERIFY(file);
    const Reply reply = http(f.port, request("GET", file->url.toLatin1(), {"Range: " + range}));
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.headers.value("content-range"), contentRange);
    if (status != 416)
        QCOMPARE(reply.body, bytes.mid(first, length));
}

void TestFiles::forgedIdsAreNotFound_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addRow("unknown id") << "/files/" + QByteArray(32, 'a') + "/x.txt";
    QTest::addRow("short id") << QByteArray("/files/abc/x.txt");
    QTest::addRow("dot dot") << QByteArray("/files/../../etc/passwd");
    QTest::addRow("encoded dot dot") << QByteArray("/files/%2e%2e/%2e%2e/etc/passwd");
    QTest::addRow("no name") << "/files/" + QByteArray(32, 'a');
    QTest::addRow("upper-case id") << "/files/" + QByteArray(32, 'A') + "/x";
    QTest::addRow("a slot as a file") << QByteArray("/files/SLOT/x");
    QTest::addRow("thumb of a non-picture") << QByteArray("/files/SLOT/thumb");
}

void TestFiles::forgedIdsAreNotFound()
{
    QFETCH(QByteArray, path);
    QVERIFY(f.start(config()));
    TestPeer *alice = f.joined(u"alice"_s);
    const auto grant = slotFor(alice, u"x.dat"_s, 10);
    QVERIFY(grant);
    path.replace("SLOT", grant->upload.toLatin1());
    const Reply reply = http(f.port, request("GET", path));
    QCOMPARE(reply.status, 404);
    QVERIFY(reply.body.size() < 100);
}

void TestFiles::namesAreCleaned_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("kept");
    QTest::addRow("path") << u"../../etc/passwd"_s << u"passwd"_s;
    QTest::addRow("windows path") << u"C:\\Users\\a\\b.txt"_s << u"b.txt"_s;
    QTest::addRow("NUL") << QStringView(u"a\0b.txt", 7).toString() << u"ab.txt"_s;
    QTest::addRow("control characters") << u"a\r\n\tb\u007f.txt"_s << u"ab.txt"_s;
    QTest::addRow("colon") << u"a:b.txt"_s << u"ab.txt"_s;
    QTest::addRow("dots only") << u".."_s << u"file"_s;
    QTest::addRow("slash at the end") << u"dir/"_s << u"file"_s;
}

void TestFiles::namesAreCleaned()
{
    QFETCH(QString, name);
    QFETCH(QString, kept);
    QVERIFY(f.start(config()));
    TestPeer *alice = f.joined(u"alice"_s);
    const auto file = send(alice, alice, name, "abc");
    QVERIFY(file);
    QCOMPARE(file->name, kept);
    const Reply reply = http(f.port, request("GET", file->url.toLatin1()));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.headers.value("content-disposition"),
             "attachment; filename*=UTF-8''" + kept.toUtf8().toPercentEncoding());
}

void TestFiles::tenThousandCharacterNameIsRefused()
{
    QVERIFY(f.start(config()));
    TestPeer *alice = f.joined(u"alice"_s);
    QVERIFY(!slotFor(alice, QString(10000, u'a'), 10));
    QCOMPARE(alice->next(Type::Error)->code, ErrorCode::BadMessage.toString());
    QVERIFY(slotFor(alice, QString(255, u'a'), 10));
}

void TestFiles::svgIsNeverInline()
{
    QVERIFY(f.start(config()));
    TestPeer *alice = f.joined(u"alice"_s);
    const QByteArray svg
            = R"(<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>)";
    const auto file = send(alice, alice, u"cat.svg"_s, svg);
    QVERIFY(file);
    QVERIFY(file->thumb.isEmpty());
    QCOMPARE(file->width, 0);
    const Reply reply = http(f.port, request("GET", file->url.toLatin1()));
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.headers.value("content-disposition").startsWith("attachment;"));
    QCOMPARE(reply.headers.value("x-content-type-options"), "nosniff");
    // A "picture" that is not one by its bytes is not shown inline either.
    const auto fake = send(alice, alice, u"fake.png"_s, svg);
    QVERIFY(fake);
    QVERIFY(fake->mime != u"image/png"_s);
    QVERIFY(http(f.port, request("GET", fake->url.toLatin1()))
                    .headers.value("content-disposition")
                    .startsWith("attachment;"));
}

void TestFiles::pictureIsInlineWithItsSize()
{
    QVERIFY(f.start(config()));
    TestPeer *alice = f.joined(u"alice"_s);
    const auto file = send(alice, alice, u"dot.png"_s, tinyPng());
    QVERIFY(file);
    QCOMPARE(file->mime, u"image/png"_s);
    QCOMPARE(file->width, 2);
    QCOMPARE(file->height, 1);
    const Reply reply = http(f.port, request("GET", file->url.toLatin1()));
    QCOMPARE(reply.headers.value("content-type"), "image/png");
    QCOMPARE(reply.headers.value("content-disposition"), "inline; filename*=UTF-8''dot.png");
    QCOMPARE(file->thumb, file->url.section(u'/', 0, 2) + u"/thumb"_s);
    const Reply thumb = http(f.port, request("GET", file->thumb.toLatin1()));
    QCOMPARE(thumb.status, 200);
    QVERIFY(thumb.headers.value("content-type") == "image/png"
            || thumb.headers.value("content-type") == "image/jpeg");
    QCOMPARE(thumb.headers.value("content-disposition"), "inline");
    QVERIFY(!thumb.body.isEmpty());
}

void TestFiles::bombIsAFileWithoutThumbnail()
{
    QVERIFY(f.start(config()));
    TestPeer *alice = f.joined(u"alice"_s);
    const auto file = send(alice, alice, u"bomb.png"_s, pngBomb());
    QVERIFY(file);
    QVERIFY(file->thumb.isEmpty());
    QCOMPARE(file->width, 0);
    QCOMPARE(http(f.port, request("GET", file->url.toLatin1())).body, pngBomb());
    const QByteArray thumbUrl = file->url.section(u'/', 0, 2).toLatin1() + "/thumb";
    QCOMPARE(http(f.port, request("GET", thumbUrl)).status, 200); // no thumbnail: the file itself
}

void TestFiles::filesAreInHistoryAndSearchAfterARestart()
{
    QVERIFY(f.start(config()));
    TestPeer *alice = f.joined(u"alice"_s);
    const QByteArray bytes = pattern(4000);
    const auto file = send(alice, alice, u"Quarterly report.pdf"_s, bytes);
    QVERIFY(file);
    alice->send(Protocol::chat(u"after the file"_s));
    QVERIFY(alice->nextChat());
    f = {};

    QVERIFY(f.start(config()));
    TestPeer *bob = f.connect();
    const auto welcome = bob->join(u"bob"_s);
    QVERIFY(welcome);
    QCOMPARE(welcome->history.size(), 2);
    const Message &kept = welcome->history.first();
    QCOMPARE(kept.type, Type::File);
    QCOMPARE(kept.name, file->name);
    QCOMPARE(kept.url, file->url);
    QCOMPARE(kept.sha256, file->sha256);
    QCOMPARE(kept.seq, file->seq);
    QCOMPARE(http(f.port, request("GET", kept.url.toLatin1())).body, bytes);

    bob->send(Protocol::searchRequest(u"quarter"_s));
    const auto hits = bob->next(Type::Search);
    QVERIFY(hits);
    QCOMPARE(hits->messages.size(), 1);
    QCOMPARE(hits->messages.first().type, Type::File);
    QCOMPARE(hits->messages.first().url, file->url);
    bob->send(Protocol::historyRequest(std::nullopt));
    const auto page = bob->next(Type::History);
    QVERIFY(page);
    QCOMPARE(page->messages.first().type, Type::File);
}

void TestFiles::retentionRemovesTheFile()
{
    HubConfig c = config();
    c.keepMessages = 1;
    c.retentionInterval = std::chrono::milliseconds(20);
    QVERIFY(f.start(c));
    TestPeer *alice = f.joined(u"alice"_s);
    const auto file = send(alice, alice, u"old.txt"_s, "old");
    QVERIFY(file);
    const QString path = f.hub->files()->folder() + u'/' + file->url.section(u'/', 2, 2);
    QVERIFY(QFile::exists(path));
    alice->send(Protocol::chat(u"newer"_s));
    QVERIFY(alice->nextChat());
    QTRY_VERIFY(!QFile::exists(path));
    QCOMPARE(http(f.port, request("GET", file->url.toLatin1())).status, 404);
}

void TestFiles::unfinishedSlotExpires()
{
    HubConfig c = config();
    c.uploadSlotLifetime = std::chrono::milliseconds(100);
    QVERIFY(f.start(c));
    TestPeer *alice = f.joined(u"alice"_s);
    const auto grant = slotFor(alice, u"x.dat"_s, 100);
    QVERIFY(grant);
    QCOMPARE(http(f.port, put(grant->url, pattern(10), "bytes 0-9/100")).status, 204);
    const QString part = f.hub->files()->folder() + u'/' + grant->upload + u".part"_s;
    QTRY_VERIFY(!QFile::exists(part));
    QCOMPARE(http(f.port, put(grant->url, pattern(10), "bytes 10-19/100")).status, 404);
    // Asking to resume it gives a new slot from 0.
    const auto again = slotFor(alice, u"x.dat"_s, 100, {}, grant->upload);
    QVERIFY(again);
    QVERIFY(again->upload != grant->upload);
    QCOMPARE(again->offset, std::optional<qint64>(0));
}

void TestFiles::ephemeralRoomFolderIsRemoved()
{
    HubConfig c = config();
    c.dataDir.clear();
    QVERIFY(f.start(c));
    TestPeer *alice = f.joined(u"alice"_s);
    QVERIFY(send(alice, alice, u"a.txt"_s, "abc"));
    const QString folder = f.hub->files()->folder();
    QVERIFY(!folder.isEmpty());
    QVERIFY(!folder.startsWith(m_dir->path()));
    QCOMPARE(QDir(folder).entryList(QDir::Files).size(), 1);
    f = {};
    QVERIFY(!QDir(folder).exists());
}

void TestFiles::privateFileIsOnlyForItsTwo()
{
    QVERIFY(f.start(config()));
    TestPeer *alice = f.joined(u"alice"_s);
    TestPeer *bob = f.joined(u"bob"_s);
    TestPeer *carol = f.joined(u"carol"_s);
    QVERIFY(alice && bob && carol);

    Message nobody = Protocol::uploadRequest(u"a.txt"_s, 3, u"u-9"_s);
    nobody.to = u"dave"_s;
    alice->send(nobody);
    const auto refused = alice->next(Type::Error);
    QVERIFY(refused);
    QCOMPARE(refused->code, ErrorCode::NoSuchPerson.toString());
    QCOMPARE(refused->id, u"u-9"_s);

    const QByteArray bytes = "for bob only";
    Message request = Protocol::uploadRequest(u"secret plan.txt"_s, bytes.size(), u"u-1"_s);
    request.to = u"Bob"_s;
    alice->send(request);
    const auto grant = alice->next(Type::Upload);
    QVERIFY(grant);
    QCOMPARE(http(f.port, put(grant->url, bytes)).status, 201);
    const auto received = bob->next(Type::File, 10000);
    QVERIFY(received);
    QCOMPARE(received->to, u"bob"_s);
    QCOMPARE(received->from, u"alice"_s);
    const auto echo = alice->next(Type::File);
    QVERIFY(echo);
    QCOMPARE(echo->seq, received->seq);
    // carol never hears of it: not live, not in history, not in search.
    carol->send(Protocol::chat(u"anyone?"_s));
    QVERIFY(carol->nextChat());
    for (const Message &m : carol->queue())
        QVERIFY(m.type != Type::File);
    carol->send(Protocol::historyRequest(std::nullopt));
    const auto page = carol->next(Type::History);
    QVERIFY(page);
    for (const Message &m : page->messages)
        QVERIFY(m.type != Type::File);
    carol->send(Protocol::searchRequest(u"secret"_s));
    QVERIFY(carol->next(Type::Search)->messages.isEmpty());
    bob->send(Protocol::searchRequest(u"secret"_s));
    const auto hits = bob->next(Type::Search);
    QVERIFY(hits);
    QCOMPARE(hits->messages.size(), 1);
    QCOMPARE(hits->messages.first().to, u"bob"_s);
}

QTEST_GUILESS_MAIN(TestFiles)
#include "tst_files.moc"
