#include <QTest>

#include "hubfixture.h"

using namespace Qt::StringLiterals;
using Protocol::Message;
using Protocol::Type;

namespace {

QStringList capturedLog;

void captureHubLog(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    if (QByteArrayView(context.category).startsWith("lanchat.server"))
        capturedLog.append(message);
}

} // namespace

class TestChatHub : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void broadcastReachesEveryoneIncludingSender();
    void seqIncreasesByOneAndOnlyOnChat();
    void senderCannotSpeakAsSomeoneElse();
    void welcomeListsRoomAndUsers();
    void uniqueNamesGetSuffix();
    void badNames_data();
    void badNames();
    void namesAreTrimmed();
    void lookAlikeNamesClash_data();
    void lookAlikeNamesClash();
    void clashSuffixKeepsSurrogatePairs();
    void resumeUnderAnotherCaseKeepsTheName();
    void plainTextClientBecomesGuest();
    void joinedAndLeftAreBroadcast();
    void brokenConnectionIsLeftLostAndLoggedOnce();
    void historyForLateJoiners();
    void historyIsBounded();
    void resumeAfterSeqHasNoGapsNoDuplicates();
    void resumeFromAnotherInstanceGetsFullHistory();
    void resumeReportsTruncation();
    void tokenReclaimsNameAfterReconnect();
    void rename();
    void errors_data();
    void errors();
    void pingIsAnswered();
    void lurkerReceivesChat();
    void clientIdIsEchoed();

private:
    HubFixture f;
};

void TestChatHub::init()
{
    f = {};
    QVERIFY(f.start());
}

void TestChatHub::cleanup()
{
    f.peers.clear();
    f.hub.reset();
}

void TestChatHub::broadcastReachesEveryoneIncludingSender()
{
    TestPeer *alice = f.joined(u"alice"_s);
    TestPeer *bob = f.joined(u"bob"_s);
    TestPeer *carol = f.joined(u"carol"_s);
    QVERIFY(alice && bob && carol);
    bob->send(Protocol::chat(u"hi all"_s));
    for (TestPeer *peer : {alice, bob, carol}) {
        const auto chat = peer->nextChat();
        QVERIFY(chat);
        QCOMPARE(chat->text, u"hi all"_s);
        QCOMPARE(chat->from, u"bob"_s);
        QVERIFY(chat->time.isValid());
        QVERIFY(qAbs(chat->time.secsTo(QDateTime::currentDateTimeUtc())) < 60);
    }
}

void TestChatHub::seqIncreasesByOneAndOnlyOnChat()
{
    TestPeer *alice = f.joined(u"alice"_s);
    QVERIFY(alice);
    qint64 previous = 0;
    for (int i = 0; i < 5; ++i) {
        alice->send(Protocol::chat(QString::number(i)));
        if (i == 2) {
            QVERIFY(f.joined(u"bob"_s)); // a join does not consume a seq
            alice->send(Protocol::rename(u"alice2"_s));
        }
        const auto chat = alice->nextChat();
        QVERIFY(chat);
        QCOMPARE(chat->seq, previous + 1);
        previous = chat->seq;
    }
    QCOMPARE(f.hub->currentSeq(), 5);
}

void TestChatHub::senderCannotSpeakAsSomeoneElse()
{
    TestPeer *alice = f.joined(u"alice"_s);
    QVERIFY(alice && f.joined(u"bob"_s));
    alice->sendRaw(u"{\"type\":\"chat\",\"text\":\"I am bob\",\"from\":\"bob\",\"seq\":99}"_s);
    const auto chat = alice->nextChat();
    QVERIFY(chat);
    QCOMPARE(chat->from, u"alice"_s);
    QCOMPARE(chat->seq, 1);
}

void TestChatHub::welcomeListsRoomAndUsers()
{
    QVERIFY(f.joined(u"bob"_s));
    TestPeer *alice = f.connect();
    QVERIFY(alice);
    const auto welcome = alice->join(u"alice"_s);
    QVERIFY(welcome);
    QCOMPARE(welcome->you, u"alice"_s);
    QCOMPARE(welcome->room, u"Lobby"_s);
    QCOMPARE(welcome->users, QStringList({u"alice"_s, u"bob"_s}));
    QCOMPARE(welcome->seq, 0);
    QCOMPARE(welcome->version, 1);
    QCOMPARE(welcome->maxText, Protocol::DefaultMaxText);
    QVERIFY(!welcome->instance.isEmpty());
    QVERIFY(welcome->token.size() >= 16);
}

