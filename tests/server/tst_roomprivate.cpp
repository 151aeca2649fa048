#include <QTemporaryDir>
#include <QTest>

#include "messagestore.h"
#include "room.h"

#include <sqlite3.h>

using namespace Qt::StringLiterals;
using Protocol::Message;

// The room's rules for private messages without any network: who reads what in welcomes (with
// their bounds and flags), pages and search, and a store written before private messages existed.
class TestRoomPrivate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void welcomeSkipsOthersPrivateMessages_data();
    void welcomeSkipsOthersPrivateMessages();
    void resumeIsNotTruncatedByOthersPrivateMessages();
    void welcomeByteBoundCountsOnlyWhatIsSent();
    void pagesAndSearchFollowTheKeys();
    void storeOfAnOlderVersionIsMigrated();

private:
    HubConfig config(bool onDisk) const;
    static Message joinRequest(const QString &name, const QString &token);
    static void joinAliceAndBob(Room &room);
    static void post(Room &room, Room::MemberId from, int count, const QString &to = {});
    static QList<qint64> seqs(const QList<Message> &messages);

    std::unique_ptr<QTemporaryDir> m_dir;
};

namespace {
const QString aliceToken = QString(32, u'a');
const QString bobToken = QString(32, u'b');
const QString carolToken = QString(32, u'c');
constexpr Room::MemberId alice = 1;
constexpr Room::MemberId bob = 2;
constexpr Room::MemberId carol = 3;

QList<qint64> range(qint64 first, qint64 last)
{
    QList<qint64> list;
    for (qint64 s = first; s <= last; ++s)
        list.append(s);
    return list;
}
} // namespace

void TestRoomPrivate::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

HubConfig TestRoomPrivate::config(bool onDisk) const
{
    HubConfig c;
    c.room = u"Kitchen"_s;
    c.historySize = 20;
    if (onDisk)
        c.dataDir = m_dir->path();
    return c;
}

Message TestRoomPrivate::joinRequest(const QString &name, const QString &token)
{
    Message join = Protocol::join(name);
    join.token = token;
    return join;
}

void TestRoomPrivate::joinAliceAndBob(Room &room)
{
    const Message a = joinRequest(u"alice"_s, aliceToken);
    const Message b = joinRequest(u"bob"_s, bobToken);
    QVERIFY(!room.join(alice, a.name, &a).refusal);
    QVERIFY(!room.join(bob, b.name, &b).refusal);
}

void TestRoomPrivate::post(Room &room, Room::MemberId from, int count, const QString &to)
{
    for (int i = 0; i < count; ++i) {
        const Room::Answer answer = room.post(
                from, u"%1 %2"_s.arg(to.isEmpty() ? u"public"_s : u"private"_s).arg(room.seq() + 1),
                {}, to);
        QVERIFY(!answer.refusal);
    }
    room.commit();
}

QList<qint64> TestRoomPrivate::seqs(const QList<Message> &messages)
{
    QList<qint64> list;
    for (const Message &m : messages)
        list.append(m.seq);
    return list;
}

void TestRoomPrivate::welcomeSkipsOthersPrivateMessages_data()
{
    QTest::addColumn<bool>("onDisk");
    QTest::addRow("in memory") << false;
    QTest::addRow("on disk") << true;
}

