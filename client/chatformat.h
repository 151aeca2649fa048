#pragma once

#include <QList>
#include <QString>
#include <QUrl>

// How chat text is shown: never as markup; http(s) links become clickable, line breaks are kept,
// and text from other people is isolated so that its direction cannot reorder what surrounds it.
namespace ChatFormat {

// A run of chat text, and the link it is when url is valid.
struct Segment
{
    QString text;
    QUrl url;
};

QList<Segment> segments(const QString &plainText);

// The text as HTML: every character escaped, links as <a href>, line breaks as <br>.
QString toHtml(const QString &plainText);

// text between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE: its own direction (taken from
// its first strong character) and any bidi controls in it end at the PDI.
QString isolate(const QString &text);

// Removes the isolate marks isolate() adds (for plain-text copies of what is shown).
QString withoutIsolates(QString text);

} // namespace ChatFormat
