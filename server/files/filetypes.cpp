#include "filetypes.h"

#include "protocol.h"

#include <QMimeDatabase>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace FileTypes {

QString cleanName(const QString &name)
{
    QString last = name;
    const qsizetype slash = std::max(last.lastIndexOf(u'/'), last.lastIndexOf(u'\\'));
    if (slash >= 0)
        last = last.mid(slash + 1);
    QString kept;
    kept.reserve(last.size());
    for (const QChar c : std::as_const(last)) {
        const auto category = c.category();
        if (category == QChar::Other_Control || c == u':' || c == QChar::LineSeparator
            || c == QChar::ParagraphSeparator)
            continue;
        kept.append(c);
    }
    kept = kept.trimmed();
    if (kept.size() > Protocol::MaxFileNameLength) {
        qsizetype cut = Protocol::MaxFileNameLength;
        if (kept.at(cut - 1).isHighSurrogate())
            --cut;
        kept.truncate(cut);
    }
    if (kept.isEmpty() || kept == u"."_s || kept == u".."_s)
        return u"file"_s;
    return kept;
}

QString mimeForName(const QString &name)
{
    static const QMimeDatabase db;
    return db.mimeTypeForFile(name, QMimeDatabase::MatchExtension).name();
}

QString sniffPicture(QByteArrayView head)
{
    if (head.startsWith("\x89PNG\r\n\x1a\n"))
        return u"image/png"_s;
    if (head.startsWith("\xff\xd8\xff"))
        return u"image/jpeg"_s;
    if (head.startsWith("GIF87a") || head.startsWith("GIF89a"))
        return u"image/gif"_s;
    if (head.size() >= 12 && head.startsWith("RIFF") && head.sliced(8, 4) == "WEBP")
        return u"image/webp"_s;
    return {};
}

QString decide(const QString &name, QByteArrayView head)
{
    const QString picture = sniffPicture(head);
    if (!picture.isEmpty())
        return picture;
    static const QMimeDatabase db;
    QString mime = db.mimeTypeForFileNameAndData(name, head.toByteArray()).name();
    // A name that claims a picture the bytes are not: say what it is not, not what it claims.
    if (isInlinePicture(mime))
        mime = u"application/octet-stream"_s;
    return mime;
}

bool isAllowed(const QStringList &types, const QString &name, const QString &mime)
{
    if (types.isEmpty())
        return true;
    for (const QString &type : types) {
        if (type.startsWith(u'.')) {
            if (name.endsWith(type, Qt::CaseInsensitive))
                return true;
        } else if (type.endsWith(u"/*"_s)) {
            if (mime.startsWith(type.chopped(1), Qt::CaseInsensitive))
                return true;
        } else if (mime.compare(type, Qt::CaseInsensitive) == 0) {
            return true;
        }
    }
    return false;
}

QStringList parseTypes(const QString &list, QString *bad)
{
    QStringList types;
    for (const QString &part : list.split(u',', Qt::SkipEmptyParts)) {
        const QString type = part.trimmed().toLower();
        if (type.isEmpty())
            continue;
        bool ok = false;
        if (type.startsWith(u'.')) {
            ok = type.size() > 1 && !type.contains(u'/');
        } else {
            const qsizetype slash = type.indexOf(u'/');
            ok = slash > 0 && slash + 1 < type.size() && type.count(u'/') == 1
                    && (!type.contains(u'*') || type.endsWith(u"/*"_s));
        }
        if (!ok) {
            if (bad)
                *bad = part.trimmed();
            return {};
        }
        types.append(type);
    }
    return types;
}

bool isInlinePicture(const QString &mime)
{
    return mime == u"image/png"_s || mime == u"image/jpeg"_s || mime == u"image/gif"_s
            || mime == u"image/webp"_s;
}

QByteArray contentDisposition(const QString &name, const QString &mime)
{
    return (isInlinePicture(mime) ? "inline" : "attachment") + QByteArray("; filename*=UTF-8''")
            + name.toUtf8().toPercentEncoding();
}

QString urlSegment(const QString &name)
{
    return QString::fromLatin1(name.toUtf8().toPercentEncoding());
}

} // namespace FileTypes
