#include <QTest>

#include "access.h"

using namespace Qt::StringLiterals;
using Protocol::Message;
namespace ErrorCode = Protocol::ErrorCode;

// The access policy on its own: passcode, host token, tries, kicks, bans and the lock, with the
// time passed in.
class TestAccess : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void noPasscodeAdmitsEveryone();
    void passcodeIsRequiredAndCompared();
    void passcodeIsComparedAfterNfc();
    void sixthWrongTryWithinAMinuteIsRefusedForAMinute();
    void triesAreCountedPerAddress();
    void hostTokenIsNeverRefused();
    void wrongHostTokenIsRefusedAndCounted();
    void kickBlocksForTenMinutes();
    void banBlocksUntilUnbanned();
    void ipv4MappedAddressesAreTheSameAddress();
    void lockAdmitsOnlyTokensGivenOut();
    void snapshotListsTheBlockedAddresses();
};

namespace {

const QDateTime t0 = QDateTime(QDate(2026, 11, 23), QTime(14, 0), Qt::UTC);
const QHostAddress mallory(u"192.168.1.23"_s);
const QHostAddress alice(u"192.168.1.24"_s);
const QString token = u"0123456789abcdef0123456789abcdef"_s;

Message joinWith(const QString &passcode, const QString &hostToken = {},
                 const QString &resumeToken = {})
{
    Message join = Protocol::join(u"x"_s);
    join.passcode = passcode;
    join.hostToken = hostToken;
    join.token = resumeToken;
    return join;
}

Access withPasscode(const QString &passcode)
{
    Access access;
    access.setHostToken(token);
    access.setPasscode(passcode);
    return access;
}

} // namespace

void TestAccess::noPasscodeAdmitsEveryone()
{
    Access access;
    const auto verdict = access.checkJoin(mallory, joinWith({}), t0);
    QVERIFY(verdict.refusal.isEmpty());
    QVERIFY(!verdict.host);
    QVERIFY(access.checkJoin(mallory, joinWith(u"anything"_s), t0).refusal.isEmpty());
}

void TestAccess::passcodeIsRequiredAndCompared()
{
    Access access = withPasscode(u"tulip-42"_s);
    QCOMPARE(access.checkJoin(alice, joinWith({}), t0).refusal, ErrorCode::PasscodeRequired);
    QCOMPARE(access.checkJoin(alice, joinWith(u"tulip-43"_s), t0).refusal,
             ErrorCode::WrongPasscode);
    QCOMPARE(access.checkJoin(alice, joinWith(u"Tulip-42"_s), t0).refusal,
             ErrorCode::WrongPasscode);
    QCOMPARE(access.checkJoin(alice, joinWith(u"tulip-42 "_s), t0).refusal,
             ErrorCode::WrongPasscode);
    QVERIFY(access.checkJoin(alice, joinWith(u"tulip-42"_s), t0).refusal.isEmpty());
}

void TestAccess::passcodeIsComparedAfterNfc()
{
    Access access = withPasscode(u"caf\u00e9"_s); // é precomposed
    QVERIFY(access.checkJoin(alice, joinWith(u"cafe\u0301"_s), t0).refusal.isEmpty());
}

void TestAccess::sixthWrongTryWithinAMinuteIsRefusedForAMinute()
{
    Access access = withPasscode(u"right"_s);
    for (int i = 0; i < Access::MaxWrongTries; ++i) {
        const auto verdict = access.checkJoin(mallory, joinWith(u"wrong"_s), t0.addSecs(i));
        QCOMPARE(verdict.refusal, ErrorCode::WrongPasscode);
        QVERIFY(!verdict.triesExceeded);
    }
    const auto sixth = access.checkJoin(mallory, joinWith(u"wrong"_s), t0.addSecs(10));
    QCOMPARE(sixth.refusal, ErrorCode::WrongPasscode);
    QVERIFY(sixth.triesExceeded); // logged once
    // Even the right passcode is refused for the next minute, without another log line.
    const auto refused = access.checkJoin(mallory, joinWith(u"right"_s), t0.addSecs(11));
    QCOMPARE(refused.refusal, ErrorCode::TooManyTries);
    QVERIFY(!refused.triesExceeded);
    QCOMPARE(access.checkJoin(mallory, joinWith(u"right"_s), t0.addSecs(69)).refusal,
             ErrorCode::TooManyTries);
    QVERIFY(access.checkJoin(mallory, joinWith(u"right"_s), t0.addSecs(70)).refusal.isEmpty());
}

void TestAccess::triesAreCountedPerAddress()
{
    Access access = withPasscode(u"right"_s);
    // Five wrong tries spread beyond a minute never add up to six.
    for (int i = 0; i < 12; ++i) {
        QCOMPARE(access.checkJoin(mallory, joinWith(u"wrong"_s), t0.addSecs(15 * i)).refusal,
                 ErrorCode::WrongPasscode);
    }
    for (int i = 0; i < 6; ++i)
        access.checkJoin(mallory, joinWith(u"wrong"_s), t0.addSecs(200));
    QCOMPARE(access.checkJoin(mallory, joinWith(u"right"_s), t0.addSecs(200)).refusal,
             ErrorCode::TooManyTries);
    // Another address, loopback too, is not affected, and counts like any other.
    QVERIFY(access.checkJoin(alice, joinWith(u"right"_s), t0.addSecs(200)).refusal.isEmpty());
    const QHostAddress loopback(QHostAddress::LocalHost);
    for (int i = 0; i < 6; ++i)
        access.checkJoin(loopback, joinWith(u"wrong"_s), t0.addSecs(200));
    QCOMPARE(access.checkJoin(loopback, joinWith(u"right"_s), t0.addSecs(200)).refusal,
             ErrorCode::TooManyTries);
}

