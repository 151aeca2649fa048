#include <QBuffer>
#include <QColor>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <array>
#include <limits>

#include "thumbnailer.h"

using namespace Qt::StringLiterals;

namespace {

quint32 crc32(const QByteArray &bytes)
{
    static const auto table = [] {
        std::array<quint32, 256> t{};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    quint32 c = 0xFFFFFFFFu;
    for (const char byte : bytes)
        c = table[(c ^ quint8(byte)) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

QByteArray bigEndian32(quint32 value)
{
    QByteArray out(4, Qt::Uninitialized);
    qToBigEndian(value, out.data());
    return out;
}

QByteArray pngChunk(const QByteArray &type, const QByteArray &data)
{
    const QByteArray body = type + data;
    return bigEndian32(quint32(data.size())) + body + bigEndian32(crc32(body));
}

// A grey PNG of 1 bit per pixel whose header declares width × height; its IDAT holds `rows`
// rows of zeros (all of them for a complete picture, a few for a bomb that only says it is big).
QByteArray greyPng(quint32 width, quint32 height, quint32 rows)
{
    QByteArray header = bigEndian32(width) + bigEndian32(height);
    header += QByteArray::fromHex("0100000000"); // 1 bit, grey, deflate, no filter, no interlace
    const QByteArray raw(qsizetype(rows) * (1 + (width + 7) / 8), '\0');
    const QByteArray zlib = qCompress(raw, 9).mid(4); // qCompress prefixes the length
    return QByteArray::fromHex("89504e470d0a1a0a") + pngChunk("IHDR", header)
            + pngChunk("IDAT", zlib) + pngChunk("IEND", {});
}

QByteArray encode(const QImage &image, const char *format)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    if (!writer.write(image))
        qWarning() << "cannot write" << format << writer.errorString();
    return bytes;
}

// Left half red, right half blue: tells which way a picture was turned.
QImage halves(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::blue);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width / 2; ++x)
            image.setPixel(x, y, qRgb(255, 0, 0));
    }
    return image;
}

// A JPEG with an EXIF APP1 segment whose Orientation (tag 0x0112) is `orientation`.
QByteArray jpegWithOrientation(const QImage &image, quint16 orientation)
{
    QByteArray tiff = QByteArray::fromHex("4d4d002a00000008"); // big-endian, IFD at offset 8
    tiff += QByteArray::fromHex("0001"); // one entry
    tiff += QByteArray::fromHex("011200030000000100"); // Orientation, SHORT, count 1, value:
    tiff += char(orientation);
    tiff += QByteArray::fromHex("0000"); // padding of the value field
    tiff += QByteArray::fromHex("00000000"); // no next IFD
    const QByteArray app1Data = "Exif"_ba + QByteArray(2, '\0') + tiff;
    QByteArray segment = QByteArray::fromHex("ffe1");
    segment += char((app1Data.size() + 2) >> 8);
    segment += char((app1Data.size() + 2) & 0xFF);
    segment += app1Data;
    const QByteArray jpeg = encode(image, "jpeg");
    return jpeg.left(2) + segment + jpeg.mid(2); // right after SOI
}

// GIF89a, 2 × 1: one red and one black pixel (global colour table of two, LZW minimum code 2).
const QByteArray kGif = QByteArray::fromHex("474946383961020001008000" // header, screen 2x1, GCT 2
                                            "00ff0000000000" // colour table: red, black
                                            "2c000000000200010000" // image descriptor
                                            "0202440a00" // LZW: clear, 0, 1, end
                                            "3b");

QImage noise(int width, int height, bool alpha)
{
    QImage image(width, height, alpha ? QImage::Format_ARGB32 : QImage::Format_RGB32);
    quint32 state = 12345;
    for (int y = 0; y < height; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < width; ++x) {
            state = state * 1664525u + 1013904223u;
            line[x] = alpha ? state : (state | 0xFF000000u);
        }
    }
    return image;
}

} // namespace

class TestThumbnailer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void picturesByContent_data();
    void picturesByContent();
    void opaquePngBecomesJpeg();
    void transparentPngStaysPng();
    void smallPictureIsNotEnlarged();
    void jpegFollowsExifOrientation();
    void gifFirstFrame();
    void svgIsRefused();
    void textNamedPngIsRefused();
    void declaredBombIsRefusedBeforeDecoding();
    void allocationLimitStopsWhatTheHeaderHides();
    void truncatedPictureIsRefused();
    void missingFileIsReported();
    void pictureFormatDoesNotMoveTheDevice();

private:
    QString write(const QString &name, const QByteArray &bytes);
    QTemporaryDir m_dir;
};

void TestThumbnailer::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // WebP needs Qt's image-formats plugin (Debian: qt6-image-formats-plugins, scripts/deps.sh).
    QVERIFY2(QImageReader::supportedImageFormats().contains("webp"),
             "no WebP plugin: apt-get install qt6-image-formats-plugins");
}

