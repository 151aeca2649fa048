#include "appoptions.h"

#include "filetypes.h"
#include "roomurl.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHostInfo>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTextStream>

#include <functional>

using namespace Qt::StringLiterals;

namespace {

// The command line's texts, under one translation context that lupdate can see.
struct Cli
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

// One command-line option, everything about it in one row: its name, the name of its value, its
// help, its default (read from a default AppOptions, so --help never disagrees with the code),
// and how a value is checked and where it goes.
struct OptionRow
{
    const char *name;
    const char *valueName; // nullptr: a flag without a value
    const char *help; // in the "Cli" context; "%1" becomes the default
    std::function<QString(const AppOptions &)> defaultText; // empty function: no default shown
    // Checks one value and stores it in the options; returns the error (one line, naming the
    // option) or an empty string. Repeatable options get one call per value, in order; for a
    // single-value option the last one given wins.
    std::function<QString(AppOptions &, const QString &value)> apply;
};

// A value as quoted in an error message: one line, not too long.
QString quoted(const QString &value)
{
    QString shown = value.left(80);
    for (QChar &c : shown) {
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator
            || c == QChar::ParagraphSeparator)
            c = u' ';
    }
    return u'"' + shown + (value.size() > 80 ? u"…\""_s : u"\""_s);
}

OptionRow flag(const char *name, const char *help, std::function<QString(AppOptions &)> set)
{
    return {name, nullptr, help, {}, [set = std::move(set)](AppOptions &o, const QString &) {
                return set(o);
            }};
}

// An integer from min to max; get reads the default, set stores a checked value.
OptionRow number(const char *name, const char *valueName, const char *help, qint64 min, qint64 max,
                 std::function<qint64(const AppOptions &)> get,
                 std::function<void(AppOptions &, qint64)> set)
{
    return {name, valueName, help, [get](const AppOptions &o) { return QString::number(get(o)); },
            [=](AppOptions &o, const QString &text) {
                bool ok = false;
                const qint64 value = text.trimmed().toLongLong(&ok);
                if (!ok || value < min || value > max)
                    return Cli::tr("--%1 takes a number from %2 to %3, not %4")
                            .arg(QLatin1StringView(name))
                            .arg(min)
                            .arg(max)
                            .arg(quoted(text));
                set(o, value);
                return QString();
            }};
}

OptionRow text(const char *name, const char *valueName, const char *help,
               std::function<QString(AppOptions &, const QString &)> apply)
{
    return {name, valueName, help, {}, std::move(apply)};
}

QString setMode(AppOptions &o, AppOptions::Mode mode)
{
    if (o.mode != AppOptions::Mode::Gui && o.mode != mode)
        return Cli::tr("--headless and --discover do not go together");
    o.mode = mode;
    return {};
}

// Where rooms keep their history unless --data-dir says otherwise: one file per room in here.
QString defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

// A passcode as the hub takes it: trimmed, 1 to 256 characters, no control characters.
QString setPasscode(AppOptions &o, const QString &value, const char *option)
{
    const QString code = value.trimmed();
    const bool control = std::any_of(code.cbegin(), code.cend(),
                                     [](QChar c) { return c.category() == QChar::Other_Control; });
    if (code.isEmpty() || code.size() > 256 || control)
        return Cli::tr("--%1 needs a passcode of 1 to 256 characters without control characters")
                .arg(QLatin1StringView(option));
    if (o.passcodeGiven)
        return Cli::tr("--passcode and --passcode-file do not go together");
    o.hub.passcode = code;
    o.passcodeGiven = true;
    return {};
}

// The first line of the file, trimmed: a passcode kept out of the command line (and `ps`).
QString readPasscodeFile(AppOptions &o, const QString &path)
{
    QFile file(path.trimmed());
    if (path.trimmed().isEmpty() || !file.open(QIODevice::ReadOnly | QIODevice::Text))
        return Cli::tr("--passcode-file cannot read %1: %2").arg(quoted(path), file.errorString());
    const QString firstLine = QString::fromUtf8(file.readLine(64 * 1024));
    return setPasscode(o, firstLine, "passcode-file");
}

