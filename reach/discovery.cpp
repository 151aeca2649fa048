#include "discovery.h"

#include "roomlistener.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTextStream>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Discovery {

QByteArray roomsJson(const QList<HeardRoom> &rooms, bool includeLoopback)
{
    QJsonArray array;
    for (const HeardRoom &room : rooms) {
        if (!includeLoopback && room.address.isLoopback())
            continue;
        QJsonObject entry{
                {u"room"_s, room.announcement.room},
                {u"host"_s, room.announcement.host},
                {u"url"_s, room.pageUrl().toString()},
                {u"people"_s, room.announcement.people},
        };
        if (room.passcode())
            entry.insert(u"passcode"_s, true);
        array.append(entry);
    }
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

QString discoverLine(const HeardRoom &room)
{
    const QString address = room.address.protocol() == QAbstractSocket::IPv6Protocol
            ? u'[' + room.address.toString() + u']'
            : room.address.toString();
    return room.announcement.room + u'\t' + address + u':' + QString::number(room.announcement.port)
            + u'\t' + QString::number(room.announcement.people) + u'\t' + room.announcement.host;
}

int runDiscover(int timeoutMs, QTextStream &out, QTextStream *err)
{
    RoomListener listener;
    return runDiscover(listener, timeoutMs, out, err);
}

int runDiscover(RoomListener &listener, int timeoutMs, QTextStream &out, QTextStream *err)
{
    if (!listener.isListening() && !listener.start(Discovery::Port)) {
        if (err) {
            *err << QCoreApplication::translate("Discovery",
                                                "Cannot listen for rooms on UDP port %1.")
                            .arg(Discovery::Port)
                 << u'\n';
            err->flush();
        }
        return 1;
    }
    QEventLoop loop;
    QTimer::singleShot(std::max(0, timeoutMs), &loop, &QEventLoop::quit);
    loop.exec();

    const QList<HeardRoom> rooms = listener.rooms();
    for (const HeardRoom &room : rooms)
        out << discoverLine(room) << u'\n';
    out.flush();
    if (rooms.isEmpty() && err) {
        *err << QCoreApplication::translate("Discovery", "No rooms heard within %1 s.")
                        .arg(QLocale().toString(double(std::max(0, timeoutMs)) / 1000.0))
             << u'\n';
        err->flush();
    }
    return 0;
}

} // namespace Discovery
