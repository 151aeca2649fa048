#pragma once

class QCoreApplication;

// Installs the translations for the UI language: Qt's own catalogue (qtbase_<lang>.qm from Qt's
// translations folder, for "Cancel", "OK" and the other strings Qt's dialogs show) and LAN Chat's
// (:/i18n). Returns how many catalogues were installed.
int installTranslators(QCoreApplication &app);
