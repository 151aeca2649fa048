#pragma once

#include <QLoggingCategory>

// Everything in lanchat_reach logs here; QT_LOGGING_RULES="lanchat.reach.debug=true" shows the
// rejected datagrams.
Q_DECLARE_LOGGING_CATEGORY(lcReach)
