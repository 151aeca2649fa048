#include "notifier.h"

#include <QMenu>
#include <QSystemTrayIcon>

#include "clientlog.h"
#include "desktopnotifications.h"

using namespace Qt::StringLiterals;

namespace {
constexpr int NotificationMs = 5000;
constexpr qsizetype PreviewChars = 120;
} // namespace

Notifier::Notifier(const QIcon &icon, QObject *parent)
    : QObject(parent)
{
    buildMenu();
    if (!QSystemTrayIcon::isSystemTrayAvailable()) {
        auto *desktop = new DesktopNotifications(QDBusConnection::sessionBus(), this);
        if (desktop->isAvailable()) {
            qCDebug(lcClientUi) << "no system tray; notifying through"
                                << DesktopNotifications::Service;
            m_desktop = desktop;
        } else {
            qCDebug(lcClientUi) << "no system tray, no notification service; unread count only "
                                   "in the window title";
            delete desktop;
        }
        return;
    }
    m_tray = new QSystemTrayIcon(icon, this);
    m_tray->setContextMenu(m_menu.get());
    connect(m_tray, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                    Q_EMIT activated();
            });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, &Notifier::activated);
    updateToolTip();
    m_tray->show();
}

Notifier::~Notifier() = default;

void Notifier::buildMenu()
{
    m_menu = std::make_unique<QMenu>();
    m_menu->setObjectName(u"trayMenu"_s);
    QAction *show = m_menu->addAction(tr("&Show LAN Chat"), this, &Notifier::activated);
    show->setObjectName(u"trayShowAction"_s);
    m_muteAction = m_menu->addAction(tr("&Mute Notifications"));
    m_muteAction->setObjectName(u"trayMuteAction"_s);
    m_muteAction->setCheckable(true);
    connect(m_muteAction, &QAction::toggled, this, [this](bool muted) {
        if (muted == m_muted)
            return;
        m_muted = muted;
        Q_EMIT mutedChanged(muted);
    });
    m_menu->addSeparator();
    QAction *quit = m_menu->addAction(tr("&Quit"), this, &Notifier::quitRequested);
    quit->setObjectName(u"trayQuitAction"_s);
}

void Notifier::setDesktopNotifications(DesktopNotifications *desktop)
{
    if (m_desktop != desktop)
        delete m_desktop;
    m_desktop = desktop;
    if (desktop)
        desktop->setParent(this);
}

void Notifier::setMuted(bool muted)
{
    m_muted = muted;
    m_muteAction->setChecked(muted);
}

void Notifier::setRoomName(const QString &room)
{
    m_room = room;
    updateToolTip();
}

void Notifier::messageArrived(const QString &from, const QString &text)
{
    ++m_unread;
    updateToolTip();
    Q_EMIT unreadChanged(m_unread);
    if (m_muted)
        return;
    ++m_shown;
    QString preview = text.simplified();
    if (preview.size() > PreviewChars)
        preview = preview.left(PreviewChars) + u'\u2026';
    if (m_tray)
        m_tray->showMessage(from, preview, QSystemTrayIcon::Information, NotificationMs);
    else if (m_desktop)
        m_desktop->show(from, preview, NotificationMs);
}

void Notifier::clearUnread()
{
    if (m_unread == 0)
        return;
    m_unread = 0;
    updateToolTip();
    Q_EMIT unreadChanged(0);
}

void Notifier::updateToolTip()
{
    if (!m_tray)
        return;
    QString tip = m_room.isEmpty() ? tr("LAN Chat") : tr("LAN Chat — %1").arg(m_room);
    if (m_unread > 0)
        tip += u'\n' + tr("Unread messages: %n", nullptr, m_unread);
    m_tray->setToolTip(tip);
}
