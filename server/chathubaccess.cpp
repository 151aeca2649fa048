// ChatHub's access layer (docs/PROTOCOL.md, "Access"): who may enter, host rights and the hosts'
// moderation. The rules are Access's (access.h); these functions only apply its answers to the
// connections.
#include "chathub.h"

#include "logging.h"

using namespace Qt::StringLiterals;
using Protocol::Message;
using Protocol::Type;
namespace CloseCode = Protocol::CloseCode;
namespace ErrorCode = Protocol::ErrorCode;
namespace LeaveReason = Protocol::LeaveReason;
namespace ModerationAction = Protocol::ModerationAction;

namespace {

// Longer passcodes are refused: nobody types them, and they would only fill logs of errors.
constexpr qsizetype MaxPasscodeLength = 256;

// The name shown in a moderation message when it comes from outside the room (the console, the
// hosting window's menu before its own client joined).
const QString consoleHost = u"host"_s;

QString refusalText(QStringView code)
{
    if (code == ErrorCode::PasscodeRequired)
        return u"This room needs a passcode."_s;
    if (code == ErrorCode::WrongPasscode)
        return u"That passcode is not the room's."_s;
    if (code == ErrorCode::TooManyTries)
        return u"Too many wrong tries from your address; try again in a minute."_s;
    if (code == ErrorCode::WrongHostToken)
        return u"That host link is not valid for this room."_s;
    if (code == ErrorCode::Locked)
        return u"The room is locked: no new people may join."_s;
    return u"Not allowed."_s;
}

} // namespace

QDateTime ChatHub::wallNow() const
{
    return m_config.clock ? m_config.clock() : QDateTime::currentDateTimeUtc();
}

bool ChatHub::admitConnection(Peer *peer)
{
    const std::optional<int> code
            = m_access.blockedCloseCode(peer->socket->peerAddress(), wallNow());
    if (!code)
        return true;
    qCInfo(lcHub) << "refusing" << peer->socket->peerString() << ": the address is"
                  << (*code == CloseCode::Banned ? "banned" : "kicked");
    // Before anything of the room: this connection has not even been sent a byte.
    if (*code == CloseCode::Banned)
        closePeer(peer, *code, u"banned by the host"_s, LeaveReason::Banned);
    else
        closePeer(peer, *code, u"removed by the host"_s, LeaveReason::Kicked);
    return false;
}

bool ChatHub::admitJoin(Peer *peer, const Message &join)
{
    const Access::JoinVerdict verdict
            = m_access.checkJoin(peer->socket->peerAddress(), join, wallNow());
    if (verdict.triesExceeded) {
        qCWarning(lcHub) << "too many wrong passcodes or host tokens from"
                         << Access::addressKey(peer->socket->peerAddress())
                         << "- its joins are refused for a minute";
    }
    if (!verdict.refusal.isEmpty()) {
        sendError(peer, verdict.refusal, refusalText(verdict.refusal));
        return false;
    }
    peer->host = verdict.host;
    return true;
}

bool ChatHub::refuseBeforeJoin(Peer *peer, bool asGuest, const QString &chatId)
{
    if (!peer->name.isEmpty())
        return false;
    QStringView code;
    if (m_access.hasPasscode())
        code = ErrorCode::PasscodeRequired;
    else if (asGuest && m_access.isLocked())
        code = ErrorCode::Locked;
    if (code.isEmpty())
        return false;
    sendError(peer, code, refusalText(code), chatId);
    return true;
}

bool ChatHub::seesTheRoom(const Peer *peer) const
{
    return !peer->name.isEmpty() || !m_access.hasPasscode();
}

QStringList ChatHub::hostNames() const
{
    QStringList names;
    for (const Peer *member : m_members) {
        if (member->host)
            names.append(member->name);
    }
    names.sort(Qt::CaseInsensitive);
    return names;
}

void ChatHub::completeWelcome(Peer *peer, Message *welcome)
{
    welcome->host = peer->host;
    welcome->hosts = hostNames();
    // Its owner may come back with it while the room is locked.
    m_access.rememberToken(welcome->token);
}

void ChatHub::sendAccessToHosts()
{
    const QByteArray frame = WsFrame::text(Protocol::encode(m_access.snapshot(wallNow())));
    for (Peer *member : std::as_const(m_members)) {
        if (member->host)
            deliver(member, frame);
    }
}

void ChatHub::announceModeration(QStringView action, const QString &by, const QString &name,
                                 const Peer *except)
{
    Message moderation;
    moderation.type = Type::Moderation;
    moderation.action = action.toString();
    moderation.by = by;
    moderation.name = name;
    moderation.time = QDateTime::currentDateTimeUtc();
    broadcastToJoined(WsFrame::text(Protocol::encode(moderation)), except);
}

