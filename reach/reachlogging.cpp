#include "reachlogging.h"

Q_LOGGING_CATEGORY(lcReach, "lanchat.reach", QtInfoMsg)