// 30 public messages, then 25 private ones between alice and bob: a cache of the newest 20 holds
// only private ones, yet carol's welcome is the newest 20 she may read, and says more exist.
void TestRoomPrivate::welcomeSkipsOthersPrivateMessages()
{
    QFETCH(bool, onDisk);
    Room room(config(onDisk));
    room.open();
    joinAliceAndBob(room);
    post(room, alice, 30);
    post(room, alice, 25, u"bob"_s);

    const Message c = joinRequest(u"carol"_s, carolToken);
    const Room::JoinResult joined = room.join(carol, c.name, &c);
    QVERIFY(!joined.refusal);
    QCOMPARE(seqs(joined.welcome.history), range(11, 30));
    QVERIFY(!joined.welcome.historyComplete);
    const Message older = room.history(Protocol::historyRequest(11), carol).message;
    QCOMPARE(seqs(older.messages), range(1, 10));
    QVERIFY(older.complete);

    // Bob, back as a new connection with his key once the old one left, reads the private ones.
    room.leave(bob);
    const Message b = joinRequest(u"bob"_s, bobToken);
    const Room::JoinResult bobAgain = room.join(4, b.name, &b);
    QCOMPARE(bobAgain.welcome.token, bobToken);
    QCOMPARE(seqs(bobAgain.welcome.history), range(36, 55));
    QCOMPARE(bobAgain.welcome.history.last().to, u"bob"_s);
    QCOMPARE(bobAgain.welcome.history.last().from, u"alice"_s);

    // A room whose whole history carol may read fits: complete.
    HubConfig small = config(false);
    small.historySize = 40;
    Room few(small);
    few.open();
    joinAliceAndBob(few);
    post(few, alice, 10);
    post(few, bob, 45, u"alice"_s);
    const Room::JoinResult carolInFew = few.join(carol, c.name, &c);
    QCOMPARE(seqs(carolInFew.welcome.history), range(1, 10));
    QVERIFY(carolInFew.welcome.historyComplete);
}

void TestRoomPrivate::resumeIsNotTruncatedByOthersPrivateMessages()
{
    Room room(config(true));
    room.open();
    joinAliceAndBob(room);
    post(room, alice, 5);
    post(room, alice, 30, u"bob"_s);
    post(room, alice, 2);

    Message resume = joinRequest(u"carol"_s, carolToken);
    resume.after = 5;
    resume.instance = room.instance();
    const Room::JoinResult back = room.join(carol, resume.name, &resume);
    QCOMPARE(seqs(back.welcome.history), (QList<qint64>{36, 37}));
    QVERIFY(!back.welcome.truncated);
    room.leave(carol);

    // Missed more than a welcome holds: truncated, and the newest first.
    post(room, alice, 25);
    const Room::JoinResult far = room.join(carol, resume.name, &resume);
    QCOMPARE(seqs(far.welcome.history), range(43, 62));
    QVERIFY(far.welcome.truncated);
}

void TestRoomPrivate::welcomeByteBoundCountsOnlyWhatIsSent()
{
    HubConfig c = config(false);
    const QString text = QString(1000, u'x');
    c.maxHistoryBytes = 5 * 1100; // about five messages
    Room room(c);
    room.open();
    joinAliceAndBob(room);
    for (int i = 0; i < 10; ++i)
        QVERIFY(!room.post(alice, text, {}).refusal);
    for (int i = 0; i < 10; ++i)
        QVERIFY(!room.post(alice, text, {}, u"bob"_s).refusal);
    const Room::JoinResult newcomer = room.join(carol, u"carol"_s, nullptr);
    QCOMPARE(seqs(newcomer.welcome.history), range(6, 10));
    QVERIFY(!newcomer.welcome.historyComplete);
}

void TestRoomPrivate::pagesAndSearchFollowTheKeys()
{
    Room room(config(false));
    room.open();
    joinAliceAndBob(room);
    QVERIFY(!room.join(carol, u"carol"_s, nullptr).refusal);
    QVERIFY(!room.post(alice, u"picnic on friday"_s, {}).refusal);
    QVERIFY(!room.post(alice, u"picnic just us"_s, {}, u"bob"_s).refusal);
    QVERIFY(!room.post(bob, u"picnic yes"_s, {}, u"alice"_s).refusal);
    QVERIFY(room.post(carol, u"picnic?"_s, {}, u"carol"_s).refusal); // to yourself
    QVERIFY(room.post(carol, u"picnic?"_s, {}, u"dave"_s).refusal); // to nobody
    QCOMPARE(room.seq(), 3);

    const QList<std::pair<std::optional<Room::MemberId>, QList<qint64>>> readers{
            {alice, {1, 2, 3}}, {bob, {1, 2, 3}}, {carol, {1}}, {std::nullopt, {1}}};
    for (const auto &[reader, expected] : readers) {
        QCOMPARE(seqs(room.history(Protocol::historyRequest({}), reader).message.messages),
                 expected);
        QList<qint64> newestFirst = expected;
        std::reverse(newestFirst.begin(), newestFirst.end());
        QCOMPARE(seqs(room.search(Protocol::searchRequest(u"picnic"_s), reader).message.messages),
                 newestFirst);
    }
}