void TestChatHub::uniqueNamesGetSuffix()
{
    QVERIFY(f.joined(u"alice"_s));
    TestPeer *second = f.connect();
    TestPeer *third = f.connect();
    QVERIFY(second && third);
    const auto w2 = second->join(u"Alice"_s); // case-insensitive clash
    const auto w3 = third->join(u"alice"_s);
    QVERIFY(w2 && w3);
    QCOMPARE(w2->you, u"Alice-2"_s);
    QCOMPARE(w3->you, u"alice-3"_s);
    // A suffix never makes a name longer than 32.
    TestPeer *long1 = f.joined(QString(32, u'x'));
    TestPeer *long2 = f.connect();
    QVERIFY(long1 && long2);
    const auto w = long2->join(QString(32, u'x'));
    QVERIFY(w);
    QCOMPARE(w->you, QString(30, u'x') + u"-2"_s);
}

void TestChatHub::badNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addRow("empty") << QString();
    QTest::addRow("blank") << u"   "_s;
    QTest::addRow("33 chars") << QString(33, u'a');
    QTest::addRow("newline") << u"a\nb"_s;
    QTest::addRow("nul") << u"a"_s + QChar(0) + u"b"_s;
    // Names that pass for someone else's or show nothing.
    QTest::addRow("zero-width space after") << u"alice\u200b"_s;
    QTest::addRow("zero-width joiner inside") << u"al\u200dice"_s;
    QTest::addRow("BOM before") << u"\ufeffalice"_s;
    QTest::addRow("bidi isolate") << u"\u2066alice\u2069"_s;
    QTest::addRow("right-to-left override") << u"\u202eecila"_s;
    QTest::addRow("only a zero-width space") << u"\u200b"_s;
    QTest::addRow("only a Hangul filler") << u"\u3164"_s;
    QTest::addRow("only a Braille blank") << u"\u2800"_s;
}

void TestChatHub::badNames()
{
    QFETCH(QString, name);
    TestPeer *peer = f.connect();
    QVERIFY(peer);
    // Sent as an attacker would: every character outside printable ASCII as a JSON \\u escape
    // (a raw BOM could be lost on the way; an escaped one reaches the hub).
    QString escaped;
    for (const QChar c : name) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e || c == u'"' || c == u'\\')
            escaped += u"\\u%1"_s.arg(int(c.unicode()), 4, 16, QChar(u'0'));
        else
            escaped += c;
    }
    peer->sendRaw(u"{\"type\":\"join\",\"name\":\"%1\"}"_s.arg(escaped));
    const auto error = peer->next(Type::Error);
    QVERIFY(error);
    QCOMPARE(error->code, u"bad_name"_s);
    // Still connected, and may try again.
    QVERIFY(peer->join(u"fine"_s));
}

void TestChatHub::namesAreTrimmed()
{
    TestPeer *peer = f.connect();
    QVERIFY(peer);
    const auto welcome = peer->join(u"  Zoë 🌸  "_s);
    QVERIFY(welcome);
    QCOMPARE(welcome->you, u"Zoë 🌸"_s);
}

void TestChatHub::lookAlikeNamesClash_data()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");
    QTest::addRow("NFC and NFD") << u"Jos\u00e9"_s << u"Jose\u0301"_s;
    QTest::addRow("Cyrillic a") << u"alice"_s << u"\u0430lice"_s;
    QTest::addRow("full-width") << u"alice"_s << u"\uff41\uff4c\uff49\uff43\uff45"_s;
    QTest::addRow("Greek omicron") << u"bob"_s << u"b\u03bfb"_s;
    QTest::addRow("non-breaking space") << u"ann lee"_s << u"ann\u00a0lee"_s;
    QTest::addRow("two spaces") << u"ann lee"_s << u"ann  lee"_s;
}

