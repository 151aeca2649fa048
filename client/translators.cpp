#include "translators.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include "clientlog.h"

using namespace Qt::StringLiterals;

namespace {
bool install(QCoreApplication &app, const QString &name, const QString &folder)
{
    auto *translator = new QTranslator(&app);
    if (translator->load(QLocale(), name, u"_"_s, folder)
        && QCoreApplication::installTranslator(translator))
        return true;
    qCDebug(lcClientUi) << "no" << name << "catalogue for" << QLocale().uiLanguages() << "in"
                        << folder;
    delete translator;
    return false;
}
} // namespace

int installTranslators(QCoreApplication &app)
{
    int installed = 0;
    installed += install(app, u"qtbase"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    installed += install(app, u"lanchat"_s, u":/i18n"_s);
    return installed;
}
