#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "messagestore.h"
#include "room.h"

#include <sqlite3.h>

using namespace Qt::StringLiterals;
using Protocol::Message;

// The room without any network: names, sequence, history, search and its store, in memory and on
// disk.
class TestRoom : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void welcomeHoldsTheNewestAndPagesReachTheStart_data();
    void welcomeHoldsTheNewestAndPagesReachTheStart();
    void limitsAreClamped();
    void fileStoreOutlivesTheRoom();
    void searchFindsPrefixesNewestFirst();
    void searchTakesFtsSyntaxAsText_data();
    void searchTakesFtsSyntaxAsText();
    void emptyQueryIsRefused();
    void welcomeIsBoundedByBytes();
    void retentionRunsWhileTheRoomRuns();
    void retentionByAgeAtOpen();
    void unwritableFolderKeepsTheRoomInMemory();
    void corruptFileIsMovedAsideNotDeleted();
    void failedWriteKeepsTheRoomInMemory();
    void lonelySurrogateNameIsRefused();
    void nameRules_data();
    void nameRules();

private:
    HubConfig config(bool onDisk) const;
    static void post(Room &room, int count, const QString &text = u"message %1"_s);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestRoom::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

HubConfig TestRoom::config(bool onDisk) const
{
    HubConfig c;
    c.room = u"Kitchen"_s;
    c.historySize = 20;
    if (onDisk)
        c.dataDir = m_dir->path();
    return c;
}

void TestRoom::post(Room &room, int count, const QString &text)
{
    for (int i = 0; i < count; ++i) {
        const Room::Answer answer = room.post(1, text.arg(room.seq() + 1), {});
        QVERIFY(!answer.refusal);
    }
    room.commit();
}

void TestRoom::welcomeHoldsTheNewestAndPagesReachTheStart_data()
{
    QTest::addColumn<bool>("onDisk");
    QTest::addRow("in memory") << false;
    QTest::addRow("on disk") << true;
}

void TestRoom::welcomeHoldsTheNewestAndPagesReachTheStart()
{
    QFETCH(bool, onDisk);
    Room room(config(onDisk));
    room.open();
    QCOMPARE(room.storeState(),
             onDisk ? Room::StoreState::Persistent : Room::StoreState::Ephemeral);
    QVERIFY(!room.join(1, u"alice"_s, nullptr).refusal);
    post(room, 250);
    QCOMPARE(room.seq(), 250);

    const Room::JoinResult bob = room.join(2, u"bob"_s, nullptr);
    QCOMPARE(bob.welcome.history.size(), 20);
    QCOMPARE(bob.welcome.history.first().seq, 231);
    QVERIFY(!bob.welcome.historyComplete);

    // Scroll back from the welcome to the first message: no gap, no duplicate.
    QList<qint64> seen;
    qint64 before = bob.welcome.history.first().seq;
    bool complete = false;
    for (int pages = 0; !complete && pages < 10; ++pages) {
        const Room::Answer page = room.history(Protocol::historyRequest(before, 100));
        QVERIFY(!page.refusal);
        QCOMPARE(*page.message.before, before);
        QVERIFY(!page.message.messages.isEmpty());
        for (qsizetype i = page.message.messages.size(); i-- > 0;)
            seen.append(page.message.messages.at(i).seq);
        before = page.message.messages.first().seq;
        complete = page.message.complete;
    }
    QVERIFY(complete);
    QCOMPARE(seen.size(), 230);
    for (qsizetype i = 0; i < seen.size(); ++i)
        QCOMPARE(seen.at(i), 230 - i);
    QCOMPARE(room.history(Protocol::historyRequest(1)).message.messages.size(), 0);
    QVERIFY(room.history(Protocol::historyRequest(1)).message.complete);
}

void TestRoom::limitsAreClamped()
{
    Room room(config(false));
    room.open();
    post(room, 300);
    QCOMPARE(room.history(Protocol::historyRequest({}, 1000)).message.messages.size(), 200);
    QCOMPARE(room.history(Protocol::historyRequest({}, 0)).message.messages.size(), 1);
    const Message newest = room.history(Protocol::historyRequest({})).message;
    QCOMPARE(newest.messages.size(), 100);
    QCOMPARE(newest.messages.last().seq, 300);
    QCOMPARE(*newest.before, 301);
    QCOMPARE(room.search(Protocol::searchRequest(u"message"_s, {}, 500)).message.messages.size(),
             100);
    QCOMPARE(room.search(Protocol::searchRequest(u"message"_s)).message.messages.size(), 50);
}