void TestAccess::hostTokenIsNeverRefused()
{
    Access access = withPasscode(u"right"_s);
    const QHostAddress loopback(QHostAddress::LocalHost);
    for (int i = 0; i < 6; ++i)
        access.checkJoin(loopback, joinWith(u"wrong"_s), t0);
    access.setLocked(true);
    access.ban(loopback, u"someone"_s);
    const auto verdict = access.checkJoin(loopback, joinWith({}, token), t0);
    QVERIFY(verdict.refusal.isEmpty());
    QVERIFY(verdict.host);
}

void TestAccess::wrongHostTokenIsRefusedAndCounted()
{
    Access access;
    access.setHostToken(token);
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(access.checkJoin(mallory, joinWith({}, u"guess"_s), t0).refusal,
                 ErrorCode::WrongHostToken);
    }
    QVERIFY(access.checkJoin(mallory, joinWith({}, u"guess"_s), t0).triesExceeded);
    QCOMPARE(access.checkJoin(mallory, joinWith({}, u"guess"_s), t0).refusal,
             ErrorCode::TooManyTries);
    // No host token at all: nothing is a host token.
    Access none;
    QVERIFY(!none.isHostToken({}));
    QCOMPARE(none.checkJoin(alice, joinWith({}, u"x"_s), t0).refusal, ErrorCode::WrongHostToken);
}

void TestAccess::kickBlocksForTenMinutes()
{
    Access access;
    access.kick(mallory, u"mallory"_s, t0);
    QCOMPARE(access.blockedCloseCode(mallory, t0), std::optional<int>(Protocol::CloseCode::Kicked));
    QCOMPARE(access.blockedCloseCode(mallory, t0.addSecs(599)),
             std::optional<int>(Protocol::CloseCode::Kicked));
    QVERIFY(!access.blockedCloseCode(alice, t0));
    QVERIFY(!access.blockedCloseCode(mallory, t0.addSecs(600)));
    QVERIFY(access.snapshot(t0.addSecs(600)).blocked.isEmpty());

    access.kick(mallory, u"mallory"_s, t0);
    QVERIFY(access.unban(u"192.168.1.23"_s));
    QVERIFY(!access.blockedCloseCode(mallory, t0));
    QVERIFY(!access.unban(u"192.168.1.23"_s));
}

void TestAccess::banBlocksUntilUnbanned()
{
    Access access;
    access.ban(mallory, u"mallory"_s);
    access.kick(mallory, u"mallory-2"_s, t0); // does not shorten the ban
    QCOMPARE(access.blockedCloseCode(mallory, t0.addDays(30)),
             std::optional<int>(Protocol::CloseCode::Banned));
    QVERIFY(access.unban(u"192.168.1.23"_s));
    QVERIFY(!access.blockedCloseCode(mallory, t0.addDays(30)));
}

void TestAccess::ipv4MappedAddressesAreTheSameAddress()
{
    Access access;
    access.ban(QHostAddress(u"::ffff:192.168.1.23"_s), u"mallory"_s);
    QCOMPARE(access.blockedCloseCode(mallory, t0), std::optional<int>(Protocol::CloseCode::Banned));
    QCOMPARE(access.snapshot(t0).blocked.value(0).address, u"192.168.1.23"_s);
    QVERIFY(access.unban(u"::ffff:192.168.1.23"_s));
}

void TestAccess::lockAdmitsOnlyTokensGivenOut()
{
    Access access;
    access.rememberToken(u"b3c1e0f4d2a5968c"_s);
    access.setLocked(true);
    QCOMPARE(access.checkJoin(alice, joinWith({}), t0).refusal, ErrorCode::Locked);
    QCOMPARE(access.checkJoin(alice, joinWith({}, {}, u"ffffffffffffffff"_s), t0).refusal,
             ErrorCode::Locked);
    QVERIFY(access.checkJoin(alice, joinWith({}, {}, u"b3c1e0f4d2a5968c"_s), t0).refusal.isEmpty());
    // The passcode still applies to those who were inside.
    access.setPasscode(u"p"_s);
    QCOMPARE(access.checkJoin(alice, joinWith({}, {}, u"b3c1e0f4d2a5968c"_s), t0).refusal,
             ErrorCode::PasscodeRequired);
    access.setLocked(false);
    QVERIFY(access.checkJoin(alice, joinWith(u"p"_s), t0).refusal.isEmpty());
}

void TestAccess::snapshotListsTheBlockedAddresses()
{
    Access access;
    access.setPasscode(u"tulip-42"_s);
    access.setLocked(true);
    access.kick(mallory, u"mallory"_s, t0);
    access.ban(alice, u"eve"_s);
    const Message snapshot = access.snapshot(t0.addSecs(1));
    QCOMPARE(snapshot.type, Protocol::Type::Access);
    QCOMPARE(snapshot.passcode, u"tulip-42"_s);
    QVERIFY(snapshot.locked);
    const QList<Protocol::BlockedAddress> expected{
            {u"192.168.1.23"_s, u"mallory"_s, false, t0.addSecs(600)},
            {u"192.168.1.24"_s, u"eve"_s, true, {}},
    };
    QCOMPARE(snapshot.blocked, expected);
}

QTEST_GUILESS_MAIN(TestAccess)
#include "tst_access.moc"
