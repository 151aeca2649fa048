#include <QTemporaryDir>
#include <QTest>

#include "hubfixture.h"

using namespace Qt::StringLiterals;
using Protocol::Message;
using Protocol::Type;

// Private messages through the protocol: read by exactly two people, live, in welcomes, on
// catch-up, in history pages and search, and after the host restarted on the same store.
class TestPrivateMessages : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void deliveredOnlyToTheTwo();
    void unknownOrOwnRecipientIsRefused();
    void welcomeHistoryHoldsOnlyWhatIsYours();
    void catchUpAfterReconnect();
    void historyPagesAndSearch();
    void survivesARestartOfTheHost();
    void tokenKeepsThePersonAcrossReconnects();
    void tokenHeldByAnotherIsNotShared();

private:
    HubConfig config() const;
    // join with a token (and after/instance when resuming); the welcome.
    static std::optional<Message> joinWith(TestPeer *peer, const QString &name,
                                           const QString &token, std::optional<qint64> after = {},
                                           const QString &instance = {});
    // Sends a public line from `from` and waits until `reader` has it: whatever was sent before
    // reached `reader` by then, or never will.
    // Starts the hub; alice and bob join with their person keys.
    bool startWithAliceAndBob(TestPeer **alice, TestPeer **bob);
    static bool fence(TestPeer *from, TestPeer *reader, const QString &text);
    static bool sawText(const TestPeer *peer, const QString &text);
    static QStringList texts(const QList<Message> &messages);

    std::unique_ptr<QTemporaryDir> m_dir;
    HubFixture f;
};

namespace {
const QString aliceToken = QString(32, u'a');
const QString bobToken = QString(32, u'b');
const QString carolToken = QString(32, u'c');
} // namespace

void TestPrivateMessages::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    f = {};
}

HubConfig TestPrivateMessages::config() const
{
    HubConfig c;
    c.dataDir = m_dir->path();
    c.rateLimit = 0;
    return c;
}

std::optional<Message> TestPrivateMessages::joinWith(TestPeer *peer, const QString &name,
                                                     const QString &token,
                                                     std::optional<qint64> after,
                                                     const QString &instance)
{
    Message join = Protocol::join(name);
    join.token = token;
    join.after = after;
    join.instance = instance;
    peer->send(join);
    return peer->next(Type::Welcome);
}

bool TestPrivateMessages::startWithAliceAndBob(TestPeer **alice, TestPeer **bob)
{
    if (!f.start(config()))
        return false;
    *alice = f.connect();
    *bob = f.connect();
    return *alice && *bob && joinWith(*alice, u"alice"_s, aliceToken)
            && joinWith(*bob, u"bob"_s, bobToken);
}

bool TestPrivateMessages::fence(TestPeer *from, TestPeer *reader, const QString &text)
{
    from->send(Protocol::chat(text));
    for (int i = 0; i < 50; ++i) {
        const auto chat = reader->nextChat();
        if (!chat)
            return false;
        if (chat->text == text)
            return true;
    }
    return false;
}

bool TestPrivateMessages::sawText(const TestPeer *peer, const QString &text)
{
    const QStringList frames = peer->rawFrames();
    return std::any_of(frames.cbegin(), frames.cend(),
                       [&text](const QString &frame) { return frame.contains(text); });
}

QStringList TestPrivateMessages::texts(const QList<Message> &messages)
{
    QStringList result;
    for (const Message &m : messages)
        result.append(m.text);
    return result;
}

void TestPrivateMessages::deliveredOnlyToTheTwo()
{
    QVERIFY(f.start(config()));
    TestPeer *alice = f.joined(u"alice"_s);
    TestPeer *bob = f.joined(u"bob"_s);
    TestPeer *carol = f.joined(u"carol"_s);
    TestPeer *lurker = f.connect();
    QVERIFY(alice && bob && carol && lurker);

    alice->send(Protocol::chat(u"secret for bob"_s, u"p-1"_s, u"Bob"_s));
    const auto delivered = bob->nextChat();
    QVERIFY(delivered);
    QCOMPARE(delivered->text, u"secret for bob"_s);
    QCOMPARE(delivered->from, u"alice"_s);
    QCOMPARE(delivered->to, u"bob"_s); // the name as the room knows it
    QCOMPARE(delivered->seq, 1);
    const auto echo = alice->nextChat();
    QVERIFY(echo);
    QCOMPARE(echo->id, u"p-1"_s);
    QCOMPARE(echo->to, u"bob"_s);
    QCOMPARE(echo->from, u"alice"_s);

    QVERIFY(fence(alice, carol, u"public after"_s));
    const auto lurkerSaw = lurker->nextChat();
    QVERIFY(lurkerSaw);
    QCOMPARE(lurkerSaw->text, u"public after"_s);
    QVERIFY(!sawText(carol, u"secret"_s));
    QVERIFY(!sawText(lurker, u"secret"_s));
    // The public line has the next seq: the private one took a number.
    QCOMPARE(f.hub->currentSeq(), 2);
}

