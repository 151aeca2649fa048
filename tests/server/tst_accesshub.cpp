#include <QTest>

#include "hubfixture.h"

using namespace Qt::StringLiterals;
using Protocol::Message;
using Protocol::Type;
namespace ErrorCode = Protocol::ErrorCode;
namespace CloseCode = Protocol::CloseCode;
namespace ModerationAction = Protocol::ModerationAction;

// The hub's access rules end to end (docs/PROTOCOL.md, "Access"): passcode refusals, nothing of the
// room before the passcode, host rights, kick, ban, unban, lock and passcode changes. The hub's
// clock for tries and kicks is the test's own (no sleeps). The host connects from 127.0.0.1; the
// people it removes connect from 127.0.0.2 (RawClient), so that their address is not the host's.
class TestAccessHub : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup();
    void passcodeIsRequiredAndConnectionStaysOpen();
    void tooManyTriesRefuseTheAddressButNeverTheHost();
    void nothingOfTheRoomBeforeThePasscode();
    void roomJsonHidesPeopleBehindAPasscode();
    void nonHostsCannotModerate();
    void hostRightsInWelcomeJoinedAndAccess();
    void kickClosesAndKeepsTheAddressOutForTenMinutes();
    void kickOrBanOfNobodyOrAHostIsRefused();
    void banClosesEveryConnectionOfTheAddressUntilUnban();
    void lockRefusesNewcomersButNotReturningMembers();
    void passcodeChangeKeepsPeopleInside();
    void aHostsAddressIsNeverBlocked();

private:
    bool start(const QString &passcode = {});
    TestPeer *joinHost(const QString &name);
    TestPeer *joinWith(const QString &name, const QString &passcode);
    std::unique_ptr<RawClient> rawFrom(const QByteArray &source);
    bool rawJoin(RawClient *client, const QString &name, const QString &passcode = {});

    HubFixture f;
    QDateTime m_now = QDateTime(QDate(2026, 11, 23), QTime(14, 0), Qt::UTC);
    const QString m_hostToken = u"0123456789abcdef0123456789abcdef"_s;
};

namespace {

QList<Message> textMessages(const RawClient &client)
{
    QList<Message> messages;
    for (const RawClient::Frame &frame : client.frames()) {
        if (frame.opcode != 1)
            continue;
        if (auto message = Protocol::decode(QByteArrayView(frame.payload)))
            messages.append(*message);
    }
    return messages;
}

bool hasType(const RawClient &client, Type type)
{
    const QList<Message> messages = textMessages(client);
    return std::any_of(messages.cbegin(), messages.cend(),
                       [type](const Message &m) { return m.type == type; });
}

Message joinMessage(const QString &name, const QString &passcode, const QString &hostToken = {})
{
    Message join = Protocol::join(name);
    join.passcode = passcode;
    join.hostToken = hostToken;
    return join;
}

// The code of the error the peer gets next (waiting for it), or "" if none came.
QString nextError(TestPeer *peer)
{
    const auto error = peer->next(Type::Error);
    return error ? error->code : QString();
}

// Everything sent to the peer before this call has arrived once this returns true.
bool drained(TestPeer *peer)
{
    peer->send(Protocol::ping());
    return peer->next(Type::Pong).has_value();
}

bool received(TestPeer *peer, Type type)
{
    const auto &queue = peer->queue();
    return std::any_of(queue.cbegin(), queue.cend(),
                       [type](const Message &m) { return m.type == type; });
}

} // namespace

bool TestAccessHub::start(const QString &passcode)
{
    HubConfig config;
    config.passcode = passcode;
    config.hostToken = m_hostToken;
    config.clock = [this] { return m_now; };
    config.closeGrace = std::chrono::milliseconds(200); // clients here never answer a close
    return f.start(config);
}

void TestAccessHub::cleanup()
{
    f.peers.clear();
    f.hub.reset();
}

TestPeer *TestAccessHub::joinHost(const QString &name)
{
    TestPeer *peer = f.connect();
    if (!peer)
        return nullptr;
    peer->send(joinMessage(name, {}, m_hostToken));
    const auto welcome = peer->next(Type::Welcome);
    return welcome && welcome->host ? peer : nullptr;
}

TestPeer *TestAccessHub::joinWith(const QString &name, const QString &passcode)
{
    TestPeer *peer = f.connect();
    if (!peer)
        return nullptr;
    peer->send(joinMessage(name, passcode));
    return peer->next(Type::Welcome) ? peer : nullptr;
}

