#pragma once

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>

#include <memory>

#include "transferwork.h"

class ChatClient;
class QImage;
class QJsonObject;
class QNetworkAccessManager;
class QNetworkReply;

// Sends files into the room (docs/PROTOCOL.md, "Files and pictures"): hashes each file on a pool
// thread, asks the hub for an upload slot over the WebSocket (`upload`), then streams the file from
// disk with an HTTP PUT to the slot. A broken link resumes: the same slot is asked for again, and
// the hub's `offset` says where to go on (`Content-Range`). Refusals (too big, quota, type) arrive
// before any byte is sent. Nothing here touches widgets.
class FileTransfers final : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Hashing, // reading the file for its SHA-256
        Asking, // waiting for the hub's slot
        Sending, // bytes on their way
        Waiting, // the link broke: resumes when the room answers again
        Done, // the hub has the whole file; its `file` message follows
        Failed, // refused or broken for good (error says why)
        Cancelled,
    };
    Q_ENUM(State)

    struct Upload
    {
        QString id; // our id for the request (echoed by the hub)
        QString path;
        QString name;
        QString to; // a private file: the recipient
        qint64 size = 0;
        qint64 sent = 0; // bytes the hub has (as far as we know)
        QString sha256;
        QString slot; // the hub's upload id, once granted
        QString url; // /upload/ID
        State state = State::Hashing;
        QString error; // code (`file_too_big`, …) or a reason, when Failed
        int attempts = 0; // resumes after a broken link
    };

    explicit FileTransfers(ChatClient *client, QObject *parent = nullptr);
    ~FileTransfers() override;

    // Sends the file at path into the room, or to one person when `to` is set. Returns the
    // upload's id, or an empty string when the file cannot be read (failed() says why).
    QString sendFile(const QString &path, const QString &to = {});
    // Sends a picture from the clipboard as "Screenshot YYYY-MM-DD HH.MM.SS.png".
    QString sendImage(const QImage &image, const QString &to = {},
                      const QDateTime &taken = QDateTime::currentDateTime());
    void cancel(const QString &id);

    QList<Upload> uploads() const { return m_uploads; }
    const Upload *upload(const QString &id) const;
    bool isActive(const QString &id) const;
    // From the room's welcome: whether it takes files at all, and the largest it takes.
    bool filesAllowed() const { return m_filesAllowed; }
    qint64 maxBytes() const { return m_maxBytes; }

    // The longest wait between attempts to resume a broken upload (tests shorten it).
    void setRetryLimit(int milliseconds) { m_retryLimitMs = milliseconds; }

    static QString screenshotName(const QDateTime &taken);

Q_SIGNALS:
    void uploadAdded(const QString &id);
    void uploadChanged(const QString &id); // progress or state
    void failed(const QString &name, const QString &reason); // a file that could not even start

private:
    void onMessage(const QJsonObject &message);
    void onGrant(Upload &upload, const QJsonObject &grant);
    void ask(Upload &upload);
    void put(Upload &upload);
    void onPutFinished(const QString &id, QNetworkReply *reply);
    void breakOff(Upload &upload, const QString &why); // link broke: resume later
    void resumeWaiting();
    void finish(Upload &upload, State state, const QString &error = {});
    Upload *find(const QString &id);
    QUrl httpUrl(const QString &path) const;

    ChatClient *m_client = nullptr; // not owned
    QNetworkAccessManager *m_network = nullptr; // child
    QList<Upload> m_uploads;
    TransferWork m_work;
    std::unique_ptr<QTemporaryDir> m_pasted; // pictures from the clipboard, until sent
    QString m_idPrefix;
    quint64 m_counter = 0;
    bool m_filesAllowed = true;
    qint64 m_maxBytes = 0; // 0: not told
    int m_retryLimitMs = 30000;
    QTimer m_retryTimer;
};
