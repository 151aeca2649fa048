#pragma once

#include <QDateTime>
#include <QHostAddress>
#include <QString>
#include <QStringList>

#include "protocol.h"

#include <chrono>
#include <functional>

// Everything a room hub can be told, as a value: it crosses from the GUI/main thread to the hub
// thread by copy. Defaults are the documented ones (docs/PROTOCOL.md, "Limits").
struct HubConfig
{
    QHostAddress bindAddress = QHostAddress::Any;
    quint16 port = Protocol::DefaultPort; // 0 = any free port
    int portAttempts = 1; // >1: try port, port+1, … when the port is taken (the GUI uses 20)
    QString room = QStringLiteral("Lobby");

    int maxClients = 10000;
    double rateLimit = 20; // messages per second per client, sustained; 0 = off
    int rateBurst = 40;
    int floodCloseCount = 100; // refused messages within floodWindow that close the client 1008
    std::chrono::milliseconds floodWindow{10000};
    qint64 maxPendingBytes = 4 * 1024 * 1024; // unsent bytes before a client is dropped (1008)
    qint64 maxMessageBytes = Protocol::MaxMessageBytes; // larger -> close 1009
    int maxText = Protocol::DefaultMaxText;
    int historySize = Protocol::DefaultHistory; // messages in a welcome, at most
    qint64 maxHistoryBytes = 1024 * 1024; // JSON of the messages in a welcome or one answer

    // The room's store: a file under dataDir (one per room name); empty dataDir: in memory only.
    QString dataDir;
    int keepDays = 365; // messages older than this go (0: no age limit)
    qint64 keepMessages = 1000000; // only the newest this many stay (0: no count limit)
    std::chrono::milliseconds retentionInterval{60000}; // how often retention runs

    // Files (docs/PROTOCOL.md, "Files and pictures"), kept beside the store (or in a temporary
    // folder when nothing is kept).
    bool filesEnabled = true;
    qint64 maxFileBytes = qint64(2048) * 1024 * 1024; // one file
    qint64 filesQuotaBytes = qint64(20) * 1024 * 1024 * 1024; // all the room's files; 0: no quota
    QStringList fileTypes; // allowed: "image/*", "application/pdf", ".zip"; empty: any
    qint64 diskReserveBytes = qint64(512) * 1024 * 1024; // free space an upload must leave
    std::chrono::milliseconds uploadSlotLifetime{24 * 3600 * 1000}; // after its last byte
    std::chrono::milliseconds transferIdleTimeout{60000}; // a transfer that moves nothing

    std::chrono::milliseconds pingInterval{30000};
    std::chrono::milliseconds idleTimeout{60000};
    std::chrono::milliseconds headTimeout{10000}; // HTTP request head must be complete by then
    std::chrono::milliseconds closeGrace{2000}; // how long stop() waits for close handshakes
    qsizetype maxHeadBytes = 16 * 1024;

    QStringList allowedOrigins; // extra origins accepted besides this host's own page
    QStringList allowedHosts; // extra names the page may be reached by (Host), besides ours

    // Access (docs/PROTOCOL.md, "Access"): the room's passcode ("" = none; never logged) and the
    // host token a join must carry for host rights (HubHost makes one when it is empty; a hub
    // without one has no host but the console).
    QString passcode;
    QString hostToken;
    // The wall clock the access rules (tries, kicks) go by; tests set their own. Unset: the
    // system's clock.
    std::function<QDateTime()> clock;
};
