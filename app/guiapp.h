#pragma once

struct AppOptions;
class QApplication;

// Runs the window: hosts a room (or joins options.join) and returns the exit code.
int runGui(QApplication &app, const AppOptions &options);
