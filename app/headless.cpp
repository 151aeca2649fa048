#include "headless.h"

#include "appoptions.h"
#include "hubhost.h"
#include "lanaddresses.h"
#include "qrcode.h"
#include "reachsession.h"
#include "signalwatcher.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QTextStream>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcHeadless, "lanchat.app.headless", QtInfoMsg)

namespace {

// The page's address with a fragment: the browser keeps it to itself, never sending it to the hub
// or logging it anywhere on the way.
QString withFragment(const QUrl &page, const QString &key, const QString &value)
{
    QUrl url = page;
    url.setFragment(key + u'=' + QString::fromLatin1(QUrl::toPercentEncoding(value)),
                    QUrl::StrictMode);
    return url.toString(QUrl::FullyEncoded);
}

// Where the host token goes: the data folder, or for an ephemeral room (nothing on disk that
// outlives it) the user's runtime folder.
QString hostTokenPath(const AppOptions &options)
{
    const QString folder = options.hub.dataDir.isEmpty()
            ? QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation) + u"/lanchat"_s
            : options.hub.dataDir;
    return QDir(folder).filePath(u"host-token"_s);
}

// Writes the token, readable and writable by this user only (0600 from the start); the reason
// when it cannot.
QString writeHostToken(const QString &path, const QString &token)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return QCoreApplication::translate("Headless", "cannot create the folder");
    QFile file(path);
    const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate, ownerOnly))
        return file.errorString();
    // An older file keeps its mode through open(): make sure of it before the secret goes in.
    if (!file.setPermissions(ownerOnly) || file.write(token.toLatin1() + '\n') < 0 || !file.flush())
        return file.errorString();
    return {};
}

} // namespace

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
    QObject::connect(&host, &HubHost::passcodeChanged, &reach, &ReachSession::setPasscode);
    reach.setPasscode(host.passcode());
    SignalWatcher signals;
    int exitCode = 0;
    bool ending = false;

    QObject::connect(&host, &HubHost::listening, &app, [&](quint16 port) {
        // The first line is read by scripts and tests: it is never translated.
        out << u"LAN Chat: room \"%1\" on port %2"_s.arg(options.hub.room).arg(port) << Qt::endl;
        out << QCoreApplication::translate("Headless", "Open one of these addresses in a browser:")
            << Qt::endl;
        const QList<LanAddresses::Entry> entries = LanAddresses::entries(options.hub.bindAddress);
        const QString passcode = host.passcode();
        for (const LanAddresses::Entry &entry : entries) {
            const QUrl page = LanAddresses::pageUrl(entry.address, port);
            out << "  "
                << (passcode.isEmpty() ? page.toString() : withFragment(page, u"code"_s, passcode))
                << Qt::endl;
        }
        if (!entries.isEmpty()) {
            out << QCoreApplication::translate(
                    "Headless", "Host link (keep it secret: whoever opens it may remove people):")
                << Qt::endl;
            const QUrl page = LanAddresses::pageUrl(entries.constFirst().address, port);
            out << "  " << withFragment(page, u"host"_s, host.hostToken()) << Qt::endl;
        }
        const QString tokenPath = hostTokenPath(options);
        const QString problem = writeHostToken(tokenPath, host.hostToken());
        if (problem.isEmpty()) {
            out << QCoreApplication::translate("Headless", "Host token written to %1")
                            .arg(QDir::toNativeSeparators(tokenPath))
                << Qt::endl;
        } else {
            err << QCoreApplication::translate("Headless", "lanchat: cannot write %1: %2")
                            .arg(QDir::toNativeSeparators(tokenPath), problem)
                << Qt::endl;
        }
        // Announces the room, logs the reachability notes (lanchat.reach) and makes the card.
        reach.hostingStarted(options.hub.room, options.hub.bindAddress, options.hub.port, port);
        if (options.qr) {
            out << QrCode::encode(reach.joinUrl().toString(QUrl::FullyEncoded)).toTerminal()
                << Qt::endl;
            out << reach.joinUrl().toString(QUrl::FullyEncoded) << Qt::endl;
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
