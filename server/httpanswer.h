#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

// The head of every HTTP answer of the hub, in one place: the front door's pages and errors and
// the file transfers carry the same security headers (nosniff, the page's CSP, no referrer).
namespace HttpAnswer {

using Headers = QList<QPair<QByteArray, QByteArray>>;

// A small answer the front door writes itself (errors, pages).
struct Simple
{
    int status = 200;
    QByteArray contentType = "text/plain; charset=utf-8";
    QByteArray body;
    Headers headers;
};

QByteArray reasonPhrase(int status);
const QByteArray &contentSecurityPolicy();
// "HTTP/1.1 <status> …" through the blank line; `Connection: close` always.
QByteArray head(int status, const QByteArray &contentType, qint64 contentLength,
                const Headers &extraHeaders = {});

} // namespace HttpAnswer
