// The lanchat executable: builds the application object and hands over to app/ (lanchat_app).
#include "appoptions.h"
#include "discovery.h"
#include "guiapp.h"
#include "headless.h"
#include "startup.h"

#include <QApplication>
#include <QTextStream>

#include <memory>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    Startup::prepareEnvironment();
    Startup::raiseFileLimit();
    QCoreApplication::setOrganizationName(u"LanChat"_s);
    QCoreApplication::setApplicationName(u"lanchat"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(LANCHAT_VERSION));

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    std::unique_ptr<QCoreApplication> app;
    if (Startup::wantsWindow(arguments))
        app = std::make_unique<QApplication>(argc, argv);
    else
        app = std::make_unique<QCoreApplication>(argc, argv);
    Startup::installTranslators(*app);

    const ParsedCommandLine parsed = parseOptions(app->arguments());
    if (!reportParsed(parsed))
        return parsed.exitCode;
    const AppOptions &options = *parsed.options;
    switch (options.mode) {
    case AppOptions::Mode::Headless:
        return runHeadless(*app, options);
    case AppOptions::Mode::Discover: {
        QTextStream out(stdout);
        QTextStream err(stderr);
        return Discovery::runDiscover(options.discoverTimeoutMs, out, &err);
    }
    case AppOptions::Mode::Gui:
        break;
    }
    return runGui(static_cast<QApplication &>(*app), options);
}
