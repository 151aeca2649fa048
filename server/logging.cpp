#include "logging.h"

Q_LOGGING_CATEGORY(lcHub, "lanchat.server.hub", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHttp, "lanchat.server.http", QtInfoMsg)