void TestPrivateMessages::unknownOrOwnRecipientIsRefused()
{
    QVERIFY(f.start(config()));
    TestPeer *alice = f.joined(u"alice"_s);
    TestPeer *bob = f.joined(u"bob"_s);
    QVERIFY(alice && bob);
    for (const QString &to : {u"nobody"_s, u"alice"_s, u"ALICE"_s}) {
        alice->send(Protocol::chat(u"lost"_s, u"p-" + to, to));
        const auto error = alice->next(Type::Error);
        QVERIFY(error);
        QCOMPARE(error->code, Protocol::ErrorCode::NoSuchPerson.toString());
        QCOMPARE(error->id, u"p-" + to);
    }
    // Nothing was kept: no seq taken, nothing in the history.
    QCOMPARE(f.hub->currentSeq(), 0);
    TestPeer *lurker = f.connect();
    QVERIFY(lurker);
    // A private message to nobody does not make a lurker a guest either.
    lurker->send(Protocol::chat(u"lost"_s, u"l-1"_s, u"nobody"_s));
    QVERIFY(lurker->next(Type::Error));
    QVERIFY(!lurker->next(Type::Welcome, 200));
    QVERIFY(fence(alice, bob, u"still here"_s));
    QVERIFY(!sawText(bob, u"lost"_s));
    alice->send(Protocol::historyRequest({}));
    const auto page = alice->next(Type::History);
    QVERIFY(page);
    QCOMPARE(texts(page->messages), QStringList{u"still here"_s});
}

void TestPrivateMessages::welcomeHistoryHoldsOnlyWhatIsYours()
{
    TestPeer *alice = nullptr;
    TestPeer *bob = nullptr;
    QVERIFY(startWithAliceAndBob(&alice, &bob));
    alice->send(Protocol::chat(u"public one"_s));
    alice->send(Protocol::chat(u"secret for bob"_s, {}, u"bob"_s));
    QVERIFY(fence(alice, bob, u"public between"_s));
    bob->send(Protocol::chat(u"secret for alice"_s, {}, u"alice"_s));
    QVERIFY(fence(bob, bob, u"public two"_s));

    TestPeer *carol = f.connect();
    QVERIFY(carol);
    const auto carolWelcome = joinWith(carol, u"carol"_s, carolToken);
    QVERIFY(carolWelcome);
    QCOMPARE(texts(carolWelcome->history),
             (QStringList{u"public one"_s, u"public between"_s, u"public two"_s}));
    QVERIFY(carolWelcome->historyComplete);
    QVERIFY(!sawText(carol, u"secret"_s));

    // Bob on a second device, as the same person (his token), once the first one is gone.
    bob->socket().close();
    QTRY_COMPARE(f.hub->joinedCount(), 2);
    TestPeer *bob2 = f.connect();
    QVERIFY(bob2);
    const auto bobWelcome = joinWith(bob2, u"bob"_s, bobToken);
    QVERIFY(bobWelcome);
    QCOMPARE(bobWelcome->token, bobToken);
    QCOMPARE(texts(bobWelcome->history),
             (QStringList{u"public one"_s, u"secret for bob"_s, u"public between"_s,
                          u"secret for alice"_s, u"public two"_s}));
    QCOMPARE(bobWelcome->history.at(1).to, u"bob"_s);
    QCOMPARE(bobWelcome->history.at(3).from, u"bob"_s);
    QCOMPARE(bobWelcome->history.at(3).to, u"alice"_s);
}