void ChatHub::handleModeration(Peer *peer, const Message &message)
{
    if (!peer->host) {
        sendError(peer, ErrorCode::NotHost, u"Only a host may do that."_s);
        return;
    }
    switch (message.type) {
    case Type::Kick:
    case Type::Ban: {
        Peer *target = nullptr;
        for (Peer *member : std::as_const(m_members)) {
            if (member->name == message.name && !member->closing)
                target = member;
        }
        if (!target) {
            sendError(peer, ErrorCode::NoSuchPerson,
                      u"Nobody called \"%1\" is in the room."_s.arg(message.name));
            return;
        }
        if (target->host) {
            sendError(peer, ErrorCode::NotAllowed, u"A host cannot be removed."_s);
            return;
        }
        removePerson(peer, target, message.type == Type::Ban);
        return;
    }
    case Type::Unban:
        if (!m_access.unban(message.address)) {
            sendTo(peer, m_access.snapshot(wallNow())); // nothing changed: the host sees so
            return;
        }
        qCInfo(lcHub) << peer->name << "let" << message.address << "back in";
        announceModeration(ModerationAction::Unban, peer->name);
        break;
    case Type::Lock:
        if (m_access.isLocked() == message.locked) {
            sendTo(peer, m_access.snapshot(wallNow()));
            return;
        }
        m_access.setLocked(message.locked);
        qCInfo(lcHub) << "room" << (message.locked ? "locked" : "unlocked") << "by" << peer->name;
        announceModeration(message.locked ? ModerationAction::Lock : ModerationAction::Unlock,
                           peer->name);
        break;
    case Type::Passcode:
        if (message.passcode.size() > MaxPasscodeLength) {
            sendError(peer, ErrorCode::BadMessage, u"The passcode is too long."_s);
            return;
        }
        changePasscode(peer->name, message.passcode);
        return;
    default:
        return;
    }
    sendAccessToHosts();
}

void ChatHub::removePerson(Peer *host, Peer *target, bool ban)
{
    const QHostAddress address = target->socket->peerAddress();
    const QString key = Access::addressKey(address);
    const QString name = target->name;
    // An address a host connects from is never blocked: the host's own client would be shut out
    // with it (on one machine, every loopback guest shares the host's address). The person still
    // goes.
    bool hostsAddress = false;
    for (const Peer *member : std::as_const(m_members))
        hostsAddress = hostsAddress
                || (member->host && Access::addressKey(member->socket->peerAddress()) == key);
    if (hostsAddress)
        qCInfo(lcHub) << name << "shares an address with a host: removed, the address not blocked";
    else if (ban)
        m_access.ban(address, name);
    else
        m_access.kick(address, name, wallNow());
    qCInfo(lcHub) << host->name << (ban ? "banned" : "kicked") << name << "at" << key;

    // The others hear of it first, then (from onDisconnected) that the person left; the person
    // is told by the close code.
    announceModeration(ban ? ModerationAction::Ban : ModerationAction::Kick, host->name, name,
                       target);
    const int code = ban ? CloseCode::Banned : CloseCode::Kicked;
    const QString why = ban ? u"banned by the host"_s : u"removed by the host"_s;
    const QStringView reason = ban ? LeaveReason::Banned : LeaveReason::Kicked;
    closePeer(target, code, why, reason);
    if (ban && !hostsAddress) {
        for (size_t i = 0; i < m_peers.size(); ++i) {
            Peer *other = m_peers[i].get();
            if (Access::addressKey(other->socket->peerAddress()) == key)
                closePeer(other, code, why, reason);
        }
    }
    sendAccessToHosts();
}

void ChatHub::changePasscode(const QString &by, const QString &passcode)
{
    const bool had = m_access.hasPasscode();
    m_access.setPasscode(passcode);
    if (!had && !m_access.hasPasscode())
        return;
    qCInfo(lcHub) << "passcode" << (m_access.hasPasscode() ? "set" : "removed") << "by" << by;
    announceModeration(m_access.hasPasscode() ? ModerationAction::PasscodeSet
                                              : ModerationAction::PasscodeRemoved,
                       by);
    sendAccessToHosts();
    Q_EMIT passcodeChanged(m_access.passcode());
}

void ChatHub::setPasscode(const QString &passcode)
{
    if (passcode.size() <= MaxPasscodeLength)
        changePasscode(consoleHost, passcode);
}
