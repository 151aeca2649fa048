#pragma once

#include <QIcon>
#include <QObject>

#include <memory>

class DesktopNotifications;
class QAction;
class QMenu;
class QSystemTrayIcon;

// The tray icon and the unread count: new messages while the window is not active raise the count
// (shown in the tray's tooltip) and, unless muted, pop up a notification: from the tray icon where
// there is a tray, else through the desktop's notification service (D-Bus). The tray icon's menu
// (right-click): Show, Mute, Quit.
class Notifier final : public QObject
{
    Q_OBJECT
public:
    explicit Notifier(const QIcon &icon, QObject *parent = nullptr);
    ~Notifier() override;

    int unread() const { return m_unread; }
    bool isMuted() const { return m_muted; }
    bool hasTray() const { return m_tray != nullptr; }
    // Where notifications go without a tray (default: the session bus's service, if it has one);
    // null: nowhere. Takes ownership.
    void setDesktopNotifications(DesktopNotifications *desktop);
    DesktopNotifications *desktopNotifications() const { return m_desktop; }
    QMenu *trayMenu() const { return m_menu.get(); }
    int notificationsShown() const { return m_shown; }

    void setMuted(bool muted);
    void setRoomName(const QString &room);
    void messageArrived(const QString &from, const QString &text);
    void clearUnread();

Q_SIGNALS:
    void unreadChanged(int unread);
    void activated(); // the tray icon or its notification was clicked, or Show in its menu
    void quitRequested(); // Quit in the tray menu
    void mutedChanged(bool muted); // Mute in the tray menu

private:
    void updateToolTip();

    void buildMenu();

    QSystemTrayIcon *m_tray = nullptr; // child; null where there is no system tray
    DesktopNotifications *m_desktop = nullptr; // child; null with a tray or without the service
    std::unique_ptr<QMenu> m_menu;
    QAction *m_muteAction = nullptr; // in m_menu
    QString m_room;
    int m_unread = 0;
    int m_shown = 0;
    bool m_muted = false;
};
