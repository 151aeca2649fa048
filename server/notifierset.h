#pragma once

#include <QHash>

#include "readinessset.h"

class QSocketNotifier;

// The portable path (macOS, Windows, or Linux with LANCHAT_PORTABLE_TRANSPORT): one
// QSocketNotifier per connection for reading and one for writing, created when bytes first wait
// and enabled only while they do. Qt's event dispatcher does the waiting (poll() on Unix), so a
// wake-up costs time in proportion to all connections, not only the ready ones:
// docs/PERFORMANCE.md has the price.
class NotifierSet final : public ReadinessSet
{
    Q_OBJECT
public:
    explicit NotifierSet(QObject *parent = nullptr);
    ~NotifierSet() override;

    bool add(int fd, Handler *handler, bool wantWrite) override;
    bool setWantWrite(int fd, Handler *handler, bool wantWrite) override;
    bool remove(int fd) override;

private:
    struct Watch
    {
        QSocketNotifier *read = nullptr; // children
        QSocketNotifier *write = nullptr; // nullptr until the first wish to write
    };
    QSocketNotifier *watch(int fd, Handler *handler, Event event);

    QHash<int, Watch> m_watches;
};
