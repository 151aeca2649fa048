#include "readinessset.h"

#ifdef LANCHAT_PORTABLE_TRANSPORT
#include "notifierset.h"
#else
#include "epollset.h"
#endif

ReadinessSet::ReadinessSet(QObject *parent)
    : QObject(parent)
    , m_scratch(64 * 1024, Qt::Uninitialized)
{ }

ReadinessSet *ReadinessSet::create(QObject *parent)
{
#ifdef LANCHAT_PORTABLE_TRANSPORT
    return new NotifierSet(parent);
#else
    auto *set = new EpollSet(parent);
    if (set->isValid())
        return set;
    delete set;
    return nullptr;
#endif
}

const char *ReadinessSet::implementationName()
{
#ifdef LANCHAT_PORTABLE_TRANSPORT
    return "socket notifiers";
#else
    return "epoll";
#endif
}
