#include "epollset.h"

#include "logging.h"

#include <QSocketNotifier>

#include <cerrno>
#include <cstring>

#include <sys/epoll.h>
#include <unistd.h>

namespace {

epoll_event eventFor(ReadinessSet::Handler *handler, bool wantWrite)
{
    epoll_event event{};
    event.events = EPOLLIN | EPOLLRDHUP | (wantWrite ? EPOLLOUT : 0u);
    event.data.ptr = handler;
    return event;
}

} // namespace

EpollSet::EpollSet(QObject *parent)
    : ReadinessSet(parent)
    , m_epoll(::epoll_create1(EPOLL_CLOEXEC))
{
    if (m_epoll < 0) {
        qCWarning(lcHub) << "epoll_create1 failed:" << std::strerror(errno);
        return;
    }
    m_notifier = new QSocketNotifier(qintptr(m_epoll), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &EpollSet::dispatch);
}

EpollSet::~EpollSet()
{
    if (m_epoll >= 0) {
        m_notifier->setEnabled(false);
        ::close(m_epoll);
    }
}

bool EpollSet::add(int fd, Handler *handler, bool wantWrite)
{
    epoll_event event = eventFor(handler, wantWrite);
    return ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event) == 0;
}

bool EpollSet::setWantWrite(int fd, Handler *handler, bool wantWrite)
{
    epoll_event event = eventFor(handler, wantWrite);
    return ::epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &event) == 0;
}

bool EpollSet::remove(int fd)
{
    return ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr) == 0;
}

void EpollSet::dispatch()
{
    // A bounded number of rounds per wake-up, so that timers and queued calls (the hub's flush)
    // get their turn; level-triggered events that remain wake us again at once.
    constexpr int batch = 256;
    epoll_event events[batch];
    for (int round = 0; round < 8; ++round) {
        const int n = ::epoll_wait(m_epoll, events, batch, 0);
        for (int i = 0; i < n; ++i) {
            const quint32 ready = events[i].events;
            Events what;
            if (ready & EPOLLOUT)
                what |= Writable;
            if (ready & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR))
                what |= Readable;
            static_cast<Handler *>(events[i].data.ptr)->onReadiness(what);
        }
        if (n < batch)
            return;
    }
}
