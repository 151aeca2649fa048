#include "byterange.h"

#include <limits>

namespace ByteRange {

namespace {

// Plain decimal digits (no sign, no spaces), at most 18 of them (no overflow).
std::optional<qint64> digits(QByteArrayView text)
{
    if (text.isEmpty() || text.size() > 18)
        return std::nullopt;
    qint64 value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

} // namespace

RangeResult parseRange(const QByteArray &header, qint64 size, Span *span)
{
    const QByteArray value = header.trimmed();
    if (value.isEmpty())
        return RangeResult::Whole;
    const qsizetype equals = value.indexOf('=');
    if (equals < 0)
        return RangeResult::Unsatisfiable;
    if (value.left(equals).trimmed().toLower() != "bytes")
        return RangeResult::Whole; // a unit we do not know is ignored (RFC 9110 14.2)
    const QByteArray spec = value.mid(equals + 1).trimmed();
    if (spec.contains(','))
        return RangeResult::Unsatisfiable; // one range only
    const qsizetype dash = spec.indexOf('-');
    if (dash < 0)
        return RangeResult::Unsatisfiable;
    const QByteArrayView from = QByteArrayView(spec).first(dash).trimmed();
    const QByteArrayView to = QByteArrayView(spec).sliced(dash + 1).trimmed();
    Span result;
    if (from.isEmpty()) { // the last N bytes
        const auto suffix = digits(to);
        if (!suffix || *suffix == 0 || size == 0)
            return RangeResult::Unsatisfiable;
        result.first = std::max<qint64>(0, size - *suffix);
        result.last = size - 1;
    } else {
        const auto first = digits(from);
        if (!first || *first >= size)
            return RangeResult::Unsatisfiable;
        result.first = *first;
        result.last = size - 1;
        if (!to.isEmpty()) {
            const auto last = digits(to);
            if (!last || *last < *first)
                return RangeResult::Unsatisfiable;
            result.last = std::min(*last, size - 1);
        }
    }
    *span = result;
    return RangeResult::Partial;
}

std::optional<ContentRange> parseContentRange(const QByteArray &header)
{
    const QByteArray value = header.trimmed();
    if (!value.startsWith("bytes "))
        return std::nullopt;
    const QByteArray spec = value.mid(6).trimmed();
    const qsizetype dash = spec.indexOf('-');
    const qsizetype slash = spec.indexOf('/');
    if (dash <= 0 || slash < dash)
        return std::nullopt;
    const auto first = digits(QByteArrayView(spec).first(dash));
    const auto last = digits(QByteArrayView(spec).sliced(dash + 1, slash - dash - 1));
    const auto total = digits(QByteArrayView(spec).sliced(slash + 1));
    if (!first || !last || !total || *last < *first || *last >= *total)
        return std::nullopt;
    return ContentRange{*first, *last, *total};
}

std::optional<qint64> parseLength(const QByteArray &header)
{
    return digits(QByteArrayView(header).trimmed());
}

} // namespace ByteRange