std::unique_ptr<RawClient> TestAccessHub::rawFrom(const QByteArray &source)
{
    auto client = std::make_unique<RawClient>();
    client->setSourceAddress(source);
    return client->open(f.port) ? std::move(client) : nullptr;
}

bool TestAccessHub::rawJoin(RawClient *client, const QString &name, const QString &passcode)
{
    return client->sendText(Protocol::encode(joinMessage(name, passcode)))
            && client->readUntil([client] { return hasType(*client, Type::Welcome); });
}

void TestAccessHub::passcodeIsRequiredAndConnectionStaysOpen()
{
    QVERIFY(start(u"tulip-42"_s));
    TestPeer *alice = f.connect();
    QVERIFY(alice);
    alice->send(Protocol::join(u"alice"_s));
    QCOMPARE(nextError(alice), ErrorCode::PasscodeRequired.toString());
    alice->send(joinMessage(u"alice"_s, u"tulip-41"_s));
    QCOMPARE(nextError(alice), ErrorCode::WrongPasscode.toString());
    alice->send(joinMessage(u"alice"_s, u"tulip-42"_s));
    const auto welcome = alice->next(Type::Welcome);
    QVERIFY(welcome);
    QCOMPARE(welcome->you, u"alice"_s);
    QVERIFY(!welcome->host);
    QVERIFY(!alice->isClosed());
}

void TestAccessHub::tooManyTriesRefuseTheAddressButNeverTheHost()
{
    QVERIFY(start(u"right"_s));
    TestPeer *guesser = f.connect();
    QVERIFY(guesser);
    for (int i = 0; i <= Access::MaxWrongTries; ++i) {
        guesser->send(joinMessage(u"g"_s, u"wrong"_s));
        QCOMPARE(nextError(guesser), ErrorCode::WrongPasscode.toString());
    }
    guesser->send(joinMessage(u"g"_s, u"right"_s));
    QCOMPARE(nextError(guesser), ErrorCode::TooManyTries.toString());
    // Another loopback client is the same address: refused too.
    TestPeer *other = f.connect();
    QVERIFY(other);
    other->send(joinMessage(u"o"_s, u"right"_s));
    QCOMPARE(nextError(other), ErrorCode::TooManyTries.toString());
    // The host's own client never is.
    QVERIFY(joinHost(u"host"_s));
    // Another address is not affected.
    auto elsewhere = rawFrom("127.0.0.2");
    QVERIFY(elsewhere);
    QVERIFY(rawJoin(elsewhere.get(), u"e"_s, u"right"_s));
    // A minute later the address may try again.
    m_now = m_now.addSecs(61);
    guesser->send(joinMessage(u"g"_s, u"right"_s));
    QVERIFY(guesser->next(Type::Welcome));
}

void TestAccessHub::nothingOfTheRoomBeforeThePasscode()
{
    QVERIFY(start(u"tulip-42"_s));
    TestPeer *lurker = f.connect();
    TestPeer *alice = joinWith(u"alice"_s, u"tulip-42"_s);
    QVERIFY(lurker && alice);
    QVERIFY(joinWith(u"bob"_s, u"tulip-42"_s));
    QVERIFY(alice->next(Type::Joined)); // bob
    alice->send(Protocol::chat(u"secret plans"_s));
    QVERIFY(alice->nextChat());
    QVERIFY(drained(lurker));
    QVERIFY2(lurker->queue().isEmpty(), "a lurker received something of the room");

    lurker->send(Protocol::historyRequest(std::nullopt));
    QCOMPARE(nextError(lurker), ErrorCode::PasscodeRequired.toString());
    lurker->send(Protocol::searchRequest(u"secret"_s));
    QCOMPARE(nextError(lurker), ErrorCode::PasscodeRequired.toString());
    lurker->send(Protocol::chat(u"let me in"_s, u"m-1"_s));
    const auto error = lurker->next(Type::Error);
    QVERIFY(error);
    QCOMPARE(error->code, ErrorCode::PasscodeRequired.toString());
    QCOMPARE(error->id, u"m-1"_s);
    lurker->sendRaw(u"plain text"_s);
    QCOMPARE(nextError(lurker), ErrorCode::PasscodeRequired.toString());
    // No guest was made: alice heard of nobody joining, and nothing was said.
    QVERIFY(drained(alice));
    QVERIFY(!received(alice, Type::Joined));
    QVERIFY(!received(alice, Type::Chat));
    QVERIFY(drained(lurker));
    QVERIFY(!received(lurker, Type::Chat) && !received(lurker, Type::Welcome));
    QCOMPARE(f.hub->joinedCount(), 2);
}

