#pragma once

#include <QHostAddress>
#include <QList>
#include <QNetworkInterface>
#include <QUrl>

// The addresses other people on the LAN can use to reach a hub.
namespace LanAddresses {

struct Entry
{
    QHostAddress address;
    QString interfaceName; // e.g. "eth0"
    QString interfaceLabel; // human-readable name of the interface
    bool loopback = false;
    bool pointToPoint = false; // VPNs and tunnels: often not the LAN
};

// Up, running, IPv4 (and global IPv6) addresses. Loopback is listed last; when bound to a single
// address, only that one. Link-local IPv6 is left out (it needs a scope id a browser won't take).
QList<Entry> entries(const QHostAddress &bind = QHostAddress::Any, bool includeLoopback = true);

// http://ADDRESS:PORT/ for an entry (IPv6 in brackets).
QUrl pageUrl(const QHostAddress &address, quint16 port);
QUrl socketUrl(const QHostAddress &address, quint16 port); // ws://ADDRESS:PORT/ws

} // namespace LanAddresses
