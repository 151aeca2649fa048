#include "headless.h"

#include "appoptions.h"
#include "hubhost.h"
#include "lanaddresses.h"
#include "qrcode.h"
#include "reachsession.h"
#include "signalwatcher.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcHeadless, "lanchat.app.headless", QtInfoMsg)

int runHeadless(QCoreApplication &app, const AppOptions &options)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    HubHost host(options.hub);
    ReachSession reach;
    reach.setAnnounceEnabled(options.announce);
    reach.startListening();
    QObject::connect(&reach, &ReachSession::roomsJsonChanged, &host, &HubHost::setKnownRooms);
    QObject::connect(&host, &HubHost::peerCountChanged, &reach, &ReachSession::setPeopleCount);
    SignalWatcher signals;
    int exitCode = 0;
    bool ending = false;

    QObject::connect(&host, &HubHost::listening, &app, [&](quint16 port) {
        // The first line is read by scripts and tests: it is never translated.
        out << u"LAN Chat: room \"%1\" on port %2"_s.arg(options.hub.room).arg(port) << Qt::endl;
        out << QCoreApplication::translate("Headless", "Open one of these addresses in a browser:")
            << Qt::endl;
        for (const LanAddresses::Entry &entry : LanAddresses::entries(options.hub.bindAddress))
            out << "  " << LanAddresses::pageUrl(entry.address, port).toString() << Qt::endl;
        // Announces the room, logs the reachability notes (lanchat.reach) and makes the card.
        reach.hostingStarted(options.hub.room, options.hub.bindAddress, options.hub.port, port);
        if (options.qr) {
            out << QrCode::encode(reach.joinUrl().toString()).toTerminal() << Qt::endl;
            out << reach.joinUrl().toString() << Qt::endl;
        }
        out << QCoreApplication::translate("Headless", "Press Ctrl+C to end the room.") << Qt::endl;
    });
    QObject::connect(&host, &HubHost::failed, &app, [&](const QString &reason) {
        err << QCoreApplication::translate("Headless", "lanchat: cannot host the room: %1")
                        .arg(reason)
            << Qt::endl;
        exitCode = 1;
        app.exit(1);
    });
    QObject::connect(&host, &HubHost::stopped, &app, [&] { app.exit(exitCode); });
    QObject::connect(&host, &HubHost::storeStateChanged, &app,
                     [&](Room::StoreState state, const QString &problem) {
                         if (state == Room::StoreState::NotSaving) {
                             err << QCoreApplication::translate(
                                            "Headless", "lanchat: history is not being saved: %1")
                                             .arg(problem)
                                 << Qt::endl;
                         }
                     });
    QObject::connect(&signals, &SignalWatcher::terminationRequested, &app, [&](int number) {
        if (ending) {
            qCWarning(lcHeadless) << "second signal" << number << "- quitting at once";
            app.exit(0);
            return;
        }
        ending = true;
        qCInfo(lcHeadless) << "signal" << number << "- ending the room";
        reach.hostingStopped(); // bye: listeners drop the room at once
        host.stop();
    });

    host.start();
    return app.exec();
}
