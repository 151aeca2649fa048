#pragma once

#include <QByteArray>

#include <optional>

// The two byte-range headers of the file transfers, parsed without a socket.
namespace ByteRange {

struct Span
{
    qint64 first = 0; // inclusive
    qint64 last = 0; // inclusive
    qint64 length() const { return last - first + 1; }
};

enum class RangeResult {
    Whole, // no Range, or a unit other than bytes: the whole file (200)
    Partial, // one satisfiable range (206)
    Unsatisfiable, // malformed, several ranges, or outside the file (416)
};
// `Range: bytes=A-B` | `bytes=A-` | `bytes=-N` against a file of `size` bytes.
RangeResult parseRange(const QByteArray &header, qint64 size, Span *span);

struct ContentRange
{
    qint64 first = 0;
    qint64 last = -1; // inclusive; first - 1 for an empty body
    qint64 total = 0;
};
// `Content-Range: bytes A-B/T` of an upload; nullopt when malformed.
std::optional<ContentRange> parseContentRange(const QByteArray &header);
// A Content-Length value: decimal digits only; nullopt when malformed.
std::optional<qint64> parseLength(const QByteArray &header);

} // namespace ByteRange
