#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcHub) // lanchat.server.hub
Q_DECLARE_LOGGING_CATEGORY(lcHttp) // lanchat.server.http
