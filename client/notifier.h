#pragma once

#include <QIcon>
#include <QObject>

class QSystemTrayIcon;

// The tray icon and the unread count: new messages while the window is not active raise the count
// (shown in the tray's tooltip) and, unless muted, pop up a tray notification.
class Notifier final : public QObject
{
    Q_OBJECT
public:
    explicit Notifier(const QIcon &icon, QObject *parent = nullptr);

    int unread() const { return m_unread; }
    bool isMuted() const { return m_muted; }
    bool hasTray() const { return m_tray != nullptr; }
    int notificationsShown() const { return m_shown; }

    void setMuted(bool muted);
    void setRoomName(const QString &room);
    void messageArrived(const QString &from, const QString &text);
    void clearUnread();

Q_SIGNALS:
    void unreadChanged(int unread);
    void activated(); // the tray icon or its notification was clicked

private:
    void updateToolTip();

    QSystemTrayIcon *m_tray = nullptr; // child; null where there is no system tray
    QString m_room;
    int m_unread = 0;
    int m_shown = 0;
    bool m_muted = false;
};
