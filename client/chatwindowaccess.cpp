#include "chatwindow.h"

#include <QLabel>
#include <QMenu>

#include "chatformat.h"
#include "chatview.h"
#include "hostcontrols.h"
#include "passcodedialog.h"
#include "peoplepanel.h"
#include "protocolnames.h"

// The window's side of who gets in and who stays: the passcode prompt when a room asks, the
// host's controls, and the host's acts as lines in the conversation.

using namespace Qt::StringLiterals;

void ChatWindow::connectAccess()
{
    connect(m_people, &PeoplePanel::personMenuRequested, m_hostControls,
            &HostControls::addPersonActions);
    connect(m_hostControls, &HostControls::passcodeChosen, this, [this](const QString &passcode) {
        if (isInOwnRoom()) // the next time this app hosts the room, it asks for the same
            m_settings.setRoomPasscode(m_client->room(), passcode);
    });
    // The passcode is kept under the room's name: it moves with a rename.
    connect(this, &ChatWindow::roomRenameRequested, this, [this](const QString &name) {
        const QString passcode = m_settings.roomPasscode(m_client->room());
        if (!isInOwnRoom() || passcode.isEmpty() || name == m_client->room())
            return;
        m_settings.setRoomPasscode(m_client->room(), {});
        m_settings.setRoomPasscode(name, passcode);
    });
    connect(m_client, &ChatClient::moderated, this, [this](const Protocol::Message &moderation) {
        const QString text = HostControls::moderationText(moderation);
        if (!text.isEmpty())
            m_view->addSystem(text, moderation.time);
    });
    connect(m_client, &ChatClient::accessRefused, this,
            [this](const QString &code) { askPasscode(m_client->url(), code); });
    connect(m_client, &ChatClient::switchRefused, this, &ChatWindow::askPasscode);
    connect(m_client, &ChatClient::welcomed, this, [this] {
        if (m_passcodeDialog)
            m_passcodeDialog->close();
    });
}

void ChatWindow::setHostToken(const QString &token)
{
    m_client->setHostToken(ownRoomUrl(), token);
}

// Asks for the passcode of the room at socketUrl: the room we are trying to enter (Refused), or
// one we are moving to while still in another (switchRefused).
void ChatWindow::askPasscode(const QUrl &socketUrl, const QString &code)
{
    const bool current = socketUrl == m_client->url() && !m_client->isSwitching()
            && m_client->state() == ChatClient::State::Refused;
    if (!m_passcodeDialog) {
        m_passcodeDialog = new PasscodeDialog(this);
        m_passcodeDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    PasscodeDialog *dialog = m_passcodeDialog;
    dialog->disconnect(this);
    dialog->setRoom(roomName(socketUrl));
    // A first "passcode required" is a question, not an error.
    dialog->setRefusal(code == Protocol::ErrorCode::PasscodeRequired ? QString() : code);
    connect(dialog, &PasscodeDialog::passcodeEntered, this,
            [this, socketUrl, current](const QString &passcode) {
                if (current) {
                    m_client->submitPasscode(passcode);
                    return;
                }
                m_client->setPasscode(socketUrl, passcode);
                m_client->switchTo(socketUrl, m_nickname);
            });
    // Cancel: a room we were entering is left; a room we were moving to is simply not entered.
    connect(dialog, &QDialog::rejected, this, [this, current] {
        if (current && m_client->state() == ChatClient::State::Refused) {
            m_client->leave();
            m_view->addSystem(tr("You did not enter the room."));
        }
    });
    dialog->open();
}

// The room's name as far as the window knows it (the room itself says it only in its welcome).
QString ChatWindow::roomName(const QUrl &socketUrl) const
{
    if (socketUrl == m_client->url() && !m_client->room().isEmpty())
        return m_client->room();
    for (const DiscoveredRoom &room : m_discovered) {
        if (room.url == socketUrl)
            return room.room;
    }
    const QList<RecentRoom> recent = m_settings.recentRooms();
    for (const RecentRoom &room : recent) {
        if (room.url == socketUrl && !room.room.isEmpty())
            return room.room;
    }
    return socketUrl.authority();
}

QString ChatWindow::removedText() const
{
    return m_client->removalCode() == Protocol::CloseCode::Banned
            ? tr("The host banned you from this room.")
            : tr("The host removed you from the room.");
}
