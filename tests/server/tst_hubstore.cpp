#include <QTemporaryDir>
#include <QTest>

#include "hubfixture.h"

using namespace Qt::StringLiterals;
using Protocol::Message;
using Protocol::Type;

// The hub with its room's store, through the protocol: restarts, scroll-back, search, and the
// welcome that must never be what makes a client "slow".
class TestHubStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void restartOnTheSameDataDirContinues();
    void historyPagesThroughTheProtocol();
    void searchThroughTheProtocol();
    void storeStateIsReportedByTheHost();
    void poisonedHistoryDoesNotCloseNewcomers();
    void welcomeIsNotCountedAsSlowness();

private:
    HubConfig config() const;
    std::unique_ptr<QTemporaryDir> m_dir;
    HubFixture f;
};

void TestHubStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    f = {};
}

HubConfig TestHubStore::config() const
{
    HubConfig c;
    c.dataDir = m_dir->path();
    c.rateLimit = 0;
    c.bindAddress = QHostAddress::LocalHost;
    c.port = 0;
    return c;
}

void TestHubStore::restartOnTheSameDataDirContinues()
{
    QVERIFY(f.start(config()));
    TestPeer *alice = f.joined(u"alice"_s);
    TestPeer *bob = f.connect();
    QVERIFY(alice && bob);
    const auto first = bob->join(u"bob"_s);
    QVERIFY(first);
    for (int i = 1; i <= 3; ++i)
        alice->send(Protocol::chat(u"before %1"_s.arg(i), u"m-%1"_s.arg(i)));
    std::optional<Message> seen;
    for (int i = 1; i <= 3; ++i)
        QVERIFY((seen = bob->nextChat()));
    QCOMPARE(seen->seq, 3);
    bob->socket().abort();
    alice->send(Protocol::chat(u"while bob was away"_s));
    alice->send(Protocol::chat(u"and once more"_s));
    QTRY_COMPARE(f.hub->currentSeq(), 5);
    const QString instance = f.hub->instance();

    f = {}; // the host ends (its process would exit here)
    QVERIFY(f.start(config()));
    QCOMPARE(f.hub->instance(), instance);
    QCOMPARE(f.hub->currentSeq(), 5);
    TestPeer *again = f.connect();
    QVERIFY(again);
    Message resume = Protocol::join(u"bob"_s);
    resume.after = seen->seq;
    resume.instance = first->instance;
    resume.token = first->token; // from the old run: no longer anyone's, harmless
    again->send(resume);
    const auto welcome = again->next(Type::Welcome);
    QVERIFY(welcome);
    QCOMPARE(welcome->instance, instance);
    QCOMPARE(welcome->history.size(), 2);
    QCOMPARE(welcome->history.at(0).seq, 4);
    QCOMPARE(welcome->history.at(0).text, u"while bob was away"_s);
    QCOMPARE(welcome->history.at(1).seq, 5);
    QVERIFY(!welcome->truncated);
    TestPeer *alice2 = f.joined(u"alice"_s);
    QVERIFY(alice2);
    alice2->send(Protocol::chat(u"after the restart"_s));
    const auto live = again->nextChat();
    QVERIFY(live);
    QCOMPARE(live->seq, 6);
    // A newcomer sees the whole room, ids included.
    TestPeer *reader = f.connect();
    QVERIFY(reader);
    reader->send(Protocol::historyRequest({}, 10));
    const auto page = reader->next(Type::History);
    QVERIFY(page);
    QCOMPARE(page->messages.size(), 6);
    QCOMPARE(page->messages.first().id, u"m-1"_s);
    QVERIFY(page->complete);
}

void TestHubStore::historyPagesThroughTheProtocol()
{
    QVERIFY(f.start(config()));
    TestPeer *alice = f.joined(u"alice"_s);
    QVERIFY(alice);
    for (int i = 1; i <= 150; ++i)
        alice->send(Protocol::chat(u"line %1"_s.arg(i)));
    QTRY_COMPARE(f.hub->currentSeq(), 150);
    TestPeer *lurker = f.connect(); // paging does not need a join
    QVERIFY(lurker);
    lurker->sendRaw(u"{\"type\":\"history\",\"before\":51,\"limit\":20}"_s);
    const auto page = lurker->next(Type::History);
    QVERIFY(page);
    QVERIFY(page->answer);
    QCOMPARE(*page->before, 51);
    QCOMPARE(page->messages.size(), 20);
    QCOMPARE(page->messages.first().seq, 31);
    QCOMPARE(page->messages.last().seq, 50);
    QCOMPARE(page->messages.last().text, u"line 50"_s);
    QVERIFY(!page->complete);
    lurker->send(Protocol::historyRequest(11, 100));
    const auto start = lurker->next(Type::History);
    QVERIFY(start);
    QCOMPARE(start->messages.size(), 10);
    QVERIFY(start->complete);
}

