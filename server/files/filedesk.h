#pragma once

#include <QObject>
#include <QThreadPool>

#include "filestore.h"
#include "httpanswer.h"
#include "hubconfig.h"
#include "protocol.h"
#include "transfers.h"

#include <optional>

class QTcpSocket;
class QTimer;
struct HttpRequestHead;

// The room's files on the hub's thread: grants upload slots (`upload`), routes the file requests
// the front door sees (`PUT`/`DELETE /upload/ID`, `GET`/`HEAD /files/ID/…`) to the transfer thread,
// and turns a complete upload into a `file` message once its picture is looked at (off the hub's
// thread). The limits are the host's (HubConfig); the bytes never move on this thread.
class FileDesk final : public QObject
{
    Q_OBJECT
public:
    struct Refusal
    {
        QStringView code;
        QString text;
    };
    struct Grant
    {
        std::optional<Refusal> refusal;
        Protocol::Message answer; // the `upload` grant
    };

    explicit FileDesk(const HubConfig &config, QObject *parent = nullptr);
    ~FileDesk() override;

    // folder empty: a temporary folder (removed with this object). `stored`: the file messages
    // of the room's history; everything else in the folder is removed.
    bool open(const QString &folder, const QList<Protocol::Message> &stored);
    QString folder() const { return m_store.folder(); }
    Protocol::FileLimits limits() const;

    // An `upload` request of a joined person; a private file's recipient (as the room knows the
    // name) and both person keys' hashes, which decide who may read its message.
    Grant requestSlot(const Protocol::Message &request, const QString &from, const QString &to = {},
                      const QByteArray &senderKey = {}, const QByteArray &recipientKey = {});
    static bool isFileRequest(const QByteArray &path);
    // An answer for the front door to write, or nullopt: the connection went to the transfers.
    std::optional<HttpAnswer::Simple> handle(QTcpSocket *socket, const HttpRequestHead &request);
    void removeFiles(const QStringList &ids); // their messages left the history
    void expireSlots();
    const TransferHost &transfers() const { return *m_transfers; }
    const FileStore &store() const { return m_store; }

Q_SIGNALS:
    // A complete file, ready to be numbered and sent (seq and time are the room's to set).
    void fileReady(const Protocol::Message &file, const QByteArray &senderKey,
                   const QByteArray &recipientKey);
    // A finished upload the hub did not keep after all: tell its sender (error with `id`).
    void uploadRefused(const QString &from, const QString &id, QStringView code,
                       const QString &text);

private:
    struct Analysis
    {
        QString mime;
        int width = 0;
        int height = 0;
        bool thumb = false;
    };
    std::optional<HttpAnswer::Simple> put(QTcpSocket *socket, const HttpRequestHead &request,
                                          FileStore::Slot *slot);
    std::optional<HttpAnswer::Simple> get(QTcpSocket *socket, const HttpRequestHead &request,
                                          const QString &id, const QByteArray &rest);
    void uploadEnded(const TransferHost::UploadEnd &end);
    void complete(const FileStore::Slot &slot, const QByteArray &sha256);
    void analysed(const FileStore::Slot &slot, const QByteArray &sha256, const Analysis &analysis);
    static Analysis analyse(const QString &path, const QString &thumbPath, const QString &name);

    HubConfig m_config;
    FileStore m_store;
    TransferHost *m_transfers = nullptr; // child
    QTimer *m_expiry = nullptr; // child
    QThreadPool m_pool; // pictures are looked at here, never on the hub's thread
};
