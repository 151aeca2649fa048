#include "httprequesthead.h"

namespace {

// RFC 9110 §5.6.2: tchar.
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

// A visible ASCII character (no space, no control).
bool isVisible(char c)
{
    return c > 0x20 && c < 0x7f;
}

// RFC 9110 §5.5: field-value bytes are visible ASCII, space, tab and obs-text (0x80-0xff).
bool isFieldValue(QByteArrayView value)
{
    for (char c : value) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 && c != '\t')
            return false;
        if (u == 0x7f)
            return false;
    }
    return true;
}

QByteArrayView trimmedOws(QByteArrayView text)
{
    while (!text.isEmpty() && (text.front() == ' ' || text.front() == '\t'))
        text = text.sliced(1);
    while (!text.isEmpty() && (text.back() == ' ' || text.back() == '\t'))
        text.chop(1);
    return text;
}

using Error = HttpRequestHead::Error;

Error parseRequestLine(QByteArrayView line, HttpRequestHead *head)
{
    const qsizetype first = line.indexOf(' ');
    const qsizetype second = first < 0 ? -1 : line.indexOf(' ', first + 1);
    if (second < 0 || line.indexOf(' ', second + 1) >= 0)
        return Error::BadRequest;
    const QByteArrayView method = line.first(first);
    const QByteArrayView target = line.sliced(first + 1, second - first - 1);
    const QByteArrayView version = line.sliced(second + 1);
    if (!isToken(method) || target.isEmpty() || target.front() != '/')
        return Error::BadRequest;
    for (char c : target) {
        if (!isVisible(c))
            return Error::BadRequest;
    }
    // RFC 9112 §2.3: "HTTP/" DIGIT "." DIGIT, case-sensitive.
    const bool wellFormed = version.size() == 8 && version.startsWith("HTTP/") && version[5] >= '0'
            && version[5] <= '9' && version[6] == '.' && version[7] >= '0' && version[7] <= '9';
    if (!wellFormed)
        return Error::BadRequest;
    if (version != "HTTP/1.0" && version != "HTTP/1.1")
        return Error::VersionNotSupported;
    head->method = method.toByteArray();
    head->target = target.toByteArray();
    const qsizetype query = target.indexOf('?');
    head->path = (query < 0 ? target : target.first(query)).toByteArray();
    head->version = version.toByteArray();
    return Error::None;
}

Error parseField(QByteArrayView line, HttpRequestHead *head)
{
    // No whitespace before the colon (RFC 9112 §5.1) and no obs-fold (§5.2): both are 400.
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0 || !isToken(line.first(colon)))
        return Error::BadRequest;
    const QByteArrayView value = trimmedOws(line.sliced(colon + 1));
    if (!isFieldValue(value))
        return Error::BadRequest;
    const QByteArray name = line.first(colon).toByteArray().toLower();
    auto it = head->headers.find(name);
    if (it == head->headers.end()) {
        head->headers.insert(name, value.toByteArray());
        return Error::None;
    }
    if (name == "host")
        return Error::BadRequest; // RFC 9112 §3.2: more than one Host is 400
    *it += ", " + value.toByteArray();
    return Error::None;
}

} // namespace

std::optional<HttpRequestHead> HttpRequestHead::parse(QByteArrayView data, qsizetype maxBytes,
                                                      Error *error, qsizetype *headLength)
{
    auto fail = [error](Error e) -> std::optional<HttpRequestHead> {
        if (error)
            *error = e;
        return std::nullopt;
    };
    const QByteArrayView window
            = data.first(std::min(data.size(), std::max<qsizetype>(0, maxBytes)));
    const qsizetype end = window.indexOf("\r\n\r\n");
    if (end < 0)
        return fail(data.size() >= maxBytes ? Error::TooLarge : Error::Incomplete);

    HttpRequestHead head;
    const QByteArrayView text = window.first(end);
    qsizetype lineStart = 0;
    bool firstLine = true;
    while (lineStart <= text.size()) {
        qsizetype lineEnd = text.indexOf("\r\n", lineStart);
        if (lineEnd < 0)
            lineEnd = text.size();
        const QByteArrayView line = text.sliced(lineStart, lineEnd - lineStart);
        lineStart = lineEnd + 2;
        // A bare CR or LF is not a line end here (RFC 9112 §2.2 allows refusing both).
        if (line.contains('\r') || line.contains('\n'))
            return fail(Error::BadRequest);
        const Error e = firstLine ? parseRequestLine(line, &head) : parseField(line, &head);
        if (e != Error::None)
            return fail(e);
        firstLine = false;
    }
    if (head.version == "HTTP/1.1" && !head.hasHeader("host"))
        return fail(Error::BadRequest); // RFC 9112 §3.2
    if (error)
        *error = Error::None;
    if (headLength)
        *headLength = end + 4;
    return head;
}
