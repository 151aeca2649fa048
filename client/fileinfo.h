#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace Protocol {
struct Message;
}

// One `file` message (docs/PROTOCOL.md, "Files and pictures"): what was sent, by whom, and where
// to fetch it. Pictures the hub could read have a thumbnail and their size in pixels.
struct FileInfo
{
    qint64 seq = 0;
    QString from;
    QString to; // a private file: the other person (empty: the room)
    QDateTime time; // UTC
    QString id; // the sender's own id for the upload
    QString name;
    qint64 size = 0;
    QString mime;
    QString sha256; // lower-case hex, as the hub computed it
    QString url; // /files/ID/NAME, relative to the room's page
    QString thumb; // /files/ID/thumb (pictures only)
    int width = 0;
    int height = 0;

    bool isPicture() const { return !thumb.isEmpty(); }

    // Reads a `file` message; nullopt when a required field is missing or mistyped.
    static std::optional<FileInfo> fromJson(const QJsonObject &object);
    // From a decoded `file` message; nullopt when its paths are not the hub's own.
    static std::optional<FileInfo> fromMessage(const Protocol::Message &message);
    QJsonObject toJson() const;

    friend bool operator==(const FileInfo &a, const FileInfo &b) = default;
};

namespace FileText {
// "2.4 MB": sizes as people read them, in the current locale.
QString size(qint64 bytes);
// "PDF document", "PNG image", or the extension in capitals when the type says nothing.
QString kind(const FileInfo &file);
} // namespace FileText
