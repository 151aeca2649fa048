#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include "heardroom.h"

class QTextStream;
class RoomListener;

namespace Discovery {

// The JSON array the hub serves as /rooms.json, in the order given:
//   [{"room":"Kitchen","host":"bob-laptop","url":"http://192.168.1.7:8765/","people":3}]
// Rooms heard only over loopback are left out unless includeLoopback: a browser on another machine
// could not open them.
QByteArray roomsJson(const QList<HeardRoom> &rooms, bool includeLoopback = false);

// One line of `lanchat --discover`: room, ADDRESS:PORT, people online, host, separated by tabs.
QString discoverLine(const HeardRoom &room);

// `lanchat --discover`: listens for timeoutMs (running a local event loop), then prints one
// discoverLine() per room to out. When no room was heard, or the port cannot be bound, says so on
// err (when given). Returns 0, or 1 when the port could not be bound.
int runDiscover(int timeoutMs, QTextStream &out, QTextStream *err = nullptr);
// The same with a listener set up by the caller (tests: another port, loopback only). Starts it
// on Discovery::Port if it is not listening yet.
int runDiscover(RoomListener &listener, int timeoutMs, QTextStream &out,
                QTextStream *err = nullptr);

} // namespace Discovery
