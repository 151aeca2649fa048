#pragma once

#include <QLoggingCategory>

// Logging categories of the desktop client. Turn on with
// QT_LOGGING_RULES="lanchat.client*.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcClient) // lanchat.client: connection life cycle
Q_DECLARE_LOGGING_CATEGORY(lcClientProtocol) // lanchat.client.protocol: frames in and out
Q_DECLARE_LOGGING_CATEGORY(lcClientUi) // lanchat.client.ui: window, tray, settings

class QString;

// A frame as the protocol log may show it: the values of "passcode", "hostToken" and "token"
// are replaced, so turning the log on never writes a room's secrets to a file or a terminal.
QString frameForLog(const QString &frame);
