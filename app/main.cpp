#include "appoptions.h"
#include "discovery.h"
#include "guiapp.h"
#include "headless.h"
#include "translators.h"

#include <QApplication>
#include <QCoreApplication>
#include <QTextStream>

#include <memory>

#include <sys/resource.h>

using namespace Qt::StringLiterals;

namespace {

// A hub with thousands of guests needs thousands of descriptors: take what the system allows.
void raiseFileLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

bool wantsWindow(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView arg(argv[i]);
        if (arg == "--headless" || arg == "--discover" || arg == "--help" || arg == "-h"
            || arg == "--help-all" || arg == "--version" || arg == "-v")
            return false;
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    raiseFileLimit();
    QCoreApplication::setOrganizationName(u"LanChat"_s);
    QCoreApplication::setApplicationName(u"lanchat"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(LANCHAT_VERSION));

    // Only the window needs a display: headless, --discover and --help run anywhere.
    const bool gui = wantsWindow(argc, argv);
    std::unique_ptr<QCoreApplication> app;
    if (gui)
        app = std::make_unique<QApplication>(argc, argv);
    else
        app = std::make_unique<QCoreApplication>(argc, argv);
    installTranslators(*app);

    int exitCode = 0;
    const std::optional<AppOptions> options = parseOptions(*app, app->arguments(), &exitCode);
    if (!options)
        return exitCode;
    switch (options->mode) {
    case AppOptions::Mode::Headless:
        return runHeadless(*app, *options);
    case AppOptions::Mode::Discover: {
        QTextStream out(stdout);
        QTextStream err(stderr);
        return Discovery::runDiscover(options->discoverTimeoutMs, out, &err);
    }
    case AppOptions::Mode::Gui:
        break;
    }
    return runGui(static_cast<QApplication &>(*app), *options);
}
