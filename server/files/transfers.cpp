#include "transfers.h"

#include "httpanswer.h"
#include "logging.h"
#include "sha256.h"

#include <QElapsedTimer>
#include <QSocketNotifier>
#include <QThread>
#include <QTimer>

#include <cerrno>
#include <cstring>
#include <vector>

#include <sys/sendfile.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype receiveBuffer = 1024 * 1024;
// Per wake-up, so that one fast transfer does not starve the others on the thread.
constexpr qint64 sendPerWakeup = 16 * 1024 * 1024;

bool writeAll(int fd, const char *data, qsizetype size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size_t(size));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        data += n;
        size -= n;
    }
    return true;
}

} // namespace

// One connection handed to the transfer thread: a download (head, then the file by sendfile) or
// an upload (the body to disk, then the answer); then a lingering close, as the front door does.
class Transfer final
{
public:
    enum class Phase { Receiving, Sending, Lingering, Done };

    Transfer(TransferWorker *worker, int fd)
        : m_worker(worker)
        , m_fd(fd)
    {
        m_clock.start();
    }
    ~Transfer() { closeAll(); }

    void startDownload(TransferHost::Download job);
    void startUpload(TransferHost::Upload job);
    void cancel();
    void abortIdle();
    bool isDone() const { return m_phase == Phase::Done; }
    bool isUploadOf(const QString &slot) const { return m_isUpload && m_upload.slot == slot; }
    qint64 idleMs() const { return m_clock.elapsed() - m_lastActivityMs; }
    bool lingerOver(std::chrono::milliseconds grace) const
    {
        return m_phase == Phase::Lingering && m_clock.elapsed() - m_lingerStartMs >= grace.count();
    }

private:
    void watch(bool read, bool write);
    void onReadable();
    void onWritable();
    void receive(const char *data, qsizetype size);
    void finishUpload();
    void answer(int status, const QByteArray &body, const HttpAnswer::Headers &headers = {});
    bool sendPending();
    void linger();
    void reportUpload(TransferHost::Outcome outcome, const QByteArray &sha = {});
    void closeAll();
    void touch() { m_lastActivityMs = m_clock.elapsed(); }

    TransferWorker *m_worker;
    int m_fd;
    Phase m_phase = Phase::Sending;
    bool m_isUpload = false;
    QSocketNotifier *m_read = nullptr;
    QSocketNotifier *m_write = nullptr;
    QByteArray m_out; // head or answer still to send
    qsizetype m_outSent = 0;
    // download
    int m_fileFd = -1;
    off_t m_fileOffset = 0;
    qint64 m_fileLeft = 0;
    // upload
    TransferHost::Upload m_upload;
    qint64 m_received = 0; // of m_upload.length
    bool m_reported = false;
    QElapsedTimer m_clock;
    qint64 m_lastActivityMs = 0;
    qint64 m_lingerStartMs = 0;
};

class TransferWorker final : public QObject
{
public:
    TransferWorker(TransferHost *host, const TransferHost::Limits &limits)
        : m_host(host)
        , m_limits(limits)
        , m_buffer(receiveBuffer, Qt::Uninitialized)
    { }
    ~TransferWorker() override
    {
        for (auto &transfer : m_transfers)
            transfer->cancel();
        m_transfers.clear();
    }

    void start()
    {
        m_tick = new QTimer(this);
        const auto interval = std::clamp<std::chrono::milliseconds>(
                std::min(m_limits.idleTimeout, m_limits.closeGrace) / 4,
                std::chrono::milliseconds(10), std::chrono::milliseconds(1000));
        connect(m_tick, &QTimer::timeout, this, &TransferWorker::checkTimes);
        m_tick->start(interval);
    }
    void add(std::unique_ptr<Transfer> transfer)
    {
        m_host->m_running.fetch_add(1);
        m_transfers.push_back(std::move(transfer));
    }
    Transfer *newTransfer(int fd)
    {
        add(std::make_unique<Transfer>(this, fd));
        return m_transfers.back().get();
    }
    void cancel(const QString &slot)
    {
        for (auto &transfer : m_transfers) {
            if (transfer->isUploadOf(slot))
                transfer->cancel();
        }
        sweepLater();
    }
    // A finished transfer is deleted from the event loop, never inside its own notifier's signal.
    void sweepLater()
    {
        if (m_sweepPosted)
            return;
        m_sweepPosted = true;
        QMetaObject::invokeMethod(this, &TransferWorker::sweep, Qt::QueuedConnection);
    }
    void reportUpload(const TransferHost::UploadEnd &end)
    {
        QMetaObject::invokeMethod(
                m_host, [host = m_host, end] { Q_EMIT host->uploadEnded(end); },
                Qt::QueuedConnection);
    }
    void reportDownload()
    {
        QMetaObject::invokeMethod(
                m_host, [host = m_host] { Q_EMIT host->downloadEnded(); }, Qt::QueuedConnection);
    }
    char *buffer() { return m_buffer.data(); }
    const TransferHost::Limits &limits() const { return m_limits; }

private:
    void sweep()
    {
        m_sweepPosted = false;
        for (size_t i = 0; i < m_transfers.size();) {
            if (m_transfers[i]->isDone()) {
                std::swap(m_transfers[i], m_transfers.back());
                m_transfers.pop_back();
                m_host->m_running.fetch_sub(1);
            } else {
                ++i;
            }
        }
    }
    void checkTimes()
    {
        for (auto &transfer : m_transfers) {
            if (transfer->lingerOver(m_limits.closeGrace)
                || transfer->idleMs() >= m_limits.idleTimeout.count())
                transfer->abortIdle();
        }
        sweepLater();
    }

