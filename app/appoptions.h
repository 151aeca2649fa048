#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

#include "hubconfig.h"

#include <optional>

// The parsed command line of the lanchat executable.
struct AppOptions
{
    enum class Mode { Gui, Headless, Discover };
    Mode mode = Mode::Gui;

    HubConfig hub; // hosting: port, bind, room, limits
    bool portGiven = false; // --port was given: the GUI must not fall back to another port
    bool roomGiven = false; // without --room the window names the room after its person, and
                            // headless after this machine
    QString nick; // --nick (Qt's xcb plugin takes --name for itself); empty: from settings or the
                  // user's login name
    bool ephemeral = false; // --ephemeral: the history lives in memory only (hub.dataDir empty)
    bool dataDirGiven = false; // --data-dir was given: the window's history setting does not apply
    bool host = false; // --host: host at once instead of looking for a room on the LAN first
    QUrl join; // --join: open straight into this room (ws://HOST:PORT/ws) instead of hosting
    bool announce = true; // --no-announce turns LAN discovery announcements off
    bool qr = false; // --qr: headless prints a terminal QR code
    bool passcodeGiven = false; // --passcode or --passcode-file set hub.passcode
    int discoverTimeoutMs = 3000; // --discover --timeout SECONDS
};

// What parseOptions() found: the options, or the text to print and the exit code to end with.
struct ParsedCommandLine
{
    static constexpr int UsageError = 2; // a bad option or value, as grep and ls use it

    std::optional<AppOptions> options; // empty: print and exit
    QString output; // --help / --version text for stdout
    QString error; // one line for stderr, naming the option at fault
    int exitCode = 0;
};

// Parses the command line (arguments[0] is the program). Prints nothing: the caller does.
ParsedCommandLine parseOptions(const QStringList &arguments);

// Prints what parseOptions() returned to stdout/stderr; returns true when the program goes on.
bool reportParsed(const ParsedCommandLine &parsed);
