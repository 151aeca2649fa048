#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>
#include <QTimeZone>

#include <type_traits>

#include "protocol.h"

using namespace Qt::StringLiterals;
using Protocol::DecodeError;
using Protocol::Message;
using Protocol::Type;

Q_DECLARE_METATYPE(Protocol::Message)

class TestProtocol : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void documentedFramesDecode_data();
    void documentedFramesDecode();
    void documentedWordsMatchTheTables();
    void historyAndSearchRequestsAndAnswers();
    void decode_data();
    void decode();
    void roundTrip_data();
    void roundTrip();
    void accessRequestsNeedTheirFields();
    void chatFromServerNeedsSeqAndFrom();
    void joinAfterIsOptional();
    void historyAndSearchAnswersDecode();
    void timeFormatIsUtcWithMilliseconds();
};

// Every ```json block of docs/PROTOCOL.md is a frame of the protocol: each must decode to the
// type it names, and encoding it again must give the same JSON object.
void TestProtocol::documentedFramesDecode_data()
{
    QTest::addColumn<QString>("frame");
    QFile doc(QStringLiteral(LANCHAT_PROTOCOL_DOC));
    QVERIFY2(doc.open(QIODevice::ReadOnly), qPrintable(doc.fileName()));
    // The WebSocket part of the document; the UDP discovery section has datagrams of its own.
    QString text = QString::fromUtf8(doc.readAll());
    text.truncate(text.indexOf(u"\n## LAN discovery"_s));
    static const QRegularExpression block(u"```json\\n(.*?)```"_s,
                                          QRegularExpression::DotMatchesEverythingOption);
    int count = 0;
    for (auto it = block.globalMatch(text); it.hasNext();) {
        const QString frame = it.next().captured(1).trimmed();
        QTest::addRow("%d %s", ++count, qPrintable(frame.left(40))) << frame;
    }
    QVERIFY(count >= 12);
}

void TestProtocol::documentedFramesDecode()
{
    QFETCH(QString, frame);
    DecodeError error = DecodeError::NotJson;
    const auto message = Protocol::decode(frame, &error);
    QVERIFY2(message, qPrintable(u"error %1"_s.arg(int(error))));
    QCOMPARE(error, DecodeError::None);
    const QJsonObject documented = QJsonDocument::fromJson(frame.toUtf8()).object();
    QCOMPARE(Protocol::typeName(message->type), documented.value("type"_L1).toString());
    const QJsonObject reencoded = QJsonDocument::fromJson(Protocol::encode(*message)).object();
    QCOMPARE(reencoded, documented);
}

