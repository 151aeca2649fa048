#include "chatclient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QWebSocket>

#include "clientlog.h"
#include "randomhex.h"

#include <algorithm>

using namespace Qt::StringLiterals;

ChatClient::ChatClient(QObject *parent)
    : QObject(parent)
    , m_idPrefix(Protocol::randomHex(4) + u'-')
{
    m_retryTimer.setSingleShot(true);
    m_connectTimer.setSingleShot(true);
    m_silenceTimer.setSingleShot(true);
    m_pongTimer.setSingleShot(true);
    m_candidateTimer.setSingleShot(true);
    setTiming(Timing{});
    connect(&m_candidateTimer, &QTimer::timeout, this, [this] {
        failSwitch(u"no welcome within %1 ms"_s.arg(m_timing.connectTimeout.count()));
    });

    connect(&m_retryTimer, &QTimer::timeout, this, &ChatClient::open);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        dropLink(u"no welcome within %1 ms"_s.arg(m_timing.connectTimeout.count()));
    });
    connect(&m_silenceTimer, &QTimer::timeout, this, [this] {
        if (!m_socket)
            return;
        qCDebug(lcClient) << "silent link, sending a ping";
        m_socket->ping();
        m_pongTimer.start();
    });
    connect(&m_pongTimer, &QTimer::timeout, this, [this] {
        dropLink(u"no answer to a ping within %1 ms"_s.arg(m_timing.pongTimeout.count()));
    });
}

ChatClient::~ChatClient()
{
    discardCandidate();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->close(QWebSocketProtocol::CloseCodeNormal);
        m_socket->flush();
    }
}

void ChatClient::setTiming(const Timing &timing)
{
    m_timing = timing;
    m_backoff = Backoff(timing.retryInitial, timing.retryMaximum, timing.retryJitter);
    m_connectTimer.setInterval(timing.connectTimeout);
    m_candidateTimer.setInterval(timing.connectTimeout);
    m_silenceTimer.setInterval(timing.pingAfterSilence);
    m_pongTimer.setInterval(timing.pongTimeout);
}

void ChatClient::connectTo(const QUrl &url, const QString &name, const QString &passcode)
{
    enterNewRoom(url, name);
    if (!passcode.isEmpty())
        m_passcodes.insert(url, passcode);
    qCInfo(lcClient) << "joining" << url.toDisplayString() << "as" << m_name;
    open();
}

void ChatClient::switchTo(const QUrl &url, const QString &name, const QString &passcode)
{
    discardCandidate();
    if (m_state == State::Disconnected || m_state == State::Ended || m_state == State::Refused
        || m_state == State::Removed) {
        connectTo(url, name, passcode);
        return;
    }
    if (!passcode.isEmpty())
        m_passcodes.insert(url, passcode);
    m_candidateUrl = url;
    m_candidateName = name.trimmed();
    m_candidateError.clear();
    qCInfo(lcClient) << "trying" << url.toDisplayString() << "before leaving"
                     << m_url.toDisplayString();
    m_candidate = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    QWebSocket *candidate = m_candidate;
    connect(candidate, &QWebSocket::connected, this, [this, candidate] {
        candidate->sendTextMessage(
                Protocol::encodeText(joinMessage(m_candidateUrl, m_candidateName)));
    });
    connect(candidate, &QWebSocket::textMessageReceived, this, &ChatClient::onCandidateFrame);
    connect(candidate, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this, candidate] {
                m_candidateError = candidate->errorString();
                // As in open(): a failed connect may report only the error.
                QMetaObject::invokeMethod(
                        this,
                        [this, candidate] {
                            if (m_candidate == candidate)
                                failSwitch(m_candidateError);
                        },
                        Qt::QueuedConnection);
            });
    connect(candidate, &QWebSocket::disconnected, this, [this, candidate] {
        failSwitch(candidate->closeReason().isEmpty() ? m_candidateError
                                                      : candidate->closeReason());
    });
    m_candidateTimer.start();
    candidate->open(url);
}

