#pragma once

#include <QImage>
#include <QList>
#include <QString>

// A QR code as a square matrix of modules (libqrencode, error correction level M, 8-bit mode),
// for the join card. A value; null when the text could not be encoded (e.g. too long).
class QrCode final
{
public:
    static constexpr int QuietZone = 4; // light modules around the code, as the standard asks

    QrCode() = default;
    static QrCode encode(const QString &text); // UTF-8

    bool isNull() const { return m_size == 0; }
    int size() const { return m_size; } // modules per side, without the quiet zone
    bool isDark(int x, int y) const; // false outside the code (quiet zone)
    int sizeWithQuietZone() const { return m_size == 0 ? 0 : m_size + 2 * QuietZone; }

    // Black on white, quiet zone included, each module pixelsPerModule × pixelsPerModule: sharp at
    // any size because the scale is an integer. Null image for a null code.
    QImage toImage(int pixelsPerModule = 8) const;
    // The largest such image whose side fits maxSide pixels (at least 1 pixel per module).
    QImage toImageFitting(int maxSide) const;
    int pixelsPerModuleFitting(int maxSide) const;

    // For a terminal: two module rows per line with the half blocks ▀ ▄ █ and spaces, quiet zone
    // included, lines joined by '\n' (no trailing newline). By default the light modules are drawn
    // (the text colour) and dark ones left blank, which scans on the usual light-on-dark terminal;
    // darkOnLight draws the dark modules instead, for dark text on a light background.
    QString toTerminal(bool darkOnLight = false) const;

private:
    int m_size = 0;
    QList<bool> m_modules; // row-major, m_size × m_size
};
