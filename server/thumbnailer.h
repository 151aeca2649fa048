#pragma once

#include <QByteArray>
#include <QSize>
#include <QString>

#include <optional>

class QIODevice;

// What the hub announces for a picture: its thumbnail, already encoded, and its own size.
struct Thumbnail
{
    QByteArray data; // the encoded thumbnail
    QByteArray mime; // "image/jpeg" (opaque) or "image/png" (with transparency)
    QSize size; // the thumbnail's size, at most ThumbnailLimits::maxSide on each side
    QSize original; // the picture's size as people see it (after its EXIF orientation)
    QByteArray format; // what the content is: "png", "jpeg", "gif", "webp" or "bmp"
};

struct ThumbnailLimits
{
    // Refused before any pixel is decoded: a phone's 48-megapixel photo still passes, a picture
    // that declares 50,000 × 50,000 does not. Past the header, Qt's allocation limit
    // (Thumbnailer::kAllocationLimitMiB) still applies to what is decoded: a GIF's header, for
    // one, gives its first frame's size, not the (possibly huge) screen Qt allocates.
    qint64 maxPixels = 50'000'000;
    int maxSide = 320;
};

// Makes thumbnails of pictures people send, safely: the kind of picture is decided from its
// first bytes (never its name), only PNG, JPEG, GIF, WebP and BMP are read (never SVG, which is
// a document that can fetch and script), a picture's declared size is checked before it is
// decoded, and every decoding runs under Qt's allocation limit. Pure and thread-safe: the hub
// calls it from a thread pool, never on its own event loop (decoding a picture takes time).
class Thumbnailer final
{
public:
    enum class Error {
        None,
        CannotOpen, // the file could not be opened
        NotAPicture, // not one of the formats above (by content)
        TooLarge, // more pixels than ThumbnailLimits::maxPixels, or its size is unknown
        Unreadable, // broken, truncated, or over the allocation limit
        CannotEncode,
    };

    // Qt's allocation limit is process-wide (QImageReader::setAllocationLimit, 128 MiB by
    // default in Qt 6.4, 256 MiB from 6.5): the first thumbnail lowers it to this if it is off
    // or higher, and never raises it (the window shares it). Handlers that allocate through
    // QImageIOHandler::allocateImage obey it (PNG, JPEG, BMP, GIF and WebP do in 6.4).
    static constexpr int kAllocationLimitMiB = 128;

    explicit Thumbnailer(ThumbnailLimits limits = {})
        : m_limits(limits)
    { }

    std::optional<Thumbnail> make(const QString &path, Error *error = nullptr) const;
    // Reads from the device's current position; the device must be open for reading.
    std::optional<Thumbnail> make(QIODevice *device, Error *error = nullptr) const;

    // The picture's format by content ("png", "jpeg", "gif", "webp", "bmp"), or empty when it is
    // not a picture the hub thumbnails. Only peeks: the device's position does not move.
    static QByteArray pictureFormat(QIODevice *device);
    static QByteArray pictureFormat(const QString &path);
    // "image/png" for "png", …; empty for anything else.
    static QByteArray mimeType(const QByteArray &format);
    // For logs (not translated).
    static QString errorText(Error error);

private:
    ThumbnailLimits m_limits;
};
