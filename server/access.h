#pragma once

#include <QDateTime>
#include <QHash>
#include <QHostAddress>
#include <QSet>
#include <QString>
#include <QStringView>

#include "protocol.h"

#include <deque>
#include <optional>

// Who may enter the room (docs/PROTOCOL.md, "Access"): the passcode, the host token, the tries
// limit per address, the addresses a host kicked or banned and the lock. No sockets and no clock
// of its own (the time is passed in), so the whole policy is tested on its own
// (tests/server/tst_access.cpp); the hub asks it and acts on the answers.
class Access final
{
public:
    static constexpr int MaxWrongTries = 5; // more than this many within TriesWindow: refused
    static constexpr qint64 TriesWindowMs = 60 * 1000; // and refused for as long
    static constexpr qint64 KickMs = 10 * 60 * 1000; // a kicked address stays out this long

    // The host token: compared in constant time; an empty one never matches.
    void setHostToken(const QString &token) { m_hostToken = token; }
    QString hostToken() const { return m_hostToken; }
    bool isHostToken(const QString &token) const;

    // The passcode ("" = none), kept normalised to NFC.
    void setPasscode(const QString &passcode);
    QString passcode() const { return m_passcode; }
    bool hasPasscode() const { return !m_passcode.isEmpty(); }

    void setLocked(bool locked) { m_locked = locked; }
    bool isLocked() const { return m_locked; }
    // A token the room gave out in a welcome: its owner may come back while the room is locked.
    void rememberToken(const QString &token);

    struct JoinVerdict
    {
        QStringView refusal; // a Protocol::ErrorCode; empty: admitted
        bool host = false; // admitted with host rights
        bool triesExceeded = false; // this refusal started the address's minute (log it once)
    };
    // Decides a `join` from `address` (its passcode, hostToken and token fields). A wrong passcode
    // or host token counts as a try of the address.
    JoinVerdict checkJoin(const QHostAddress &address, const Protocol::Message &join,
                          const QDateTime &now);

    // Kicks and bans, by address. An address a host connects from is never blocked (the hub
    // decides that before it calls these).
    void kick(const QHostAddress &address, const QString &name, const QDateTime &now);
    void ban(const QHostAddress &address, const QString &name);
    bool unban(const QString &address); // false: it was not blocked
    // The close code a new connection from `address` gets at once (4001/4002), or none.
    std::optional<int> blockedCloseCode(const QHostAddress &address, const QDateTime &now);

    // What hosts are told: the passcode, the lock and the blocked addresses.
    Protocol::Message snapshot(const QDateTime &now);

    // The address as a key and as shown to hosts: IPv4 for an IPv4-mapped IPv6 address, no scope.
    static QString addressKey(const QHostAddress &address);

private:
    struct Tries
    {
        std::deque<qint64> wrong; // times (ms since epoch) of wrong tries within the window
        qint64 refusedUntil = 0;
    };
    struct Block
    {
        QString name;
        bool ban = false;
        QDateTime until; // kicks
    };
    void dropExpired(const QDateTime &now);
    // Counts a wrong try; true when it starts the address's minute of refusals.
    bool countWrongTry(const QString &key, qint64 nowMs);

    QString m_hostToken;
    QString m_passcode;
    bool m_locked = false;
    QSet<QString> m_tokens; // every token a welcome of this run carried
    QHash<QString, Tries> m_tries; // by address key
    QHash<QString, Block> m_blocks; // by address key
};