using Ms = std::chrono::milliseconds;
constexpr qint64 mebibyte = 1024 * 1024;
constexpr qint64 gibibyte = 1024 * mebibyte;
using Seconds = std::chrono::seconds;

// Every option of the lanchat executable. --help lists them in this order.
const QList<OptionRow> &optionTable()
{
    static const QList<OptionRow> rows = {
            flag("headless", QT_TRANSLATE_NOOP("Cli", "Host a room without a window."),
                 [](AppOptions &o) { return setMode(o, AppOptions::Mode::Headless); }),
            number(
                    "port", QT_TRANSLATE_NOOP("Cli", "port"),
                    QT_TRANSLATE_NOOP("Cli",
                                      "TCP port for the page and the chat (default %1; 0: any free "
                                      "port)."),
                    0, 65535, [](const AppOptions &o) { return o.hub.port; },
                    [](AppOptions &o, qint64 v) {
                        o.hub.port = quint16(v);
                        o.portGiven = true;
                    }),
            text("bind", QT_TRANSLATE_NOOP("Cli", "address"),
                 QT_TRANSLATE_NOOP("Cli", "Address to listen on (default: all)."),
                 [](AppOptions &o, const QString &value) {
                     QHostAddress address;
                     if (!address.setAddress(value.trimmed()))
                         return Cli::tr("--bind needs an IP address, not %1").arg(quoted(value));
                     o.hub.bindAddress = address;
                     return QString();
                 }),
            text("room", QT_TRANSLATE_NOOP("Cli", "name"),
                 QT_TRANSLATE_NOOP("Cli",
                                   "Name of the hosted room (default: your name; headless: this "
                                   "computer's name)."),
                 [](AppOptions &o, const QString &value) {
                     const QString name = value.trimmed();
                     if (name.isEmpty() || name.size() > 64)
                         return Cli::tr("--room takes a name of 1 to 64 characters, not %1")
                                 .arg(quoted(value));
                     o.hub.room = name;
                     o.roomGiven = true;
                     return QString();
                 }),
            text("nick", QT_TRANSLATE_NOOP("Cli", "nick"),
                 QT_TRANSLATE_NOOP("Cli", "Your nickname in the window."),
                 [](AppOptions &o, const QString &value) {
                     const QString nick = value.trimmed();
                     if (nick.size() > Protocol::MaxNameLength)
                         return Cli::tr("--nick takes a name of at most %1 characters, not %2")
                                 .arg(Protocol::MaxNameLength)
                                 .arg(quoted(value));
                     o.nick = nick;
                     return QString();
                 }),
            flag("host",
                 QT_TRANSLATE_NOOP("Cli",
                                   "Host a room at once (by default the window first looks for a "
                                   "room on the LAN to join)."),
                 [](AppOptions &o) {
                     o.host = true;
                     return QString();
                 }),
            text("join", QT_TRANSLATE_NOOP("Cli", "address"),
                 QT_TRANSLATE_NOOP("Cli",
                                   "Open the window in another room instead of hosting "
                                   "(ws://HOST:PORT/ws, http://HOST:PORT/ or HOST:PORT)."),
                 [](AppOptions &o, const QString &value) {
                     o.join = Protocol::roomSocketUrl(value);
                     if (!o.join.isValid())
                         return Cli::tr("--join needs a room address, not %1").arg(quoted(value));
                     return QString();
                 }),
            text("passcode", QT_TRANSLATE_NOOP("Cli", "code"),
                 QT_TRANSLATE_NOOP("Cli",
                                   "Only people who give this passcode may join the room (anyone "
                                   "on this computer can see it in the process list: "
                                   "--passcode-file is safer)."),
                 [](AppOptions &o, const QString &value) {
                     return setPasscode(o, value, "passcode");
                 }),
            text("passcode-file", QT_TRANSLATE_NOOP("Cli", "file"),
                 QT_TRANSLATE_NOOP("Cli", "Read the room's passcode from the first line of FILE."),
                 readPasscodeFile),
            number(
                    "max-clients", QT_TRANSLATE_NOOP("Cli", "count"),
                    QT_TRANSLATE_NOOP("Cli", "Most connections at once (default %1)."), 1, 1000000,
                    [](const AppOptions &o) { return o.hub.maxClients; },
                    [](AppOptions &o, qint64 v) { o.hub.maxClients = int(v); }),
            number(
                    "rate-limit", QT_TRANSLATE_NOOP("Cli", "rate"),
                    QT_TRANSLATE_NOOP("Cli",
                                      "Messages per second one client may send, sustained (default "
                                      "%1; 0 turns the limit off)."),
                    0, 1000000, [](const AppOptions &o) { return qint64(o.hub.rateLimit); },
                    [](AppOptions &o, qint64 v) { o.hub.rateLimit = double(v); }),
            number(
                    "rate-burst", QT_TRANSLATE_NOOP("Cli", "count"),
                    QT_TRANSLATE_NOOP("Cli",
                                      "Messages one client may send in a burst (default %1)."),
                    1, 1000000, [](const AppOptions &o) { return o.hub.rateBurst; },
                    [](AppOptions &o, qint64 v) { o.hub.rateBurst = int(v); }),
            number(
                    "max-pending-kib", QT_TRANSLATE_NOOP("Cli", "KiB"),
                    QT_TRANSLATE_NOOP("Cli",
                                      "Unsent KiB a client may fall behind before it is dropped "
                                      "(default %1)."),
                    64, 1024 * 1024,
                    [](const AppOptions &o) { return o.hub.maxPendingBytes / 1024; },
                    [](AppOptions &o, qint64 v) { o.hub.maxPendingBytes = v * 1024; }),
            number(
                    "history", QT_TRANSLATE_NOOP("Cli", "count"),
                    QT_TRANSLATE_NOOP("Cli", "Chat messages kept for late joiners (default %1)."),
                    0, 100000, [](const AppOptions &o) { return o.hub.historySize; },
                    [](AppOptions &o, qint64 v) { o.hub.historySize = int(v); }),
            {"data-dir", QT_TRANSLATE_NOOP("Cli", "folder"),
             QT_TRANSLATE_NOOP("Cli",
                               "Folder for the rooms' history (default: the app data folder, "
                               "%1)."),
             [](const AppOptions &) { return defaultDataDir(); },
             [](AppOptions &o, const QString &value) {
                 if (value.trimmed().isEmpty())
                     return Cli::tr("--data-dir needs a folder, not %1").arg(quoted(value));
                 o.hub.dataDir = QDir(value.trimmed()).absolutePath();
                 o.dataDirGiven = true;
                 return QString();
             }},
            flag("ephemeral",
                 QT_TRANSLATE_NOOP("Cli", "Keep nothing on disk: the history ends with the room."),
                 [](AppOptions &o) {
                     o.ephemeral = true;
                     return QString();
                 }),
            number(
                    "keep-days", QT_TRANSLATE_NOOP("Cli", "days"),
                    QT_TRANSLATE_NOOP("Cli", "Days the history is kept (default %1; 0: no limit)."),
                    0, 100000, [](const AppOptions &o) { return o.hub.keepDays; },
                    [](AppOptions &o, qint64 v) { o.hub.keepDays = int(v); }),
            number(
                    "keep-messages", QT_TRANSLATE_NOOP("Cli", "count"),
                    QT_TRANSLATE_NOOP("Cli",
                                      "Messages the history keeps at most (default %1; 0: no "
                                      "limit)."),
                    0, qint64(1) << 40, [](const AppOptions &o) { return o.hub.keepMessages; },
                    [](AppOptions &o, qint64 v) { o.hub.keepMessages = v; }),
            flag("no-files",
                 QT_TRANSLATE_NOOP("Cli", "Do not take files and pictures in the room."),
                 [](AppOptions &o) {
                     o.hub.filesEnabled = false;
                     return QString();
                 }),
            number(
                    "max-file-mib", QT_TRANSLATE_NOOP("Cli", "MiB"),
                    QT_TRANSLATE_NOOP("Cli", "Largest file a person may send (default %1 MiB)."), 1,
                    qint64(1) << 30,
                    [](const AppOptions &o) { return o.hub.maxFileBytes / mebibyte; },
                    [](AppOptions &o, qint64 v) { o.hub.maxFileBytes = v * mebibyte; }),
            number(
                    "files-quota-gib", QT_TRANSLATE_NOOP("Cli", "GiB"),
                    QT_TRANSLATE_NOOP("Cli",
                                      "Space all the room's files may take (default %1 GiB; 0: no "
                                      "limit)."),
                    0, qint64(1) << 20,
                    [](const AppOptions &o) { return o.hub.filesQuotaBytes / gibibyte; },
                    [](AppOptions &o, qint64 v) { o.hub.filesQuotaBytes = v * gibibyte; }),
            text("file-types", QT_TRANSLATE_NOOP("Cli", "list"),
                 QT_TRANSLATE_NOOP(
                         "Cli",
                         "Only take files of these types, e.g. image/*,application/pdf,.zip "
                         "(default: any)."),
                 [](AppOptions &o, const QString &value) {
                     QString bad;
                     const QStringList types = FileTypes::parseTypes(value, &bad);
                     if (types.isEmpty())
                         return Cli::tr("--file-types takes types such as image/*, "
                                        "application/pdf or .zip, not %1")
                                 .arg(quoted(bad.isEmpty() ? value : bad));
                     o.hub.fileTypes = types;
                     return QString();
                 }),
            number(
                    "ping-interval", QT_TRANSLATE_NOOP("Cli", "seconds"),
                    QT_TRANSLATE_NOOP("Cli", "Seconds between keepalive pings (default %1)."), 1,
                    3600,
                    [](const AppOptions &o) {
                        return std::chrono::duration_cast<Seconds>(o.hub.pingInterval).count();
                    },
                    [](AppOptions &o, qint64 v) { o.hub.pingInterval = Seconds(v); }),
            number(
                    "idle-timeout", QT_TRANSLATE_NOOP("Cli", "seconds"),
                    QT_TRANSLATE_NOOP(
                            "Cli", "Seconds of silence before a client is dropped (default %1)."),
                    2, 7200,
                    [](const AppOptions &o) {
                        return std::chrono::duration_cast<Seconds>(o.hub.idleTimeout).count();
                    },
                    [](AppOptions &o, qint64 v) { o.hub.idleTimeout = Seconds(v); }),
            text("allow-origin", QT_TRANSLATE_NOOP("Cli", "origin"),
                 QT_TRANSLATE_NOOP("Cli",
                                   "Also accept browser pages from this origin, e.g. "
                                   "http://chat.example:8765 (repeatable)."),
                 [](AppOptions &o, const QString &value) {
                     const QUrl url(value.trimmed(), QUrl::StrictMode);
                     const bool origin = url.isValid() && !url.host().isEmpty()
                             && (url.scheme() == u"http"_s || url.scheme() == u"https"_s)
                             && (url.path().isEmpty() || url.path() == u"/"_s) && !url.hasQuery()
                             && !url.hasFragment() && url.userInfo().isEmpty();
                     if (!origin)
                         return Cli::tr("--allow-origin needs an origin such as "
                                        "http://chat.example:8765, not %1")
                                 .arg(quoted(value));
                     o.hub.allowedOrigins.append(value.trimmed());
                     return QString();
                 }),
            text("allow-host", QT_TRANSLATE_NOOP("Cli", "name"),
                 QT_TRANSLATE_NOOP("Cli",
                                   "Also serve the page under this host name, e.g. chat.example "
                                   "(repeatable; IP addresses, localhost and this machine's names "
                                   "always work)."),
                 [](AppOptions &o, const QString &value) {
                     static const QRegularExpression hostName(
                             u"^[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*\\.?$"_s);
                     const QString name = value.trimmed();
                     if (name.size() > 253 || !hostName.match(name).hasMatch())
                         return Cli::
                                 tr("--allow-host needs a host name such as chat.example, not %1")
                                         .arg(quoted(value));
                     o.hub.allowedHosts.append(name);
                     return QString();
                 }),
            flag("no-announce", QT_TRANSLATE_NOOP("Cli", "Do not announce the room on the LAN."),
                 [](AppOptions &o) {
                     o.announce = false;
                     return QString();
                 }),
            flag("discover",
                 QT_TRANSLATE_NOOP("Cli", "List the rooms announced on the LAN and exit."),
                 [](AppOptions &o) { return setMode(o, AppOptions::Mode::Discover); }),
            number(
                    "timeout", QT_TRANSLATE_NOOP("Cli", "seconds"),
                    QT_TRANSLATE_NOOP("Cli", "With --discover: seconds to listen (default %1)."), 1,
                    600, [](const AppOptions &o) { return o.discoverTimeoutMs / 1000; },
                    [](AppOptions &o, qint64 v) { o.discoverTimeoutMs = int(v * 1000); }),
            flag("qr", QT_TRANSLATE_NOOP("Cli", "With --headless: print a QR code of the address."),
                 [](AppOptions &o) {
                     o.qr = true;
                     return QString();
                 }),
    };
    return rows;
}

