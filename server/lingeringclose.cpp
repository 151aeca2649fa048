#include "lingeringclose.h"

#include "logging.h"

#include <QSocketNotifier>
#include <QTcpSocket>
#include <QTimer>

#include <cerrno>

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

LingeringClose::LingeringClose(QTcpSocket *tcp, std::chrono::milliseconds grace, QObject *parent)
    : QObject(parent)
{
    if (tcp->socketDescriptor() >= 0)
        m_fd = ::fcntl(int(tcp->socketDescriptor()), F_DUPFD_CLOEXEC, 0);
    if (m_fd < 0) {
        QTimer::singleShot(0, this, &LingeringClose::finish);
        return;
    }
    // Until Qt has written everything and closed its descriptor, the connection is Qt's.
    connect(tcp, &QAbstractSocket::disconnected, this, &LingeringClose::transportClosed);
    connect(tcp, &QObject::destroyed, this, &LingeringClose::transportClosed);
    QTimer::singleShot(grace, this, [this] {
        qCDebug(lcHttp) << "lingering close: the peer did not close in time";
        finish();
    });
}

LingeringClose::~LingeringClose()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

LingeringClose *LingeringClose::watch(QTcpSocket *tcp, std::chrono::milliseconds grace,
                                      QObject *parent)
{
    if (!tcp || tcp->state() == QAbstractSocket::UnconnectedState)
        return nullptr;
    return new LingeringClose(tcp, grace, parent);
}

void LingeringClose::transportClosed()
{
    if (m_draining || m_fd < 0)
        return;
    m_draining = true;
    // Everything Qt had to send is in the kernel now; FIN goes after it.
    ::shutdown(m_fd, SHUT_WR);
    m_notifier = new QSocketNotifier(qintptr(m_fd), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &LingeringClose::drain);
    drain();
}

void LingeringClose::drain()
{
    // The descriptor shares Qt's O_NONBLOCK. Read until the peer's FIN (0) or an error; what it
    // sends meanwhile is not wanted any more.
    // At most 256 KiB per wake-up, so a peer that keeps sending cannot hold the hub's thread.
    char scratch[16384];
    for (int round = 0; round < 16; ++round) {
        const ssize_t n = ::recv(m_fd, scratch, sizeof scratch, 0);
        if (n > 0)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EINTR))
            return;
        finish(); // FIN, or the connection failed
        return;
    }
}

void LingeringClose::finish()
{
    if (m_done)
        return;
    m_done = true;
    if (m_notifier)
        m_notifier->setEnabled(false);
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    Q_EMIT finished();
    deleteLater();
}
