#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QSet>
#include <QStringList>

#include "hostpolicy.h"
#include "httpanswer.h"

#include <chrono>
#include <functional>
#include <optional>

class QTcpServer;
class QTcpSocket;
struct HttpRequestHead;

// The hub's one TCP port: answers plain HTTP (the browser page, /rooms.json, errors) and hands
// WebSocket upgrades on /ws to `upgrade` (the hub's Handover). The request bytes of an upgrade are
// only peeked at, never read, so the handshake sees the whole request. Only the socket glue lives
// here: HttpRequestHead parses the head, HostPolicy judges its Host and Origin.
class FrontDoor final : public QObject
{
    Q_OBJECT
public:
    struct Limits
    {
        qsizetype maxHeadBytes = 16 * 1024;
        std::chrono::milliseconds headTimeout{10000};
        std::chrono::milliseconds closeGrace{2000}; // lingering close after an answer
    };

    // upgrade: takes the QTcpSocket of an accepted upgrade, its request head complete and unread.
    FrontDoor(std::function<void(QTcpSocket *)> upgrade, const Limits &limits,
              QObject *parent = nullptr);
    ~FrontDoor() override;

    // Tries port, port+1, … (attempts in all). False and errorString() when none could be bound.
    bool listen(const QHostAddress &address, quint16 port, int attempts = 1);
    void close();
    bool isListening() const;
    quint16 port() const;
    QString errorString() const { return m_error; }

    void setAllowedOrigins(const QStringList &origins);
    void setAllowedHosts(const QStringList &names);
    // Asked before every upgrade: false answers 503.
    void setCapacityCheck(std::function<bool()> hasRoom) { m_hasRoom = std::move(hasRoom); }
    void setRoomsJson(const QByteArray &json) { m_roomsJson = json; }
    // Asked for every GET /room.json: this room's name and people, for the page's name dialog.
    void setRoomInfo(std::function<QByteArray()> roomJson) { m_roomJson = std::move(roomJson); }
    // Files (/upload/…, /files/…): the route answers (the door writes it) or takes the socket,
    // its head read (nullopt). Without a route those paths are 404.
    using FileRoute = std::function<std::optional<HttpAnswer::Simple>(QTcpSocket *,
                                                                      const HttpRequestHead &)>;
    void setFileRoute(FileRoute route) { m_fileRoute = std::move(route); }

private:
    void accept();
    void onReadyRead(QTcpSocket *socket);
    void handle(QTcpSocket *socket, const HttpRequestHead &request, qsizetype headLength);
    void respond(QTcpSocket *socket, int status, const QByteArray &contentType,
                 const QByteArray &body, bool headOnly = false,
                 const QList<QPair<QByteArray, QByteArray>> &extraHeaders = {});
    void forget(QTcpSocket *socket);
    void updatePolicy();

    QTcpServer *m_server = nullptr; // child
    std::function<void(QTcpSocket *)> m_upgrade;
    Limits m_limits;
    QSet<QTcpSocket *> m_pending; // connections still sending their request head
    HostPolicy m_policy;
    std::function<bool()> m_hasRoom;
    QByteArray m_roomsJson = QByteArrayLiteral("[]");
    std::function<QByteArray()> m_roomJson;
    FileRoute m_fileRoute;
    QHash<QString, QByteArray> m_fileCache;
    QString m_error;
};
