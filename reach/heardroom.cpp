#include "heardroom.h"

#include <QCollator>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

QUrl urlFor(const QString &scheme, const QHostAddress &address, quint16 port, const QString &path)
{
    QUrl url;
    url.setScheme(scheme);
    url.setHost(address.toString()); // QUrl brackets IPv6 itself
    url.setPort(port);
    url.setPath(path);
    return url;
}

} // namespace

QUrl HeardRoom::pageUrl() const
{
    return urlFor(u"http"_s, address, announcement.port, u"/"_s);
}

QUrl HeardRoom::socketUrl() const
{
    return urlFor(u"ws"_s, address, announcement.port, u"/ws"_s);
}

void sortRooms(QList<HeardRoom> &rooms)
{
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    collator.setNumericMode(true);
    std::stable_sort(
            rooms.begin(), rooms.end(), [&collator](const HeardRoom &a, const HeardRoom &b) {
                if (const int c = collator.compare(a.announcement.room, b.announcement.room);
                    c != 0)
                    return c < 0;
                if (const int c = collator.compare(a.announcement.host, b.announcement.host);
                    c != 0)
                    return c < 0;
                return a.announcement.id < b.announcement.id;
            });
}