void TestChatHub::lookAlikeNamesClash()
{
    QFETCH(QString, first);
    QFETCH(QString, second);
    TestPeer *one = f.joined(first);
    TestPeer *two = f.connect();
    QVERIFY(one && two);
    const auto welcome = two->join(second);
    QVERIFY(welcome);
    QVERIFY2(welcome->you.endsWith(u"-2"_s), qPrintable(welcome->you));
}

void TestChatHub::clashSuffixKeepsSurrogatePairs()
{
    const QString name = QString(29, u'a') + u"\U0001F600b"_s; // 32 UTF-16 units
    QVERIFY(f.joined(name));
    TestPeer *second = f.connect();
    QVERIFY(second);
    const auto welcome = second->join(name);
    QVERIFY(welcome);
    QCOMPARE(welcome->you, QString(29, u'a') + u"-2"_s);
    for (qsizetype i = 0; i < welcome->you.size(); ++i)
        QVERIFY(!welcome->you.at(i).isSurrogate());
}

// A reconnect with the right token in another case takes over under the name the others know,
// so their list and the sender of its chat agree.
void TestChatHub::resumeUnderAnotherCaseKeepsTheName()
{
    TestPeer *alice = f.joined(u"alice"_s);
    TestPeer *tok = f.connect();
    QVERIFY(alice && tok);
    const auto first = tok->join(u"tok"_s);
    QVERIFY(first);
    QVERIFY(alice->next(Type::Joined));
    TestPeer *again = f.connect();
    QVERIFY(again);
    Message resume = Protocol::join(u"TOK"_s);
    resume.token = first->token;
    again->send(resume);
    const auto welcome = again->next(Type::Welcome);
    QVERIFY(welcome);
    QCOMPARE(welcome->you, u"tok"_s);
    again->send(Protocol::chat(u"still me"_s));
    const auto chat = alice->nextChat();
    QVERIFY(chat);
    QCOMPARE(chat->from, u"tok"_s);
    QVERIFY(!alice->next(Type::Renamed, 0));
}

void TestChatHub::plainTextClientBecomesGuest()
{
    TestPeer *alice = f.joined(u"alice"_s);
    TestPeer *raw = f.connect();
    QVERIFY(alice && raw);
    raw->sendRaw(u"hello from a one-line client"_s);
    const auto welcome = raw->next(Type::Welcome);
    QVERIFY(welcome);
    QCOMPARE(welcome->you, u"guest-1"_s);
    const auto joined = alice->next(Type::Joined);
    QVERIFY(joined);
    QCOMPARE(joined->name, u"guest-1"_s);
    const auto chat = alice->nextChat();
    QVERIFY(chat);
    QCOMPARE(chat->from, u"guest-1"_s);
    QCOMPARE(chat->text, u"hello from a one-line client"_s);
    QVERIFY(raw->nextChat());
    // A second guest gets the next number; JSON that is not an object is text too.
    TestPeer *raw2 = f.connect();
    QVERIFY(raw2);
    raw2->sendRaw(u"42"_s);
    const auto chat2 = alice->nextChat();
    QVERIFY(chat2);
    QCOMPARE(chat2->from, u"guest-2"_s);
    QCOMPARE(chat2->text, u"42"_s);
}

void TestChatHub::joinedAndLeftAreBroadcast()
{
    TestPeer *alice = f.joined(u"alice"_s);
    TestPeer *bob = f.joined(u"bob"_s);
    QVERIFY(alice && bob);
    const auto joined = alice->next(Type::Joined);
    QVERIFY(joined);
    QCOMPARE(joined->name, u"bob"_s);
    QVERIFY(!bob->next(Type::Joined, 100)); // not told about itself
    QSignalSpy count(f.hub.get(), &ChatHub::peerCountChanged);
    bob->socket().close();
    const auto left = alice->next(Type::Left);
    QVERIFY(left);
    QCOMPARE(left->name, u"bob"_s);
    QCOMPARE(left->reason, u"quit"_s);
    QTRY_COMPARE(f.hub->joinedCount(), 1);
    QCOMPARE(count.last().at(0).toInt(), 1);
}

