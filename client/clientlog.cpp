#include "clientlog.h"

#include <QRegularExpression>
#include <QString>

Q_LOGGING_CATEGORY(lcClient, "lanchat.client", QtInfoMsg)
Q_LOGGING_CATEGORY(lcClientProtocol, "lanchat.client.protocol", QtInfoMsg)
Q_LOGGING_CATEGORY(lcClientUi, "lanchat.client.ui", QtInfoMsg)

QString frameForLog(const QString &frame)
{
    static const QRegularExpression secret(
            QString::fromLatin1(R"re("(passcode|hostToken|token)"\s*:\s*"(?:[^"\\]|\\.)*")re"));
    QString shown = frame;
    shown.replace(secret, QString::fromLatin1(R"x("\1":"(hidden)")x"));
    return shown.left(500); // cut after hiding, so no part of a secret is left unmatched
}
