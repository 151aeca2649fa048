#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QTcpServer>
#include <QUrl>
#include <QWebSocketServer>

class QTcpSocket;
class QWebSocket;

// A stand-in for the hub's file side (docs/PROTOCOL.md, "Files and pictures") on one port: it
// welcomes any `join`, grants `upload` slots, takes PUT/DELETE /upload/ID, announces each complete
// file with a `file` message and serves GET /files/ID/NAME (with Range) and /files/ID/thumb. It can
// break a connection after a given number of bytes, and serve damaged bytes, which a real hub
// never does on purpose.
class FakeFileHub final : public QObject
{
    Q_OBJECT
public:
    struct StoredFile
    {
        QString id;
        QString name;
        QByteArray bytes;
        QByteArray thumb; // PNG, for pictures
        QString sha256;
    };

    explicit FakeFileHub(QObject *parent = nullptr);
    ~FakeFileHub() override;

    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    QUrl socketUrl() const;

    qint64 maxBytes = 1024 * 1024 * 1024;
    qint64 cutUploadAt = -1; // break the PUT's connection once this many bytes are stored
    qint64 cutDownloadAt = -1; // send only this many bytes of a file once, then close
    bool damageDownloads = false; // flip a byte in what GET sends

    // Adds a file as if someone had uploaded it, and announces it to everyone joined.
    StoredFile addFile(const QString &name, const QByteArray &bytes, const QString &from);
    QList<StoredFile> files() const { return m_files; }
    QStringList requests() const { return m_requests; } // "PUT /upload/… bytes A-B", …
    QStringList frames() const { return m_frames; } // text frames from clients
    int deletes() const { return m_deletes; }
    qint64 uploadedBytes(const QString &slot) const;

Q_SIGNALS:
    void fileStored(const QString &name);
    void uploadCancelled(const QString &slot);

private:
    struct Slot
    {
        QString id;
        QString name;
        QString from;
        QString to;
        QString clientId;
        QString sha256;
        qint64 size = 0;
        QByteArray bytes;
    };
    struct Http
    {
        QByteArray head;
        QString method;
        QString path;
        QHash<QByteArray, QByteArray> headers;
        qint64 bodyLeft = 0;
        QString slot;
    };
    void onReadyRead(QTcpSocket *socket);
    void onHead(QTcpSocket *socket, Http &http);
    void onBody(QTcpSocket *socket, Http &http);
    void onText(QWebSocket *client, const QString &text);
    void answer(QTcpSocket *socket, int status, const QByteArray &body = {},
                const QList<QPair<QByteArray, QByteArray>> &headers = {});
    void serveFile(QTcpSocket *socket, const Http &http);
    void announce(const StoredFile &file, const Slot &slot);

    QTcpServer m_server;
    QWebSocketServer m_sockets;
    QList<QWebSocket *> m_clients;
    QHash<QWebSocket *, QString> m_names;
    QHash<QTcpSocket *, Http> m_http;
    QHash<QString, Slot> m_slots;
    QList<StoredFile> m_files;
    QStringList m_requests;
    QStringList m_frames;
    qint64 m_seq = 0;
    int m_counter = 0;
    int m_deletes = 0;
};