void ChatClient::onCandidateFrame(const QString &frame)
{
    const std::optional<Protocol::Message> message = Protocol::decode(frame);
    if (!message)
        return;
    if (message->type == Protocol::Type::Error && isAccessRefusal(message->code)) {
        const QUrl url = m_candidateUrl;
        qCInfo(lcClient) << url.toDisplayString() << "refused the switch:" << message->code;
        discardCandidate();
        Q_EMIT switchRefused(url, message->code);
        return;
    }
    if (message->type == Protocol::Type::Error) {
        failSwitch(message->text.isEmpty() ? message->code : message->text);
        return;
    }
    if (message->type != Protocol::Type::Welcome)
        return;
    // The new room answered: leave the old one and carry on over the new link.
    QWebSocket *socket = std::exchange(m_candidate, nullptr);
    m_candidateTimer.stop();
    socket->disconnect(this);
    const QUrl url = m_candidateUrl;
    const QString name = m_candidateName;
    m_candidateUrl.clear();
    enterNewRoom(url, name);
    m_socket = socket;
    watchSocket(socket);
    noteTraffic();
    qCInfo(lcClient) << "switched to" << url.toDisplayString();
    Q_EMIT switched(url);
    onWelcome(*message);
    emitExtension(frame);
}

void ChatClient::failSwitch(const QString &reason)
{
    if (!m_candidate)
        return;
    const QUrl url = m_candidateUrl;
    const QString why = reason.isEmpty() ? u"closed"_s : reason;
    qCWarning(lcClient) << "staying in" << m_url.toDisplayString() << ":" << url.toDisplayString()
                        << "did not answer:" << why;
    discardCandidate();
    Q_EMIT switchFailed(url, why);
}

void ChatClient::discardCandidate()
{
    m_candidateTimer.stop();
    m_candidateUrl.clear();
    if (!m_candidate)
        return;
    QWebSocket *candidate = std::exchange(m_candidate, nullptr);
    candidate->disconnect(this);
    candidate->abort();
    candidate->deleteLater();
}

void ChatClient::enterNewRoom(const QUrl &url, const QString &name)
{
    leave();
    m_url = url;
    m_name = name.trimmed();
    m_room.clear();
    m_users.clear();
    m_maxText = Protocol::DefaultMaxText;
    m_lastSeq = 0;
    m_instance.clear();
    m_token.clear();
    m_pagingSupported = true;
    m_historyComplete = false;
    m_refusal.clear();
    m_removalCode = 0;
    m_host = false;
    m_hosts.clear();
    m_access = Protocol::Message{};
    m_backoff.reset();
}

void ChatClient::leave()
{
    discardCandidate();
    m_retryTimer.stop();
    if (m_socket) {
        qCInfo(lcClient) << "leaving" << m_url.toDisplayString();
        m_socket->disconnect(this);
        m_socket->close(QWebSocketProtocol::CloseCodeNormal);
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    m_connectTimer.stop();
    m_silenceTimer.stop();
    m_pongTimer.stop();
    m_welcomed = false;
    m_pending.clear();
    setState(State::Disconnected);
}

QString ChatClient::sendChat(const QString &text, const QString &to)
{
    if (checkText(text) != TextCheck::Ok)
        return {};
    PendingMessage message{m_idPrefix + QString::number(++m_idCounter), text, false, to};
    m_pending.append(message);
    Q_EMIT messageQueued(message.id, text, to);
    if (m_welcomed) {
        send(Protocol::chat(text, message.id, to));
        m_pending.last().sent = true;
    } else {
        qCDebug(lcClient) << "offline, queued" << message.id;
    }
    return message.id;
}

void ChatClient::rename(const QString &name)
{
    if (m_welcomed)
        send(Protocol::rename(name.trimmed()));
}

bool ChatClient::requestHistory(std::optional<qint64> before, int limit)
{
    if (!canPage())
        return false;
    ++m_pagingInFlight;
    send(Protocol::historyRequest(before, std::clamp(limit, 1, Protocol::MaxHistoryPage)));
    return true;
}

bool ChatClient::search(const QString &query, std::optional<qint64> before)
{
    if (!canPage() || query.trimmed().isEmpty())
        return false;
    ++m_pagingInFlight;
    send(Protocol::searchRequest(query.trimmed(), before, Protocol::MaxSearchPage));
    return true;
}

void ChatClient::abortConnection()
{
    if (m_socket)
        dropLink(u"aborted on request"_s);
}

ChatClient::TextCheck ChatClient::checkText(const QString &text) const
{
    if (text.trimmed().isEmpty())
        return TextCheck::Empty;
    if (text.size() > m_maxText)
        return TextCheck::TooLong;
    return TextCheck::Ok;
}

int ChatClient::secondsUntilRetry() const
{
    if (m_state != State::Reconnecting || !m_retryTimer.isActive())
        return 0;
    const qint64 left = m_retryDelayMs - m_retryClock.elapsed();
    return int(std::max<qint64>(0, (left + 999) / 1000));
}

bool ChatClient::isPending(const QString &id) const
{
    return pendingIndex(id) >= 0;
}

void ChatClient::open()
{
    discardSocket();
    m_welcomed = false;
    m_lastSocketError.clear();
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    QWebSocket *socket = m_socket;
    connect(socket, &QWebSocket::connected, this, &ChatClient::onConnected);
    watchSocket(socket);
    setState(State::Connecting);
    m_connectTimer.start();
    socket->open(m_url);
}

void ChatClient::watchSocket(QWebSocket *socket)
{
    connect(socket, &QWebSocket::textMessageReceived, this, &ChatClient::onFrame);
    connect(socket, &QWebSocket::pong, this, &ChatClient::noteTraffic);
    connect(socket, &QWebSocket::disconnected, this, [this, socket] {
        const QString reason
                = socket->closeReason().isEmpty() ? m_lastSocketError : socket->closeReason();
        onDropped(reason.isEmpty() ? u"closed"_s : reason, socket->closeCode());
    });
    const quint64 generation = ++m_generation;
    connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this, socket, generation] {
                m_lastSocketError = socket->errorString();
                // A failed connect reports only the error, a broken link also says disconnected:
                // handle whichever comes first, once.
                QMetaObject::invokeMethod(
                        this,
                        [this, generation, reason = m_lastSocketError] {
                            if (m_socket && m_generation == generation)
                                onDropped(reason,
                                          int(QWebSocketProtocol::CloseCodeAbnormalDisconnection));
                        },
                        Qt::QueuedConnection);
            });
}

