#include <QTest>

#include "notifierset.h"
#ifndef LANCHAT_PORTABLE_TRANSPORT
#include "epollset.h"
#endif

#include <algorithm>
#include <cstring>
#include <functional>
#include <memory>

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

// A connected pair of stream sockets: `ours` is watched (non-blocking), `theirs` plays the peer.
struct SocketPair
{
    int ours = -1;
    int theirs = -1;

    SocketPair()
    {
        int fds[2];
        if (::socketpair(AF_UNIX, SOCK_STREAM, 0, fds) != 0)
            return;
        ours = fds[0];
        theirs = fds[1];
        ::fcntl(ours, F_SETFL, ::fcntl(ours, F_GETFL) | O_NONBLOCK);
    }
    ~SocketPair()
    {
        closeOurs();
        closeTheirs();
    }
    SocketPair(const SocketPair &) = delete;
    SocketPair &operator=(const SocketPair &) = delete;

    bool isValid() const { return ours >= 0 && theirs >= 0; }
    bool peerWrites(const char *bytes) const
    {
        const auto size = ssize_t(std::strlen(bytes));
        return ::write(theirs, bytes, size_t(size)) == size;
    }
    void closeOurs()
    {
        if (ours >= 0)
            ::close(ours);
        ours = -1;
    }
    void closeTheirs()
    {
        if (theirs >= 0)
            ::close(theirs);
        theirs = -1;
    }
};

// A socket pair whose `ours` end a set watches: counts what it is told; when readable it reads
// at most `readChunk` bytes, so that a test can see level-triggered reports. `onEvent` runs
// first, for tests that act inside the callback.
struct Watched final : ReadinessSet::Handler
{
    SocketPair pair;
    int readable = 0;
    int writable = 0;
    int bytesRead = 0;
    bool sawEnd = false; // recv() returned 0: the peer closed
    size_t readChunk = 1;
    std::function<bool(ReadinessSet::Events)> onEvent; // false: stop here

    int fd() const { return pair.ours; }
    bool watchBy(ReadinessSet *set, bool wantWrite)
    {
        return set && pair.isValid() && set->add(pair.ours, this, wantWrite);
    }

    void onReadiness(ReadinessSet::Events events) override
    {
        if (onEvent && !onEvent(events))
            return;
        if (events & ReadinessSet::Writable)
            ++writable;
        if (events & ReadinessSet::Readable) {
            ++readable;
            char buffer[64];
            const ssize_t n = ::recv(pair.ours, buffer, std::min(readChunk, sizeof buffer), 0);
            if (n > 0)
                bytesRead += int(n);
            else if (n == 0)
                sawEnd = true;
        }
    }
};

} // namespace

// Both ways the hub can learn that its sockets are ready, held to the same contract: reading is
// watched from add() on, writing only while wanted, both level-triggered, and nothing is heard of
// a descriptor after remove().
class TestReadinessSet : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readableIsLevelTriggered_data() { implementations(); }
    void readableIsLevelTriggered();
    void writableOnlyWhileWanted_data() { implementations(); }
    void writableOnlyWhileWanted();
    void hangUpIsReadable_data() { implementations(); }
    void hangUpIsReadable();
    void removedDescriptorIsQuiet_data() { implementations(); }
    void removedDescriptorIsQuiet();
    void removeAndCloseInsideTheCallback_data() { implementations(); }
    void removeAndCloseInsideTheCallback();
    void addingOrRemovingTwiceFails_data() { implementations(); }
    void addingOrRemovingTwiceFails();
    void buildUsesItsImplementation();

private:
    static void implementations();
    static std::unique_ptr<ReadinessSet> makeSet();
};

void TestReadinessSet::implementations()
{
    QTest::addColumn<QString>("implementation");
    QTest::addRow("notifiers") << u"notifiers"_s;
#ifndef LANCHAT_PORTABLE_TRANSPORT
    QTest::addRow("epoll") << u"epoll"_s;
#endif
}

std::unique_ptr<ReadinessSet> TestReadinessSet::makeSet()
{
    QFETCH(QString, implementation);
#ifndef LANCHAT_PORTABLE_TRANSPORT
    if (implementation == u"epoll"_s) {
        auto set = std::make_unique<EpollSet>();
        return set->isValid() ? std::move(set) : nullptr;
    }
#endif
    return std::make_unique<NotifierSet>();
}

void TestReadinessSet::readableIsLevelTriggered()
{
    const auto set = makeSet();
    Watched w;
    QVERIFY(w.watchBy(set.get(), false));
    QVERIFY(w.pair.peerWrites("abc"));
    // One byte per report: three bytes need three reports, which only a level-triggered set gives.
    QTRY_COMPARE(w.bytesRead, 3);
    QCOMPARE(w.writable, 0);
    QVERIFY(!w.sawEnd);
    set->remove(w.fd());
}

