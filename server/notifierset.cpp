#include "notifierset.h"

#include <QSocketNotifier>

#include <cerrno>

NotifierSet::NotifierSet(QObject *parent)
    : ReadinessSet(parent)
{ }

NotifierSet::~NotifierSet()
{
    // The notifiers are children; disable them first so that none is left registered with the
    // dispatcher for a descriptor that someone else closes meanwhile.
    for (const Watch &w : std::as_const(m_watches)) {
        w.read->setEnabled(false);
        if (w.write)
            w.write->setEnabled(false);
    }
}

QSocketNotifier *NotifierSet::watch(int fd, Handler *handler, Event event)
{
    auto *notifier = new QSocketNotifier(
            qintptr(fd), event == Writable ? QSocketNotifier::Write : QSocketNotifier::Read, this);
    connect(notifier, &QSocketNotifier::activated, this,
            [handler, event] { handler->onReadiness(event); });
    return notifier;
}

bool NotifierSet::add(int fd, Handler *handler, bool wantWrite)
{
    if (fd < 0 || m_watches.contains(fd)) {
        errno = fd < 0 ? EBADF : EEXIST;
        return false;
    }
    Watch &w = m_watches[fd];
    w.read = watch(fd, handler, Readable);
    if (wantWrite)
        w.write = watch(fd, handler, Writable);
    return true;
}

bool NotifierSet::setWantWrite(int fd, Handler *handler, bool wantWrite)
{
    const auto it = m_watches.find(fd);
    if (it == m_watches.end()) {
        errno = ENOENT;
        return false;
    }
    if (it->write)
        it->write->setEnabled(wantWrite);
    else if (wantWrite)
        it->write = watch(fd, handler, Writable);
    return true;
}

bool NotifierSet::remove(int fd)
{
    const auto it = m_watches.constFind(fd);
    if (it == m_watches.cend())
        return false;
    // Disabled now, so that the descriptor can be closed and its number reused at once; deleted
    // later, because this may run inside one of their own activated() signals.
    for (QSocketNotifier *notifier : {it->read, it->write}) {
        if (notifier) {
            notifier->setEnabled(false);
            notifier->deleteLater();
        }
    }
    m_watches.erase(it);
    return true;
}
