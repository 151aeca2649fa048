#include "chatclient.h"

#include <QWebSocket>

#include "clientlog.h"

// ChatClient's side of docs/PROTOCOL.md, "Access": the passcode and host token a join carries,
// refused joins, host rights and the host's requests.

using namespace Qt::StringLiterals;

bool ChatClient::isAccessRefusal(QStringView code)
{
    using namespace Protocol::ErrorCode;
    return code == PasscodeRequired || code == WrongPasscode || code == TooManyTries
            || code == Locked || code == WrongHostToken;
}

void ChatClient::setHostToken(const QUrl &url, const QString &token)
{
    if (token.isEmpty())
        m_hostTokens.remove(url);
    else
        m_hostTokens.insert(url, token);
}

void ChatClient::setPasscode(const QUrl &url, const QString &passcode)
{
    if (passcode.isEmpty())
        m_passcodes.remove(url);
    else
        m_passcodes.insert(url, passcode);
}

void ChatClient::submitPasscode(const QString &passcode)
{
    if (m_url.isEmpty())
        return;
    m_passcodes.insert(m_url, passcode);
    if (m_state != State::Refused)
        return;
    m_refusal.clear();
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState) {
        open();
        return;
    }
    // The hub kept the connection open for another try.
    setState(State::Connecting);
    m_connectTimer.start();
    onConnected();
}

void ChatClient::kick(const QString &name)
{
    if (isHost())
        send(Protocol::kick(name));
}

void ChatClient::ban(const QString &name)
{
    if (isHost())
        send(Protocol::ban(name));
}

void ChatClient::unban(const QString &address)
{
    if (isHost())
        send(Protocol::unban(address));
}

void ChatClient::setLocked(bool locked)
{
    if (isHost())
        send(Protocol::lock(locked));
}

void ChatClient::setRoomPasscode(const QString &passcode)
{
    if (isHost())
        send(Protocol::passcodeRequest(passcode));
}

Protocol::Message ChatClient::joinMessage(const QUrl &url, const QString &name) const
{
    Protocol::Message join = Protocol::join(name);
    join.passcode = m_passcodes.value(url);
    join.hostToken = m_hostTokens.value(url);
    return join;
}

bool ChatClient::onAccessError(const Protocol::Message &error)
{
    if (m_welcomed || !isAccessRefusal(error.code))
        return false;
    qCInfo(lcClient) << m_url.toDisplayString() << "refused the join:" << error.code;
    m_connectTimer.stop();
    m_refusal = error.code;
    setState(State::Refused);
    Q_EMIT accessRefused(error.code);
    return true;
}

bool ChatClient::onAccessFrame(const Protocol::Message &message)
{
    switch (message.type) {
    case Protocol::Type::Moderation:
        Q_EMIT moderated(message);
        return true;
    case Protocol::Type::Access:
        m_access = message;
        Q_EMIT accessChanged(message);
        return true;
    default:
        return false;
    }
}

void ChatClient::updateHostsOn(const Protocol::Message &message)
{
    switch (message.type) {
    case Protocol::Type::Joined:
        if (message.host && !m_hosts.contains(message.name))
            m_hosts.append(message.name);
        break;
    case Protocol::Type::Left:
        m_hosts.removeAll(message.name);
        break;
    case Protocol::Type::Renamed: {
        const qsizetype index = m_hosts.indexOf(message.from);
        if (index >= 0)
            m_hosts[index] = message.to;
        break;
    }
    default:
        break;
    }
}