void TestPrivateMessages::catchUpAfterReconnect()
{
    QVERIFY(f.start(config()));
    TestPeer *alice = f.connect();
    TestPeer *bob = f.connect();
    TestPeer *carol = f.connect();
    QVERIFY(alice && bob && carol);
    QVERIFY(joinWith(alice, u"alice"_s, aliceToken));
    const auto bobFirst = joinWith(bob, u"bob"_s, bobToken);
    const auto carolFirst = joinWith(carol, u"carol"_s, carolToken);
    QVERIFY(bobFirst && carolFirst);
    QVERIFY(fence(alice, carol, u"before"_s));
    QVERIFY(bob->nextChat());
    // Carol is gone; bob's link died without the hub noticing yet (it still delivers to it).
    carol->socket().abort();
    QTRY_COMPARE(f.hub->joinedCount(), 2);
    alice->send(Protocol::chat(u"secret while away"_s, {}, u"bob"_s));
    alice->send(Protocol::chat(u"public while away"_s));
    QTRY_COMPARE(f.hub->currentSeq(), 3);

    TestPeer *carol2 = f.connect();
    QVERIFY(carol2);
    const auto carolBack = joinWith(carol2, u"carol"_s, carolToken, 1, carolFirst->instance);
    QVERIFY(carolBack);
    QCOMPARE(texts(carolBack->history), QStringList{u"public while away"_s});
    QVERIFY(!carolBack->truncated); // the gap in seq is someone else's, not a loss
    QVERIFY(!sawText(carol2, u"secret"_s));

    TestPeer *bob2 = f.connect();
    QVERIFY(bob2);
    const auto bobBack = joinWith(bob2, u"bob"_s, bobToken, 1, bobFirst->instance);
    QVERIFY(bobBack);
    QCOMPARE(texts(bobBack->history),
             (QStringList{u"secret while away"_s, u"public while away"_s}));
    QVERIFY(!bobBack->truncated);
    QVERIFY(bob->waitClosed()); // replaced by the reconnect
}

void TestPrivateMessages::historyPagesAndSearch()
{
    QVERIFY(f.start(config()));
    TestPeer *alice = f.connect();
    TestPeer *bob = f.connect();
    TestPeer *carol = f.connect();
    TestPeer *lurker = f.connect();
    QVERIFY(alice && bob && carol && lurker);
    QVERIFY(joinWith(alice, u"alice"_s, aliceToken));
    QVERIFY(joinWith(bob, u"bob"_s, bobToken));
    QVERIFY(joinWith(carol, u"carol"_s, carolToken));
    alice->send(Protocol::chat(u"lunch at noon"_s));
    alice->send(Protocol::chat(u"lunch secretly with you"_s, {}, u"bob"_s));
    QVERIFY(fence(alice, carol, u"lunch for all"_s));

    const QStringList everything{u"lunch at noon"_s, u"lunch secretly with you"_s,
                                 u"lunch for all"_s};
    const QStringList publicOnly{u"lunch at noon"_s, u"lunch for all"_s};
    const QList<std::pair<TestPeer *, QStringList>> readers{
            {alice, everything}, {bob, everything}, {carol, publicOnly}, {lurker, publicOnly}};
    for (const auto &[peer, expected] : readers) {
        peer->send(Protocol::historyRequest({}, 50));
        const auto page = peer->next(Type::History);
        QVERIFY(page);
        QCOMPARE(texts(page->messages), expected);
        QVERIFY(page->complete);
        peer->send(Protocol::searchRequest(u"lunch"_s));
        const auto found = peer->next(Type::Search);
        QVERIFY(found);
        QStringList newestFirst = expected;
        std::reverse(newestFirst.begin(), newestFirst.end());
        QCOMPARE(texts(found->messages), newestFirst);
        peer->send(Protocol::searchRequest(u"secretly"_s));
        const auto secret = peer->next(Type::Search);
        QVERIFY(secret);
        QCOMPARE(secret->messages.size(), expected.size() == 3 ? 1 : 0);
    }
    QVERIFY(!sawText(carol, u"with you"_s));
    QVERIFY(!sawText(lurker, u"with you"_s));
}

