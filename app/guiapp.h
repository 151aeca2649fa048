#pragma once

#include <QString>

struct AppOptions;
class QApplication;

// Runs the window: hosts a room (or joins options.join) and returns the exit code.
int runGui(QApplication &app, const AppOptions &options);

// Whether --ephemeral or --data-dir chose where the hosted room's history goes; the window's
// "Keep History on This Computer" setting then does not apply.
bool historyChosenOnCommandLine(const AppOptions &options);

// The history folder of the room this app hosts: the command line's choice when it made one,
// else options.hub.dataDir when keepHistory, else empty (the history lives in memory only).
QString hostedDataDir(const AppOptions &options, bool keepHistory);