void TestAccessHub::roomJsonHidesPeopleBehindAPasscode()
{
    QVERIFY(start(u"tulip-42"_s));
    QVERIFY(joinWith(u"alice"_s, u"tulip-42"_s));
    RawClient http;
    QVERIFY(http.connectTcp(f.port));
    QVERIFY(http.sendBytes("GET /room.json HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
    QVERIFY(http.readUntil([&http] { return http.atEnd(); }));
    const QByteArray body = http.received().mid(http.received().indexOf("\r\n\r\n") + 4);
    QCOMPARE(body, QByteArray(R"({"passcode":true,"room":"Lobby"})"));
    QVERIFY(!http.received().contains("tulip"));
}

void TestAccessHub::nonHostsCannotModerate()
{
    QVERIFY(start());
    TestPeer *alice = f.joined(u"alice"_s);
    TestPeer *lurker = f.connect();
    QVERIFY(alice && lurker && f.joined(u"bob"_s));
    for (TestPeer *peer : {alice, lurker}) {
        for (const Message &request :
             {Protocol::kick(u"bob"_s), Protocol::ban(u"bob"_s), Protocol::unban(u"127.0.0.1"_s),
              Protocol::lock(true), Protocol::passcodeRequest(u"mine"_s)}) {
            peer->send(request);
            QCOMPARE(nextError(peer), ErrorCode::NotHost.toString());
        }
    }
    // A wrong host token is refused, and the connection stays.
    TestPeer *pretender = f.connect();
    QVERIFY(pretender);
    pretender->send(joinMessage(u"p"_s, {}, u"ffffffffffffffffffffffffffffffff"_s));
    QCOMPARE(nextError(pretender), ErrorCode::WrongHostToken.toString());
    // Nothing happened: bob is there, the room is open and has no passcode.
    TestPeer *carol = f.joined(u"carol"_s);
    QVERIFY(carol);
    QCOMPARE(f.hub->joinedCount(), 3);
    QVERIFY(!received(alice, Type::Moderation));
}

void TestAccessHub::hostRightsInWelcomeJoinedAndAccess()
{
    QVERIFY(start(u"tulip-42"_s));
    TestPeer *alice = joinWith(u"alice"_s, u"tulip-42"_s);
    QVERIFY(alice);
    TestPeer *host = f.connect();
    QVERIFY(host);
    host->send(joinMessage(u"bob"_s, {}, m_hostToken)); // no passcode needed
    const auto welcome = host->next(Type::Welcome);
    QVERIFY(welcome);
    QVERIFY(welcome->host);
    QCOMPARE(welcome->hosts, QStringList{u"bob"_s});
    const auto access = host->next(Type::Access);
    QVERIFY(access);
    QCOMPARE(access->passcode, u"tulip-42"_s);
    QVERIFY(!access->locked);
    QVERIFY(access->blocked.isEmpty());

    const auto joined = alice->next(Type::Joined);
    QVERIFY(joined);
    QCOMPARE(joined->name, u"bob"_s);
    QVERIFY(joined->host);
    // Only hosts get `access`; a later welcome lists the hosts.
    TestPeer *carol = joinWith(u"carol"_s, u"tulip-42"_s);
    QVERIFY(carol);
    const auto carolJoined = host->next(Type::Joined);
    QVERIFY(carolJoined && !carolJoined->host);
    QVERIFY(drained(alice));
    QVERIFY(!received(alice, Type::Access));
    TestPeer *dave = f.connect();
    QVERIFY(dave);
    dave->send(joinMessage(u"dave"_s, u"tulip-42"_s));
    const auto daveWelcome = dave->next(Type::Welcome);
    QVERIFY(daveWelcome);
    QCOMPARE(daveWelcome->hosts, QStringList{u"bob"_s});
    QVERIFY(!daveWelcome->host);
}

void TestAccessHub::kickClosesAndKeepsTheAddressOutForTenMinutes()
{
    QVERIFY(start());
    TestPeer *host = joinHost(u"host"_s);
    TestPeer *bob = f.joined(u"bob"_s);
    QVERIFY(host && bob && host->next(Type::Access));
    auto mallory = rawFrom("127.0.0.2");
    QVERIFY(mallory);
    QVERIFY(rawJoin(mallory.get(), u"mallory"_s));

    host->send(Protocol::kick(u"mallory"_s));
    QVERIFY(mallory->readUntil([&] { return mallory->closeCode() != -1; }));
    QCOMPARE(mallory->closeCode(), CloseCode::Kicked);
    QVERIFY(!hasType(*mallory, Type::Moderation));

    const auto moderation = bob->next(Type::Moderation);
    QVERIFY(moderation);
    QCOMPARE(moderation->action, ModerationAction::Kick.toString());
    QCOMPARE(moderation->by, u"host"_s);
    QCOMPARE(moderation->name, u"mallory"_s);
    const auto left = bob->next(Type::Left);
    QVERIFY(left);
    QCOMPARE(left->name, u"mallory"_s);
    QCOMPARE(left->reason, Protocol::LeaveReason::Kicked.toString());

    const auto access = host->next(Type::Access);
    QVERIFY(access);
    const QList<Protocol::BlockedAddress> blocked{
            {u"127.0.0.2"_s, u"mallory"_s, false, m_now.addSecs(600)}};
    QCOMPARE(access->blocked, blocked);

    // Within ten minutes the address is closed 4001 right after the handshake, told nothing.
    m_now = m_now.addSecs(599);
    auto again = rawFrom("127.0.0.2");
    QVERIFY(again);
    QVERIFY(again->readUntil([&] { return again->closeCode() != -1; }));
    QCOMPARE(again->closeCode(), CloseCode::Kicked);
    QVERIFY(textMessages(*again).isEmpty());

    // Then it may come back.
    m_now = m_now.addSecs(2);
    auto later = rawFrom("127.0.0.2");
    QVERIFY(later);
    QVERIFY(rawJoin(later.get(), u"mallory"_s));
}

void TestAccessHub::kickOrBanOfNobodyOrAHostIsRefused()
{
    QVERIFY(start());
    TestPeer *host = joinHost(u"host"_s);
    QVERIFY(host && joinHost(u"cohost"_s));
    host->send(Protocol::kick(u"nobody"_s));
    QCOMPARE(nextError(host), ErrorCode::NoSuchPerson.toString());
    host->send(Protocol::ban(u"nobody"_s));
    QCOMPARE(nextError(host), ErrorCode::NoSuchPerson.toString());
    host->send(Protocol::kick(u"cohost"_s));
    QCOMPARE(nextError(host), ErrorCode::NotAllowed.toString());
    host->send(Protocol::ban(u"cohost"_s));
    QCOMPARE(nextError(host), ErrorCode::NotAllowed.toString());
    QCOMPARE(f.hub->joinedCount(), 2);
}

void TestAccessHub::banClosesEveryConnectionOfTheAddressUntilUnban()
{
    QVERIFY(start());
    TestPeer *host = joinHost(u"host"_s);
    TestPeer *bob = f.joined(u"bob"_s);
    QVERIFY(host && bob && host->next(Type::Access));
    auto mallory = rawFrom("127.0.0.2");
    auto malloryLurker = rawFrom("127.0.0.2");
    QVERIFY(mallory && malloryLurker);
    QVERIFY(rawJoin(mallory.get(), u"mallory"_s));

    host->send(Protocol::ban(u"mallory"_s));
    for (RawClient *client : {mallory.get(), malloryLurker.get()}) {
        QVERIFY(client->readUntil([client] { return client->closeCode() != -1; }));
        QCOMPARE(client->closeCode(), CloseCode::Banned);
    }
    const auto moderation = bob->next(Type::Moderation);
    QVERIFY(moderation);
    QCOMPARE(moderation->action, ModerationAction::Ban.toString());
    const auto left = bob->next(Type::Left);
    QVERIFY(left);
    QCOMPARE(left->reason, Protocol::LeaveReason::Banned.toString());
    const auto access = host->next(Type::Access);
    QVERIFY(access);
    const QList<Protocol::BlockedAddress> blocked{{u"127.0.0.2"_s, u"mallory"_s, true, {}}};
    QCOMPARE(access->blocked, blocked);

    m_now = m_now.addDays(2); // a ban does not wear off
    auto again = rawFrom("127.0.0.2");
    QVERIFY(again);
    QVERIFY(again->readUntil([&] { return again->closeCode() != -1; }));
    QCOMPARE(again->closeCode(), CloseCode::Banned);

    host->send(Protocol::unban(u"127.0.0.2"_s));
    const auto unban = bob->next(Type::Moderation);
    QVERIFY(unban);
    QCOMPARE(unban->action, ModerationAction::Unban.toString());
    QVERIFY(unban->name.isEmpty());
    const auto cleared = host->next(Type::Access);
    QVERIFY(cleared && cleared->blocked.isEmpty());
    auto back = rawFrom("127.0.0.2");
    QVERIFY(back);
    QVERIFY(rawJoin(back.get(), u"mallory"_s));
}

void TestAccessHub::lockRefusesNewcomersButNotReturningMembers()
{
    QVERIFY(start());
    TestPeer *host = joinHost(u"host"_s);
    TestPeer *bob = f.connect();
    QVERIFY(host && bob && host->next(Type::Access));
    const auto bobWelcome = bob->join(u"bob"_s);
    QVERIFY(bobWelcome);

    host->send(Protocol::lock(true));
    const auto locked = bob->next(Type::Moderation);
    QVERIFY(locked);
    QCOMPARE(locked->action, ModerationAction::Lock.toString());
    const auto access = host->next(Type::Access);
    QVERIFY(access && access->locked);

    TestPeer *newcomer = f.connect();
    QVERIFY(newcomer);
    newcomer->send(Protocol::join(u"eve"_s));
    QCOMPARE(nextError(newcomer), ErrorCode::Locked.toString());
    Message invented = Protocol::join(u"eve"_s);
    invented.token = u"00000000000000000000000000000000"_s;
    newcomer->send(invented);
    QCOMPARE(nextError(newcomer), ErrorCode::Locked.toString());
    newcomer->send(Protocol::chat(u"as a guest then"_s));
    QCOMPARE(nextError(newcomer), ErrorCode::Locked.toString());
    QVERIFY(!newcomer->isClosed());

    // bob's connection breaks; he comes back with the token the room gave him.
    bob->socket().close();
    QVERIFY(bob->waitClosed());
    QVERIFY(host->next(Type::Left));
    TestPeer *bobAgain = f.connect();
    QVERIFY(bobAgain);
    Message resume = Protocol::join(u"bob"_s);
    resume.token = bobWelcome->token;
    resume.instance = bobWelcome->instance;
    resume.after = bobWelcome->seq;
    bobAgain->send(resume);
    QVERIFY(bobAgain->next(Type::Welcome));

    host->send(Protocol::lock(false));
    const auto unlocked = bobAgain->next(Type::Moderation);
    QVERIFY(unlocked);
    QCOMPARE(unlocked->action, ModerationAction::Unlock.toString());
    newcomer->send(Protocol::join(u"eve"_s));
    QVERIFY(newcomer->next(Type::Welcome));
}

void TestAccessHub::passcodeChangeKeepsPeopleInside()
{
    QVERIFY(start());
    TestPeer *host = joinHost(u"host"_s);
    TestPeer *alice = f.joined(u"alice"_s);
    QVERIFY(host && alice && host->next(Type::Access));
    QSignalSpy changed(f.hub.get(), &ChatHub::passcodeChanged);

    host->send(Protocol::passcodeRequest(u"tulip-42"_s));
    const auto set = alice->next(Type::Moderation);
    QVERIFY(set);
    QCOMPARE(set->action, ModerationAction::PasscodeSet.toString());
    QCOMPARE(set->by, u"host"_s);
    const auto access = host->next(Type::Access);
    QVERIFY(access);
    QCOMPARE(access->passcode, u"tulip-42"_s);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toString(), u"tulip-42"_s);

    // alice stays and speaks; a newcomer needs the new passcode.
    alice->send(Protocol::chat(u"still here"_s));
    QVERIFY(host->nextChat());
    TestPeer *newcomer = f.connect();
    QVERIFY(newcomer);
    newcomer->send(Protocol::join(u"eve"_s));
    QCOMPARE(nextError(newcomer), ErrorCode::PasscodeRequired.toString());
    newcomer->send(joinMessage(u"eve"_s, u"tulip-42"_s));
    QVERIFY(newcomer->next(Type::Welcome));

    // The console (or the window's menu) removes it.
    f.hub->setPasscode({});
    const auto removed = alice->next(Type::Moderation);
    QVERIFY(removed);
    QCOMPARE(removed->action, ModerationAction::PasscodeRemoved.toString());
    QCOMPARE(removed->by, u"host"_s);
    QVERIFY(f.joined(u"frank"_s));
    QCOMPARE(f.hub->joinedCount(), 4);
}

void TestAccessHub::aHostsAddressIsNeverBlocked()
{
    QVERIFY(start());
    TestPeer *host = joinHost(u"host"_s);
    TestPeer *guest = f.joined(u"guest"_s); // the same loopback address as the host
    QVERIFY(host && guest);
    host->send(Protocol::kick(u"guest"_s));
    QVERIFY(guest->waitClosed());
    QCOMPARE(guest->closeCode(), CloseCode::Kicked);
    QVERIFY(f.joined(u"someone"_s)); // the host's address is not shut out
}

QTEST_GUILESS_MAIN(TestAccessHub)
#include "tst_accesshub.moc"
