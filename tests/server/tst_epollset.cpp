// EpollSet on a socketpair: what it reports, and why a connection must leave it explicitly.
// (Linux builds with epoll only; tst_readinessset holds it and NotifierSet to one contract.)
#include <QTest>

#include "epollset.h"

#include <sys/socket.h>
#include <unistd.h>

class TestEpollSet : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void reportsReadableAndWritableAsAsked();
    void removeEndsReportsThatClosingLeavesWithADuplicateOpen();

private:
    struct Recorder final : ReadinessSet::Handler
    {
        int calls = 0;
        ReadinessSet::Events events; // of the last call
        void onReadiness(ReadinessSet::Events e) override
        {
            ++calls;
            events = e;
        }
    };
    int m_fds[2] = {-1, -1};
};

void TestEpollSet::init()
{
    QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, m_fds), 0);
}

void TestEpollSet::cleanup()
{
    for (int &fd : m_fds) {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
}

void TestEpollSet::reportsReadableAndWritableAsAsked()
{
    EpollSet set;
    QVERIFY(set.isValid());
    QCOMPARE(set.scratchSize(), 64 * 1024);
    Recorder handler;
    QVERIFY(set.add(m_fds[0], &handler, true));
    QTRY_VERIFY(handler.calls > 0);
    QCOMPARE(handler.events, ReadinessSet::Writable); // writable, nothing to read

    QVERIFY(set.setWantWrite(m_fds[0], &handler, false));
    QCOMPARE(::write(m_fds[1], "x", 1), 1);
    handler.calls = 0;
    QTRY_VERIFY(handler.calls > 0);
    QCOMPARE(handler.events, ReadinessSet::Readable);
}

void TestEpollSet::removeEndsReportsThatClosingLeavesWithADuplicateOpen()
{
    // A registration belongs to the socket, not to the descriptor: closing one descriptor while
    // a duplicate is open (Qt's, one inherited by a child process) leaves it in the set, and the
    // set goes on naming a handler that may be gone. So connections call remove() first.
    const int duplicate = ::dup(m_fds[0]);
    QVERIFY(duplicate >= 0);
    {
        EpollSet set;
        Recorder closedOnly;
        QVERIFY(set.add(m_fds[0], &closedOnly, false));
        ::close(m_fds[0]);
        m_fds[0] = -1;
        QCOMPARE(::write(m_fds[1], "x", 1), 1);
        QTRY_VERIFY(closedOnly.calls > 0); // reported although its descriptor is closed
    }
    char byte = 0;
    QCOMPARE(::read(duplicate, &byte, 1), 1);
    const int second = ::dup(duplicate);
    QVERIFY(second >= 0);
    EpollSet set;
    Recorder removed;
    QVERIFY(set.add(second, &removed, false));
    QVERIFY(set.remove(second));
    ::close(second);
    QCOMPARE(::write(m_fds[1], "y", 1), 1);
    QTest::qWait(50); // the point is that nothing comes
    QCOMPARE(removed.calls, 0);
    ::close(duplicate);
}

QTEST_GUILESS_MAIN(TestEpollSet)
#include "tst_epollset.moc"
