#pragma once

#include <QtGlobal>

// A straightforward RFC 3629 UTF-8 decoder, code point by code point, to compare the hub's fast
// validator with (tst_wsframe, fuzz_wsframe).
inline bool referenceValidUtf8(const uchar *s, qsizetype n)
{
    static constexpr char32_t minimum[] = {0, 0, 0x80, 0x800, 0x10000};
    for (qsizetype i = 0; i < n;) {
        const uchar c = s[i];
        int length = 1;
        char32_t cp = c;
        if (c >= 0x80) {
            if ((c & 0xE0) == 0xC0) {
                length = 2;
                cp = c & 0x1F;
            } else if ((c & 0xF0) == 0xE0) {
                length = 3;
                cp = c & 0x0F;
            } else if ((c & 0xF8) == 0xF0) {
                length = 4;
                cp = c & 0x07;
            } else {
                return false;
            }
            if (i + length > n)
                return false;
            for (int k = 1; k < length; ++k) {
                if ((s[i + k] & 0xC0) != 0x80)
                    return false;
                cp = (cp << 6) | (s[i + k] & 0x3F);
            }
            if (cp < minimum[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
                return false;
        }
        i += length;
    }
    return true;
}
