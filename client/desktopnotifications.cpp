#include "desktopnotifications.h"

#include <QCoreApplication>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>

#include "clientlog.h"

using namespace Qt::StringLiterals;

DesktopNotifications::DesktopNotifications(const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
{ }

bool DesktopNotifications::isAvailable() const
{
    if (!m_bus.isConnected() || !m_bus.interface())
        return false;
    QDBusConnectionInterface *bus = m_bus.interface();
    return bus->isServiceRegistered(Service).value()
            || bus->activatableServiceNames().value().contains(Service);
}

void DesktopNotifications::show(const QString &summary, const QString &body, int timeoutMs)
{
    QDBusMessage call = QDBusMessage::createMethodCall(Service, Path, Service, u"Notify"_s);
    const QVariantMap hints{{u"desktop-entry"_s, u"io.lanchat.LanChat"_s},
                            {u"category"_s, u"im.received"_s}};
    call << QCoreApplication::applicationName() << m_lastId << u"lanchat"_s << summary << body
         << QStringList() << hints << timeoutMs;
    ++m_sent;
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this](QDBusPendingCallWatcher *finished) {
                finished->deleteLater();
                const QDBusPendingReply<uint> reply = *finished;
                if (reply.isError()) {
                    qCWarning(lcClientUi)
                            << "desktop notification failed:" << reply.error().message();
                    Q_EMIT failed(reply.error().message());
                    return;
                }
                m_lastId = reply.value();
                Q_EMIT shown(m_lastId);
            });
}