    TransferHost *m_host;
    TransferHost::Limits m_limits;
    QByteArray m_buffer; // one receive buffer: transfers are served one at a time
    std::vector<std::unique_ptr<Transfer>> m_transfers;
    QTimer *m_tick = nullptr; // child
    bool m_sweepPosted = false;
};

void Transfer::watch(bool read, bool write)
{
    if (!m_read) {
        m_read = new QSocketNotifier(qintptr(m_fd), QSocketNotifier::Read, m_worker);
        m_write = new QSocketNotifier(qintptr(m_fd), QSocketNotifier::Write, m_worker);
        QObject::connect(m_read, &QSocketNotifier::activated, m_worker, [this] { onReadable(); });
        QObject::connect(m_write, &QSocketNotifier::activated, m_worker, [this] { onWritable(); });
    }
    m_read->setEnabled(read);
    m_write->setEnabled(write);
}

void Transfer::closeAll()
{
    // Maybe inside a notifier's own signal: disabled now, deleted from the event loop.
    for (QSocketNotifier *notifier : {m_read, m_write}) {
        if (notifier) {
            notifier->setEnabled(false);
            notifier->deleteLater();
        }
    }
    m_read = m_write = nullptr;
    if (m_fd >= 0)
        ::close(m_fd);
    if (m_fileFd >= 0)
        ::close(m_fileFd);
    if (m_upload.partFd >= 0)
        ::close(m_upload.partFd);
    m_fd = m_fileFd = m_upload.partFd = -1;
    if (m_phase != Phase::Done) {
        m_phase = Phase::Done;
        m_worker->sweepLater();
    }
}

void Transfer::startDownload(TransferHost::Download job)
{
    m_fileFd = job.fileFd;
    m_fileOffset = off_t(job.offset);
    m_fileLeft = job.length;
    m_out = std::move(job.head);
    m_phase = Phase::Sending;
    touch();
    watch(false, true);
}

void Transfer::startUpload(TransferHost::Upload job)
{
    m_isUpload = true;
    m_upload = std::move(job);
    m_phase = Phase::Receiving;
    touch();
    if (m_upload.expectContinue && m_upload.input.isEmpty() && m_upload.length > 0) {
        // Tiny, into an empty send buffer: it goes whole (a client that waits in vain for it
        // sends the body after its own timeout anyway).
        static const char goOn[] = "HTTP/1.1 100 Continue\r\n\r\n";
        ::send(m_fd, goOn, sizeof goOn - 1, MSG_NOSIGNAL);
    }
    const QByteArray input = std::exchange(m_upload.input, {});
    receive(input.constData(), input.size());
    if (m_phase == Phase::Receiving)
        watch(true, false);
}

void Transfer::receive(const char *data, qsizetype size)
{
    size = std::min<qint64>(size, m_upload.length - m_received);
    if (size > 0) {
        if (!writeAll(m_upload.partFd, data, size)) {
            qCWarning(lcHttp) << "upload" << m_upload.slot
                              << "cannot be written:" << strerror(errno);
            reportUpload(TransferHost::Outcome::Failed);
            answer(507, "The host's disk refused the file.\n");
            return;
        }
        m_upload.hash->addData(QByteArrayView(data, size));
        m_received += size;
    }
    if (m_received == m_upload.length)
        finishUpload();
}

void Transfer::finishUpload()
{
    const qint64 offset = m_upload.offset + m_received;
    if (offset < m_upload.total) {
        reportUpload(TransferHost::Outcome::Partial);
        answer(204, {}, {{"Upload-Offset", QByteArray::number(offset)}});
        return;
    }
    const QByteArray sha = m_upload.hash->hexResult();
    ::close(m_upload.partFd);
    m_upload.partFd = -1;
    if (!m_upload.expectedSha256.isEmpty() && sha != m_upload.expectedSha256) {
        ::unlink(m_upload.partPath.toLocal8Bit().constData());
        reportUpload(TransferHost::Outcome::Mismatch, sha);
        answer(422, "The file's SHA-256 is not the one announced; it was not kept.\n");
        return;
    }
    if (::rename(m_upload.partPath.toLocal8Bit().constData(),
                 m_upload.finalPath.toLocal8Bit().constData())
        != 0) {
        reportUpload(TransferHost::Outcome::Failed);
        answer(507, "The host could not keep the file.\n");
        return;
    }
    reportUpload(TransferHost::Outcome::Complete, sha);
    answer(201, m_upload.createdBody);
}

