#include "chatstyle.h"

#include <QHash>
#include <QPalette>

namespace ChatStyle {

namespace {
QColor mix(const QColor &a, const QColor &b, double amount)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * amount),
                            float(a.greenF() + (b.greenF() - a.greenF()) * amount),
                            float(a.blueF() + (b.blueF() - a.blueF()) * amount));
}
} // namespace

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightnessF() < 0.5;
}

QColor muted(const QPalette &palette)
{
    return mix(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.45);
}

QColor link(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x8a, 0xb4, 0xff) : palette.color(QPalette::Link);
}

QColor failed(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xff, 0x8a, 0x80) : QColor(0xc6, 0x28, 0x28);
}

QColor ownBackground(const QPalette &palette)
{
    return mix(palette.color(QPalette::Base), palette.color(QPalette::Highlight),
               isDark(palette) ? 0.22 : 0.10);
}

QColor focusBackground(const QPalette &palette)
{
    return mix(palette.color(QPalette::Base), palette.color(QPalette::Highlight),
               isDark(palette) ? 0.40 : 0.28);
}

QColor nameColor(const QPalette &palette, const QString &name)
{
    const bool dark = isDark(palette);
    if (name.isEmpty()) // our own name: the palette's accent
        return dark ? palette.color(QPalette::Highlight).lighter(150)
                    : palette.color(QPalette::Highlight).darker(110);
    const int hue = int(qHash(name, size_t(0)) % 360);
    return QColor::fromHsl(hue, 150, dark ? 175 : 85);
}

} // namespace ChatStyle