void TestRoom::fileStoreOutlivesTheRoom()
{
    QString instance;
    {
        Room room(config(true));
        room.open();
        instance = room.instance();
        QVERIFY(!room.join(1, u"alice"_s, nullptr).refusal);
        post(room, 5);
        room.post(1, u"not committed by hand"_s, u"m-6"_s); // the destructor writes it
    }
    Room again(config(true));
    again.open();
    QCOMPARE(again.storeState(), Room::StoreState::Persistent);
    QCOMPARE(again.instance(), instance);
    QCOMPARE(again.seq(), 6);
    const Room::JoinResult bob = again.join(2, u"bob"_s, nullptr);
    QCOMPARE(bob.welcome.history.size(), 6);
    QVERIFY(bob.welcome.historyComplete);
    QCOMPARE(bob.welcome.history.last().id, u"m-6"_s);
    QCOMPARE(bob.welcome.history.first().from, u"alice"_s);
    // Resuming across the restart: exactly what was missed.
    Message resume = Protocol::join(u"carol"_s);
    resume.after = 4;
    resume.instance = instance;
    const Room::JoinResult carol = again.join(3, u"carol"_s, &resume);
    QCOMPARE(carol.welcome.history.size(), 2);
    QCOMPARE(carol.welcome.history.first().seq, 5);
    QVERIFY(!carol.welcome.truncated);
    QCOMPARE(again.post(2, u"next"_s, {}).message.seq, 7);
    // Another room name is another store.
    HubConfig other = config(true);
    other.room = u"Garden/../Kitchen"_s;
    Room garden(other);
    garden.open();
    QCOMPARE(garden.seq(), 0);
    QVERIFY(garden.instance() != instance);
    QVERIFY(!Room::storeFileName(other.room).contains(u'/'));
}

void TestRoom::searchFindsPrefixesNewestFirst()
{
    Room room(config(false));
    room.open();
    room.post(1, u"Lunch at noon?"_s, {});
    room.post(1, u"no"_s, {});
    room.post(1, u"lunchbox forgotten, café closed"_s, {});
    room.post(1, u"LUNCH friday then"_s, {});
    const Message found = room.search(Protocol::searchRequest(u"lun"_s)).message;
    QCOMPARE(found.query, u"lun"_s);
    QCOMPARE(found.messages.size(), 3);
    QCOMPARE(found.messages.at(0).seq, 4);
    QCOMPARE(found.messages.at(2).seq, 1);
    QVERIFY(found.complete);
    // Every word must be there; accents ignored; paging with before.
    QCOMPARE(room.search(Protocol::searchRequest(u"lunch fri"_s)).message.messages.size(), 1);
    QCOMPARE(room.search(Protocol::searchRequest(u"cafe"_s)).message.messages.size(), 1);
    const Message older = room.search(Protocol::searchRequest(u"lun"_s, 4, 1)).message;
    QCOMPARE(older.messages.size(), 1);
    QCOMPARE(older.messages.at(0).seq, 3);
    QVERIFY(!older.complete);
}

void TestRoom::searchTakesFtsSyntaxAsText_data()
{
    QTest::addColumn<QString>("query");
    QTest::addRow("quote") << u"say \"hi"_s;
    QTest::addRow("operators") << u"a OR b NOT c AND"_s;
    QTest::addRow("near") << u"NEAR(a b"_s;
    QTest::addRow("column") << u"text:hi"_s;
    QTest::addRow("star and caret") << u"^hi* +x"_s;
}

void TestRoom::searchTakesFtsSyntaxAsText()
{
    QFETCH(QString, query);
    Room room(config(false));
    room.open();
    room.post(1, u"say \"hi\" to text:hi NEAR(a b) a OR b NOT c AND ^hi* +x"_s, {});
    const Room::Answer answer = room.search(Protocol::searchRequest(query));
    QVERIFY(!answer.refusal);
    QCOMPARE(answer.message.messages.size(), 1);
}