void ChatClient::discardSocket()
{
    if (!m_socket)
        return;
    m_socket->disconnect(this);
    m_socket->abort();
    m_socket->deleteLater();
    m_socket = nullptr;
}

void ChatClient::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    qCDebug(lcClient) << "state" << state;
    Q_EMIT stateChanged(state);
}

void ChatClient::onConnected()
{
    Protocol::Message join = joinMessage(m_url, m_name);
    if (!m_instance.isEmpty()) {
        join.after = m_lastSeq;
        join.instance = m_instance;
        join.token = m_token;
    }
    send(join);
    noteTraffic();
}

void ChatClient::onFrame(const QString &frame)
{
    noteTraffic();
    qCDebug(lcClientProtocol).noquote() << "in:" << frameForLog(frame);
    Protocol::DecodeError error = Protocol::DecodeError::None;
    const std::optional<Protocol::Message> message = Protocol::decode(frame, &error);
    if (!message) {
        if (error == Protocol::DecodeError::UnknownType)
            emitExtension(frame);
        else
            qCWarning(lcClientProtocol) << "undecodable frame from the hub:" << int(error);
        return;
    }
    if (onAccessFrame(*message))
        return;
    switch (message->type) {
    case Protocol::Type::Welcome:
        onWelcome(*message);
        break;
    case Protocol::Type::Chat:
    case Protocol::Type::File:
        onChat(*message, false);
        break;
    case Protocol::Type::Upload:
        emitExtension(frame);
        break;
    case Protocol::Type::Joined:
        if (!m_users.contains(message->name))
            m_users.append(message->name);
        updateHostsOn(*message);
        Q_EMIT userJoined(message->name, message->time);
        Q_EMIT usersChanged(m_users);
        break;
    case Protocol::Type::Left:
        m_users.removeAll(message->name);
        updateHostsOn(*message);
        Q_EMIT userLeft(message->name, message->reason, message->time);
        Q_EMIT usersChanged(m_users);
        break;
    case Protocol::Type::Renamed: {
        const qsizetype index = m_users.indexOf(message->from);
        if (index >= 0)
            m_users[index] = message->to;
        else if (!m_users.contains(message->to))
            m_users.append(message->to);
        updateHostsOn(*message);
        Q_EMIT userRenamed(message->from, message->to, message->time);
        Q_EMIT usersChanged(m_users);
        if (message->from == m_name) {
            m_name = message->to;
            Q_EMIT nameChanged(m_name);
        }
        break;
    }
    case Protocol::Type::Room:
        m_room = message->room;
        Q_EMIT roomRenamed(m_room);
        break;
    case Protocol::Type::Error:
        onError(*message);
        break;
    case Protocol::Type::History:
    case Protocol::Type::Search:
        m_pagingInFlight = std::max(0, m_pagingInFlight - 1);
        if (message->type == Protocol::Type::History)
            Q_EMIT historyReceived(*message);
        else
            Q_EMIT searchFinished(*message);
        break;
    default: // pong, and client-side types a hub never sends
        break;
    }
    if (message->type == Protocol::Type::Welcome || message->type == Protocol::Type::Error)
        emitExtension(frame);
}

