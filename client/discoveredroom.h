#pragma once

#include <QList>
#include <QString>
#include <QUrl>

// A room heard on the LAN (fed to the Join dialog by the discovery code).
struct DiscoveredRoom
{
    QString id; // stable per hub run (the announcing hub's instance)
    QString room; // the room's name
    QString host; // the host's name, for people
    QUrl url; // ws://HOST:PORT/ws
    int people = 0;
    bool passcode = false; // the room asks for a passcode (its announcement says so)

    friend bool operator==(const DiscoveredRoom &, const DiscoveredRoom &) = default;
};
