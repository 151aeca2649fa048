#pragma once

#include <QByteArray>
#include <QList>
#include <QSettings>
#include <QString>

#include "recentroom.h"

// What the desktop app remembers between runs, in QSettings (organisation/application names
// are set by main()).
class ClientSettings final
{
public:
    static constexpr int MaxRecentRooms = 8;

    ClientSettings();

    QString nickname() const;
    void setNickname(const QString &name);

    QList<RecentRoom> recentRooms() const;
    void addRecentRoom(const RecentRoom &room); // most recent first, no duplicates

    quint16 port() const; // 0: never hosted
    void setPort(quint16 port);

    QByteArray geometry() const;
    void setGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);

    bool muted() const;
    void setMuted(bool muted);

    // Whether a room this app hosts keeps its history on disk (Room menu); true by default.
    bool keepHistory() const;
    void setKeepHistory(bool keep);

    // The passcode of the room this app hosts under that room name ("" = none): set from the Room
    // menu, used again when it hosts the room after a restart.
    QString roomPasscode(const QString &room) const;
    void setRoomPasscode(const QString &room, const QString &passcode);

    void sync() { m_settings.sync(); }

private:
    mutable QSettings m_settings; // reading an array moves its cursor
};
