#include "thumbnailer.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>

#include <array>
#include <mutex>

using namespace Qt::StringLiterals;

namespace {

// The formats whose thumbnails the hub makes, by the names Qt's handlers give them.
constexpr std::array kPictureFormats = {"png", "jpeg", "gif", "webp", "bmp"};
constexpr int kJpegQuality = 85;

bool isPictureFormat(const QByteArray &format)
{
    for (const char *known : kPictureFormats) {
        if (format == known)
            return true;
    }
    return false;
}

void applyAllocationLimit()
{
    static std::once_flag once;
    std::call_once(once, [] {
        const int current = QImageReader::allocationLimit();
        if (current == 0 || current > Thumbnailer::kAllocationLimitMiB)
            QImageReader::setAllocationLimit(Thumbnailer::kAllocationLimitMiB);
    });
}

// A reader that decides the format from the content alone: QImageReader otherwise tries the
// handler the file's name suggests first (also for a QFile given as the device).
void configure(QImageReader &reader)
{
    reader.setDecideFormatFromContent(true);
    reader.setAutoDetectImageFormat(true);
}

bool hasTransparency(const QImage &image)
{
    if (!image.hasAlphaChannel())
        return false;
    const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
    for (int y = 0; y < argb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(argb.constScanLine(y));
        for (int x = 0; x < argb.width(); ++x) {
            if (qAlpha(line[x]) != 255)
                return true;
        }
    }
    return false;
}

std::optional<Thumbnail> fail(Thumbnailer::Error reason, Thumbnailer::Error *error)
{
    if (error)
        *error = reason;
    return std::nullopt;
}

} // namespace

QByteArray Thumbnailer::pictureFormat(QIODevice *device)
{
    if (!device || !device->isReadable())
        return {};
    const qint64 start = device->pos();
    QByteArray format;
    {
        QImageReader reader(device);
        configure(reader);
        format = reader.format();
    }
    if (!device->isSequential())
        device->seek(start);
    return isPictureFormat(format) ? format : QByteArray();
}

QByteArray Thumbnailer::pictureFormat(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return pictureFormat(&file);
}

QByteArray Thumbnailer::mimeType(const QByteArray &format)
{
    if (!isPictureFormat(format))
        return {};
    return "image/" + format;
}

QString Thumbnailer::errorText(Error error)
{
    switch (error) {
    case Error::None:
        return u"no error"_s;
    case Error::CannotOpen:
        return u"cannot open the file"_s;
    case Error::NotAPicture:
        return u"not a PNG, JPEG, GIF, WebP or BMP picture"_s;
    case Error::TooLarge:
        return u"the picture is too large, or its size is unknown"_s;
    case Error::Unreadable:
        return u"the picture is broken or needs too much memory"_s;
    case Error::CannotEncode:
        return u"the thumbnail could not be encoded"_s;
    }
    return {};
}

std::optional<Thumbnail> Thumbnailer::make(const QString &path, Error *error) const
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::CannotOpen, error);
    return make(&file, error);
}

std::optional<Thumbnail> Thumbnailer::make(QIODevice *device, Error *error) const
{
    if (!device || !device->isReadable())
        return fail(Error::CannotOpen, error);
    applyAllocationLimit();

    QImageReader reader(device);
    configure(reader);
    const QByteArray format = reader.format();
    if (!isPictureFormat(format))
        return fail(Error::NotAPicture, error);

    // The header's size, before any pixel is decoded: a decompression bomb stops here.
    const QSize stored = reader.size();
    if (!stored.isValid() || stored.isEmpty()
        || qint64(stored.width()) * stored.height() > m_limits.maxPixels)
        return fail(Error::TooLarge, error);

    reader.setAutoTransform(true);
    const bool turned = reader.transformation().testFlag(QImageIOHandler::TransformationRotate90);
    const QSize original = turned ? stored.transposed() : stored;

    // The box is square, so the same size fits before and after the EXIF turn; JPEG decodes
    // straight to (about) that size, which saves most of the work and memory.
    const QSize box(m_limits.maxSide, m_limits.maxSide);
    if (stored.width() > box.width() || stored.height() > box.height())
        reader.setScaledSize(stored.scaled(box, Qt::KeepAspectRatio).expandedTo(QSize(1, 1)));

    QImage image = reader.read();
    if (image.isNull())
        return fail(Error::Unreadable, error);
    if (image.width() > box.width() || image.height() > box.height())
        image = image.scaled(box, Qt::KeepAspectRatio, Qt::SmoothTransformation);

    Thumbnail thumbnail;
    thumbnail.format = format;
    thumbnail.original = original;
    const bool transparent = hasTransparency(image);
    image = image.convertToFormat(transparent ? QImage::Format_ARGB32 : QImage::Format_RGB32);
    thumbnail.size = image.size();
    thumbnail.mime = transparent ? "image/png"_ba : "image/jpeg"_ba;

    QBuffer out(&thumbnail.data);
    out.open(QIODevice::WriteOnly);
    QImageWriter writer(&out, transparent ? "png" : "jpeg");
    if (!transparent)
        writer.setQuality(kJpegQuality);
    if (!writer.write(image))
        return fail(Error::CannotEncode, error);
    if (error)
        *error = Error::None;
    return thumbnail;
}
