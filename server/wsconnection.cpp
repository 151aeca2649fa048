#include "wsconnection.h"

#include "logging.h"

#include <QTimer>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

// A peer that has gone must not raise SIGPIPE: Linux and the BSDs take MSG_NOSIGNAL per send(),
// macOS SO_NOSIGPIPE per socket (set in start()).
#ifdef MSG_NOSIGNAL
constexpr int sendFlags = MSG_DONTWAIT | MSG_NOSIGNAL;
#else
constexpr int sendFlags = MSG_DONTWAIT;
#endif

} // namespace

WsConnection::WsConnection(int fd, const QHostAddress &peer, quint16 peerPort, const Limits &limits,
                           QObject *parent)
    : QObject(parent)
    , m_fd(fd)
    , m_reader(limits.maxMessageBytes)
    , m_peerAddress(peer)
    , m_peerPort(peerPort)
    , m_limits(limits)
{ }

WsConnection::~WsConnection()
{
    closeDescriptor();
}

void WsConnection::closeDescriptor()
{
    if (m_fd < 0)
        return;
    if (m_registered && m_set)
        m_set->remove(m_fd);
    m_registered = false;
    ::close(m_fd);
    m_fd = -1;
}

bool WsConnection::start(ReadinessSet *set, Events *events, QByteArray input)
{
    m_set = set;
    m_events = events;
#ifdef SO_NOSIGPIPE
    const int one = 1;
    ::setsockopt(m_fd, SOL_SOCKET, SO_NOSIGPIPE, &one, sizeof one);
#endif
    m_registered = set->add(m_fd, this, false);
    if (!m_registered) {
        m_failure = u"cannot watch the socket: "_s + errnoText(errno);
        finish(m_failure);
        return false;
    }
    if (!input.isEmpty())
        feed(input.data(), input.size());
    return true;
}

QString WsConnection::peerString() const
{
    return m_peerAddress.toString() + u':' + QString::number(m_peerPort);
}

void WsConnection::write(QByteArrayView frames)
{
    if (m_state != State::Open || frames.isEmpty())
        return;
    if (pendingBytes() > 0) {
        queue(frames); // behind what waits for the socket to be writable
        enforceLimit();
        return;
    }
    // The usual case: straight to the kernel, nothing copied or kept.
    const ssize_t n = ::send(m_fd, frames.data(), size_t(frames.size()), sendFlags);
    if (n < 0 && errno != EAGAIN && errno != EINTR) {
        finish(errnoText(errno));
        return;
    }
    const qsizetype sent = std::max<qsizetype>(0, n);
    if (sent == frames.size())
        return;
    m_outHalfFrame = halfFrameAfter(frames, 0, sent);
    queue(frames.sliced(sent));
    updateWantWrite();
    enforceLimit();
}

void WsConnection::enforceLimit()
{
    m_allowance = std::min(m_allowance, pendingBytes()); // what is owed leaves first
    if (m_state != State::Open || pendingBytes() <= m_limits.maxPendingBytes + m_allowance)
        return;
    const qint64 unsent = pendingBytes();
    qCWarning(lcHub).nospace() << "closing " << peerString() << ": " << unsent
                               << " bytes unsent (the peer stopped reading)";
    if (m_events)
        m_events->wsTooSlow(unsent);
    close(1008 /* policy */, u"too slow: stopped reading"_s, true);
}

void WsConnection::answerPing(QByteArrayView payload)
{
    if (m_out.size() == m_outPos) {
        write(WsFrame::pong(payload));
        return;
    }
    // The kernel takes nothing at the moment: keep only the answer to the latest ping, sent
    // once the queue has drained. A peer that pings without reading holds one pong, not one per
    // ping.
    m_pendingPong = WsFrame::pong(payload);
}

void WsConnection::queue(QByteArrayView bytes)
{
    if (m_outPos > 0 && m_outPos == m_out.size()) {
        m_out.resize(0);
        m_outPos = 0;
    }
    m_out.append(bytes.data(), bytes.size());
}

void WsConnection::ping()
{
    write(WsFrame::ping());
}

void WsConnection::close(quint16 code, const QString &reason, bool dropBacklog)
{
    if (m_state != State::Open)
        return;
    m_state = State::Closing;
    m_pendingPong = QByteArray(); // nothing but the close frame after this
    if (dropBacklog && m_out.size() - m_outPos > m_outHalfFrame) {
        // The peer does not read: what it has not been given yet is not worth keeping, and the
        // close frame should not wait behind it.
        m_out = m_out.sliced(m_outPos, m_outHalfFrame);
        m_outPos = 0;
    }
    queue(WsFrame::close(code, reason.toUtf8()));
    m_closeSent = true;
    flushOutput();
    if (m_state != State::Closed) {
        QTimer::singleShot(m_limits.closeGrace, this, [this] {
            if (m_state != State::Closed)
                finish(u"no close handshake within %1 ms"_s.arg(m_limits.closeGrace.count()));
        });
    }
}

void WsConnection::abort()
{
    finish(u"aborted"_s);
}

void WsConnection::onReadiness(ReadinessSet::Events events)
{
    if (m_state == State::Closed)
        return;
    if (events & ReadinessSet::Writable)
        flushOutput();
    if (m_state != State::Closed && (events & ReadinessSet::Readable))
        readInput();
}

void WsConnection::readInput()
{
    // At most 4 reads a wake-up: level-triggered, the rest waits for the next round, and one
    // busy peer cannot starve the others.
    for (int i = 0; i < 4 && m_state != State::Closed; ++i) {
        const ssize_t n = ::recv(m_fd, m_set->scratch(), size_t(m_set->scratchSize()), 0);
        if (n > 0) {
            feed(m_set->scratch(), qsizetype(n));
            if (n < m_set->scratchSize())
                return;
            continue;
        }
        if (n == 0) {
            finish(m_closeReceived ? QString() : u"the peer closed the connection"_s);
            return;
        }
        if (errno == EAGAIN || errno == EINTR)
            return;
        finish(errnoText(errno));
        return;
    }
}

