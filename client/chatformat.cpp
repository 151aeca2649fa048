#include "chatformat.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace ChatFormat {

namespace {
QString escape(QStringView text)
{
    QString html = text.toString().toHtmlEscaped();
    html.replace(u"\r\n"_s, u"\n"_s);
    html.replace(u'\n', u"<br>"_s);
    return html;
}

// Punctuation that usually ends a sentence rather than a link: "see https://x.org/a."
qsizetype trimmedLinkEnd(QStringView link)
{
    qsizetype end = link.size();
    while (end > 0) {
        const QChar last = link.at(end - 1);
        if (QStringView(u".,;:!?'\"").contains(last)) {
            --end;
        } else if (last == u')' && link.left(end).count(u'(') < link.left(end).count(u')')) {
            --end;
        } else {
            break;
        }
    }
    return end;
}
} // namespace

QList<Segment> segments(const QString &plainText)
{
    static const QRegularExpression linkPattern(u"\\bhttps?://[^\\s<>\"]+"_s,
                                                QRegularExpression::CaseInsensitiveOption);
    QList<Segment> out;
    const auto appendText = [&out](QStringView text) {
        if (text.isEmpty())
            return;
        if (!out.isEmpty() && !out.last().url.isValid())
            out.last().text += text;
        else
            out.append({text.toString(), {}});
    };
    qsizetype done = 0;
    QRegularExpressionMatchIterator it = linkPattern.globalMatch(plainText);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const QStringView link
                = QStringView(plainText).mid(match.capturedStart(), match.capturedLength());
        const qsizetype length = trimmedLinkEnd(link);
        const QUrl url(link.left(length).toString(), QUrl::StrictMode);
        appendText(QStringView(plainText).mid(done, match.capturedStart() - done));
        if (url.isValid() && !url.host().isEmpty())
            out.append({link.left(length).toString(), url});
        else
            appendText(link.left(length));
        done = match.capturedStart() + length;
    }
    appendText(QStringView(plainText).mid(done));
    return out;
}

QString toHtml(const QString &plainText)
{
    QString html;
    for (const Segment &segment : segments(plainText)) {
        if (segment.url.isValid()) {
            html += u"<a href=\""_s + segment.url.toString(QUrl::FullyEncoded).toHtmlEscaped()
                    + u"\">"_s + escape(segment.text) + u"</a>"_s;
        } else {
            html += escape(segment.text);
        }
    }
    return html;
}

QString isolate(const QString &text)
{
    return QChar(0x2068) + text + QChar(0x2069);
}

QString withoutIsolates(QString text)
{
    text.remove(QChar(0x2068));
    text.remove(QChar(0x2069));
    return text;
}

} // namespace ChatFormat
