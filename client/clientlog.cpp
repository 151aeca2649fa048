#include "clientlog.h"

Q_LOGGING_CATEGORY(lcClient, "lanchat.client")
Q_LOGGING_CATEGORY(lcClientProtocol, "lanchat.client.protocol")
Q_LOGGING_CATEGORY(lcClientUi, "lanchat.client.ui")