void TestChatHub::brokenConnectionIsLeftLostAndLoggedOnce()
{
    TestPeer *alice = f.joined(u"alice"_s);
    TestPeer *bob = f.joined(u"bob"_s);
    QVERIFY(alice && bob);
    capturedLog.clear();
    const auto previous = qInstallMessageHandler(captureHubLog);
    bob->socket().abort();
    const auto left = alice->next(Type::Left);
    qInstallMessageHandler(previous);
    QVERIFY(left);
    QCOMPARE(left->reason, u"lost"_s);
    const QStringList lost = capturedLog.filter(u"lost"_s);
    QCOMPARE(lost.size(), 1);
    QVERIFY2(lost.constFirst().contains(u"bob"_s), qPrintable(lost.constFirst()));
}

void TestChatHub::historyForLateJoiners()
{
    TestPeer *alice = f.joined(u"alice"_s);
    QVERIFY(alice);
    for (int i = 1; i <= 5; ++i)
        alice->send(Protocol::chat(u"m%1"_s.arg(i)));
    for (int i = 1; i <= 5; ++i)
        QVERIFY(alice->nextChat());
    TestPeer *late = f.connect();
    QVERIFY(late);
    const auto welcome = late->join(u"late"_s);
    QVERIFY(welcome);
    QCOMPARE(welcome->seq, 5);
    QCOMPARE(welcome->history.size(), 5);
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(welcome->history[i].seq, i + 1);
        QCOMPARE(welcome->history[i].text, u"m%1"_s.arg(i + 1));
        QCOMPARE(welcome->history[i].from, u"alice"_s);
    }
}

void TestChatHub::historyIsBounded()
{
    HubConfig config;
    config.historySize = 3;
    f = {};
    QVERIFY(f.start(config));
    TestPeer *alice = f.joined(u"alice"_s);
    QVERIFY(alice);
    for (int i = 1; i <= 10; ++i)
        alice->send(Protocol::chat(u"m%1"_s.arg(i)));
    QTRY_COMPARE(f.hub->currentSeq(), 10);
    TestPeer *late = f.connect();
    QVERIFY(late);
    const auto welcome = late->join(u"late"_s);
    QVERIFY(welcome);
    QCOMPARE(welcome->history.size(), 3);
    QCOMPARE(welcome->history.first().seq, 8);
    QCOMPARE(welcome->history.last().seq, 10);
}

void TestChatHub::resumeAfterSeqHasNoGapsNoDuplicates()
{
    TestPeer *alice = f.joined(u"alice"_s);
    TestPeer *bob = f.connect();
    QVERIFY(alice && bob);
    const auto first = bob->join(u"bob"_s);
    QVERIFY(first);
    alice->send(Protocol::chat(u"one"_s));
    alice->send(Protocol::chat(u"two"_s));
    QVERIFY(bob->nextChat());
    const auto seen = bob->nextChat();
    QVERIFY(seen);
    bob->socket().abort(); // bob's Wi-Fi drops
    for (int i = 3; i <= 6; ++i)
        alice->send(Protocol::chat(u"while away %1"_s.arg(i)));
    QTRY_COMPARE(f.hub->currentSeq(), 6);

    TestPeer *again = f.connect();
    QVERIFY(again);
    Message resume = Protocol::join(u"bob"_s);
    resume.after = seen->seq;
    resume.instance = first->instance;
    resume.token = first->token;
    again->send(resume);
    const auto welcome = again->next(Type::Welcome);
    QVERIFY(welcome);
    QCOMPARE(welcome->history.size(), 4);
    for (int i = 0; i < 4; ++i)
        QCOMPARE(welcome->history[i].seq, seen->seq + 1 + i);
    QVERIFY(!welcome->truncated);
    // And live messages continue right after.
    alice->send(Protocol::chat(u"live"_s));
    const auto live = again->nextChat();
    QVERIFY(live);
    QCOMPARE(live->seq, 7);
}

void TestChatHub::resumeFromAnotherInstanceGetsFullHistory()
{
    TestPeer *alice = f.joined(u"alice"_s);
    QVERIFY(alice);
    alice->send(Protocol::chat(u"one"_s));
    alice->send(Protocol::chat(u"two"_s));
    QTRY_COMPARE(f.hub->currentSeq(), 2);
    TestPeer *bob = f.connect();
    QVERIFY(bob);
    Message resume = Protocol::join(u"bob"_s);
    resume.after = 500; // from a hub that ran before a restart
    resume.instance = u"an-old-instance"_s;
    bob->send(resume);
    const auto welcome = bob->next(Type::Welcome);
    QVERIFY(welcome);
    QCOMPARE(welcome->history.size(), 2);
}