void ChatClient::emitExtension(const QString &frame)
{
    const QJsonDocument document = QJsonDocument::fromJson(frame.toUtf8());
    if (!document.isObject())
        return;
    const QJsonObject message = document.object();
    // Numbered messages of other types (`file`) count for resuming like chat, and come once.
    const qint64 seq = qint64(message.value("seq"_L1).toDouble());
    if (message.value("type"_L1).toString() != u"welcome"_s && seq > 0) {
        if (seq <= m_lastSeq)
            return;
        m_lastSeq = seq;
    }
    Q_EMIT extensionMessage(message);
}

bool ChatClient::sendObject(const QJsonObject &message)
{
    if (!m_welcomed || !m_socket)
        return false;
    const QString frame = QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact));
    qCDebug(lcClientProtocol).noquote() << "out:" << frameForLog(frame);
    m_socket->sendTextMessage(frame);
    return true;
}

void ChatClient::onWelcome(const Protocol::Message &welcome)
{
    const bool resumed = !m_instance.isEmpty() && welcome.instance == m_instance;
    if (!m_instance.isEmpty() && !resumed) {
        qCInfo(lcClient) << "the hub restarted (new instance), seq starts again";
        m_lastSeq = 0;
        Q_EMIT roomRestarted();
    }
    m_connectTimer.stop();
    m_backoff.reset();
    m_welcomed = true;
    m_instance = welcome.instance;
    m_token = welcome.token;
    m_room = welcome.room;
    m_users = welcome.users;
    m_maxText = welcome.maxText > 0 ? welcome.maxText : Protocol::DefaultMaxText;
    m_historyComplete = welcome.historyComplete;
    m_pagingInFlight = 0;
    m_host = welcome.host;
    m_hosts = welcome.hosts;
    m_refusal.clear();
    if (welcome.you != m_name) {
        m_name = welcome.you;
        Q_EMIT nameChanged(m_name);
    }
    qCInfo(lcClient) << "welcomed to" << m_room << "as" << m_name << "resumed" << resumed
                     << "history" << welcome.history.size();
    setState(State::Connected);
    Q_EMIT welcomed(resumed);
    Q_EMIT usersChanged(m_users);
    if (resumed && welcome.truncated)
        Q_EMIT historyTruncated();
    for (const Protocol::Message &chat : welcome.history)
        onChat(chat, true);
    sendPending();
}

void ChatClient::onChat(const Protocol::Message &chat, bool fromHistory)
{
    if (chat.seq > 0 && chat.seq <= m_lastSeq) {
        qCDebug(lcClient) << "duplicate seq" << chat.seq << "ignored";
        return;
    }
    m_lastSeq = std::max(m_lastSeq, chat.seq);
    const qsizetype index = chat.id.isEmpty() ? -1 : pendingIndex(chat.id);
    if (index >= 0) {
        m_pending.removeAt(index);
        Q_EMIT messageConfirmed(chat);
        return;
    }
    const bool own = chat.id.startsWith(m_idPrefix) || chat.from == m_name;
    if (chat.type == Protocol::Type::File)
        Q_EMIT fileReceived(chat, own, fromHistory);
    else
        Q_EMIT chatReceived(chat, own, fromHistory);
}

