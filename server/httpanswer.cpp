#include "httpanswer.h"

namespace HttpAnswer {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 206:
        return "Partial Content";
    case 400:
        return "Bad Request";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 411:
        return "Length Required";
    case 413:
        return "Content Too Large";
    case 416:
        return "Range Not Satisfiable";
    case 421:
        return "Misdirected Request";
    case 422:
        return "Unprocessable Content";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    case 505:
        return "HTTP Version Not Supported";
    case 507:
        return "Insufficient Storage";
    default:
        return "Error";
    }
}

const QByteArray &contentSecurityPolicy()
{
    static const QByteArray policy = QByteArrayLiteral(
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "connect-src 'self'; media-src 'self' data:; manifest-src 'self'; base-uri 'none'; "
            "form-action 'none'; frame-ancestors 'none'");
    return policy;
}

QByteArray head(int status, const QByteArray &contentType, qint64 contentLength,
                const Headers &extraHeaders)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status)
            + "\r\nContent-Type: " + contentType
            + "\r\nContent-Length: " + QByteArray::number(contentLength)
            + "\r\nConnection: close"
              "\r\nCache-Control: no-cache"
              "\r\nX-Content-Type-Options: nosniff"
              "\r\nReferrer-Policy: no-referrer"
              "\r\nContent-Security-Policy: "
            + contentSecurityPolicy() + "\r\n";
    for (const auto &[name, value] : extraHeaders)
        head += name + ": " + value + "\r\n";
    head += "\r\n";
    return head;
}

} // namespace HttpAnswer