void TestChatHub::resumeReportsTruncation()
{
    HubConfig config;
    config.historySize = 2;
    f = {};
    QVERIFY(f.start(config));
    TestPeer *alice = f.joined(u"alice"_s);
    QVERIFY(alice);
    for (int i = 0; i < 5; ++i)
        alice->send(Protocol::chat(u"x"_s));
    QTRY_COMPARE(f.hub->currentSeq(), 5);
    TestPeer *bob = f.connect();
    QVERIFY(bob);
    Message resume = Protocol::join(u"bob"_s);
    resume.after = 1;
    resume.instance = f.hub->instance();
    bob->send(resume);
    const auto welcome = bob->next(Type::Welcome);
    QVERIFY(welcome);
    QVERIFY(welcome->truncated); // 2 was dropped; 4 and 5 are what is kept
    QCOMPARE(welcome->history.size(), 2);
    QCOMPARE(welcome->history.first().seq, 4);
}

void TestChatHub::tokenReclaimsNameAfterReconnect()
{
    TestPeer *alice = f.joined(u"alice"_s);
    TestPeer *bob = f.connect();
    QVERIFY(alice && bob);
    const auto first = bob->join(u"bob"_s);
    QVERIFY(first);
    QVERIFY(alice->next(Type::Joined));

    // Bob reconnects while his old connection is still open (it has not timed out yet).
    TestPeer *again = f.connect();
    QVERIFY(again);
    Message resume = Protocol::join(u"bob"_s);
    resume.token = first->token;
    again->send(resume);
    const auto welcome = again->next(Type::Welcome);
    QVERIFY(welcome);
    QCOMPARE(welcome->you, u"bob"_s); // no suffix
    QVERIFY(bob->waitClosed());
    QCOMPARE(bob->closeCode(), Protocol::CloseCode::Replaced);
    // No left/joined pair for the others.
    alice->send(Protocol::chat(u"sync"_s));
    QVERIFY(alice->nextChat());
    QVERIFY(!alice->next(Type::Left, 0));
    QVERIFY(!alice->next(Type::Joined, 0));
    QCOMPARE(f.hub->joinedCount(), 2);

    // A wrong token does not take the name.
    TestPeer *impostor = f.connect();
    QVERIFY(impostor);
    Message fake = Protocol::join(u"bob"_s);
    fake.token = u"guess"_s;
    impostor->send(fake);
    const auto w = impostor->next(Type::Welcome);
    QVERIFY(w);
    QCOMPARE(w->you, u"bob-2"_s);
}

void TestChatHub::rename()
{
    TestPeer *alice = f.joined(u"alice"_s);
    TestPeer *bob = f.joined(u"bob"_s);
    QVERIFY(alice && bob);
    bob->send(Protocol::rename(u"robert"_s));
    for (TestPeer *peer : {alice, bob}) {
        const auto renamed = peer->next(Type::Renamed);
        QVERIFY(renamed);
        QCOMPARE(renamed->from, u"bob"_s);
        QCOMPARE(renamed->to, u"robert"_s);
    }
    bob->send(Protocol::chat(u"hi"_s));
    const auto chat = alice->nextChat();
    QVERIFY(chat);
    QCOMPARE(chat->from, u"robert"_s);
    // Taking a used name gets a suffix.
    bob->send(Protocol::rename(u"ALICE"_s));
    const auto clash = alice->next(Type::Renamed);
    QVERIFY(clash);
    QCOMPARE(clash->to, u"ALICE-2"_s);
    // The old name is free again.
    TestPeer *newcomer = f.connect();
    QVERIFY(newcomer);
    const auto w = newcomer->join(u"bob"_s);
    QVERIFY(w);
    QCOMPARE(w->you, u"bob"_s);
}