namespace {

QString protocolDocument()
{
    QFile doc(QStringLiteral(LANCHAT_PROTOCOL_DOC));
    if (!doc.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(doc.readAll());
}

// The lines of the document from the one containing `start` up to the next blank line.
QString section(const QString &text, const QString &start)
{
    const qsizetype from = text.indexOf(start);
    if (from < 0)
        return {};
    const qsizetype to = text.indexOf(u"\n\n"_s, from);
    return text.mid(from, to < 0 ? -1 : to - from);
}

QStringList captures(const QString &text, const QString &pattern)
{
    QStringList found;
    const QRegularExpression re(pattern, QRegularExpression::MultilineOption);
    for (auto it = re.globalMatch(text); it.hasNext();)
        found.append(it.next().captured(1));
    found.sort();
    return found;
}

template<typename Table> QStringList names(const Table &table)
{
    QStringList list;
    for (const auto &entry : table) {
        if constexpr (std::is_same_v<std::decay_t<decltype(entry)>, int>)
            list.append(QString::number(entry));
        else
            list.append(entry.toString());
    }
    list.sort();
    return list;
}

} // namespace

// The error codes, leave reasons and close codes of server/protocol/protocolnames.h are exactly
// the ones PROTOCOL.md documents.
void TestProtocol::documentedWordsMatchTheTables()
{
    const QString text = protocolDocument();
    QVERIFY(!text.isEmpty());
    const QString errors = section(text, u"| code | when | connection |"_s);
    QCOMPARE(captures(errors, u"^\\| `([a-z_]+)` \\|"_s), names(Protocol::errorCodes));
    const QString reasons = section(text, u"`left.reason` is one of"_s);
    QCOMPARE(captures(reasons, u"`([a-z_]+)` \\("_s), names(Protocol::leaveReasons));
    const QString closes = section(text, u"| code | meaning |"_s);
    QCOMPARE(captures(closes, u"^\\| (\\d+) \\|"_s), names(Protocol::closeCodes));
    // "`action`: `kick`, `ban`, `unban` (no `name`), … `passcode_removed`. `by`: …"
    QString actions = section(text, u"`action`: "_s);
    actions = actions.mid(10, actions.indexOf(u"`by`"_s) - 10).remove(u"(no `name`)"_s);
    QCOMPARE(captures(actions, u"`([a-z_]+)`"_s), names(Protocol::moderationActions));
}

void TestProtocol::historyAndSearchRequestsAndAnswers()
{
    const auto request = Protocol::decode(u"{\"type\":\"history\",\"before\":5,\"limit\":1000}"_s);
    QVERIFY(request);
    QCOMPARE(request->type, Type::History);
    QVERIFY(!request->answer);
    QCOMPARE(request->before, std::optional<qint64>(5));
    QCOMPARE(request->limit, std::optional<qint64>(1000));
    const auto plain = Protocol::decode(u"{\"type\":\"history\"}"_s);
    QVERIFY(plain && !plain->before && !plain->limit);
    QVERIFY(!Protocol::decode(u"{\"type\":\"history\",\"before\":\"5\"}"_s));
    QVERIFY(!Protocol::decode(u"{\"type\":\"search\"}"_s)); // query is required
    const auto answer = Protocol::decode(
            u"{\"type\":\"search\",\"query\":\"x\",\"results\":[],\"complete\":true}"_s);
    QVERIFY(answer && answer->answer && answer->complete && answer->messages.isEmpty());
    QVERIFY(!Protocol::decode(
            u"{\"type\":\"search\",\"query\":\"x\",\"results\":[{\"text\":\"no seq\"}]}"_s));
}

void TestProtocol::decode_data()
{
    QTest::addColumn<QString>("frame");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("error");
    QTest::addColumn<int>("type");

    const int none = int(DecodeError::None);
    QTest::addRow("chat") << u"{\"type\":\"chat\",\"text\":\"hi\"}"_s << true << none
                          << int(Type::Chat);
    QTest::addRow("chat with id") << u"{\"type\":\"chat\",\"text\":\"hi\",\"id\":\"x\"}"_s << true
                                  << none << int(Type::Chat);
    QTest::addRow("join") << u"{\"type\":\"join\",\"name\":\"bob\"}"_s << true << none
                          << int(Type::Join);
    QTest::addRow("ping") << u"{\"type\":\"ping\"}"_s << true << none << int(Type::Ping);
    QTest::addRow("extra fields ignored")
            << u"{\"type\":\"ping\",\"future\":[1,2]}"_s << true << none << int(Type::Ping);
    QTest::addRow("not json") << u"hi"_s << false << int(DecodeError::NotJson) << 0;
    QTest::addRow("broken json") << u"{\"type\":"_s << false << int(DecodeError::NotJson) << 0;
    QTest::addRow("empty") << QString() << false << int(DecodeError::NotJson) << 0;
    QTest::addRow("array") << u"[1,2]"_s << false << int(DecodeError::NotObject) << 0;
    // Qt 6.4 takes only objects and arrays at the top level: a bare number is not JSON to it.
    QTest::addRow("number") << u"42"_s << false << int(DecodeError::NotJson) << 0;
    QTest::addRow("no type") << u"{\"text\":\"hi\"}"_s << false << int(DecodeError::MissingType)
                             << 0;
    QTest::addRow("type not string")
            << u"{\"type\":7}"_s << false << int(DecodeError::MissingType) << 0;
    QTest::addRow("unknown type") << u"{\"type\":\"dance\"}"_s << false
                                  << int(DecodeError::UnknownType) << 0;
    QTest::addRow("chat without text")
            << u"{\"type\":\"chat\"}"_s << false << int(DecodeError::BadField) << 0;
    QTest::addRow("chat text number")
            << u"{\"type\":\"chat\",\"text\":5}"_s << false << int(DecodeError::BadField) << 0;
    QTest::addRow("join name null")
            << u"{\"type\":\"join\",\"name\":null}"_s << false << int(DecodeError::BadField) << 0;
    QTest::addRow("join after string") << u"{\"type\":\"join\",\"name\":\"a\",\"after\":\"3\"}"_s
                                       << false << int(DecodeError::BadField) << 0;
    QTest::addRow("join after negative") << u"{\"type\":\"join\",\"name\":\"a\",\"after\":-1}"_s
                                         << false << int(DecodeError::BadField) << 0;
    QTest::addRow("join after fraction") << u"{\"type\":\"join\",\"name\":\"a\",\"after\":1.5}"_s
                                         << false << int(DecodeError::BadField) << 0;
    // Range before cast: 1e300 and 2^63 do not fit an integer (casting them is undefined).
    QTest::addRow("join after 1e300") << u"{\"type\":\"join\",\"name\":\"a\",\"after\":1e300}"_s
                                      << false << int(DecodeError::BadField) << 0;
    QTest::addRow("join after 2^63")
            << u"{\"type\":\"join\",\"name\":\"a\",\"after\":9223372036854775808}"_s << false
            << int(DecodeError::BadField) << 0;
    QTest::addRow("join after 2^53")
            << u"{\"type\":\"join\",\"name\":\"a\",\"after\":9007199254740992}"_s << false
            << int(DecodeError::BadField) << 0;
    QTest::addRow("join after 2^53-1")
            << u"{\"type\":\"join\",\"name\":\"a\",\"after\":9007199254740991}"_s << true << none
            << int(Type::Join);
    QTest::addRow("chat seq -1e300")
            << u"{\"type\":\"chat\",\"seq\":-1e300,\"from\":\"a\",\"text\":\"x\"}"_s << false
            << int(DecodeError::BadField) << 0;
    // maxText and v are ints: what does not fit one is refused, not wrapped to a negative limit.
    QTest::addRow("welcome maxText 2^32-1")
            << u"{\"type\":\"welcome\",\"v\":1,\"you\":\"a\",\"room\":\"r\",\"seq\":0,"
               "\"users\":[],\"maxText\":4294967295}"_s
            << false << int(DecodeError::BadField) << 0;
    QTest::addRow("welcome maxText 2^31-1")
            << u"{\"type\":\"welcome\",\"v\":1,\"you\":\"a\",\"room\":\"r\",\"seq\":0,"
               "\"users\":[],\"maxText\":2147483647}"_s
            << true << none << int(Type::Welcome);
    QTest::addRow("welcome v 2^32+1")
            << u"{\"type\":\"welcome\",\"v\":4294967297,\"you\":\"a\",\"room\":\"r\",\"seq\":0,"
               "\"users\":[]}"_s
            << false << int(DecodeError::BadField) << 0;
    // Found by fuzz_protocol: encoded again, it lost seq, from and time (a client's chat).
    QTest::addRow("server chat from nobody")
            << u"{\"type\":\"chat\",\"seq\":0,\"from\":\"\",\"text\":\"x\","
               "\"time\":\"2026-11-23T14:05:09.120Z\"}"_s
            << false << int(DecodeError::BadField) << 0;
    QTest::addRow("welcome users not list")
            << u"{\"type\":\"welcome\",\"v\":1,\"you\":\"a\",\"room\":\"r\",\"seq\":0,"
               "\"users\":\"a\"}"_s
            << false << int(DecodeError::BadField) << 0;
    QTest::addRow("left with bad time")
            << u"{\"type\":\"left\",\"name\":\"a\",\"time\":\"yesterday\"}"_s << false
            << int(DecodeError::BadField) << 0;
}

void TestProtocol::decode()
{
    QFETCH(QString, frame);
    QFETCH(bool, valid);
    QFETCH(int, error);
    QFETCH(int, type);
    DecodeError actual = DecodeError::None;
    const auto message = Protocol::decode(frame, &actual);
    QCOMPARE(bool(message), valid);
    QCOMPARE(int(actual), error);
    if (valid)
        QCOMPARE(int(message->type), type);
}

void TestProtocol::roundTrip_data()
{
    QTest::addColumn<Message>("message");
    const QDateTime t = QDateTime(QDate(2026, 11, 23), QTime(14, 5, 9, 120), Qt::UTC);

    Message chat = Protocol::chat(u"héllo 👋 <b>x</b> \"quoted\"\nline"_s, u"m-1"_s);
    chat.seq = 7;
    chat.from = u"Zoë"_s;
    chat.time = t;
    QTest::addRow("chat") << chat;

    Message join = Protocol::join(u"alice"_s);
    join.after = 41;
    join.instance = u"abc"_s;
    join.token = u"tok"_s;
    QTest::addRow("join resume") << join;

    Message welcome;
    welcome.type = Type::Welcome;
    welcome.you = u"alice-2"_s;
    welcome.room = u"Küche"_s;
    welcome.instance = u"i"_s;
    welcome.token = u"t"_s;
    welcome.users = {u"alice"_s, u"alice-2"_s};
    welcome.seq = 7;
    welcome.truncated = true;
    welcome.history = {chat};
    QTest::addRow("welcome") << welcome;

    Message left;
    left.type = Type::Left;
    left.name = u"bob"_s;
    left.reason = u"timeout"_s;
    left.time = t;
    QTest::addRow("left") << left;

    Message renamed;
    renamed.type = Type::Renamed;
    renamed.from = u"a"_s;
    renamed.to = u"b"_s;
    renamed.time = t;
    QTest::addRow("renamed") << renamed;

    QTest::addRow("error") << Protocol::error(Protocol::ErrorCode::TooLong, u"Too long"_s);

    welcome.historyComplete = true;
    QTest::addRow("welcome, whole history") << welcome;

    Message page;
    page.type = Type::History;
    page.answer = true;
    page.before = 8;
    page.messages = {chat};
    page.complete = true;
    QTest::addRow("history answer") << page;
    QTest::addRow("history request") << Protocol::historyRequest(8, 50);

    Message hits;
    hits.type = Type::Search;
    hits.answer = true;
    hits.query = u"h\u00e9l \"x"_s;
    hits.messages = {chat};
    QTest::addRow("search answer") << hits;
    QTest::addRow("search request") << Protocol::searchRequest(u"OR NEAR(*"_s, 3, 10);

    Message upload = Protocol::uploadRequest(u"a b.png"_s, 5000000000, u"u-1"_s);
    upload.mime = u"image/png"_s;
    upload.sha256 = QString(64, u'a');
    upload.to = u"bob"_s;
    upload.upload = QString(32, u'f');
    QTest::addRow("upload request, resuming") << upload;
    Message grant;
    grant.type = Type::Upload;
    grant.answer = true;
    grant.id = u"u-1"_s;
    grant.upload = QString(32, u'f');
    grant.url = u"/upload/"_s + grant.upload;
    grant.offset = 1048576;
    QTest::addRow("upload grant") << grant;

    Message file;
    file.type = Type::File;
    file.seq = 8;
    file.from = u"alice"_s;
    file.time = t;
    file.id = u"u-1"_s;
    file.name = u"holiday.jpg"_s;
    file.size = 2480311;
    file.mime = u"image/jpeg"_s;
    file.sha256 = QString(64, u'0');
    file.url = u"/files/0123/holiday.jpg"_s;
    file.thumb = u"/files/0123/thumb"_s;
    file.width = 4032;
    file.height = 3024;
    QTest::addRow("file") << file;
    Message privateFile = file;
    privateFile.to = u"bob"_s;
    privateFile.thumb.clear();
    privateFile.width = privateFile.height = 0;
    QTest::addRow("private file, no picture") << privateFile;

    welcome.files = Protocol::FileLimits{2147483648, {u"image/*"_s, u".zip"_s}};
    welcome.history = {chat, file};
    QTest::addRow("welcome with files") << welcome;
    welcome.files = Protocol::FileLimits{10, {}};
    QTest::addRow("welcome, files of any type") << welcome;
    page.messages = {file, chat};
    QTest::addRow("history with a file") << page;
    Message joinHost = Protocol::join(u"bob"_s);
    joinHost.passcode = u"tulip-42"_s;
    joinHost.hostToken = u"0123456789abcdef0123456789abcdef"_s;
    QTest::addRow("join with passcode and host token") << joinHost;

    Message hostWelcome = welcome;
    hostWelcome.host = true;
    hostWelcome.hosts = {u"alice-2"_s};
    QTest::addRow("welcome of a host") << hostWelcome;

    Message hostJoined;
    hostJoined.type = Type::Joined;
    hostJoined.name = u"bob"_s;
    hostJoined.time = t;
    hostJoined.host = true;
    QTest::addRow("joined host") << hostJoined;

    QTest::addRow("kick") << Protocol::kick(u"mallory"_s);
    QTest::addRow("ban") << Protocol::ban(u"mallory"_s);
    QTest::addRow("unban") << Protocol::unban(u"192.168.1.23"_s);
    QTest::addRow("lock") << Protocol::lock(true);
    QTest::addRow("unlock") << Protocol::lock(false);
    QTest::addRow("passcode") << Protocol::passcodeRequest(u"new"_s);
    QTest::addRow("passcode removed") << Protocol::passcodeRequest(QString());

    Message moderation;
    moderation.type = Type::Moderation;
    moderation.action = Protocol::ModerationAction::Unban.toString();
    moderation.by = u"host"_s;
    moderation.time = t;
    QTest::addRow("moderation without name") << moderation;

    Message access;
    access.type = Type::Access;
    access.passcode = u"p"_s;
    access.locked = true;
    access.blocked = {{u"10.0.0.2"_s, u"eve"_s, false, t}, {u"10.0.0.3"_s, u"mallory"_s, true, {}}};
    QTest::addRow("access") << access;
}

void TestProtocol::roundTrip()
{
    QFETCH(Message, message);
    auto decoded = Protocol::decode(QByteArrayView(Protocol::encode(message)));
    QVERIFY(decoded);
    decoded->typeName.clear();
    for (Message &line : decoded->history)
        line.typeName.clear();
    for (Message &line : decoded->messages)
        line.typeName.clear();
    QCOMPARE(*decoded, message);
}

void TestProtocol::accessRequestsNeedTheirFields()
{
    QVERIFY(!Protocol::decode(u"{\"type\":\"kick\"}"_s));
    QVERIFY(!Protocol::decode(u"{\"type\":\"ban\",\"name\":3}"_s));
    QVERIFY(!Protocol::decode(u"{\"type\":\"unban\"}"_s));
    QVERIFY(!Protocol::decode(u"{\"type\":\"lock\"}"_s));
    QVERIFY(!Protocol::decode(u"{\"type\":\"lock\",\"locked\":1}"_s));
    QVERIFY(!Protocol::decode(u"{\"type\":\"passcode\"}"_s));
    QVERIFY(!Protocol::decode(u"{\"type\":\"join\",\"name\":\"a\",\"passcode\":5}"_s));
    QVERIFY(!Protocol::decode(u"{\"type\":\"join\",\"name\":\"a\",\"hostToken\":true}"_s));
    QVERIFY(!Protocol::decode(
            u"{\"type\":\"access\",\"passcode\":\"\",\"locked\":false,\"blocked\":[1]}"_s));
    const auto join = Protocol::decode(
            u"{\"type\":\"join\",\"name\":\"a\",\"passcode\":\"p\",\"hostToken\":\"t\"}"_s);
    QVERIFY(join);
    QCOMPARE(join->passcode, u"p"_s);
    QCOMPARE(join->hostToken, u"t"_s);
}

void TestProtocol::chatFromServerNeedsSeqAndFrom()
{
    // A server chat (has "from") without "seq" is not valid: clients rely on seq for resuming.
    QVERIFY(!Protocol::decode(u"{\"type\":\"chat\",\"from\":\"a\",\"text\":\"x\"}"_s));
    QVERIFY(Protocol::decode(u"{\"type\":\"chat\",\"seq\":1,\"from\":\"a\",\"text\":\"x\"}"_s));
}

void TestProtocol::historyAndSearchAnswersDecode()
{
    const auto history = Protocol::decode(
            u"{\"type\":\"history\",\"before\":40,\"messages\":[{\"type\":\"chat\",\"seq\":38,"
            "\"from\":\"bob\",\"text\":\"a\"},{\"type\":\"chat\",\"seq\":39,\"from\":\"bob\","
            "\"text\":\"b\"}],\"complete\":true}"_s);
    QVERIFY(history);
    QCOMPARE(history->type, Type::History);
    QCOMPARE(history->before, 40);
    QCOMPARE(history->messages.size(), 2);
    QCOMPARE(history->messages.at(1).seq, 39);
    QVERIFY(history->complete);
    const auto search = Protocol::decode(
            u"{\"type\":\"search\",\"query\":\"b\",\"results\":[{\"type\":\"chat\",\"seq\":39,"
            "\"from\":\"bob\",\"text\":\"b\"}],\"complete\":false}"_s);
    QVERIFY(search);
    QCOMPARE(search->type, Type::Search);
    QCOMPARE(search->query, u"b"_s);
    QCOMPARE(search->messages.size(), 1);
    QVERIFY(!search->complete);
    // A request as the client sends it.
    QCOMPARE(Protocol::encodeText(Protocol::historyRequest(40, 100)),
             u"{\"before\":40,\"limit\":100,\"type\":\"history\"}"_s);
    const auto welcome = Protocol::decode(
            u"{\"type\":\"welcome\",\"v\":1,\"you\":\"a\",\"room\":\"r\",\"users\":[],\"seq\":0,"
            "\"historyComplete\":true}"_s);
    QVERIFY(welcome && welcome->historyComplete);
}

void TestProtocol::joinAfterIsOptional()
{
    auto plain = Protocol::decode(u"{\"type\":\"join\",\"name\":\"a\"}"_s);
    QVERIFY(plain && !plain->after);
    auto zero = Protocol::decode(u"{\"type\":\"join\",\"name\":\"a\",\"after\":0}"_s);
    QVERIFY(zero && zero->after == 0);
}

void TestProtocol::timeFormatIsUtcWithMilliseconds()
{
    const QDateTime t(QDate(2026, 1, 2), QTime(3, 4, 5, 6), Qt::OffsetFromUTC, 3600);
    QCOMPARE(Protocol::formatTime(t), u"2026-01-02T02:04:05.006Z"_s);
    QCOMPARE(Protocol::parseTime(u"2026-01-02T02:04:05.006Z"_s), t.toUTC());
}

QTEST_APPLESS_MAIN(TestProtocol)
#include "tst_protocol.moc"
