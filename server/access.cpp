#include "access.h"

#include <QCryptographicHash>

#include <algorithm>

using namespace Qt::StringLiterals;
namespace ErrorCode = Protocol::ErrorCode;

namespace {

// Equal without telling, by how long it took, how much of a guess was right: both sides are
// hashed (which also hides the length) and the digests compared in full.
bool equalInConstantTime(const QString &a, const QString &b)
{
    const QByteArray x = QCryptographicHash::hash(a.toUtf8(), QCryptographicHash::Sha256);
    const QByteArray y = QCryptographicHash::hash(b.toUtf8(), QCryptographicHash::Sha256);
    unsigned char difference = 0;
    for (qsizetype i = 0; i < x.size(); ++i)
        difference |= static_cast<unsigned char>(x[i] ^ y[i]);
    return difference == 0;
}

// Stale tries are swept once the table holds this many addresses, so it stays bounded.
constexpr qsizetype TriesSweepAt = 4096;

} // namespace

bool Access::isHostToken(const QString &token) const
{
    return !m_hostToken.isEmpty() && !token.isEmpty() && equalInConstantTime(token, m_hostToken);
}

void Access::setPasscode(const QString &passcode)
{
    m_passcode = passcode.normalized(QString::NormalizationForm_C);
}

void Access::rememberToken(const QString &token)
{
    if (!token.isEmpty())
        m_tokens.insert(token);
}

QString Access::addressKey(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4)
        return QHostAddress(v4).toString();
    QHostAddress plain = address;
    plain.setScopeId({});
    return plain.toString();
}

Access::JoinVerdict Access::checkJoin(const QHostAddress &address, const Protocol::Message &join,
                                      const QDateTime &now)
{
    JoinVerdict verdict;
    // The host's own client is never refused, whatever its address did.
    if (isHostToken(join.hostToken)) {
        verdict.host = true;
        return verdict;
    }
    const QString key = addressKey(address);
    const qint64 nowMs = now.toMSecsSinceEpoch();
    const auto tries = m_tries.constFind(key);
    if (tries != m_tries.cend() && tries->refusedUntil > nowMs) {
        verdict.refusal = ErrorCode::TooManyTries;
        return verdict;
    }
    if (!join.hostToken.isEmpty()) {
        verdict.triesExceeded = countWrongTry(key, nowMs);
        verdict.refusal = ErrorCode::WrongHostToken;
        return verdict;
    }
    if (hasPasscode()) {
        if (join.passcode.isEmpty()) {
            verdict.refusal = ErrorCode::PasscodeRequired;
            return verdict;
        }
        if (!equalInConstantTime(join.passcode.normalized(QString::NormalizationForm_C),
                                 m_passcode)) {
            verdict.triesExceeded = countWrongTry(key, nowMs);
            verdict.refusal = ErrorCode::WrongPasscode;
            return verdict;
        }
    }
    if (m_locked && !m_tokens.contains(join.token))
        verdict.refusal = ErrorCode::Locked;
    return verdict;
}

bool Access::countWrongTry(const QString &key, qint64 nowMs)
{
    if (m_tries.size() >= TriesSweepAt && !m_tries.contains(key)) {
        m_tries.removeIf([nowMs](const QHash<QString, Tries>::iterator &it) {
            return it->refusedUntil <= nowMs
                    && (it->wrong.empty() || it->wrong.back() <= nowMs - TriesWindowMs);
        });
    }
    Tries &tries = m_tries[key];
    while (!tries.wrong.empty() && tries.wrong.front() <= nowMs - TriesWindowMs)
        tries.wrong.pop_front();
    tries.wrong.push_back(nowMs);
    if (qsizetype(tries.wrong.size()) <= MaxWrongTries)
        return false;
    tries.wrong.clear();
    tries.refusedUntil = nowMs + TriesWindowMs;
    return true;
}

void Access::kick(const QHostAddress &address, const QString &name, const QDateTime &now)
{
    Block &block = m_blocks[addressKey(address)];
    if (block.ban)
        return; // a ban outlasts any kick
    block.name = name;
    block.until = now.addMSecs(KickMs).toUTC();
}

void Access::ban(const QHostAddress &address, const QString &name)
{
    Block &block = m_blocks[addressKey(address)];
    block.name = name;
    block.ban = true;
    block.until = {};
}

bool Access::unban(const QString &address)
{
    const QHostAddress parsed(address);
    return m_blocks.remove(parsed.isNull() ? address : addressKey(parsed)) > 0;
}

void Access::dropExpired(const QDateTime &now)
{
    m_blocks.removeIf([&now](const QHash<QString, Block>::iterator &it) {
        return !it->ban && it->until <= now;
    });
}

std::optional<int> Access::blockedCloseCode(const QHostAddress &address, const QDateTime &now)
{
    dropExpired(now);
    const auto block = m_blocks.constFind(addressKey(address));
    if (block == m_blocks.cend())
        return std::nullopt;
    return block->ban ? Protocol::CloseCode::Banned : Protocol::CloseCode::Kicked;
}

Protocol::Message Access::snapshot(const QDateTime &now)
{
    dropExpired(now);
    Protocol::Message access;
    access.type = Protocol::Type::Access;
    access.passcode = m_passcode;
    access.locked = m_locked;
    for (auto it = m_blocks.cbegin(); it != m_blocks.cend(); ++it)
        access.blocked.append({it.key(), it->name, it->ban, it->until});
    std::sort(access.blocked.begin(), access.blocked.end(),
              [](const Protocol::BlockedAddress &a, const Protocol::BlockedAddress &b) {
                  return a.address < b.address;
              });
    return access;
}