void TestRoom::emptyQueryIsRefused()
{
    Room room(config(false));
    room.open();
    for (const QString &query : {QString(), u"   "_s, u"\"*()"_s, QString(300, u'a')}) {
        const Room::Answer answer = room.search(Protocol::searchRequest(query));
        QVERIFY(answer.refusal);
        QCOMPARE(answer.refusal->code, Protocol::ErrorCode::BadQuery);
    }
}

// 200 messages that each escape to ~48 KB of JSON must not make every welcome ~9.6 MB.
void TestRoom::welcomeIsBoundedByBytes()
{
    HubConfig c = config(false);
    c.historySize = 200;
    Room room(c);
    room.open();
    post(room, 200, QString(7990, QChar(1)) + u"%1"_s);
    const Message welcome = room.join(1, u"late"_s, nullptr).welcome;
    QVERIFY(!welcome.history.isEmpty());
    QVERIFY2(Protocol::encode(welcome).size() <= c.maxHistoryBytes + 4096,
             QByteArray::number(Protocol::encode(welcome).size()));
    QCOMPARE(welcome.history.last().seq, 200);
    QVERIFY(!welcome.historyComplete);
    const Message page
            = room.history(Protocol::historyRequest(welcome.history.first().seq)).message;
    QVERIFY(Protocol::encode(page).size() <= c.maxHistoryBytes + 4096);
    QVERIFY(!page.complete);
    QCOMPARE(page.messages.last().seq, welcome.history.first().seq - 1);
}

void TestRoom::retentionRunsWhileTheRoomRuns()
{
    HubConfig c = config(true);
    c.keepMessages = 10;
    c.retentionInterval = std::chrono::milliseconds(20);
    Room room(c);
    room.open();
    post(room, 30);
    QTRY_COMPARE(room.history(Protocol::historyRequest({}, 100)).message.messages.size(), 10);
    const Message page = room.history(Protocol::historyRequest({}, 100)).message;
    QVERIFY(page.complete);
    QCOMPARE(page.messages.first().seq, 21);
    const Message welcome = room.join(1, u"a"_s, nullptr).welcome;
    QCOMPARE(welcome.history.size(), 10);
    QVERIFY(welcome.historyComplete);
    QCOMPARE(room.search(Protocol::searchRequest(u"message"_s)).message.messages.size(), 10);
}

void TestRoom::retentionByAgeAtOpen()
{
    const QString path = QDir(m_dir->path()).filePath(Room::storeFileName(u"Kitchen"_s));
    {
        MessageStore store;
        QVERIFY(store.open(path, nullptr));
        std::vector<MessageStore::Entry> old;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (int i = 1; i <= 4; ++i) {
            Message m = Protocol::chat(u"old %1"_s.arg(i));
            m.seq = i;
            m.from = u"x"_s;
            m.time = now.addDays(i <= 3 ? -10 : 0);
            old.push_back({m, {}, {}});
        }
        QVERIFY(store.append(old, 4, nullptr));
    }
    HubConfig c = config(true);
    c.keepDays = 7;
    Room room(c);
    room.open();
    const Message page = room.history(Protocol::historyRequest({})).message;
    QCOMPARE(page.messages.size(), 1);
    QCOMPARE(page.messages.first().seq, 4);
    QCOMPARE(room.seq(), 4);
    // Even when retention empties the room, seq never goes back.
    c.keepDays = 0;
    c.keepMessages = 0;
}

void TestRoom::unwritableFolderKeepsTheRoomInMemory()
{
    // A folder that cannot be created (its parent is a file), and a store path that is a folder.
    QFile blocker(m_dir->filePath(u"file"_s));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    HubConfig c = config(true);
    c.dataDir = m_dir->filePath(u"file/sub"_s);
    Room room(c);
    QSignalSpy state(&room, &Room::storeStateChanged);
    room.open();
    QCOMPARE(room.storeState(), Room::StoreState::NotSaving);
    QCOMPARE(state.size(), 1);
    QVERIFY(!room.storeProblem().isEmpty());
    post(room, 3);
    QCOMPARE(room.history(Protocol::historyRequest({})).message.messages.size(), 3);

    HubConfig d = config(true);
    QVERIFY(QDir(m_dir->path()).mkdir(Room::storeFileName(d.room)));
    Room blocked(d);
    blocked.open();
    QCOMPARE(blocked.storeState(), Room::StoreState::NotSaving);
    post(blocked, 2);
    QCOMPARE(blocked.seq(), 2);
}

