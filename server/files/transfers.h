#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <atomic>
#include <chrono>
#include <memory>

class QThread;
class Sha256;
class TransferWorker;

// The file transfers' own thread. The hub's thread only reads a request head, decides, and hands
// the connection's descriptor over (TcpTakeover); the bytes of files then move here, so that
// downloads and uploads never stall the chat (docs/ARCHITECTURE.md, "Files"). Downloads go with
// sendfile(2) from the page cache straight to the socket; uploads are written to disk as they
// arrive and hashed on the way.
//
// Jobs are values that cross to the thread by a queued call; the descriptors in them belong to
// the thread from then on. The end of an upload comes back as uploadEnded() on the hub's thread.
class TransferHost final : public QObject
{
    Q_OBJECT
public:
    struct Limits
    {
        std::chrono::milliseconds idleTimeout{60000}; // no byte moved for this long: cut off
        std::chrono::milliseconds closeGrace{2000}; // lingering close after the answer
    };

    struct Download
    {
        int fd = -1; // the connection
        int fileFd = -1; // the file, open for reading
        QByteArray head; // the answer's head
        qint64 offset = 0; // first byte of the file to send
        qint64 length = 0; // bytes to send after the head (0 for HEAD)
    };

    struct Upload
    {
        int fd = -1; // the connection
        QByteArray input; // body bytes already read with the head
        bool expectContinue = false; // the client waits for "100 Continue" before the body
        int partFd = -1; // the partial file, positioned at `offset`
        QString slot;
        qint64 offset = 0; // bytes the slot had before this request
        qint64 length = 0; // Content-Length of this request
        qint64 total = 0; // the file's declared size
        std::shared_ptr<Sha256> hash; // of the first `offset` bytes; goes on with this request
        QByteArray expectedSha256; // lower-case hex, or empty
        QString partPath;
        QString finalPath; // where a complete, verified file goes
        QByteArray createdBody; // the 201 answer's body
    };

    enum class Outcome {
        Partial, // the request ended (answered 204) or broke; `offset` says what is kept
        Complete, // at its final path; `sha256` is its hash
        Mismatch, // all bytes arrived but not the given SHA-256: deleted (422)
        Failed, // the disk refused a write (507); `offset` is what is kept
        Cancelled,
    };
    struct UploadEnd
    {
        QString slot;
        Outcome outcome = Outcome::Partial;
        qint64 offset = 0;
        QByteArray sha256;
        std::shared_ptr<Sha256> hash; // back to the slot, for the next request
    };

    explicit TransferHost(const Limits &limits, QObject *parent = nullptr);
    ~TransferHost() override; // ends the thread; running transfers are cut off

    void download(Download job);
    void upload(Upload job);
    void cancel(const QString &slot); // cuts the slot's running upload, if any (Cancelled)
    int running() const { return m_running.load(); }

Q_SIGNALS:
    void uploadEnded(const TransferHost::UploadEnd &end);
    void downloadEnded(); // one download finished or broke (for tests and counts)

private:
    friend class TransferWorker;
    std::unique_ptr<QThread> m_thread;
    TransferWorker *m_worker = nullptr; // lives on m_thread, deleted when it ends
    std::atomic<int> m_running{0};
};
