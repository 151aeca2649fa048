#pragma once

struct AppOptions;
class QCoreApplication;

// Runs the hub without a window until SIGINT/SIGTERM. Returns the process exit code.
int runHeadless(QCoreApplication &app, const AppOptions &options);