void TestRoom::corruptFileIsMovedAsideNotDeleted()
{
    const QString path = QDir(m_dir->path()).filePath(Room::storeFileName(u"Kitchen"_s));
    QFile garbage(path);
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    const QByteArray junk = QByteArray(8192, 'x');
    garbage.write(junk);
    garbage.close();

    Room room(config(true));
    room.open();
    QCOMPARE(room.storeState(), Room::StoreState::NotSaving);
    QVERIFY2(room.storeProblem().contains(u"moved aside"_s), qPrintable(room.storeProblem()));
    QVERIFY(!QFile::exists(path));
    const QStringList aside = QDir(m_dir->path()).entryList({u"*.corrupt-*"_s});
    QCOMPARE(aside.size(), 1);
    QFile kept(QDir(m_dir->path()).filePath(aside.first()));
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), junk);
    post(room, 2);
    QCOMPARE(room.history(Protocol::historyRequest({})).message.messages.size(), 2);
}

// A write that fails while the room runs (here: another process holds the file's write lock; a
// full disk looks the same to the room) is reported once; the room goes on in memory with
// everything it had, the same sequence, and the file stays where it is.
void TestRoom::failedWriteKeepsTheRoomInMemory()
{
    Room room(config(true));
    QSignalSpy state(&room, &Room::storeStateChanged);
    room.open();
    QCOMPARE(room.storeState(), Room::StoreState::Persistent);
    post(room, 3);

    sqlite3 *other = nullptr;
    QCOMPARE(sqlite3_open(room.storePath().toUtf8().constData(), &other), SQLITE_OK);
    QCOMPARE(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
    post(room, 2);
    QCOMPARE(room.storeState(), Room::StoreState::NotSaving);
    QVERIFY(!room.storeProblem().isEmpty());
    post(room, 1);
    QCOMPARE(state.size(), 2); // Persistent, then NotSaving once
    sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(other);

    const Message page = room.history(Protocol::historyRequest({})).message;
    QCOMPARE(page.messages.size(), 6);
    QCOMPARE(page.messages.last().seq, 6);
    QCOMPARE(room.search(Protocol::searchRequest(u"message"_s)).message.messages.size(), 6);
    QVERIFY(QFile::exists(QDir(m_dir->path()).filePath(Room::storeFileName(u"Kitchen"_s))));
}

void TestRoom::lonelySurrogateNameIsRefused()
{
    Room room(config(false));
    room.open();
    const Room::JoinResult result = room.join(1, u"bob"_s + QChar(0xD800), nullptr);
    QVERIFY(result.refusal);
    QCOMPARE(result.refusal->code, Protocol::ErrorCode::BadName);
    QVERIFY(room.join(1, u"bob"_s + QChar(0xDC00) + u"x"_s, nullptr).refusal);
}

void TestRoom::nameRules_data()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");
    QTest::addColumn<bool>("clash");
    QTest::addRow("case") << u"Alice"_s << u"aLICE"_s << true;
    QTest::addRow("NFD") << u"Jos\u00e9"_s << u"Jose\u0301"_s << true;
    QTest::addRow("Cyrillic") << u"alice"_s << u"\u0430lic\u0435"_s << true;
    QTest::addRow("full-width") << u"alice"_s << u"\uff41lice"_s << true;
    QTest::addRow("digit one") << u"bill"_s << u"bi11"_s << true;
    QTest::addRow("emoji variation") << u"\u2764\ufe0f"_s << u"\u2764"_s << true;
    QTest::addRow("accent is another name") << u"Jose"_s << u"Jos\u00e9"_s << false;
    QTest::addRow("other letters") << u"alice"_s << u"alicia"_s << false;
}

void TestRoom::nameRules()
{
    QFETCH(QString, first);
    QFETCH(QString, second);
    QFETCH(bool, clash);
    Room room(config(false));
    room.open();
    const Room::JoinResult one = room.join(1, first, nullptr);
    QVERIFY(!one.refusal);
    const Room::JoinResult two = room.join(2, second, nullptr);
    QVERIFY(!two.refusal);
    QCOMPARE(two.welcome.you.endsWith(u"-2"_s), clash);
    // The shown name is NFC.
    QCOMPARE(two.welcome.you, two.welcome.you.normalized(QString::NormalizationForm_C));
}

QTEST_GUILESS_MAIN(TestRoom)
#include "tst_room.moc"
