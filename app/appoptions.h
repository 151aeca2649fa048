#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

#include "hubconfig.h"

#include <optional>

class QCoreApplication;

// The parsed command line of the lanchat executable.
struct AppOptions
{
    enum class Mode { Gui, Headless, Discover };
    Mode mode = Mode::Gui;

    HubConfig hub; // hosting: port, bind, room, limits
    bool portGiven = false; // --port was given: the GUI must not fall back to another port
    bool roomGiven = false;
    QString nick; // --nick (Qt's xcb plugin takes --name for itself); empty: from settings or the
                  // user's login name
    bool host = false; // --host: host at once instead of looking for a room on the LAN first
    QUrl join; // --join: open straight into this room (ws://HOST:PORT/ws) instead of hosting
    bool announce = true; // --no-announce turns LAN discovery announcements off
    bool qr = false; // --qr: headless prints a terminal QR code
    int discoverTimeoutMs = 3000; // --discover --timeout SECONDS
};

// Parses the command line. Returns nullopt after printing an error (exit code 1) or help/version
// (*exitCode = 0) to the console.
std::optional<AppOptions> parseOptions(const QCoreApplication &app, const QStringList &arguments,
                                       int *exitCode);
