#pragma once

#include <QString>
#include <QUrl>

// One address at which guests reach the room this app hosts (shown with a copy button).
struct HostedAddress
{
    QUrl url; // http://IP:PORT/
    QString label; // the network interface, for people ("eth0", "Wi-Fi")
    bool loopback = false; // only this computer can use it
};
