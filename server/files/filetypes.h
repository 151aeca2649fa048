#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>

// What the hub decides about a file from its name and its first bytes, as pure functions: the
// name it keeps, its type, whether the host allows it, and how a browser is told to show it.
namespace FileTypes {

// The name as kept: the last path component (after '/' or '\'), without control characters and
// ':', trimmed, at most Protocol::MaxFileNameLength UTF-16 units (never cutting a surrogate pair);
// "." / ".." / nothing left becomes "file".
QString cleanName(const QString &name);
// The type by the name's extension ("application/octet-stream" when unknown).
QString mimeForName(const QString &name);
// PNG, JPEG, GIF or WebP by their signatures (the pictures a browser may show inline); else empty.
QString sniffPicture(QByteArrayView head);
// The type of a stored file: a picture by its bytes, otherwise by name and content (never SVG as
// an inline picture: it is a document that can carry script).
QString decide(const QString &name, QByteArrayView head);
// --file-types: entries "image/*", "application/pdf", ".zip"; empty list: everything.
bool isAllowed(const QStringList &types, const QString &name, const QString &mime);
// A list as given on the command line ("image/*, .zip") in its canonical form, or empty + *bad.
QStringList parseTypes(const QString &list, QString *bad = nullptr);
// The Content-Disposition of a download: inline only for the safe raster pictures.
QByteArray contentDisposition(const QString &name, const QString &mime);
bool isInlinePicture(const QString &mime);
// The name as the last segment of a download URL (percent-encoded UTF-8).
QString urlSegment(const QString &name);

} // namespace FileTypes
