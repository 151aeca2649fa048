#pragma once

#include <QString>

// Turns chat text into the HTML the chat view shows: every character of the text is escaped (the
// text is never interpreted as markup), http(s) links become clickable, line breaks are kept.
namespace ChatFormat {

QString toHtml(const QString &plainText);

} // namespace ChatFormat