QString TestThumbnailer::write(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestThumbnailer::picturesByContent_data()
{
    QTest::addColumn<QByteArray>("format");
    QTest::addColumn<QString>("name");
    QTest::addRow("png") << "png"_ba << u"a.png"_s;
    QTest::addRow("jpeg") << "jpeg"_ba << u"b.jpg"_s;
    QTest::addRow("webp") << "webp"_ba << u"c.webp"_s;
    QTest::addRow("bmp") << "bmp"_ba << u"d.bmp"_s;
    // The name says nothing: a PNG called .jpg, a JPEG without a suffix.
    QTest::addRow("png named jpg") << "png"_ba << u"e.jpg"_s;
    QTest::addRow("jpeg unnamed") << "jpeg"_ba << u"f"_s;
}

void TestThumbnailer::picturesByContent()
{
    QFETCH(QByteArray, format);
    QFETCH(QString, name);
    const QString path = write(name, encode(noise(640, 480, false), format.constData()));
    QCOMPARE(Thumbnailer::pictureFormat(path), format);
    Thumbnailer::Error error = Thumbnailer::Error::CannotOpen;
    const auto thumb = Thumbnailer().make(path, &error);
    QVERIFY2(thumb, qPrintable(Thumbnailer::errorText(error)));
    QCOMPARE(error, Thumbnailer::Error::None);
    QCOMPARE(thumb->format, format);
    QCOMPARE(thumb->original, QSize(640, 480));
    QCOMPARE(thumb->size, QSize(320, 240));
    QCOMPARE(Thumbnailer::mimeType(format), "image/"_ba + format);
    const QImage decoded = QImage::fromData(thumb->data);
    QCOMPARE(decoded.size(), QSize(320, 240));
}

void TestThumbnailer::opaquePngBecomesJpeg()
{
    // An alpha channel that is opaque everywhere: a JPEG is much smaller.
    QImage image = noise(1000, 500, false).convertToFormat(QImage::Format_ARGB32);
    const auto thumb = Thumbnailer().make(write(u"opaque.png"_s, encode(image, "png")));
    QVERIFY(thumb);
    QCOMPARE(thumb->mime, "image/jpeg"_ba);
    QCOMPARE(thumb->data.left(3), QByteArray::fromHex("ffd8ff"));
    QCOMPARE(thumb->size, QSize(320, 160));
    QCOMPARE(thumb->original, QSize(1000, 500));
}

void TestThumbnailer::transparentPngStaysPng()
{
    QImage image(400, 800, QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    for (int y = 0; y < 400; ++y) {
        for (int x = 0; x < 400; ++x)
            image.setPixel(x, y, qRgba(0, 200, 0, 255));
    }
    const auto thumb = Thumbnailer().make(write(u"alpha.png"_s, encode(image, "png")));
    QVERIFY(thumb);
    QCOMPARE(thumb->mime, "image/png"_ba);
    QCOMPARE(thumb->size, QSize(160, 320));
    const QImage decoded = QImage::fromData(thumb->data, "png");
    QVERIFY(decoded.hasAlphaChannel());
    QCOMPARE(qAlpha(decoded.pixel(80, 300)), 0);
    QCOMPARE(qAlpha(decoded.pixel(80, 20)), 255);
}

void TestThumbnailer::smallPictureIsNotEnlarged()
{
    const auto thumb
            = Thumbnailer().make(write(u"small.bmp"_s, encode(noise(40, 30, false), "bmp")));
    QVERIFY(thumb);
    QCOMPARE(thumb->size, QSize(40, 30));
    QCOMPARE(thumb->original, QSize(40, 30));
}

void TestThumbnailer::jpegFollowsExifOrientation()
{
    // Stored 800 × 400, left red and right blue; orientation 6 = turn 90° clockwise to show,
    // so people see 400 × 800 with red on top.
    const QString path = write(u"turned.jpg"_s, jpegWithOrientation(halves(800, 400), 6));
    const auto thumb = Thumbnailer().make(path);
    QVERIFY(thumb);
    QCOMPARE(thumb->original, QSize(400, 800));
    QCOMPARE(thumb->size, QSize(160, 320));
    const QImage decoded = QImage::fromData(thumb->data);
    QCOMPARE(decoded.size(), QSize(160, 320));
    const QRgb top = decoded.pixel(80, 40);
    const QRgb bottom = decoded.pixel(80, 280);
    QVERIFY2(qRed(top) > 200 && qBlue(top) < 60, qPrintable(QColor(top).name()));
    QVERIFY2(qBlue(bottom) > 200 && qRed(bottom) < 60, qPrintable(QColor(bottom).name()));
}

void TestThumbnailer::gifFirstFrame()
{
    Thumbnailer::Error error = Thumbnailer::Error::None;
    const auto thumb = Thumbnailer().make(write(u"tiny.gif"_s, kGif), &error);
    QVERIFY2(thumb, qPrintable(Thumbnailer::errorText(error)));
    QCOMPARE(thumb->format, "gif"_ba);
    QCOMPARE(thumb->original, QSize(2, 1));
    const QImage decoded = QImage::fromData(thumb->data);
    QCOMPARE(decoded.size(), QSize(2, 1));
    // The thumbnail is a JPEG, whose colour is shared by neighbouring pixels: compare them.
    const QRgb red = decoded.pixel(0, 0);
    const QRgb black = decoded.pixel(1, 0);
    QVERIFY2(qGray(red) > qGray(black) + 40 && qRed(red) > qRed(black) + 60,
             qPrintable(QColor(red).name() + u' ' + QColor(black).name()));
}

void TestThumbnailer::svgIsRefused()
{
    const QByteArray svg = R"(<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">
<script>alert(1)</script><rect width="100" height="100" fill="red"/></svg>
)"_ba;
    for (const QString &name : {u"pic.svg"_s, u"pic.png"_s}) {
        const QString path = write(name, svg);
        QCOMPARE(Thumbnailer::pictureFormat(path), QByteArray());
        Thumbnailer::Error error = Thumbnailer::Error::None;
        QVERIFY(!Thumbnailer().make(path, &error));
        QCOMPARE(error, Thumbnailer::Error::NotAPicture);
    }
}

void TestThumbnailer::textNamedPngIsRefused()
{
    const QString path = write(u"notes.png"_s, "just some words, not a picture\n"_ba);
    QCOMPARE(Thumbnailer::pictureFormat(path), QByteArray());
    Thumbnailer::Error error = Thumbnailer::Error::None;
    QVERIFY(!Thumbnailer().make(path, &error));
    QCOMPARE(error, Thumbnailer::Error::NotAPicture);
}

void TestThumbnailer::declaredBombIsRefusedBeforeDecoding()
{
    // 50,000 × 50,000 (2.5 G pixels, 10 GB decoded) in a few hundred bytes. TooLarge is only
    // ever decided from the header, before QImageReader::read().
    const QByteArray bomb = greyPng(50'000, 50'000, 16);
    QVERIFY(bomb.size() < 1024);
    const QString path = write(u"bomb.png"_s, bomb);
    QCOMPARE(Thumbnailer::pictureFormat(path), "png"_ba);
    Thumbnailer::Error error = Thumbnailer::Error::None;
    QVERIFY(!Thumbnailer().make(path, &error));
    QCOMPARE(error, Thumbnailer::Error::TooLarge);
}

void TestThumbnailer::allocationLimitStopsWhatTheHeaderHides()
{
    // With the pixel check out of the way, Qt's allocation limit is what remains: a complete,
    // valid 16,000 × 16,000 picture (1 GB at 32 bits per pixel, 32 MB compressed to ~30 KB)
    // decodes fine without the limit and is refused with it.
    const QByteArray big = greyPng(16'000, 16'000, 16'000);
    const QString path = write(u"big.png"_s, big);
    ThumbnailLimits limits;
    limits.maxPixels = std::numeric_limits<qint64>::max();
    Thumbnailer::Error error = Thumbnailer::Error::None;
    QVERIFY(!Thumbnailer(limits).make(path, &error));
    QCOMPARE(error, Thumbnailer::Error::Unreadable);
    QCOMPARE(QImageReader::allocationLimit(), Thumbnailer::kAllocationLimitMiB);

    // A GIF whose one frame is 1 × 1 on a 6,000 × 6,000 screen: QImageReader::size() says
    // 1 × 1, decoding would allocate 144 MB.
    const QByteArray gif = QByteArray::fromHex("474946383961701770178000" // screen 6000 x 6000
                                               "00ff0000000000" // colour table: red, black
                                               "2c0000000001000100000202440a003b"); // 1 x 1
    error = Thumbnailer::Error::None;
    QVERIFY(!Thumbnailer().make(write(u"screen.gif"_s, gif), &error));
    QCOMPARE(error, Thumbnailer::Error::Unreadable);
}

void TestThumbnailer::truncatedPictureIsRefused()
{
    const QByteArray png = encode(noise(600, 400, false), "png");
    for (const qsizetype keep : {png.size() / 2, qsizetype(40), qsizetype(8)}) {
        const QString path = write(u"cut.png"_s, png.left(keep));
        Thumbnailer::Error error = Thumbnailer::Error::None;
        QVERIFY2(!Thumbnailer().make(path, &error), qPrintable(QString::number(keep)));
        QVERIFY(error == Thumbnailer::Error::Unreadable || error == Thumbnailer::Error::NotAPicture
                || error == Thumbnailer::Error::TooLarge);
    }
}

void TestThumbnailer::missingFileIsReported()
{
    Thumbnailer::Error error = Thumbnailer::Error::None;
    QVERIFY(!Thumbnailer().make(m_dir.filePath(u"nothing-here"_s), &error));
    QCOMPARE(error, Thumbnailer::Error::CannotOpen);
    QCOMPARE(Thumbnailer::pictureFormat(m_dir.filePath(u"nothing-here"_s)), QByteArray());
}

void TestThumbnailer::pictureFormatDoesNotMoveTheDevice()
{
    QByteArray bytes = encode(noise(50, 50, false), "png");
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    QCOMPARE(Thumbnailer::pictureFormat(&buffer), "png"_ba);
    QCOMPARE(buffer.pos(), 0);
    QVERIFY(Thumbnailer().make(&buffer));
}

QTEST_GUILESS_MAIN(TestThumbnailer)
#include "tst_thumbnailer.moc"
