#include "appoptions.h"

#include "roomurl.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostInfo>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace {

// The command line's texts, under one translation context that lupdate can see.
struct Cli
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

// Reads an integer option within [min, max]; prints an error and returns false otherwise.
bool readInt(const QCommandLineParser &parser, const QCommandLineOption &option, qint64 min,
             qint64 max, qint64 *out)
{
    if (!parser.isSet(option))
        return true;
    bool ok = false;
    const qint64 value = parser.value(option).toLongLong(&ok);
    if (!ok || value < min || value > max) {
        QTextStream(stderr) << Cli::tr("lanchat: --%1 takes a number from %2 to %3, not \"%4\"")
                                       .arg(option.names().constFirst())
                                       .arg(min)
                                       .arg(max)
                                       .arg(parser.value(option))
                            << Qt::endl;
        return false;
    }
    *out = value;
    return true;
}

QString defaultPersonName()
{
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty())
        name = qEnvironmentVariable("USERNAME");
    return name.isEmpty() ? u"LAN Chat"_s : name;
}

} // namespace

std::optional<AppOptions> parseOptions(const QCoreApplication &app, const QStringList &arguments,
                                       int *exitCode)
{
    Q_UNUSED(app);
    *exitCode = 1;
    QCommandLineParser parser;
    parser.setApplicationDescription(
            Cli::tr("Chat rooms on the local network. Started without options, LAN Chat hosts a "
                    "room and opens its window; anyone on the LAN can join from the app or a "
                    "browser."));
    parser.addHelpOption();
    parser.addVersionOption();

    const QCommandLineOption headless(u"headless"_s, Cli::tr("Host a room without a window."));
    const QCommandLineOption port(
            u"port"_s,
            Cli::tr("TCP port for the page and the chat (default 8765; 0: any "
                    "free port)."),
            Cli::tr("port"));
    const QCommandLineOption bind(u"bind"_s, Cli::tr("Address to listen on (default: all)."),
                                  Cli::tr("address"));
    const QCommandLineOption room(u"room"_s, Cli::tr("Name of the hosted room."), Cli::tr("name"));
    const QCommandLineOption nick(u"nick"_s, Cli::tr("Your nickname in the window."),
                                  Cli::tr("nick"));
    const QCommandLineOption join(u"join"_s,
                                  Cli::tr("Open the window in another room instead of hosting "
                                          "(ws://HOST:PORT/ws, http://HOST:PORT/ or HOST:PORT)."),
                                  Cli::tr("address"));
    const QCommandLineOption maxClients(u"max-clients"_s,
                                        Cli::tr("Most connections at once (default 10000)."),
                                        Cli::tr("count"));
    const QCommandLineOption rateLimit(u"rate-limit"_s,
                                       Cli::tr("Messages per second one client may send, sustained "
                                               "(default 20; 0 turns the limit off)."),
                                       Cli::tr("rate"));
    const QCommandLineOption rateBurst(
            u"rate-burst"_s, Cli::tr("Messages one client may send in a burst (default 40)."),
            Cli::tr("count"));
    const QCommandLineOption maxPending(u"max-pending-kib"_s,
                                        Cli::tr("Unsent KiB a client may fall behind before it is "
                                                "dropped (default 4096)."),
                                        Cli::tr("KiB"));
    const QCommandLineOption history(u"history"_s,
                                     Cli::tr("Chat messages kept for late joiners (default 200)."),
                                     Cli::tr("count"));
    const QCommandLineOption pingInterval(u"ping-interval"_s,
                                          Cli::tr("Seconds between keepalive pings (default 30)."),
                                          Cli::tr("seconds"));
    const QCommandLineOption idleTimeout(u"idle-timeout"_s,
                                         Cli::tr("Seconds of silence before a client is dropped "
                                                 "(default 60)."),
                                         Cli::tr("seconds"));
    const QCommandLineOption allowOrigin(u"allow-origin"_s,
                                         Cli::tr("Also accept browser pages from this origin, e.g. "
                                                 "http://chat.example:8765 (repeatable)."),
                                         Cli::tr("origin"));
    const QCommandLineOption allowHost(u"allow-host"_s,
                                       Cli::tr("Also serve the page under this host name, e.g. "
                                               "chat.example (repeatable; IP addresses, localhost "
                                               "and this machine's names always work)."),
                                       Cli::tr("name"));
    const QCommandLineOption noAnnounce(u"no-announce"_s,
                                        Cli::tr("Do not announce the room on the LAN."));
    const QCommandLineOption discover(u"discover"_s,
                                      Cli::tr("List the rooms announced on the LAN and exit."));
    const QCommandLineOption timeout(u"timeout"_s,
                                     Cli::tr("With --discover: seconds to listen (default 3)."),
                                     Cli::tr("seconds"));
    const QCommandLineOption qr(u"qr"_s,
                                Cli::tr("With --headless: print a QR code of the address."));
    parser.addOptions({headless, port, bind, room, nick, join, maxClients, rateLimit, rateBurst,
                       maxPending, history, pingInterval, idleTimeout, allowOrigin, allowHost,
                       noAnnounce, discover, timeout, qr});

    if (!parser.parse(arguments)) {
        QTextStream(stderr) << u"lanchat: "_s << parser.errorText() << Qt::endl
                            << Cli::tr("Try 'lanchat --help'.") << Qt::endl;
        return std::nullopt;
    }
    if (parser.isSet(u"help"_s)) {
        QTextStream(stdout) << parser.helpText();
        *exitCode = 0;
        return std::nullopt;
    }
    if (parser.isSet(u"version"_s)) {
        QTextStream(stdout) << u"lanchat "_s << QCoreApplication::applicationVersion() << Qt::endl;
        *exitCode = 0;
        return std::nullopt;
    }
    if (!parser.positionalArguments().isEmpty()) {
        QTextStream(stderr) << Cli::tr("lanchat: unexpected argument \"%1\"")
                                       .arg(parser.positionalArguments().constFirst())
                            << Qt::endl;
        return std::nullopt;
    }

    AppOptions options;
    if (parser.isSet(headless) && parser.isSet(discover)) {
        QTextStream(stderr) << Cli::tr("lanchat: --headless and --discover do not go together")
                            << Qt::endl;
        return std::nullopt;
    }
    options.mode = parser.isSet(headless) ? AppOptions::Mode::Headless
            : parser.isSet(discover)      ? AppOptions::Mode::Discover
                                          : AppOptions::Mode::Gui;
    HubConfig &hub = options.hub;

    qint64 value = 0;
    if (!readInt(parser, port, 0, 65535, &value))
        return std::nullopt;
    if (parser.isSet(port)) {
        hub.port = quint16(value);
        options.portGiven = true;
    }
    if (parser.isSet(bind)) {
        QHostAddress address;
        if (!address.setAddress(parser.value(bind))) {
            QTextStream(stderr) << Cli::tr("lanchat: --bind needs an IP address, not \"%1\"")
                                           .arg(parser.value(bind))
                                << Qt::endl;
            return std::nullopt;
        }
        hub.bindAddress = address;
    }
    options.roomGiven = parser.isSet(room);
    if (options.roomGiven) {
        const QString name = parser.value(room).trimmed();
        if (name.isEmpty() || name.size() > 64) {
            QTextStream(stderr) << Cli::tr("lanchat: the room name must be 1 to 64 characters")
                                << Qt::endl;
            return std::nullopt;
        }
        hub.room = name;
    } else {
        hub.room = options.mode == AppOptions::Mode::Headless ? QHostInfo::localHostName()
                                                              : defaultPersonName();
        if (hub.room.isEmpty())
            hub.room = u"Lobby"_s;
    }
    options.nick = parser.value(nick).trimmed();
    if (parser.isSet(join)) {
        options.join = Protocol::roomSocketUrl(parser.value(join));
        if (!options.join.isValid()) {
            QTextStream(stderr) << Cli::tr("lanchat: cannot join \"%1\": not a room address")
                                           .arg(parser.value(join))
                                << Qt::endl;
            return std::nullopt;
        }
    }

    value = hub.maxClients;
    if (!readInt(parser, maxClients, 1, 1000000, &value))
        return std::nullopt;
    hub.maxClients = int(value);
    value = qint64(hub.rateLimit);
    if (!readInt(parser, rateLimit, 0, 1000000, &value))
        return std::nullopt;
    hub.rateLimit = double(value);
    value = hub.rateBurst;
    if (!readInt(parser, rateBurst, 1, 1000000, &value))
        return std::nullopt;
    hub.rateBurst = int(value);
    value = hub.maxPendingBytes / 1024;
    if (!readInt(parser, maxPending, 64, 1024 * 1024, &value))
        return std::nullopt;
    hub.maxPendingBytes = value * 1024;
    value = hub.historySize;
    if (!readInt(parser, history, 0, 100000, &value))
        return std::nullopt;
    hub.historySize = int(value);
    value = hub.pingInterval.count() / 1000;
    if (!readInt(parser, pingInterval, 1, 3600, &value))
        return std::nullopt;
    hub.pingInterval = std::chrono::seconds(value);
    value = hub.idleTimeout.count() / 1000;
    if (!readInt(parser, idleTimeout, 2, 7200, &value))
        return std::nullopt;
    hub.idleTimeout = std::chrono::seconds(value);
    hub.allowedOrigins = parser.values(allowOrigin);
    hub.allowedHosts = parser.values(allowHost);
    options.announce = !parser.isSet(noAnnounce);
    options.qr = parser.isSet(qr);
    value = options.discoverTimeoutMs / 1000;
    if (!readInt(parser, timeout, 1, 600, &value))
        return std::nullopt;
    options.discoverTimeoutMs = int(value * 1000);

    *exitCode = 0;
    return options;
}
