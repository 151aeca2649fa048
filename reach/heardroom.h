#pragma once

#include "roomannouncement.h"

#include <QHostAddress>
#include <QList>
#include <QUrl>

// A room heard on the LAN, as RoomListener keeps it.
struct HeardRoom
{
    RoomAnnouncement announcement; // the newest one heard
    QHostAddress address; // the best address it was heard from (LAN before loopback)
    QList<QHostAddress> addresses; // every address it was heard from (at most a few)

    QString id() const { return announcement.id; }
    bool passcode() const { return announcement.passcode; } // joining needs a passcode
    QUrl pageUrl() const; // http://ADDRESS:PORT/
    QUrl socketUrl() const; // ws://ADDRESS:PORT/ws

    friend bool operator==(const HeardRoom &, const HeardRoom &) = default;
};

// Sorts rooms for people: by room name (case-insensitively, locale-aware), then host, then id.
void sortRooms(QList<HeardRoom> &rooms);
