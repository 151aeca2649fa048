#pragma once

#include <QString>
#include <QUrl>

// A room this window was in before (kept in the settings, offered by the Join dialog).
struct RecentRoom
{
    QUrl url; // ws://HOST:PORT/ws
    QString room; // its name when we were there

    friend bool operator==(const RecentRoom &, const RecentRoom &) = default;
};
