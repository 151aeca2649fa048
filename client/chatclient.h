#pragma once

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QUrl>

#include "backoff.h"
#include "protocol.h"

#include <chrono>
#include <optional>

class QWebSocket;

// The client side of the LAN Chat protocol over one QWebSocket (no widgets). Joins a room,
// reconnects with backoff when the link breaks and resumes after the last seq it saw, so nothing is
// missed and nothing is doubled. Chat typed while offline is queued and stays pending until the
// hub echoes it back (matched by the client's own message id).
class ChatClient final : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Disconnected, // not in a room (never was, left, or refused)
        Connecting, // opening the socket and waiting for welcome
        Connected, // welcomed: in the room
        Reconnecting, // the link broke; next attempt in secondsUntilRetry()
        Ended, // the host ended the room (close 1001): no more attempts
        // The room did not let us in (refusal(): passcode_required, wrong_passcode,
        // too_many_tries, locked, wrong_host_token). The connection stays open for
        // submitPasscode(); no automatic retry.
        Refused,
        Removed, // the host removed (close 4001) or banned (4002) us: no more attempts
    };
    Q_ENUM(State)

    enum class TextCheck { Ok, Empty, TooLong };

    struct Timing
    {
        std::chrono::milliseconds retryInitial{1000};
        std::chrono::milliseconds retryMaximum{30000};
        double retryJitter = 0.2;
        std::chrono::milliseconds pingAfterSilence{20000}; // WebSocket ping after this much silence
        std::chrono::milliseconds pongTimeout{10000}; // no traffic by then after a ping: link dead
        std::chrono::milliseconds connectTimeout{10000}; // handshake + welcome must be done by then
        // After a close 1008 (flooding, or not reading) wait at least this long: coming straight
        // back would only meet the same limit.
        std::chrono::milliseconds retryAfterPolicyClose{5000};
    };

    struct PendingMessage
    {
        QString id;
        QString text;
        bool sent = false; // written to the current connection
        QString to; // a private message: its recipient
    };

    explicit ChatClient(QObject *parent = nullptr);
    ~ChatClient() override;

    void setTiming(const Timing &timing);
    const Timing &timing() const { return m_timing; }

    // Enters the room at url (ws://HOST:PORT/ws) as name; forgets any earlier room. A passcode
    // given here (or to submitPasscode) is remembered for that room's reconnects.
    void connectTo(const QUrl &url, const QString &name, const QString &passcode = {});
    // Moves to the room at url without losing the current one on the way: the current room is
    // left only once the new one has welcomed us (switched(), then welcomed()); if the new one
    // does not answer, switchFailed() says why and nothing else changes. Not in a room: as
    // connectTo().
    void switchTo(const QUrl &url, const QString &name, const QString &passcode = {});
    bool isSwitching() const { return m_candidate != nullptr; }
    QUrl switchingTo() const { return m_candidateUrl; }
    // Leaves the room (close 1000); pending messages are dropped.
    void leave();
    // Queues text (sent at once when connected). Returns the message's id, or an empty string if
    // checkText() refuses it. With `to`, a private message to that person (the hub refuses it,
    // messageFailed() with no_such_person, when they are not in the room).
    QString sendChat(const QString &text, const QString &to = {});
    void rename(const QString &name);
    // Asks for up to limit chat messages older than before (the newest ones without before);
    // historyReceived answers. Returns false when not in a room or the hub cannot page.
    bool requestHistory(std::optional<qint64> before, int limit);
    // Searches the room's history for query (newest first); searchFinished answers.
    bool search(const QString &query, std::optional<qint64> before = {});
    bool canPage() const { return m_welcomed && m_pagingSupported; }
    bool historyComplete() const { return m_historyComplete; } // the welcome had the first message
    // Breaks the link as if the network had failed (diagnostics and tests); reconnects as usual.
    void abortConnection();

    TextCheck checkText(const QString &text) const;

    // Access (docs/PROTOCOL.md, "Access"; chatclientaccess.cpp).
    // Joins of the room at url carry token as hostToken (the hosting window's own room).
    void setHostToken(const QUrl &url, const QString &token);
    QString hostToken() const { return m_hostTokens.value(m_url); }
    // While Refused: joins again on the same connection with passcode (also remembered for
    // reconnects of this room).
    void submitPasscode(const QString &passcode);
    QString passcode() const { return m_passcodes.value(m_url); }
    // Joins of the room at url carry passcode from now on (the Join dialog's field, a #code=).
    void setPasscode(const QUrl &url, const QString &passcode);
    QString refusal() const { return m_refusal; } // the error code while Refused
    int removalCode() const { return m_removalCode; } // 4001 or 4002 while Removed
    bool isHost() const { return m_welcomed && m_host; }
    QStringList hosts() const { return m_hosts; } // joined people with host rights
    // The last `access` message (hosts only): passcode, locked, blocked addresses.
    const Protocol::Message &access() const { return m_access; }
    // Host requests; the hub answers with moderation/access, or error not_host.
    void kick(const QString &name);
    void ban(const QString &name);
    void unban(const QString &address);
    void setLocked(bool locked);
    void setRoomPasscode(const QString &passcode); // "" removes it
    // The error codes of a join the room refused (connection kept): passcode_required,
    // wrong_passcode, too_many_tries, locked, wrong_host_token.
    static bool isAccessRefusal(QStringView code);

    State state() const { return m_state; }
    QUrl url() const { return m_url; }
    QString name() const { return m_name; }
    QString room() const { return m_room; }
    QStringList users() const { return m_users; }
    int maxText() const { return m_maxText; }
    qint64 lastSeq() const { return m_lastSeq; }
    QString instance() const { return m_instance; }
    int secondsUntilRetry() const;
    QList<PendingMessage> pendingMessages() const { return m_pending; }
    bool isPending(const QString &id) const;