ParsedCommandLine failure(const QString &error)
{
    ParsedCommandLine result;
    result.error = u"lanchat: "_s + error;
    result.exitCode = ParsedCommandLine::UsageError;
    return result;
}

// Qt's help starts "Usage: <the path the program was started by>": name the program instead.
QString helpWithoutPath(const QString &help)
{
    const qsizetype lineEnd = help.indexOf(u'\n');
    return Cli::tr("Usage: lanchat [options]") + (lineEnd < 0 ? QString() : help.mid(lineEnd));
}

} // namespace

ParsedCommandLine parseOptions(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
            Cli::tr("Chat rooms on the local network. Started without options, LAN Chat opens "
                    "its window and joins a room it hears on the LAN, or hosts one; anyone on the "
                    "LAN can join from the app or a browser."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const AppOptions defaults;
    for (const OptionRow &row : optionTable()) {
        QString description = Cli::tr(row.help);
        if (row.defaultText)
            description = description.arg(row.defaultText(defaults));
        parser.addOption(QCommandLineOption(QString::fromLatin1(row.name), description,
                                            row.valueName ? Cli::tr(row.valueName) : QString()));
    }

    if (!parser.parse(arguments))
        return failure(Cli::tr("%1 (see lanchat --help)").arg(parser.errorText()));
    if (parser.isSet(help)) {
        ParsedCommandLine result;
        result.output = helpWithoutPath(parser.helpText());
        return result;
    }
    if (parser.isSet(version)) {
        ParsedCommandLine result;
        result.output = u"lanchat %1 (Qt %2)\n"_s.arg(QStringLiteral(LANCHAT_VERSION),
                                                      QString::fromLatin1(qVersion()));
        return result;
    }
    if (!parser.positionalArguments().isEmpty()) {
        return failure(Cli::tr("unexpected argument %1")
                               .arg(quoted(parser.positionalArguments().constFirst())));
    }

    AppOptions options;
    for (const OptionRow &row : optionTable()) {
        const QString name = QString::fromLatin1(row.name);
        if (!parser.isSet(name))
            continue;
        const QStringList values = row.valueName ? parser.values(name) : QStringList{QString()};
        for (const QString &value : values) {
            const QString error = row.apply(options, value);
            if (!error.isEmpty())
                return failure(error);
        }
    }
    if (options.ephemeral && !options.hub.dataDir.isEmpty())
        return failure(Cli::tr("--ephemeral and --data-dir do not go together"));
    if (!options.ephemeral && options.hub.dataDir.isEmpty())
        options.hub.dataDir = defaultDataDir();
    if (options.host && options.join.isValid())
        return failure(Cli::tr("--host and --join do not go together"));
    if (!options.roomGiven && options.mode == AppOptions::Mode::Headless) {
        const QString host = QHostInfo::localHostName();
        options.hub.room = host.isEmpty() ? u"Lobby"_s : host.left(64);
    }

    ParsedCommandLine result;
    result.options = std::move(options);
    return result;
}

bool reportParsed(const ParsedCommandLine &parsed)
{
    if (!parsed.output.isEmpty())
        QTextStream(stdout) << parsed.output;
    if (!parsed.error.isEmpty())
        QTextStream(stderr) << parsed.error << Qt::endl;
    return parsed.options.has_value();
}
