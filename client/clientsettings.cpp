#include "clientsettings.h"

using namespace Qt::StringLiterals;

namespace {
// Any room name as one settings key (names may hold '/', which QSettings reads as a group).
QString roomPasscodeKey(const QString &room)
{
    return u"hostedRooms/"_s + QString::fromLatin1(room.toUtf8().toHex()) + u"/passcode"_s;
}
} // namespace

ClientSettings::ClientSettings() = default;

QString ClientSettings::nickname() const
{
    return m_settings.value(u"nickname"_s).toString();
}

void ClientSettings::setNickname(const QString &name)
{
    m_settings.setValue(u"nickname"_s, name);
}

QList<RecentRoom> ClientSettings::recentRooms() const
{
    QList<RecentRoom> rooms;
    QSettings &settings = m_settings;
    const int count = settings.beginReadArray(u"recentRooms"_s);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        RecentRoom room{settings.value(u"url"_s).toUrl(), settings.value(u"room"_s).toString()};
        if (room.url.isValid())
            rooms.append(room);
    }
    settings.endArray();
    return rooms;
}

void ClientSettings::addRecentRoom(const RecentRoom &room)
{
    QList<RecentRoom> rooms = recentRooms();
    rooms.removeIf([&](const RecentRoom &r) { return r.url == room.url; });
    rooms.prepend(room);
    if (rooms.size() > MaxRecentRooms)
        rooms.resize(MaxRecentRooms);
    m_settings.beginWriteArray(u"recentRooms"_s, int(rooms.size()));
    for (int i = 0; i < rooms.size(); ++i) {
        m_settings.setArrayIndex(i);
        m_settings.setValue(u"url"_s, rooms.at(i).url);
        m_settings.setValue(u"room"_s, rooms.at(i).room);
    }
    m_settings.endArray();
}

quint16 ClientSettings::port() const
{
    return quint16(m_settings.value(u"host/port"_s, 0).toUInt());
}

void ClientSettings::setPort(quint16 port)
{
    m_settings.setValue(u"host/port"_s, port);
}

QByteArray ClientSettings::geometry() const
{
    return m_settings.value(u"window/geometry"_s).toByteArray();
}

void ClientSettings::setGeometry(const QByteArray &geometry)
{
    m_settings.setValue(u"window/geometry"_s, geometry);
}

QByteArray ClientSettings::windowState() const
{
    return m_settings.value(u"window/state"_s).toByteArray();
}

void ClientSettings::setWindowState(const QByteArray &state)
{
    m_settings.setValue(u"window/state"_s, state);
}

bool ClientSettings::muted() const
{
    return m_settings.value(u"notifications/muted"_s, false).toBool();
}

void ClientSettings::setMuted(bool muted)
{
    m_settings.setValue(u"notifications/muted"_s, muted);
}

bool ClientSettings::keepHistory() const
{
    return m_settings.value(u"host/keepHistory"_s, true).toBool();
}

void ClientSettings::setKeepHistory(bool keep)
{
    m_settings.setValue(u"host/keepHistory"_s, keep);
}

QString ClientSettings::roomPasscode(const QString &room) const
{
    return m_settings.value(roomPasscodeKey(room)).toString();
}

void ClientSettings::setRoomPasscode(const QString &room, const QString &passcode)
{
    if (passcode.isEmpty())
        m_settings.remove(roomPasscodeKey(room));
    else
        m_settings.setValue(roomPasscodeKey(room), passcode);
}
