#include "qrcode.h"

#include "reachlogging.h"

#include <qrencode.h>

#include <algorithm>
#include <cstring>

using namespace Qt::StringLiterals;

QrCode QrCode::encode(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    QRcode *code = QRcode_encodeString8bit(utf8.constData(), 0, QR_ECLEVEL_M);
    if (!code) {
        qCWarning(lcReach) << "QR: cannot encode" << utf8.size() << "bytes";
        return {};
    }
    QrCode qr;
    qr.m_size = code->width;
    const qsizetype count = qsizetype(code->width) * code->width;
    qr.m_modules.resize(count);
    for (qsizetype i = 0; i < count; ++i)
        qr.m_modules[i] = (code->data[i] & 1) != 0;
    QRcode_free(code);
    return qr;
}

bool QrCode::isDark(int x, int y) const
{
    if (x < 0 || y < 0 || x >= m_size || y >= m_size)
        return false;
    return m_modules.at(qsizetype(y) * m_size + x);
}

QImage QrCode::toImage(int pixelsPerModule) const
{
    if (isNull())
        return {};
    const int scale = std::max(1, pixelsPerModule);
    const int side = sizeWithQuietZone() * scale;
    QImage image(side, side, QImage::Format_Grayscale8);
    image.fill(255);
    for (int y = 0; y < m_size; ++y) {
        for (int dy = 0; dy < scale; ++dy) {
            uchar *line = image.scanLine((y + QuietZone) * scale + dy);
            for (int x = 0; x < m_size; ++x) {
                if (isDark(x, y))
                    std::memset(line + (x + QuietZone) * scale, 0, size_t(scale));
            }
        }
    }
    return image;
}

int QrCode::pixelsPerModuleFitting(int maxSide) const
{
    if (isNull())
        return 0;
    return std::max(1, maxSide / sizeWithQuietZone());
}

QImage QrCode::toImageFitting(int maxSide) const
{
    return toImage(pixelsPerModuleFitting(maxSide));
}

QString QrCode::toTerminal(bool darkOnLight) const
{
    if (isNull())
        return {};
    const int full = sizeWithQuietZone();
    // Drawn (a block in the text colour) or not, in the padded coordinates.
    const auto drawn = [this, darkOnLight](int x, int y) {
        const bool dark = isDark(x - QuietZone, y - QuietZone);
        return darkOnLight ? dark : !dark;
    };
    QString out;
    out.reserve((full + 1) * (full + 1) / 2);
    for (int y = 0; y < full; y += 2) {
        if (y > 0)
            out += u'\n';
        for (int x = 0; x < full; ++x) {
            const bool top = drawn(x, y);
            const bool bottom = y + 1 < full ? drawn(x, y + 1) : false;
            out += top ? (bottom ? u'█' : u'▀') : (bottom ? u'▄' : u' ');
        }
    }
    return out;
}
