#pragma once

#include <QByteArray>
#include <QFlags>
#include <QObject>

// How the hub's thread learns which of its connections can be read or written. Two
// implementations, chosen when the program is built (LANCHAT_PORTABLE_TRANSPORT):
// - EpollSet (Linux): one epoll set behind one QSocketNotifier; a wake-up touches only the
//   ready connections.
// - NotifierSet (everywhere): one QSocketNotifier per connection for reading, and one for
//   writing that is enabled only while bytes wait; Qt's event dispatcher does the polling.
// Both are level-triggered: what a handler leaves unread is reported again.
class ReadinessSet : public QObject
{
    Q_OBJECT
public:
    enum Event : quint8 {
        Readable = 0x1, // also a hang-up or an error: the next recv() tells which
        Writable = 0x2,
    };
    Q_DECLARE_FLAGS(Events, Event)

    struct Handler
    {
        virtual void onReadiness(ReadinessSet::Events events) = 0;

    protected:
        ~Handler() = default;
    };

    // The implementation this build uses, or nullptr if it cannot be set up (then logged).
    static ReadinessSet *create(QObject *parent = nullptr);
    static const char *implementationName(); // "epoll" or "socket notifiers"

    ~ReadinessSet() override = default;

    // fd: a connected, non-blocking socket, watched for reading from now on; false if it cannot
    // be watched (errno says why) or is watched already.
    virtual bool add(int fd, Handler *handler, bool wantWrite) = 0;
    virtual bool setWantWrite(int fd, Handler *handler, bool wantWrite) = 0;
    // Before the descriptor is closed; false if it was not watched. Events already gathered for
    // it in this round may still be delivered: a handler must not be deleted while a dispatch that
    // may name it runs (WsConnection is deleted later, from the event loop).
    virtual bool remove(int fd) = 0;

    // One read buffer for all connections of this thread (they are read one at a time).
    char *scratch() { return m_scratch.data(); }
    qsizetype scratchSize() const { return m_scratch.size(); }

protected:
    explicit ReadinessSet(QObject *parent = nullptr);

private:
    QByteArray m_scratch;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(ReadinessSet::Events)
