#pragma once

#include <QDBusConnection>
#include <QObject>
#include <QString>

// Notifications through the desktop's notification service (org.freedesktop.Notifications on
// the session bus), for desktops without a system tray (stock GNOME). Calls never block: the
// service's answer (the notification's id) arrives later and only lets the next notification
// replace this one instead of piling up.
class DesktopNotifications final : public QObject
{
    Q_OBJECT
public:
    static inline const QString Service = QStringLiteral("org.freedesktop.Notifications");
    static inline const QString Path = QStringLiteral("/org/freedesktop/Notifications");

    explicit DesktopNotifications(const QDBusConnection &bus = QDBusConnection::sessionBus(),
                                  QObject *parent = nullptr);

    // The bus is there and the service runs or can be started by the bus.
    bool isAvailable() const;
    void show(const QString &summary, const QString &body, int timeoutMs);
    int sent() const { return m_sent; }

Q_SIGNALS:
    void shown(uint id); // the service answered
    void failed(const QString &reason);

private:
    QDBusConnection m_bus;
    uint m_lastId = 0;
    int m_sent = 0;
};