void TestPrivateMessages::survivesARestartOfTheHost()
{
    TestPeer *alice = nullptr;
    TestPeer *bob = nullptr;
    QVERIFY(startWithAliceAndBob(&alice, &bob));
    alice->send(Protocol::chat(u"kept secret"_s, {}, u"bob"_s));
    QVERIFY(bob->nextChat());
    alice->send(Protocol::chat(u"kept public"_s));
    QVERIFY(bob->nextChat());

    f = {}; // the host ends; its store stays
    QVERIFY(f.start(config()));
    const QStringList both{u"kept secret"_s, u"kept public"_s};
    const QList<std::tuple<QString, QString, QStringList>> people{
            {u"carol"_s, carolToken, {u"kept public"_s}},
            {u"bob"_s, bobToken, both},
            {u"alice"_s, aliceToken, both},
    };
    for (const auto &[name, token, expected] : people) {
        TestPeer *peer = f.connect();
        QVERIFY(peer);
        const auto welcome = joinWith(peer, name, token);
        QVERIFY(welcome);
        QCOMPARE(texts(welcome->history), expected);
        peer->send(Protocol::historyRequest({}));
        const auto page = peer->next(Type::History);
        QVERIFY(page);
        QCOMPARE(texts(page->messages), expected);
        peer->send(Protocol::searchRequest(u"kept"_s));
        const auto found = peer->next(Type::Search);
        QVERIFY(found);
        QCOMPARE(found->messages.size(), expected.size());
    }
    // The store holds digests of the keys, never the keys.
    f = {};
    QDir dir(m_dir->path());
    for (const QString &file : dir.entryList(QDir::Files)) {
        QFile db(dir.filePath(file));
        QVERIFY(db.open(QIODevice::ReadOnly));
        const QByteArray bytes = db.readAll();
        QVERIFY2(!bytes.contains(bobToken.toLatin1()), qPrintable(file));
        QVERIFY2(!bytes.contains(aliceToken.toLatin1()), qPrintable(file));
    }
}

void TestPrivateMessages::tokenKeepsThePersonAcrossReconnects()
{
    QVERIFY(f.start(config()));
    TestPeer *first = f.connect();
    QVERIFY(first);
    const auto welcome = joinWith(first, u"dana"_s, aliceToken);
    QVERIFY(welcome);
    QCOMPARE(welcome->token, aliceToken);
    // Reconnect while the old connection is still there: it is replaced, the key stays.
    TestPeer *second = f.connect();
    QVERIFY(second);
    const auto again = joinWith(second, u"dana"_s, aliceToken);
    QVERIFY(again);
    QCOMPARE(again->token, aliceToken);
    QCOMPARE(again->you, u"dana"_s);
    QVERIFY(first->waitClosed());
    QCOMPARE(first->closeCode(), Protocol::CloseCode::Replaced);
    // Tokens that are not 16-64 hex digits are not kept.
    for (const QString &bad : {u"abc"_s, u"zz00000000000000"_s, QString(65, u'a')}) {
        TestPeer *peer = f.connect();
        QVERIFY(peer);
        const auto w = joinWith(peer, u"eve"_s, bad);
        QVERIFY(w);
        QVERIFY(w->token != bad);
        QCOMPARE(w->token.size(), 32);
        peer->socket().close();
        QTRY_COMPARE(f.hub->joinedCount(), 1);
    }
}

void TestPrivateMessages::tokenHeldByAnotherIsNotShared()
{
    QVERIFY(f.start(config()));
    TestPeer *bob = f.connect();
    TestPeer *mallory = f.connect();
    QVERIFY(bob && mallory);
    QVERIFY(joinWith(bob, u"bob"_s, bobToken));
    const auto w = joinWith(mallory, u"mallory"_s, bobToken);
    QVERIFY(w);
    QVERIFY(w->token != bobToken);
    TestPeer *alice = f.joined(u"alice"_s);
    QVERIFY(alice);
    alice->send(Protocol::chat(u"for bob only"_s, {}, u"bob"_s));
    QVERIFY(bob->nextChat());
    mallory->send(Protocol::historyRequest({}));
    const auto page = mallory->next(Type::History);
    QVERIFY(page);
    QVERIFY(page->messages.isEmpty());
    QVERIFY(!sawText(mallory, u"for bob only"_s));
}

QTEST_GUILESS_MAIN(TestPrivateMessages)
#include "tst_privatemessages.moc"