void WsConnection::feed(char *data, qsizetype size)
{
    if (m_closeReceived)
        return; // nothing counts after the peer's close frame
    if (m_reader.feed(data, size, *this) || m_reader.errorCode() == 0)
        return;
    const quint16 code = m_reader.errorCode();
    const QString why = m_reader.errorText();
    if (m_state == State::Open) {
        if (m_events)
            m_events->wsRejected(code, why);
        close(code, why);
    }
}

bool WsConnection::onFrame(WsFrame::Opcode opcode, QByteArrayView payload)
{
    using WsFrame::Opcode;
    if (m_state == State::Open && m_events)
        m_events->wsAlive();
    if (m_state == State::Closed)
        return false;
    switch (opcode) {
    case Opcode::Text:
        if (m_state == State::Open && m_events)
            m_events->wsText(payload);
        return m_state != State::Closed;
    case Opcode::Binary:
        if (m_state == State::Open && m_events)
            m_events->wsBinary();
        return m_state != State::Closed;
    case Opcode::Ping:
        if (m_state == State::Open)
            answerPing(payload);
        return m_state != State::Closed;
    case Opcode::Pong:
        return true; // wsAlive() was all there is to it
    case Opcode::Close: {
        m_closeReceived = true;
        quint16 error = 0;
        if (!WsFrame::parseClosePayload(payload, &m_receivedCode, &m_receivedReason, &error)) {
            m_receivedCode = 1005;
            if (m_state == State::Open) {
                if (m_events)
                    m_events->wsRejected(error, u"invalid close frame"_s);
                close(error, u"invalid close frame"_s);
            }
        } else if (m_state == State::Open) {
            // The peer started the close: answer with its code (RFC 6455, 5.5.1). Once the
            // answer has left, flushOutput() ends the connection.
            close(m_receivedCode == 1005 ? 1000 : m_receivedCode, {});
        } else if (m_state == State::Closing && m_finSent) {
            finish({}); // our close frame and FIN are out, theirs is in: done
        }
        return false;
    }
    case Opcode::Continuation:
        break;
    }
    return true;
}

void WsConnection::flushOutput()
{
    for (;;) {
        while (m_outPos < m_out.size()) {
            const ssize_t n = ::send(m_fd, m_out.constData() + m_outPos,
                                     size_t(m_out.size() - m_outPos), sendFlags);
            if (n > 0) {
                consumeSent(qsizetype(n));
                continue;
            }
            if (n < 0 && (errno == EAGAIN || errno == EINTR))
                break;
            finish(n < 0 ? errnoText(errno) : u"send failed"_s);
            return;
        }
        if (m_outPos < m_out.size() || m_pendingPong.isEmpty())
            break;
        m_out = std::exchange(m_pendingPong, QByteArray()); // the queue has drained: its turn
        m_outPos = 0;
        m_outHalfFrame = 0;
    }
    if (m_outPos == m_out.size()) {
        m_out = QByteArray(); // caught up: a connection that keeps up holds no buffer
        m_outPos = 0;
        m_outHalfFrame = 0;
        if (m_closeSent && !m_finSent) {
            m_finSent = true;
            ::shutdown(m_fd, SHUT_WR); // FIN after the close frame; read on until the peer closes
            if (m_closeReceived) {
                finish({});
                return;
            }
        }
    } else if (m_outPos >= 64 * 1024 && m_outPos * 2 >= m_out.size()) {
        m_out.remove(0, m_outPos); // compact now and then, not after every partial send
        m_outPos = 0;
    }
    updateWantWrite();
}

qsizetype WsConnection::halfFrameAfter(QByteArrayView bytes, qsizetype halfFrame, qsizetype sent)
{
    // bytes: whole frames, except that the first halfFrame bytes finish a frame begun earlier.
    // Returns how many bytes after the first `sent` still belong to a frame begun in them.
    qsizetype at = halfFrame;
    while (at < sent) {
        const qsizetype size = WsFrame::serverFrameSize(bytes.sliced(at));
        if (size < 0 || at + size > bytes.size())
            return bytes.size() - sent; // only whole frames are queued: does not happen
        at += size;
    }
    return at - sent;
}

void WsConnection::consumeSent(qsizetype sent)
{
    // Where frames begin in what is left, so that close(…, dropBacklog) can cut the backlog
    // without cutting a frame in half.
    m_outHalfFrame = halfFrameAfter(QByteArrayView(m_out).sliced(m_outPos), m_outHalfFrame, sent);
    m_outPos += sent;
    m_allowance = std::min(m_allowance, pendingBytes());
}

void WsConnection::updateWantWrite()
{
    const bool want = pendingBytes() > 0;
    if (want != m_wantWrite && m_state != State::Closed) {
        m_wantWrite = want;
        m_set->setWantWrite(m_fd, this, want);
    }
}

void WsConnection::finish(const QString &failure)
{
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    if (!(m_closeSent && m_closeReceived) && !failure.isEmpty())
        m_failure = failure;
    closeDescriptor();
    m_out = QByteArray();
    m_outPos = 0;
    m_pendingPong = QByteArray();
    // Never from inside a call of the hub's: it may be iterating over its connections.
    QMetaObject::invokeMethod(
            this,
            [this] {
                if (m_events)
                    m_events->wsClosed();
            },
            Qt::QueuedConnection);
}
