#include "hostcontrols.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>

#include "blockeddialog.h"
#include "chatclient.h"
#include "chatformat.h"
#include "clientlog.h"
#include "protocolnames.h"

using namespace Qt::StringLiterals;

HostControls::HostControls(ChatClient *client, QWidget *window)
    : QObject(window)
    , m_client(client)
    , m_window(window)
{
    connect(client, &ChatClient::stateChanged, this, &HostControls::update);
    connect(client, &ChatClient::welcomed, this, &HostControls::update);
    connect(client, &ChatClient::accessChanged, this, [this](const Protocol::Message &access) {
        update();
        if (m_blockedDialog)
            m_blockedDialog->setBlocked(access.blocked);
    });
}

void HostControls::addRoomMenuActions(QMenu *room)
{
    m_separator = room->addSeparator();
    m_lock = room->addAction(tr("&Lock Room"));
    m_lock->setObjectName(u"lockRoomAction"_s);
    m_lock->setCheckable(true);
    m_lock->setToolTip(tr("Nobody new can join; those inside stay"));
    // triggered, not toggled: the check follows the room's answer (update()), not the click.
    connect(m_lock, &QAction::triggered, this, [this](bool locked) {
        m_lock->setChecked(m_client->access().locked);
        m_client->setLocked(locked);
    });
    m_setPasscode = room->addAction(tr("Set &Passcode…"), this, &HostControls::askPasscode);
    m_setPasscode->setObjectName(u"setPasscodeAction"_s);
    m_removePasscode = room->addAction(tr("Remo&ve Passcode"), this, [this] {
        m_client->setRoomPasscode({});
        Q_EMIT passcodeChosen({});
    });
    m_removePasscode->setObjectName(u"removePasscodeAction"_s);
    m_blocked = room->addAction(tr("Blocked A&ddresses…"), this, &HostControls::showBlocked);
    m_blocked->setObjectName(u"blockedAddressesAction"_s);
    m_copyHostLink = room->addAction(tr("&Copy Host Link"), this, [this] {
        QGuiApplication::clipboard()->setText(hostLink().toString(QUrl::FullyEncoded));
    });
    m_copyHostLink->setObjectName(u"copyHostLinkAction"_s);
    m_copyHostLink->setToolTip(
            tr("A link that opens this room in a browser with host rights: give it only to "
               "people you trust"));
    update();
}

void HostControls::addPersonActions(QMenu *menu, const QString &name)
{
    if (!m_client->isHost() || name == m_client->name() || m_client->hosts().contains(name))
        return;
    if (!menu->isEmpty())
        menu->addSeparator();
    QAction *kick = menu->addAction(tr("&Kick %1").arg(ChatFormat::isolate(name)), this,
                                    [this, name] { m_client->kick(name); });
    kick->setObjectName(u"kickAction"_s);
    kick->setToolTip(tr("Removes them; their computer cannot join again for 10 minutes"));
    QAction *ban = menu->addAction(tr("&Ban %1…").arg(ChatFormat::isolate(name)), this,
                                   [this, name] { askBan(name); });
    ban->setObjectName(u"banAction"_s);
}

void HostControls::setPageUrl(const QUrl &url)
{
    m_pageUrl = url;
    update();
}

QUrl HostControls::hostLink() const
{
    const QString token = m_client->hostToken();
    if (!m_pageUrl.isValid() || token.isEmpty())
        return {};
    QUrl link = m_pageUrl;
    link.setFragment(u"host="_s + token);
    return link;
}

QString HostControls::moderationText(const Protocol::Message &moderation)
{
    using namespace Protocol::ModerationAction;
    const QString by = ChatFormat::isolate(moderation.by);
    const QString name = ChatFormat::isolate(moderation.name);
    const QString &action = moderation.action;
    if (action == Kick)
        return tr("%1 removed %2 from the room").arg(by, name);
    if (action == Ban)
        return tr("%1 banned %2 from the room").arg(by, name);
    if (action == Unban)
        return tr("%1 let a blocked computer back in").arg(by);
    if (action == Lock)
        return tr("%1 locked the room").arg(by);
    if (action == Unlock)
        return tr("%1 unlocked the room").arg(by);
    if (action == PasscodeSet)
        return tr("%1 set a passcode for the room").arg(by);
    if (action == PasscodeRemoved)
        return tr("%1 removed the room's passcode").arg(by);
    return {};
}

void HostControls::update()
{
    if (!m_lock)
        return;
    const bool host = m_client->isHost();
    const Protocol::Message &access = m_client->access();
    for (QAction *action : {m_separator, m_lock, m_setPasscode, m_removePasscode, m_blocked})
        action->setVisible(host);
    m_lock->setChecked(access.locked);
    m_setPasscode->setText(access.passcode.isEmpty() ? tr("Set &Passcode…")
                                                     : tr("Change &Passcode…"));
    m_removePasscode->setEnabled(!access.passcode.isEmpty());
    m_copyHostLink->setVisible(host && hostLink().isValid());
}

void HostControls::askPasscode()
{
    auto *dialog = new QInputDialog(m_window);
    dialog->setObjectName(u"setPasscodeDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Room Passcode"));
    dialog->setLabelText(tr("Passcode people must give to join (those inside stay):"));
    dialog->setTextValue(m_client->access().passcode);
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &text) {
        const QString passcode = text.trimmed();
        if (passcode.isEmpty() || passcode == m_client->access().passcode)
            return;
        m_client->setRoomPasscode(passcode);
        Q_EMIT passcodeChosen(passcode);
    });
    dialog->open();
}

void HostControls::askBan(const QString &name)
{
    auto *box = new QMessageBox(
            QMessageBox::Question, tr("Ban %1?").arg(ChatFormat::isolate(name)),
            tr("%1 is removed, and their computer cannot join this room again until you unban "
               "it (Room > Blocked Addresses…) or the room ends.")
                    .arg(ChatFormat::isolate(name)),
            QMessageBox::NoButton, m_window);
    box->setObjectName(u"banQuestion"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *ban = box->addButton(tr("&Ban"), QMessageBox::DestructiveRole);
    ban->setObjectName(u"banButton"_s);
    box->addButton(QMessageBox::Cancel)->setObjectName(u"cancelButton"_s);
    box->setDefaultButton(qobject_cast<QPushButton *>(box->button(QMessageBox::Cancel)));
    connect(box, &QMessageBox::buttonClicked, this, [this, ban, name](QAbstractButton *clicked) {
        if (clicked == ban)
            m_client->ban(name);
    });
    box->open();
}

void HostControls::showBlocked()
{
    if (!m_blockedDialog) {
        m_blockedDialog = new BlockedDialog(m_window);
        m_blockedDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_blockedDialog, &BlockedDialog::unbanRequested, m_client, &ChatClient::unban);
    }
    m_blockedDialog->setBlocked(m_client->access().blocked);
    m_blockedDialog->open();
    m_blockedDialog->raise();
}
