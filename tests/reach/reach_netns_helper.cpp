// Runs one side of the network-namespace discovery test (tst_discoverynetns), inside a namespace
// through `ip netns exec`. Uses the library's defaults: the real discovery port and group, and
// every non-loopback interface of the namespace.
//
//   reach_netns_helper announce ROOM DURATION_MS INTERVAL_MS [multicast|broadcast|both]
//   reach_netns_helper listen TIMEOUT_MS [until-gone]
//
// listen prints "LISTENING <interfaces>" once bound, then "HEARD <discoverLine>" for the first
// room, and with until-gone also "GONE <milliseconds since heard>" when it goes away; exit code 0
// when that happened in time, 2 otherwise.
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>
#include <QTimer>

#include "discovery.h"
#include "roomannouncer.h"
#include "roomlistener.h"

#include <chrono>

using namespace Qt::StringLiterals;

static int announce(const QStringList &args)
{
    if (args.size() < 3)
        return 1;
    RoomAnnouncer announcer;
    announcer.setRoomName(args.at(0));
    announcer.setRoomPort(8765);
    announcer.setPeopleCount(2);
    announcer.setInterval(std::chrono::milliseconds(args.at(2).toInt()));
    const QString how = args.value(3, u"both"_s);
    announcer.setMulticastEnabled(how != u"broadcast"_s);
    announcer.setBroadcastEnabled(how != u"multicast"_s);
    QTextStream out(stdout);
    QObject::connect(&announcer, &RoomAnnouncer::announced, &announcer,
                     [&out](int datagrams, const QStringList &interfaces) {
                         out << "ANNOUNCED " << datagrams << ' ' << interfaces.join(u',') << '\n';
                         out.flush();
                     });
    QObject::connect(&announcer, &RoomAnnouncer::failed, qApp, [] { qApp->exit(1); });
    QTimer::singleShot(args.at(1).toInt(), &announcer, [&announcer] {
        announcer.stop(); // says bye
        qApp->quit();
    });
    announcer.start();
    return QCoreApplication::exec();
}

static int listen(const QStringList &args)
{
    if (args.isEmpty())
        return 1;
    const bool untilGone = args.value(1) == u"until-gone"_s;
    RoomListener listener;
    if (!listener.start())
        return 1;
    QTextStream out(stdout);
    out << "LISTENING " << listener.joinedInterfaces().join(u',') << '\n';
    out.flush();
    QElapsedTimer heard;
    QObject::connect(&listener, &RoomListener::roomsChanged, &listener, [&] {
        if (!heard.isValid() && listener.roomCount() > 0) {
            heard.start();
            out << "HEARD " << Discovery::discoverLine(listener.rooms().constFirst()) << '\n';
            out.flush();
            if (!untilGone)
                qApp->exit(0);
        } else if (heard.isValid() && listener.roomCount() == 0) {
            out << "GONE " << heard.elapsed() << '\n';
            out.flush();
            qApp->exit(0);
        }
    });
    QTimer::singleShot(args.at(0).toInt(), qApp, [] { qApp->exit(2); });
    return QCoreApplication::exec();
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    if (args.value(0) == u"announce"_s)
        return announce(args.mid(1));
    if (args.value(0) == u"listen"_s)
        return listen(args.mid(1));
    QTextStream(stderr) << "usage: reach_netns_helper announce|listen …\n";
    return 1;
}
