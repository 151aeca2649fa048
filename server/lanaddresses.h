#pragma once

#include <QHostAddress>
#include <QList>
#include <QUrl>

#include "netinterface.h"

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
// The same for the given interfaces (tests simulate machines with it).
QList<Entry> entries(const QList<NetInterface> &interfaces, const QHostAddress &bind,
                     bool includeLoopback);
// Every address of every interface that is up, scope ids removed: the names this machine answers
// to by address.
QList<QHostAddress> ownAddresses(const QList<NetInterface> &interfaces = NetInterface::system());

// http://ADDRESS:PORT/ for an entry (IPv6 in brackets).
QUrl pageUrl(const QHostAddress &address, quint16 port);
QUrl socketUrl(const QHostAddress &address, quint16 port); // ws://ADDRESS:PORT/ws

} // namespace LanAddresses
