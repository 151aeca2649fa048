// libFuzzer harness for the byte ranges of file transfers (server/files/byterange.h): the
// `Range` of a download, the `Content-Range` and `Content-Length` of an upload, as any client
// may send them.
//
// Input: bytes 0-7 the file's size (big-endian; below 2^59, as a size's own range must stay within
// the 18 digits the parser reads), the rest the header value.
#include "byterange.h"

#include <cstdint>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
}

bool allDigits(QByteArrayView text)
{
    for (const char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    return !text.isEmpty();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 8)
        return 0;
    quint64 raw = 0;
    for (int i = 0; i < 8; ++i)
        raw = raw << 8 | data[i];
    // Small sizes matter most (empty, one byte, near the range's numbers): half the inputs
    // use the low byte alone.
    const qint64 fileSize = (raw & 1) ? qint64((raw >> 1) & 0xFF) : qint64(raw >> 5);
    const QByteArray header(reinterpret_cast<const char *>(data + 8), qsizetype(size - 8));

    // Range: a partial answer is always inside the file, and says the same when written back.
    ByteRange::Span span;
    const auto result = ByteRange::parseRange(header, fileSize, &span);
    if (result == ByteRange::RangeResult::Partial) {
        check(fileSize > 0);
        check(span.first >= 0 && span.first <= span.last && span.last < fileSize);
        check(span.length() >= 1 && span.length() <= fileSize);
        ByteRange::Span again;
        QByteArray canonical = "bytes="_ba;
        canonical.append(QByteArray::number(span.first)).append('-');
        canonical.append(QByteArray::number(span.last));
        check(ByteRange::parseRange(canonical, fileSize, &again) == ByteRange::RangeResult::Partial
              && again.first == span.first && again.last == span.last);
    }
    if (header.trimmed().isEmpty())
        check(result == ByteRange::RangeResult::Whole);

    // Content-Range of an upload: ordered, inside the total, and stable when written back.
    if (const auto range = ByteRange::parseContentRange(header)) {
        check(range->first >= 0 && range->last >= range->first - 1 && range->total >= 0);
        check(range->last < range->total);
        QByteArray canonical = "bytes "_ba;
        canonical.append(QByteArray::number(range->first)).append('-');
        canonical.append(QByteArray::number(range->last)).append('/');
        canonical.append(QByteArray::number(range->total));
        const auto again = ByteRange::parseContentRange(canonical);
        check(again && again->first == range->first && again->last == range->last
              && again->total == range->total);
    }

    // Content-Length: digits only, the number they say.
    if (const auto length = ByteRange::parseLength(header)) {
        const QByteArray digits = header.trimmed();
        check(*length >= 0 && allDigits(digits));
        check(*length == digits.toLongLong());
    }
    return 0;
}
