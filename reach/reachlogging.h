#pragma once

#include <QLoggingCategory>

// Everything in lanchat_reach logs here, info and up by default (reachability notes are info).
// QT_LOGGING_RULES="lanchat.reach.debug=true" also shows rejected datagrams and rooms coming and
// going.
Q_DECLARE_LOGGING_CATEGORY(lcReach)
