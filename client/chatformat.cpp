#include "chatformat.h"

#include <QRegularExpression>
#include <QUrl>

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

QString toHtml(const QString &plainText)
{
    static const QRegularExpression linkPattern(u"\\bhttps?://[^\\s<>\"]+"_s,
                                                QRegularExpression::CaseInsensitiveOption);
    QString html;
    qsizetype done = 0;
    QRegularExpressionMatchIterator it = linkPattern.globalMatch(plainText);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const QStringView link
                = QStringView(plainText).mid(match.capturedStart(), match.capturedLength());
        const qsizetype length = trimmedLinkEnd(link);
        const QUrl url(link.left(length).toString(), QUrl::StrictMode);
        html += escape(QStringView(plainText).mid(done, match.capturedStart() - done));
        if (url.isValid() && !url.host().isEmpty()) {
            html += u"<a href=\""_s + url.toString(QUrl::FullyEncoded).toHtmlEscaped() + u"\">"_s
                    + escape(link.left(length)) + u"</a>"_s;
        } else {
            html += escape(link.left(length));
        }
        done = match.capturedStart() + length;
    }
    html += escape(QStringView(plainText).mid(done));
    return html;
}

} // namespace ChatFormat
