#pragma once

#include <QColor>
#include <QString>

class QPalette;

// The conversation's colours, taken from the palette so that light and dark both read well.
namespace ChatStyle {

bool isDark(const QPalette &palette);
QColor muted(const QPalette &palette); // times, day separators, system lines, pending text
QColor link(const QPalette &palette);
QColor failed(const QPalette &palette); // "not delivered"
QColor ownBackground(const QPalette &palette); // behind your own messages
QColor focusBackground(const QPalette &palette); // behind the search hit being shown
QColor nameColor(const QPalette &palette, const QString &name); // empty name: your own

} // namespace ChatStyle
