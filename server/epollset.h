#pragma once

#include <QByteArray>
#include <QObject>

class QSocketNotifier;

// One epoll set behind one QSocketNotifier. The hub's thread wakes once for any number of ready
// connections and touches only those: Qt's own dispatcher polls every registered descriptor on
// every wake-up, which at 10,000 connections costs more than the work. Level-triggered.
class EpollSet final : public QObject
{
    Q_OBJECT
public:
    struct Handler
    {
        virtual void onEpollEvents(quint32 events) = 0; // EPOLLIN, EPOLLOUT, EPOLLERR, …

    protected:
        ~Handler() = default;
    };

    explicit EpollSet(QObject *parent = nullptr);
    ~EpollSet() override;

    bool isValid() const { return m_epoll >= 0; }
    bool add(int fd, Handler *handler, bool wantWrite);
    bool setWantWrite(int fd, Handler *handler, bool wantWrite);
    // Call before closing fd. Closing a descriptor leaves the set only when no other descriptor
    // refers to the same socket (a duplicate, one inherited by a child process); until then the
    // set would go on reporting events for a handler that is gone.
    bool remove(int fd);
    // One read buffer for all connections of this thread (they are read one at a time).
    char *scratch() { return m_scratch.data(); }
    qsizetype scratchSize() const { return m_scratch.size(); }
    // A handler must not be deleted while a dispatch that may still name it runs (WsConnection
    // is deleted later, from the event loop).

private:
    void dispatch();

    int m_epoll = -1;
    QByteArray m_scratch;
    QSocketNotifier *m_notifier = nullptr; // child
};