void ChatClient::onError(const Protocol::Message &error)
{
    qCInfo(lcClient) << "hub error" << error.code << error.text;
    const bool aboutChat = error.code == Protocol::ErrorCode::Empty
            || error.code == Protocol::ErrorCode::TooLong
            || error.code == Protocol::ErrorCode::RateLimited
            || error.code == Protocol::ErrorCode::NoSuchPerson;
    if (aboutChat && !error.id.isEmpty()) {
        // The hub names the refused chat by the id we gave it (every chat we send has one); an
        // error without an id is about something else (a rename, a ping) and fails no message.
        const auto it
                = std::find_if(m_pending.begin(), m_pending.end(),
                               [&error](const PendingMessage &p) { return p.id == error.id; });
        if (it != m_pending.end()) {
            const QString id = it->id;
            m_pending.erase(it);
            Q_EMIT messageFailed(id, error.code);
        }
    }
    // A hub without history and search refuses the request by its type (and names no id).
    if (m_pagingInFlight > 0 && error.id.isEmpty()
        && error.code == Protocol::ErrorCode::UnknownType) {
        qCInfo(lcClient) << "the hub cannot page history:" << error.text;
        m_pagingInFlight = 0;
        m_pagingSupported = false;
        Q_EMIT pagingUnsupported();
    }
    Q_EMIT serverError(error.code, error.text);
    if (onAccessError(error))
        return;
    if (error.code == Protocol::ErrorCode::BadName && !m_welcomed) {
        qCWarning(lcClient) << "the hub refused the name" << m_name;
        leave();
    }
}

void ChatClient::onDropped(const QString &reason, int closeCode)
{
    if (!m_socket)
        return;
    discardSocket();
    m_connectTimer.stop();
    m_silenceTimer.stop();
    m_pongTimer.stop();
    m_welcomed = false;
    for (PendingMessage &message : m_pending)
        message.sent = false;

    if (closeCode == Protocol::CloseCode::GoingAway || closeCode == Protocol::CloseCode::Kicked
        || closeCode == Protocol::CloseCode::Banned) {
        const bool ended = closeCode == Protocol::CloseCode::GoingAway;
        qCInfo(lcClient) << (ended ? "the host ended the room:" : "the host removed us:") << reason;
        m_removalCode = ended ? 0 : closeCode;
        const QList<PendingMessage> lost = std::exchange(m_pending, {});
        setState(ended ? State::Ended : State::Removed);
        for (const PendingMessage &message : lost)
            Q_EMIT messageFailed(message.id, ended ? u"ended"_s : u"removed"_s);
        return;
    }
    if (closeCode == Protocol::CloseCode::Replaced) {
        qCWarning(lcClient) << "connection to" << m_url.toDisplayString()
                            << "replaced by a newer one of ours; not reconnecting";
        setState(State::Disconnected);
        return;
    }
    qCWarning(lcClient).nospace() << "connection to " << m_url.toDisplayString()
                                  << " lost (close code " << closeCode << "): " << reason;
    scheduleRetry(closeCode == Protocol::CloseCode::Policy ? m_timing.retryAfterPolicyClose
                                                           : std::chrono::milliseconds{});
}

void ChatClient::dropLink(const QString &reason)
{
    if (!m_socket)
        return;
    onDropped(reason, int(QWebSocketProtocol::CloseCodeAbnormalDisconnection));
}

void ChatClient::scheduleRetry(std::chrono::milliseconds atLeast)
{
    const auto delay = std::max(m_backoff.next(), atLeast);
    m_retryDelayMs = delay.count();
    m_retryClock.start();
    m_retryTimer.start(delay);
    qCInfo(lcClient) << "reconnecting in" << delay.count() << "ms (attempt" << m_backoff.attempts()
                     << ")";
    setState(State::Reconnecting);
    Q_EMIT retryScheduled(int(delay.count()));
}

void ChatClient::noteTraffic()
{
    m_pongTimer.stop();
    if (m_socket)
        m_silenceTimer.start();
}

void ChatClient::send(const Protocol::Message &message)
{
    if (!m_socket)
        return;
    const QString frame = Protocol::encodeText(message);
    qCDebug(lcClientProtocol).noquote() << "out:" << frameForLog(frame);
    m_socket->sendTextMessage(frame);
}

void ChatClient::sendPending()
{
    for (PendingMessage &message : m_pending) {
        if (message.sent)
            continue;
        send(Protocol::chat(message.text, message.id, message.to));
        message.sent = true;
    }
}

qsizetype ChatClient::pendingIndex(const QString &id) const
{
    for (qsizetype i = 0; i < m_pending.size(); ++i) {
        if (m_pending.at(i).id == id)
            return i;
    }
    return -1;
}
