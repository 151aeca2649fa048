#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>

#include <optional>

// An HTTP/1.x request head as a value, and its parser: bytes in, a head or an error out. No
// sockets: FrontDoor feeds it what it peeked at, the tests and the fuzzer feed it anything.
//
// Strict where leniency served nobody: the request line is exactly "METHOD SP TARGET SP VERSION",
// the target is a path ("/…"), the version HTTP/1.0 or HTTP/1.1, lines end in CRLF, header names
// are tokens directly followed by ':', no control characters, no line folding, one Host (required
// by HTTP/1.1).
struct HttpRequestHead
{
    enum class Error {
        None,
        Incomplete, // no blank line yet: wait for more bytes
        TooLarge, // no blank line within the limit: 431
        BadRequest, // 400
        VersionNotSupported, // a well-formed HTTP version other than 1.0 and 1.1: 505
    };

    QByteArray method; // "GET"
    QByteArray target; // as sent: "/index.html?x=1"
    QByteArray path; // the target up to '?': always starts with '/'
    QByteArray version; // "HTTP/1.0" or "HTTP/1.1"
    QHash<QByteArray, QByteArray> headers; // lower-case names; repeated fields joined by ", "

    bool hasHeader(const QByteArray &lowerCaseName) const
    {
        return headers.contains(lowerCaseName);
    }
    QByteArray header(const QByteArray &lowerCaseName) const
    {
        return headers.value(lowerCaseName);
    }

    // Parses the head at the start of data; *headLength receives its length with the blank line.
    // maxBytes bounds the head, blank line included.
    static std::optional<HttpRequestHead> parse(QByteArrayView data, qsizetype maxBytes,
                                                Error *error = nullptr,
                                                qsizetype *headLength = nullptr);
};
