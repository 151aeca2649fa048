#pragma once

#include "readinessset.h"

class QSocketNotifier;

// Linux: one epoll set behind one QSocketNotifier. The hub's thread wakes once for any number of
// ready connections and touches only those: Qt's own dispatcher polls every registered descriptor
// on every wake-up, which at 10,000 connections costs more than the work. Level-triggered.
class EpollSet final : public ReadinessSet
{
    Q_OBJECT
public:
    explicit EpollSet(QObject *parent = nullptr);
    ~EpollSet() override;

    bool isValid() const { return m_epoll >= 0; }
    bool add(int fd, Handler *handler, bool wantWrite) override;
    bool setWantWrite(int fd, Handler *handler, bool wantWrite) override;
    // Call before closing fd. Closing a descriptor leaves the set only when no other descriptor
    // refers to the same socket (a duplicate, one inherited by a child process); until then the
    // set would go on reporting events for a handler that is gone.
    bool remove(int fd) override;

private:
    void dispatch();

    int m_epoll = -1;
    QSocketNotifier *m_notifier = nullptr; // child
};