void TestHubStore::searchThroughTheProtocol()
{
    QVERIFY(f.start(config()));
    TestPeer *alice = f.joined(u"alice"_s);
    QVERIFY(alice);
    alice->send(Protocol::chat(u"Lunch at noon?"_s));
    alice->send(Protocol::chat(u"who brings the cake"_s));
    alice->send(Protocol::chat(u"lunchtime!"_s));
    QTRY_COMPARE(f.hub->currentSeq(), 3);
    alice->send(Protocol::searchRequest(u"LUNCH"_s));
    const auto hits = alice->next(Type::Search);
    QVERIFY(hits);
    QCOMPARE(hits->query, u"LUNCH"_s);
    QCOMPARE(hits->messages.size(), 2);
    QCOMPARE(hits->messages.at(0).seq, 3);
    QCOMPARE(hits->messages.at(1).seq, 1);
    QVERIFY(hits->complete);
    alice->sendRaw(u"{\"type\":\"search\",\"query\":\"\\\" * ()\",\"limit\":5}"_s);
    const auto error = alice->next(Type::Error);
    QVERIFY(error);
    QCOMPARE(error->code, Protocol::ErrorCode::BadQuery.toString());
}

void TestHubStore::storeStateIsReportedByTheHost()
{
    ChatHub hub(config());
    QSignalSpy state(&hub, &ChatHub::storeStateChanged);
    hub.start();
    QCOMPARE(state.size(), 1);
    QCOMPARE(state.at(0).at(0).value<Room::StoreState>(), Room::StoreState::Persistent);
    HubConfig memory = config();
    memory.dataDir.clear();
    ChatHub ephemeral(memory);
    QSignalSpy ephemeralState(&ephemeral, &ChatHub::storeStateChanged);
    ephemeral.start();
    QCOMPARE(ephemeralState.at(0).at(0).value<Room::StoreState>(), Room::StoreState::Ephemeral);
}

// One client posts 200 chats that each escape to ~48 KB of JSON: the welcome of every later joiner
// would be ~9.6 MB, over the 4 MiB slow-client limit.
void TestHubStore::poisonedHistoryDoesNotCloseNewcomers()
{
    QVERIFY(f.start(config()));
    TestPeer *mallory = f.joined(u"mallory"_s);
    QVERIFY(mallory);
    const QString poison(7990, QChar(1));
    for (int i = 0; i < 200; ++i)
        mallory->send(Protocol::chat(poison));
    QTRY_COMPARE_WITH_TIMEOUT(f.hub->currentSeq(), 200, 20000);
    TestPeer *newcomer = f.connect();
    QVERIFY(newcomer);
    const auto welcome = newcomer->join(u"newcomer"_s, 20000);
    QVERIFY(welcome);
    QVERIFY(!welcome->history.isEmpty());
    QVERIFY(!welcome->historyComplete);
    // Still there: a ping is answered, and the rest comes through history.
    newcomer->send(Protocol::ping());
    QVERIFY(newcomer->next(Type::Pong, 10000));
    QVERIFY(!newcomer->isClosed());
    newcomer->send(Protocol::historyRequest(welcome->history.first().seq));
    const auto older = newcomer->next(Type::History, 10000);
    QVERIFY(older);
    QCOMPARE(older->messages.last().seq, welcome->history.first().seq - 1);
}

// A client reading slowly gets its welcome (larger than the slow-client limit here) without being
// dropped as slow; only traffic after it counts.
void TestHubStore::welcomeIsNotCountedAsSlowness()
{
    HubConfig c = config();
    c.maxPendingBytes = 64 * 1024;
    // A welcome of ~8 MB: more than the kernel's send buffer takes (tcp_wmem's maximum is 4 MiB).
    c.maxHistoryBytes = 8 * 1024 * 1024;
    QVERIFY(f.start(c));
    TestPeer *alice = f.joined(u"alice"_s);
    QVERIFY(alice);
    for (int i = 0; i < 170; ++i)
        alice->send(Protocol::chat(QString(7990, QChar(1))));
    QTRY_COMPARE_WITH_TIMEOUT(f.hub->currentSeq(), 170, 20000);

    RawClient slow;
    slow.setReceiveBufferSize(4096);
    QVERIFY(slow.open(f.port));
    QVERIFY(slow.sendText(R"({"type":"join","name":"slow"})"));
    auto welcomed = [&] {
        for (const RawClient::Frame &frame : slow.frames()) {
            if (frame.opcode == 1 && frame.payload.contains(R"("type":"welcome")"))
                return true;
        }
        return false;
    };
    QVERIFY(slow.readUntil([&] { return welcomed() || slow.closeCode() != -1; }, 20000));
    QVERIFY(welcomed());
    // Still in the room after the welcome: a ping is answered, no close frame came.
    QVERIFY(slow.sendText(R"({"type":"ping"})"));
    auto ponged = [&] {
        for (const RawClient::Frame &frame : slow.frames()) {
            if (frame.opcode == 1 && frame.payload == R"({"type":"pong"})")
                return true;
        }
        return false;
    };
    QVERIFY(slow.readUntil([&] { return ponged() || slow.closeCode() != -1; }, 20000));
    QCOMPARE(slow.closeCode(), -1);
}

QTEST_GUILESS_MAIN(TestHubStore)
#include "tst_hubstore.moc"
