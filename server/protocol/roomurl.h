#pragma once

#include <QString>
#include <QUrl>

#include "protocol.h"

namespace Protocol {

// Normalises what a person types to reach a room: "host", "host:port", "[::1]:port",
// "http://host:port/", "ws://host:port/ws" -> ws://host:port/ws. Anything else -> invalid QUrl.
QUrl roomSocketUrl(const QString &typed, quint16 defaultPort = DefaultPort);

// ws://host:port/ws -> http://host:port/ (the page guests open).
QUrl roomPageUrl(const QUrl &socketUrl);

} // namespace Protocol
