#include "fileinfo.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonValue>
#include <QLocale>
#include <QMimeDatabase>

#include "filelog.h"
#include "protocol.h"

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcClientFiles, "lanchat.client.files", QtInfoMsg)

std::optional<FileInfo> FileInfo::fromJson(const QJsonObject &o)
{
    const auto text = [&o](QLatin1StringView key) { return o.value(key).toString(); };
    const QJsonValue size = o.value("size"_L1);
    const QJsonValue seq = o.value("seq"_L1);
    if (text("type"_L1) != u"file"_s || !o.value("name"_L1).isString() || !size.isDouble()
        || !o.value("url"_L1).isString() || !seq.isDouble())
        return std::nullopt;
    FileInfo file;
    file.seq = qint64(seq.toDouble());
    file.size = qint64(size.toDouble());
    if (file.size < 0 || file.seq < 0)
        return std::nullopt;
    file.from = text("from"_L1);
    file.to = text("to"_L1);
    file.time = Protocol::parseTime(text("time"_L1));
    file.id = text("id"_L1);
    file.name = text("name"_L1);
    file.mime = text("mime"_L1);
    file.sha256 = text("sha256"_L1).toLower();
    file.url = text("url"_L1);
    file.thumb = text("thumb"_L1);
    file.width = o.value("width"_L1).toInt();
    file.height = o.value("height"_L1).toInt();
    // Only paths on the room's own server: a file message never sends the window elsewhere.
    if (!file.url.startsWith(u"/files/"_s)
        || (!file.thumb.isEmpty() && !file.thumb.startsWith(u"/files/"_s)))
        return std::nullopt;
    return file;
}

std::optional<FileInfo> FileInfo::fromMessage(const Protocol::Message &m)
{
    FileInfo file;
    file.seq = m.seq;
    file.from = m.from;
    file.to = m.to;
    file.time = m.time;
    file.id = m.id;
    file.name = m.name;
    file.size = m.size;
    file.mime = m.mime;
    file.sha256 = m.sha256.toLower();
    file.url = m.url;
    file.thumb = m.thumb;
    file.width = m.width;
    file.height = m.height;
    if (!file.url.startsWith(u"/files/"_s)
        || (!file.thumb.isEmpty() && !file.thumb.startsWith(u"/files/"_s)))
        return std::nullopt;
    return file;
}

QJsonObject FileInfo::toJson() const
{
    QJsonObject o{{"type"_L1, u"file"_s}, {"seq"_L1, double(seq)},   {"from"_L1, from},
                  {"name"_L1, name},      {"size"_L1, double(size)}, {"url"_L1, url}};
    const auto optional = [&o](QLatin1StringView key, const QString &value) {
        if (!value.isEmpty())
            o.insert(key, value);
    };
    optional("to"_L1, to);
    if (time.isValid())
        o.insert("time"_L1, Protocol::formatTime(time));
    optional("id"_L1, id);
    optional("mime"_L1, mime);
    optional("sha256"_L1, sha256);
    optional("thumb"_L1, thumb);
    if (width > 0 && height > 0) {
        o.insert("width"_L1, width);
        o.insert("height"_L1, height);
    }
    return o;
}

QString FileText::size(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString FileText::kind(const FileInfo &file)
{
    static const QMimeDatabase database;
    const QMimeType type = file.mime.isEmpty()
            ? database.mimeTypeForFile(file.name, QMimeDatabase::MatchExtension)
            : database.mimeTypeForName(file.mime);
    if (type.isValid() && !type.isDefault() && !type.comment().isEmpty())
        return type.comment();
    const QString suffix = QFileInfo(file.name).suffix();
    if (!suffix.isEmpty())
        return QCoreApplication::translate("FileText", "%1 file").arg(suffix.toUpper());
    return QCoreApplication::translate("FileText", "File");
}