void TestChatHub::errors_data()
{
    QTest::addColumn<bool>("joinFirst");
    QTest::addColumn<QString>("frame");
    QTest::addColumn<QString>("code");
    QTest::addRow("unknown type") << true << u"{\"type\":\"dance\"}"_s << u"unknown_type"_s;
    QTest::addRow("server type") << true
                                 << u"{\"type\":\"welcome\",\"v\":1,\"you\":\"a\","
                                    "\"room\":\"r\",\"users\":[],\"seq\":0}"_s
                                 << u"unknown_type"_s;
    QTest::addRow("no type") << true << u"{\"text\":\"x\"}"_s << u"bad_message"_s;
    QTest::addRow("wrong field type")
            << true << u"{\"type\":\"chat\",\"text\":1}"_s << u"bad_message"_s;
    QTest::addRow("empty") << true << u"{\"type\":\"chat\",\"text\":\" \\n \"}"_s << u"empty"_s;
    QTest::addRow("too long with id")
            << true
            << u"{\"type\":\"chat\",\"text\":\"%1\",\"id\":\"mine\"}"_s.arg(QString(8001, u'x'))
            << u"too_long"_s;
    QTest::addRow("too long") << true
                              << u"{\"type\":\"chat\",\"text\":\"%1\"}"_s.arg(QString(8001, u'x'))
                              << u"too_long"_s;
    QTest::addRow("id too long") << true
                                 << u"{\"type\":\"chat\",\"text\":\"x\",\"id\":\"%1\"}"_s.arg(
                                            QString(65, u'i'))
                                 << u"bad_message"_s;
    QTest::addRow("second join") << true << u"{\"type\":\"join\",\"name\":\"again\"}"_s
                                 << u"already_joined"_s;
    QTest::addRow("rename before join")
            << false << u"{\"type\":\"rename\",\"name\":\"x\"}"_s << u"not_joined"_s;
}

void TestChatHub::errors()
{
    QFETCH(bool, joinFirst);
    QFETCH(QString, frame);
    QFETCH(QString, code);
    TestPeer *other = f.joined(u"other"_s);
    TestPeer *peer = joinFirst ? f.joined(u"me"_s) : f.connect();
    QVERIFY(other && peer);
    peer->sendRaw(frame);
    const auto error = peer->next(Type::Error);
    QVERIFY(error);
    QCOMPARE(error->code, code);
    QVERIFY(!error->text.isEmpty());
    QCOMPARE(error->id, frame.contains(u"\"id\":\"mine\""_s) ? u"mine"_s : QString());
    // Nothing was relayed, and the connection still works.
    QVERIFY(!other->nextChat(0));
    peer->send(Protocol::chat(u"still here"_s));
    const auto chat = other->nextChat();
    QVERIFY(chat);
    QCOMPARE(chat->text, u"still here"_s);
}

void TestChatHub::pingIsAnswered()
{
    TestPeer *peer = f.connect();
    QVERIFY(peer);
    peer->send(Protocol::ping());
    QVERIFY(peer->next(Type::Pong));
}

void TestChatHub::lurkerReceivesChat()
{
    TestPeer *lurker = f.connect();
    TestPeer *alice = f.joined(u"alice"_s);
    QVERIFY(lurker && alice);
    alice->send(Protocol::chat(u"anyone?"_s));
    const auto chat = lurker->nextChat();
    QVERIFY(chat);
    QCOMPARE(chat->text, u"anyone?"_s);
    QVERIFY(!lurker->next(Type::Joined, 0)); // presence is for members only
    QCOMPARE(f.hub->joinedCount(), 1);
}

void TestChatHub::clientIdIsEchoed()
{
    TestPeer *alice = f.joined(u"alice"_s);
    QVERIFY(alice);
    alice->send(Protocol::chat(u"x"_s, u"local-42"_s));
    const auto chat = alice->nextChat();
    QVERIFY(chat);
    QCOMPARE(chat->id, u"local-42"_s);
    TestPeer *late = f.connect();
    QVERIFY(late);
    const auto welcome = late->join(u"late"_s);
    QVERIFY(welcome);
    QCOMPARE(welcome->history.constFirst().id, u"local-42"_s);
}

QTEST_GUILESS_MAIN(TestChatHub)
#include "tst_chathub.moc"
