#include "notifier.h"

#include <QSystemTrayIcon>

#include "clientlog.h"

using namespace Qt::StringLiterals;

namespace {
constexpr int NotificationMs = 5000;
constexpr qsizetype PreviewChars = 120;
} // namespace

Notifier::Notifier(const QIcon &icon, QObject *parent)
    : QObject(parent)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable()) {
        qCDebug(lcClientUi) << "no system tray; unread count only in the window title";
        return;
    }
    m_tray = new QSystemTrayIcon(icon, this);
    connect(m_tray, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                    Q_EMIT activated();
            });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, &Notifier::activated);
    updateToolTip();
    m_tray->show();
}

void Notifier::setMuted(bool muted)
{
    m_muted = muted;
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
    if (m_tray) {
        QString preview = text.simplified();
        if (preview.size() > PreviewChars)
            preview = preview.left(PreviewChars) + u'\u2026';
        m_tray->showMessage(from, preview, QSystemTrayIcon::Information, NotificationMs);
    }
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
