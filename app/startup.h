#pragma once

#include <QStringList>

class QCoreApplication;

// What main() does to the process before and right after the application object exists.
namespace Startup {

// Decisions about the process environment, taken in main() while it is the only thread: nothing
// may change the environment once other threads (Qt's, the hub's) could read it.
// The hub thread gets Qt's UNIX event dispatcher instead of glib's (QT_NO_THREADED_GLIB, read when
// a QThread starts): glib's socket-notifier bookkeeping is linear in the number of sockets
// (docs/PERFORMANCE.md). The GUI thread keeps glib (it reads QT_NO_GLIB, which stays unset).
// A value the user set is kept.
void prepareEnvironment();

// A hub with thousands of guests needs thousands of descriptors: take what the system allows.
void raiseFileLimit();

// Only the window needs a display: --headless, --discover, --help and --version run anywhere.
bool wantsWindow(const QStringList &arguments);

// Qt's own catalogue (qtbase) from the system, ours from the resources (:/i18n).
void installTranslators(QCoreApplication &app);

} // namespace Startup
