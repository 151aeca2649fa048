#include "roomurl.h"

using namespace Qt::StringLiterals;

namespace Protocol {

QUrl roomSocketUrl(const QString &typed, quint16 defaultPort)
{
    QString text = typed.trimmed();
    if (text.isEmpty())
        return {};
    if (!text.contains(u"://"_s))
        text.prepend(u"ws://"_s);
    QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return {};
    const QString scheme = url.scheme().toLower();
    if (scheme == u"http"_s)
        url.setScheme(u"ws"_s);
    else if (scheme == u"https"_s)
        url.setScheme(u"wss"_s);
    else if (scheme != u"ws"_s && scheme != u"wss"_s)
        return {};
    if (url.port() == -1)
        url.setPort(defaultPort);
    if (!url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment())
        return {};
    url.setPath(u"/ws"_s);
    return url;
}

QUrl roomPageUrl(const QUrl &socketUrl)
{
    if (!socketUrl.isValid())
        return {};
    QUrl url = socketUrl;
    url.setScheme(socketUrl.scheme() == u"wss"_s ? u"https"_s : u"http"_s);
    url.setPath(u"/"_s);
    return url;
}

} // namespace Protocol
