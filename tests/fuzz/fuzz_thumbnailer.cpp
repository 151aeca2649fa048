// libFuzzer harness for the Thumbnailer: whatever bytes a person uploads as a picture, the hub
// either refuses them or makes a thumbnail that fits the box, is the kind it says and decodes.
// Qt's decoders themselves are not instrumented; what this finds is a crash, a hang or memory
// beyond the limits on the way through them, and any broken promise of ours.
//
// Input: the file's bytes (at most 64 KiB, so that each run stays short).
#include "thumbnailer.h"

#include <QBuffer>
#include <QImage>

#include <cstdint>
#include <cstdlib>

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size > 64 * 1024)
        return 0;
    QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);

    const QByteArray format = Thumbnailer::pictureFormat(&buffer);
    check(buffer.pos() == 0);
    ThumbnailLimits limits;
    limits.maxPixels = 4'000'000; // small inputs, short runs; the check is the same
    Thumbnailer::Error error = Thumbnailer::Error::None;
    const auto thumb = Thumbnailer(limits).make(&buffer, &error);
    check(bool(thumb) == (error == Thumbnailer::Error::None));
    if (!thumb) {
        check(!format.isEmpty() || error == Thumbnailer::Error::NotAPicture);
        return 0;
    }
    check(thumb->format == format && !Thumbnailer::mimeType(format).isEmpty());
    check(thumb->original.isValid()
          && qint64(thumb->original.width()) * thumb->original.height() <= limits.maxPixels);
    check(!thumb->size.isEmpty() && thumb->size.width() <= limits.maxSide
          && thumb->size.height() <= limits.maxSide);
    const bool jpeg = thumb->mime == "image/jpeg";
    check(jpeg || thumb->mime == "image/png");
    const QImage decoded = QImage::fromData(thumb->data, jpeg ? "jpeg" : "png");
    check(decoded.size() == thumb->size);
    return 0;
}