Q_SIGNALS:
    void stateChanged(ChatClient::State state);
    // A welcome arrived (room(), users(), name(), maxText() are fresh). resumed: same hub run as
    // before, so only what was missed follows.
    void welcomed(bool resumed);
    // A chat message not seen before (live or from the welcome's history).
    void chatReceived(const Protocol::Message &chat, bool own, bool fromHistory);
    void messageQueued(const QString &id, const QString &text, const QString &to);
    void messageConfirmed(const Protocol::Message &chat); // the echo of one of ours (chat.id)
    void messageFailed(const QString &id, const QString &code);
    void userJoined(const QString &name, const QDateTime &time);
    void userLeft(const QString &name, const QString &reason, const QDateTime &time);
    void userRenamed(const QString &from, const QString &to, const QDateTime &time);
    void usersChanged(const QStringList &users);
    void nameChanged(const QString &name);
    void roomRenamed(const QString &room); // the host renamed the room (room() is fresh)
    void serverError(const QString &code, const QString &text);
    void historyTruncated(); // messages after our last seq were already dropped by the hub
    void roomRestarted(); // the host restarted (new instance): seq started again
    void retryScheduled(int milliseconds);
    void switched(const QUrl &url); // the new room answered; its welcome follows at once
    void switchFailed(const QUrl &url, const QString &reason);
    // The room we were moving to asks for a passcode (code: passcode_required, wrong_passcode,
    // too_many_tries, locked): still in the old room; switchTo again with a passcode.
    void switchRefused(const QUrl &url, const QString &code);
    void accessRefused(const QString &code); // entered Refused (or refused again)
    void moderated(const Protocol::Message &moderation); // a host's act, for everyone
    void accessChanged(const Protocol::Message &access); // hosts only
    // Answers to requestHistory and search: answer.messages, answer.complete, answer.before.
    void historyReceived(const Protocol::Message &answer);
    void searchFinished(const Protocol::Message &answer);
    // The hub does not know history or search: scroll-back and search are off for this room.
    void pagingUnsupported();

private:
    void enterNewRoom(const QUrl &url, const QString &name); // leaves, forgets the old room
    void open();
    void watchSocket(QWebSocket *socket);
    void discardSocket();
    void onCandidateFrame(const QString &frame);
    void failSwitch(const QString &reason);
    void discardCandidate();
    void setState(State state);
    void onConnected();
    void onFrame(const QString &frame);
    void onWelcome(const Protocol::Message &welcome);
    void onChat(const Protocol::Message &chat, bool fromHistory);
    void onError(const Protocol::Message &error);
    bool onAccessError(const Protocol::Message &error); // true: handled (Refused)
    bool onAccessFrame(const Protocol::Message &message); // true: an access message, handled
    Protocol::Message joinMessage(const QUrl &url, const QString &name) const;
    void updateHostsOn(const Protocol::Message &message);
    void onDropped(const QString &reason, int closeCode);
    void dropLink(const QString &reason);
    void scheduleRetry(std::chrono::milliseconds atLeast = {});
    void noteTraffic();
    void send(const Protocol::Message &message);
    void sendPending();
    qsizetype pendingIndex(const QString &id) const;

    Timing m_timing;
    Backoff m_backoff;
    QWebSocket *m_socket = nullptr; // child; one per attempt
    State m_state = State::Disconnected;
    QUrl m_url;
    QString m_name;
    QString m_room;
    QStringList m_users;
    int m_maxText = Protocol::DefaultMaxText;
    qint64 m_lastSeq = 0;
    QString m_instance;
    QString m_token;
    bool m_welcomed = false; // on the current connection
    QHash<QUrl, QString> m_passcodes; // rooms' passcodes given this run
    QHash<QUrl, QString> m_hostTokens;
    QString m_refusal;
    int m_removalCode = 0;
    bool m_host = false; // the welcome said host
    QStringList m_hosts;
    Protocol::Message m_access;
    bool m_pagingSupported = true; // until the hub refuses a history or search request
    bool m_historyComplete = false;
    int m_pagingInFlight = 0; // history and search requests not answered yet
    QList<PendingMessage> m_pending;
    QString m_idPrefix;
    quint64 m_idCounter = 0;
    QString m_lastSocketError;
    quint64 m_generation = 0; // counts sockets, so a late signal of an old one is ignored

    QWebSocket *m_candidate = nullptr; // child; the room we are moving to, until its welcome
    QUrl m_candidateUrl;
    QString m_candidateName;
    QString m_candidateError;
    QTimer m_candidateTimer;

    QTimer m_retryTimer;
    QTimer m_connectTimer;
    QTimer m_silenceTimer;
    QTimer m_pongTimer;
    QElapsedTimer m_retryClock;
    qint64 m_retryDelayMs = 0;
};
