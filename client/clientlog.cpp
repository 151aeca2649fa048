#include "clientlog.h"

Q_LOGGING_CATEGORY(lcClient, "lanchat.client", QtInfoMsg)
Q_LOGGING_CATEGORY(lcClientProtocol, "lanchat.client.protocol", QtInfoMsg)
Q_LOGGING_CATEGORY(lcClientUi, "lanchat.client.ui", QtInfoMsg)
