#pragma once

#include <QObject>
#include <QPointer>
#include <QUrl>

#include "protocol.h"

class BlockedDialog;
class ChatClient;
class QAction;
class QMenu;
class QWidget;

// What a person with host rights can do from the window: the Room menu's Lock Room, Set
// Passcode…, Remove Passcode, Blocked Addresses… and Copy Host Link, and Kick / Ban… on a
// person's menu in the people list. Everything goes to the hub as the host's requests
// (ChatClient); what the hub answers (`access`) sets the checks and the list. Hidden for guests.
class HostControls final : public QObject
{
    Q_OBJECT
public:
    HostControls(ChatClient *client, QWidget *window);

    void addRoomMenuActions(QMenu *room);
    // Kick and Ban… for name (not for yourself or another host), when you are a host.
    void addPersonActions(QMenu *menu, const QString &name);
    // The room's page (the join card's address): the host link is this with #host=TOKEN.
    void setPageUrl(const QUrl &url);
    QUrl hostLink() const;

    // The system line for a host's act ("bob removed mallory from the room").
    static QString moderationText(const Protocol::Message &moderation);

Q_SIGNALS:
    // The host set a passcode ("" removed it) from this window; the window keeps it for the room.
    void passcodeChosen(const QString &passcode);

private:
    void update();
    void askPasscode();
    void askBan(const QString &name);
    void showBlocked();

    ChatClient *m_client;
    QWidget *m_window;
    QUrl m_pageUrl;
    QAction *m_separator = nullptr;
    QAction *m_lock = nullptr;
    QAction *m_setPasscode = nullptr;
    QAction *m_removePasscode = nullptr;
    QAction *m_blocked = nullptr;
    QAction *m_copyHostLink = nullptr;
    QPointer<BlockedDialog> m_blockedDialog;
};