void Transfer::reportUpload(TransferHost::Outcome outcome, const QByteArray &sha)
{
    if (!m_isUpload || m_reported)
        return;
    m_reported = true;
    TransferHost::UploadEnd end;
    end.slot = m_upload.slot;
    end.outcome = outcome;
    end.offset = m_upload.offset + m_received;
    end.sha256 = sha;
    end.hash = std::move(m_upload.hash);
    m_worker->reportUpload(end);
}

void Transfer::answer(int status, const QByteArray &body, const HttpAnswer::Headers &headers)
{
    const QByteArray type = body.startsWith('{') ? "application/json" : "text/plain; charset=utf-8";
    m_out = HttpAnswer::head(status, type, body.size(), headers) + body;
    m_outSent = 0;
    m_phase = Phase::Sending;
    touch();
    if (sendPending())
        linger();
    else if (m_phase == Phase::Sending)
        watch(false, true);
}

// Sends what is left of m_out; true when all of it is gone.
bool Transfer::sendPending()
{
    while (m_outSent < m_out.size()) {
        const ssize_t n = ::send(m_fd, m_out.constData() + m_outSent,
                                 size_t(m_out.size() - m_outSent), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return false;
        if (n <= 0) {
            closeAll();
            return false;
        }
        m_outSent += n;
        touch();
    }
    return true;
}

void Transfer::onWritable()
{
    if (m_phase != Phase::Sending)
        return;
    if (!sendPending())
        return;
    qint64 sent = 0;
    while (m_fileLeft > 0 && sent < sendPerWakeup) {
        const ssize_t n = ::sendfile(m_fd, m_fileFd, &m_fileOffset,
                                     size_t(std::min<qint64>(m_fileLeft, 4 * 1024 * 1024)));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return; // the notifier says when the socket takes more
        if (n <= 0) {
            qCDebug(lcHttp) << "download ended early:" << (n < 0 ? strerror(errno) : "file shrank");
            m_worker->reportDownload();
            closeAll();
            return;
        }
        m_fileLeft -= n;
        sent += n;
        touch();
    }
    if (m_fileLeft > 0)
        return;
    if (!m_isUpload)
        m_worker->reportDownload();
    linger();
}

void Transfer::onReadable()
{
    char *buffer = m_worker->buffer();
    // Bounded per wake-up, like the sends.
    for (qint64 total = 0; total < sendPerWakeup;) {
        const qint64 want = m_phase == Phase::Receiving
                ? std::min<qint64>(receiveBuffer, m_upload.length - m_received)
                : receiveBuffer;
        const ssize_t n = ::recv(m_fd, buffer, size_t(std::max<qint64>(want, 1)), 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        if (n <= 0) {
            // The client closed or the connection broke: an upload keeps what arrived.
            reportUpload(TransferHost::Outcome::Partial);
            closeAll();
            return;
        }
        touch();
        total += n;
        if (m_phase != Phase::Receiving)
            continue; // lingering: discard
        receive(buffer, n);
        if (m_phase != Phase::Receiving)
            return;
    }
}

void Transfer::linger()
{
    if (m_phase == Phase::Done)
        return;
    // The answer is with the kernel; FIN goes after it. Then read and discard until the client
    // closes too (or the grace is over): closing with its bytes unread would reset the connection.
    ::shutdown(m_fd, SHUT_WR);
    m_phase = Phase::Lingering;
    m_lingerStartMs = m_clock.elapsed();
    watch(true, false);
}

void Transfer::cancel()
{
    reportUpload(TransferHost::Outcome::Cancelled);
    closeAll();
}

void Transfer::abortIdle()
{
    if (m_phase != Phase::Lingering)
        qCInfo(lcHttp) << "file transfer idle too long: cut off";
    reportUpload(TransferHost::Outcome::Partial);
    if (!m_isUpload && m_phase == Phase::Sending)
        m_worker->reportDownload();
    closeAll();
}

TransferHost::TransferHost(const Limits &limits, QObject *parent)
    : QObject(parent)
    , m_thread(std::make_unique<QThread>())
    , m_worker(new TransferWorker(this, limits))
{
    m_thread->setObjectName(u"lanchat-files"_s);
    m_worker->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
    QMetaObject::invokeMethod(m_worker, &TransferWorker::start, Qt::QueuedConnection);
}

TransferHost::~TransferHost()
{
    m_thread->quit();
    m_thread->wait(); // the worker is deleted as the thread ends, closing every transfer
}

void TransferHost::download(Download job)
{
    QMetaObject::invokeMethod(
            m_worker,
            [worker = m_worker, job] {
                Transfer *transfer = worker->newTransfer(job.fd);
                transfer->startDownload(job);
            },
            Qt::QueuedConnection);
}

void TransferHost::upload(Upload job)
{
    QMetaObject::invokeMethod(
            m_worker,
            [worker = m_worker, job] {
                Transfer *transfer = worker->newTransfer(job.fd);
                transfer->startUpload(job);
            },
            Qt::QueuedConnection);
}

void TransferHost::cancel(const QString &slot)
{
    QMetaObject::invokeMethod(
            m_worker, [worker = m_worker, slot] { worker->cancel(slot); }, Qt::QueuedConnection);
}
