#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QSet>
#include <QStringList>

#include <chrono>
#include <functional>

class QTcpServer;
class QTcpSocket;

// The hub's one TCP port: answers plain HTTP (the browser page, /rooms.json, errors) and hands
// WebSocket upgrades on /ws to `upgrade` (the hub's Handover). The request bytes of an upgrade are
// only peeked at, never read, so the handshake sees the whole request.
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
    // Asked before every upgrade: false answers 503.
    void setCapacityCheck(std::function<bool()> hasRoom) { m_hasRoom = std::move(hasRoom); }
    void setRoomsJson(const QByteArray &json) { m_roomsJson = json; }

    int pendingCount() const { return int(m_pending.size()); }
    bool isOriginAllowed(const QString &origin) const;

Q_SIGNALS:
    void upgradeRefused(const QString &reason); // for logs and tests

private:
    struct Request
    {
        QByteArray method;
        QByteArray path;
        QHash<QByteArray, QByteArray> headers; // lower-case names
    };

    void accept();
    void onReadyRead(QTcpSocket *socket);
    void handle(QTcpSocket *socket, const Request &request, qsizetype headLength);
    void respond(QTcpSocket *socket, int status, const QByteArray &contentType,
                 const QByteArray &body, bool headOnly = false,
                 const QList<QPair<QByteArray, QByteArray>> &extraHeaders = {});
    void forget(QTcpSocket *socket);
    void computeOwnOrigins();
    static bool parseHead(const QByteArray &head, Request *request);

    QTcpServer *m_server = nullptr; // child
    std::function<void(QTcpSocket *)> m_upgrade;
    Limits m_limits;
    QSet<QTcpSocket *> m_pending; // connections still sending their request head
    QSet<QString> m_allowedOrigins; // normalised "scheme://host:port"
    QStringList m_extraOrigins;
    std::function<bool()> m_hasRoom;
    QByteArray m_roomsJson = QByteArrayLiteral("[]");
    QHash<QString, QByteArray> m_fileCache;
    QString m_error;
};