// A room file written before private messages: opened, its messages kept, the new columns added,
// and private messages work in it from then on.
void TestRoomPrivate::storeOfAnOlderVersionIsMigrated()
{
    const QString path = QDir(m_dir->path()).filePath(Room::storeFileName(u"Kitchen"_s));
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
    const char *version1 = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE messages(seq INTEGER PRIMARY KEY, time INTEGER NOT NULL, sender TEXT NOT NULL,
    text TEXT NOT NULL, id TEXT);
CREATE INDEX messages_time ON messages(time);
CREATE VIRTUAL TABLE messages_fts USING fts5(text, content='messages', content_rowid='seq',
    tokenize='unicode61 remove_diacritics 2', prefix='2 3');
CREATE TRIGGER messages_ai AFTER INSERT ON messages BEGIN
    INSERT INTO messages_fts(rowid, text) VALUES (new.seq, new.text);
END;
CREATE TRIGGER messages_ad AFTER DELETE ON messages BEGIN
    INSERT INTO messages_fts(messages_fts, rowid, text) VALUES ('delete', old.seq, old.text);
END;
INSERT INTO meta VALUES ('instance', '0123abcd'), ('seq', '2');
INSERT INTO messages VALUES (1, 1700000000000, 'zoe', 'old hello', NULL);
INSERT INTO messages VALUES (2, 1700000001000, 'zoe', 'old goodbye', 'z-2');
)sql";
    QCOMPARE(sqlite3_exec(db, version1, nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);

    HubConfig c = config(true);
    c.keepDays = 0;
    {
        Room room(c);
        room.open();
        QCOMPARE(room.storeState(), Room::StoreState::Persistent);
        QCOMPARE(room.instance(), u"0123abcd"_s);
        QCOMPARE(room.seq(), 2);
        const Message a = joinRequest(u"alice"_s, aliceToken);
        const Message b = joinRequest(u"bob"_s, bobToken);
        const Room::JoinResult joined = room.join(alice, a.name, &a);
        QCOMPARE(seqs(joined.welcome.history), (QList<qint64>{1, 2}));
        QCOMPARE(joined.welcome.history.last().id, u"z-2"_s);
        QVERIFY(!room.join(bob, b.name, &b).refusal);
        QVERIFY(!room.post(alice, u"new secret"_s, {}, u"bob"_s).refusal);
        QCOMPARE(seqs(room.search(Protocol::searchRequest(u"old"_s), carol).message.messages),
                 (QList<qint64>{2, 1}));
    }
    Room reopened(c);
    reopened.open();
    const Message b = joinRequest(u"bob"_s, bobToken);
    QCOMPARE(seqs(reopened.join(bob, b.name, &b).welcome.history), (QList<qint64>{1, 2, 3}));
    QCOMPARE(seqs(reopened.join(carol, u"carol"_s, nullptr).welcome.history),
             (QList<qint64>{1, 2}));

    QCOMPARE(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
    sqlite3_stmt *query = nullptr;
    QCOMPARE(sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = 'schema'", -1, &query,
                                nullptr),
             SQLITE_OK);
    QCOMPARE(sqlite3_step(query), SQLITE_ROW);
    // The current version (3: files), with every column added since version 1.
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(query, 0))), "3");
    sqlite3_finalize(query);
    QCOMPARE(sqlite3_prepare_v2(db, "SELECT file FROM messages", -1, &query, nullptr), SQLITE_OK);
    sqlite3_finalize(query);
    QCOMPARE(sqlite3_prepare_v2(db,
                                "SELECT recipient, length(sender_key), length(recipient_key) "
                                "FROM messages WHERE seq = 3",
                                -1, &query, nullptr),
             SQLITE_OK);
    QCOMPARE(sqlite3_step(query), SQLITE_ROW);
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(query, 0))), "bob");
    QCOMPARE(sqlite3_column_int(query, 1), 32); // SHA-256, not the token
    QCOMPARE(sqlite3_column_int(query, 2), 32);
    sqlite3_finalize(query);
    sqlite3_close(db);
}

QTEST_GUILESS_MAIN(TestRoomPrivate)
#include "tst_roomprivate.moc"