void TestReadinessSet::writableOnlyWhileWanted()
{
    const auto set = makeSet();
    Watched w;
    QVERIFY(w.watchBy(set.get(), false));

    // The socket is writable all along; a set that watched for it would report it in the same
    // round as the byte below.
    QVERIFY(w.pair.peerWrites("a"));
    QTRY_COMPARE(w.bytesRead, 1);
    QCOMPARE(w.writable, 0);

    QVERIFY(set->setWantWrite(w.fd(), &w, true));
    QTRY_VERIFY(w.writable >= 2); // reported again while still wanted

    QVERIFY(set->setWantWrite(w.fd(), &w, false));
    const int writable = w.writable;
    QVERIFY(w.pair.peerWrites("b"));
    QTRY_COMPARE(w.bytesRead, 2);
    QCOMPARE(w.writable, writable);

    // Wanted from add() on.
    Watched eager;
    QVERIFY(eager.watchBy(set.get(), true));
    QTRY_VERIFY(eager.writable > 0);
    QCOMPARE(eager.readable, 0);
    set->remove(eager.fd());
    set->remove(w.fd());
}

void TestReadinessSet::hangUpIsReadable()
{
    const auto set = makeSet();
    Watched w;
    QVERIFY(w.watchBy(set.get(), false));
    w.pair.closeTheirs();
    QTRY_VERIFY(w.sawEnd);
    QCOMPARE(w.bytesRead, 0);
    set->remove(w.fd());
}

void TestReadinessSet::removedDescriptorIsQuiet()
{
    const auto set = makeSet();
    Watched quiet;
    Watched heard;
    QVERIFY(quiet.watchBy(set.get(), true));
    QVERIFY(heard.watchBy(set.get(), false));
    QVERIFY(set->remove(quiet.fd()));
    // Both become readable at once; a set that still watched `quiet` reports it in the same
    // round as `heard`.
    QVERIFY(quiet.pair.peerWrites("x"));
    QVERIFY(heard.pair.peerWrites("y"));
    QTRY_COMPARE(heard.bytesRead, 1);
    QCOMPARE(quiet.readable, 0);
    QCOMPARE(quiet.writable, 0);
    // And it can be watched again.
    QVERIFY(quiet.watchBy(set.get(), false));
    QTRY_COMPARE(quiet.bytesRead, 1);
    set->remove(quiet.fd());
    set->remove(heard.fd());
}

void TestReadinessSet::removeAndCloseInsideTheCallback()
{
    // What WsConnection does when a read ends the connection: leave the set and close the
    // descriptor from inside the report. The next socket may get the same descriptor number.
    const auto set = makeSet();
    Watched closing;
    const int number = closing.fd();
    int reports = 0;
    closing.onEvent = [&](ReadinessSet::Events) {
        set->remove(closing.fd());
        closing.pair.closeOurs();
        ++reports;
        return false;
    };
    // Readable and writable at once: with notifiers, two reports are due in the same round, and
    // the second must not come after the first has removed the descriptor.
    QVERIFY(closing.pair.peerWrites("bye"));
    QVERIFY(closing.watchBy(set.get(), true));
    QTRY_COMPARE(reports, 1);

    Watched next;
    QCOMPARE(next.fd(), number); // the lowest free number: the one just closed
    QVERIFY(next.watchBy(set.get(), false));
    QVERIFY(next.pair.peerWrites("hi"));
    QTRY_COMPARE(next.bytesRead, 2);
    QCOMPARE(next.writable, 0);
    QCOMPARE(reports, 1);
    set->remove(next.fd());
}

void TestReadinessSet::addingOrRemovingTwiceFails()
{
    const auto set = makeSet();
    Watched w;
    QVERIFY(w.watchBy(set.get(), false));
    QVERIFY(!set->add(w.fd(), &w, false));
    QVERIFY(set->remove(w.fd()));
    QVERIFY(!set->remove(w.fd()));
    QVERIFY(!set->setWantWrite(w.fd(), &w, true));
}

void TestReadinessSet::buildUsesItsImplementation()
{
    const std::unique_ptr<ReadinessSet> set(ReadinessSet::create());
    QVERIFY(set);
#ifdef LANCHAT_PORTABLE_TRANSPORT
    QVERIFY(qobject_cast<NotifierSet *>(set.get()));
    QCOMPARE(ReadinessSet::implementationName(), "socket notifiers");
#else
    QVERIFY(qobject_cast<EpollSet *>(set.get()));
    QCOMPARE(ReadinessSet::implementationName(), "epoll");
#endif
}

QTEST_GUILESS_MAIN(TestReadinessSet)
#include "tst_readinessset.moc"
