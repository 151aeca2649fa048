// storebench: fills a room's store with messages, then times what the hub does with it: opening
// the room, one `history` page, one `search` (bench/store.sh drives it; numbers in
// docs/PERFORMANCE.md). It uses the hub's own Room and MessageStore, without the network.
//
//   storebench fill DIR ROOM COUNT      append COUNT messages (batches of 10,000 per transaction);
//                                       every tenth is private, from user1 to user2
//   storebench measure DIR ROOM         open, then for user1 (who may read every message) and for
//                                       a connection that has not joined (public ones only):
//                                       100 history pages, 100 searches; times in ms
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTextStream>

#include "messagestore.h"
#include "room.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

// A vocabulary of 20,000 pronounceable words, the same every run, with a Zipf-like use.
QStringList vocabulary()
{
    static const char *syllables[] = {"ka", "lo", "mi", "ne", "ru", "ta", "shi", "ve", "do", "pa",
                                      "ri", "so", "ge", "nu", "bi", "fa", "zo",  "le", "mo", "ti"};
    QRandomGenerator random(42);
    QStringList words;
    while (words.size() < 20000) {
        QString word;
        const int parts = 2 + int(random.bounded(3));
        for (int i = 0; i < parts; ++i)
            word += QLatin1StringView(syllables[random.bounded(20)]);
        words.append(word);
    }
    return words;
}

int zipf(QRandomGenerator &random, int n)
{
    // Rank r with probability ~ 1/r: inverse of the harmonic CDF, approximately.
    const double u = random.generateDouble();
    return std::min(n - 1, int(std::exp(u * std::log(double(n)))) - 1);
}

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5))];
}

// The person keys of the two who write the private messages.
const QString user1Key = QString(32, u'1');
const QString user2Key = QString(32, u'2');

int fill(const QString &dir, const QString &room, qint64 count)
{
    QDir().mkpath(dir);
    MessageStore store;
    MessageStore::Failure failure;
    if (!store.open(QDir(dir).filePath(Room::storeFileName(room)), &failure)) {
        QTextStream(stderr) << "cannot open the store: " << failure.reason << Qt::endl;
        return 1;
    }
    const QStringList words = vocabulary();
    QRandomGenerator random(7);
    qint64 seq = store.lastSeq();
    const qint64 end = seq + count;
    QDateTime time = QDateTime::currentDateTimeUtc().addSecs(-count);
    QElapsedTimer clock;
    clock.start();
    while (seq < end) {
        std::vector<MessageStore::Entry> batch;
        for (int i = 0; i < 10000 && seq < end; ++i) {
            Protocol::Message m = Protocol::chat({});
            QStringList text;
            const int length = 3 + int(random.bounded(15));
            for (int w = 0; w < length; ++w)
                text.append(words.at(zipf(random, int(words.size()))));
            m.text = text.join(u' ');
            m.seq = ++seq;
            m.from = u"user%1"_s.arg(random.bounded(50));
            m.time = time.addSecs(seq);
            MessageStore::Entry entry{std::move(m), {}, {}};
            if (seq % 10 == 0) {
                entry.chat.from = u"user1"_s;
                entry.chat.to = u"user2"_s;
                entry.senderKey = MessageStore::keyHash(user1Key);
                entry.recipientKey = MessageStore::keyHash(user2Key);
            }
            batch.push_back(std::move(entry));
        }
        if (!store.append(batch, seq, &failure)) {
            QTextStream(stderr) << "cannot write: " << failure.reason << Qt::endl;
            return 1;
        }
    }
    QTextStream(stdout) << "filled " << count << " messages in " << clock.elapsed() / 1000.0
                        << " s; seq " << seq << Qt::endl;
    return 0;
}

void measureReader(Room &hub, std::optional<Room::MemberId> reader, const QString &who,
                   QTextStream &out)
{
    out << who << ":" << Qt::endl;
    QElapsedTimer clock;
    QRandomGenerator random(11);
    std::vector<double> pages;
    for (int i = 0; i < 100; ++i) {
        const qint64 before = 1 + qint64(random.bounded(quint64(hub.seq())));
        clock.restart();
        const Room::Answer page = hub.history(Protocol::historyRequest(before, 100), reader);
        pages.push_back(double(clock.nsecsElapsed()) / 1e6);
        if (reader && page.message.messages.size() != std::min<qint64>(100, before - 1))
            out << "unexpected page size " << page.message.messages.size() << Qt::endl;
    }
    out << "  history page of 100 (random before), 100 pages: p50 " << percentile(pages, 0.5)
        << " ms, p99 " << percentile(pages, 0.99) << " ms, max " << percentile(pages, 1.0) << " ms"
        << Qt::endl;

    const QStringList words = vocabulary();
    std::vector<double> searches;
    qint64 hits = 0;
    for (int i = 0; i < 100; ++i) {
        // A mix: common and rare words, whole and as 3-letter prefixes, one or two words.
        QString query = words.at(int(random.bounded(qsizetype(words.size()))));
        if (i % 3 == 0)
            query = query.left(3);
        if (i % 4 == 0)
            query += u' ' + words.at(zipf(random, int(words.size())));
        clock.restart();
        const Room::Answer found = hub.search(Protocol::searchRequest(query), reader);
        searches.push_back(double(clock.nsecsElapsed()) / 1e6);
        hits += found.message.messages.size();
    }
    out << "  search (limit 50), 100 queries: p50 " << percentile(searches, 0.5) << " ms, p99 "
        << percentile(searches, 0.99) << " ms, max " << percentile(searches, 1.0) << " ms (" << hits
        << " results in all)" << Qt::endl;
}

int measure(const QString &dir, const QString &room)
{
    HubConfig config;
    config.dataDir = dir;
    config.room = room;
    config.keepDays = 0;
    config.keepMessages = 0;
    QElapsedTimer clock;
    clock.start();
    Room hub(config);
    hub.open();
    const double openMs = double(clock.nsecsElapsed()) / 1e6;
    QTextStream out(stdout);
    out << "store: " << hub.storePath() << ", seq " << hub.seq() << Qt::endl;
    out << "open (instance, seq, last 200 for welcomes): " << openMs << " ms" << Qt::endl;

    Protocol::Message join = Protocol::join(u"user1"_s);
    join.token = user1Key;
    hub.join(1, join.name, &join);
    measureReader(hub, 1, u"user1 (reads every message)"_s, out);
    measureReader(hub, std::nullopt, u"not joined (public messages only)"_s, out);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 5 && args.at(1) == u"fill"_s)
        return fill(args.at(2), args.at(3), args.at(4).toLongLong());
    if (args.size() == 4 && args.at(1) == u"measure"_s)
        return measure(args.at(2), args.at(3));
    QTextStream(stderr) << "usage: storebench fill DIR ROOM COUNT | storebench measure DIR ROOM"
                        << Qt::endl;
    return 2;
}
