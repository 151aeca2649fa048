#include "namerules.h"

#include "protocol.h"

#include <algorithm>
#include <iterator>
#include <utility>

using namespace Qt::StringLiterals;

namespace {

// Characters that show nothing although Unicode does not class them as format characters: the
// Hangul fillers, the Braille blank, the combining grapheme joiner, Khmer and Mongolian invisibles.
bool isInvisible(char32_t c)
{
    return c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x2800 || c == 0x034F
            || c == 0x17B4 || c == 0x17B5 || (c >= 0x180B && c <= 0x180F);
}

bool isVariationSelector(char32_t c)
{
    return (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF);
}

bool isRefused(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Other_Control:
    case QChar::Other_Format: // ZWSP, ZWJ, ZWNJ, BOM, LRM/RLM, bidi embeddings and isolates
    case QChar::Other_Surrogate:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return true;
    default:
        return isInvisible(c);
    }
}

bool isVisible(char32_t c)
{
    if (isInvisible(c) || QChar::isSpace(c))
        return false;
    switch (QChar::category(c)) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Mark_Enclosing:
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Other_NotAssigned:
        return false;
    default:
        return true;
    }
}

// A compact table of look-alikes (from Unicode TR39 confusables.txt), both cases: enough for the
// Cyrillic and Greek letters that pass for Latin ones, and the digit/letter pairs. Applied after
// case folding (so a capital I stays an i: names compare case-insensitively first).
constexpr std::pair<char32_t, char32_t> confusables[] = {
        {U'0', U'o'},   {U'1', U'l'},   {U'|', U'l'},   {0x0131, U'i'}, // dotless i
        {0x0410, U'a'}, {0x0430, U'a'}, {0x0412, U'b'}, {0x0421, U'c'}, {0x0441, U'c'},
        {0x0415, U'e'}, {0x0435, U'e'}, {0x041D, U'h'}, {0x04BB, U'h'}, {0x0406, U'l'},
        {0x0456, U'i'}, {0x0408, U'j'}, {0x0458, U'j'}, {0x041A, U'k'}, {0x041C, U'm'},
        {0x041E, U'o'}, {0x043E, U'o'}, {0x0420, U'p'}, {0x0440, U'p'}, {0x0405, U's'},
        {0x0455, U's'}, {0x0422, U't'}, {0x0425, U'x'}, {0x0445, U'x'}, {0x0423, U'y'},
        {0x0443, U'y'}, {0x0501, U'd'}, {0x04CF, U'l'}, {0x051B, U'q'}, {0x051D, U'w'},
        {0x0261, U'g'}, // Latin script g
        {0x0391, U'a'}, {0x03B1, U'a'}, {0x0392, U'b'}, {0x0395, U'e'}, {0x0397, U'h'},
        {0x03B9, U'i'}, {0x039F, U'o'}, {0x03BF, U'o'}, {0x03BD, U'v'}, {0x03C1, U'p'},
};

QString foldConfusables(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const char32_t c : text.toUcs4()) {
        const auto it = std::find_if(std::begin(confusables), std::end(confusables),
                                     [c](const auto &entry) { return entry.first == c; });
        const char32_t mapped = it == std::end(confusables) ? c : it->second;
        if (isVariationSelector(mapped))
            continue;
        out.append(QStringView(QChar::fromUcs4(mapped)));
    }
    return out;
}

bool hasLoneSurrogate(const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        else if (c.isSurrogate())
            return true;
    }
    return false;
}

} // namespace

namespace NameRules {

QString displayForm(const QString &raw)
{
    if (hasLoneSurrogate(raw))
        return {};
    const QString nfc = raw.normalized(QString::NormalizationForm_C);
    QString name;
    name.reserve(nfc.size());
    bool visible = false;
    bool space = false;
    for (const char32_t c : nfc.toUcs4()) {
        if (isRefused(c))
            return {};
        if (QChar::isSpace(c)) {
            space = !name.isEmpty();
            continue;
        }
        if (space)
            name.append(u' ');
        space = false;
        visible = visible || isVisible(c);
        name.append(QStringView(QChar::fromUcs4(c)));
    }
    if (!visible || name.size() > Protocol::MaxNameLength)
        return {};
    return name;
}

QString clashKey(const QString &name)
{
    const QString compatible = name.normalized(QString::NormalizationForm_KC);
    return foldConfusables(compatible.toCaseFolded()).normalized(QString::NormalizationForm_KC);
}

QString withSuffix(const QString &name, const QString &suffix)
{
    QString stem = name.left(std::max<qsizetype>(0, Protocol::MaxNameLength - suffix.size()));
    if (!stem.isEmpty() && stem.back().isHighSurrogate())
        stem.chop(1);
    return stem + suffix;
}

} // namespace NameRules
