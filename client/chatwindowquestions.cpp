#include "chatwindow.h"

#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>

#include "notifier.h"

// The questions the window asks before it ends or leaves a room, or renames it.

using namespace Qt::StringLiterals;

int ChatWindow::othersInRoom() const
{
    return std::max(0, m_hostedPeople - (isInOwnRoom() ? 1 : 0));
}

void ChatWindow::endRoom(bool quitAfter)
{
    m_quitWhenStopped = quitAfter;
    m_statusLabel->setText(tr("Ending the room…"));
    Q_EMIT stopHostingRequested();
}

void ChatWindow::askEndRoom(bool quitAfter)
{
    if (!isHosting())
        return;
    const int others = othersInRoom();
    if (others == 0) { // nobody to warn
        endRoom(quitAfter);
        return;
    }
    const QString text
            = tr("Others in your room: %n. Ending the room disconnects them.", nullptr, others);
    QMessageBox *box = question(u"endRoomQuestion"_s, tr("End Your Room?"), text);
    QPushButton *end = box->addButton(quitAfter ? tr("&End Room and Quit") : tr("&End Room"),
                                      QMessageBox::AcceptRole);
    end->setObjectName(u"endRoomButton"_s);
    box->addButton(QMessageBox::Cancel)->setObjectName(u"cancelButton"_s);
    box->setDefaultButton(end);
    connect(box, &QMessageBox::buttonClicked, this,
            [this, end, quitAfter](QAbstractButton *clicked) {
                if (clicked == end)
                    endRoom(quitAfter);
            });
    box->open();
}

void ChatWindow::askKeepHosting(const QUrl &next)
{
    QMessageBox *box = question(
            u"keepHostingQuestion"_s, tr("Keep Hosting?"),
            tr("You are hosting this room. Keep it running in the background while you are in the "
               "other room, or end it?"));
    QPushButton *keep = box->addButton(tr("&Keep Hosting"), QMessageBox::AcceptRole);
    keep->setObjectName(u"keepHostingButton"_s);
    QPushButton *stop = box->addButton(tr("&Stop Hosting"), QMessageBox::DestructiveRole);
    stop->setObjectName(u"stopHostingButton"_s);
    box->addButton(QMessageBox::Cancel)->setObjectName(u"cancelButton"_s);
    box->setDefaultButton(keep);
    connect(box, &QMessageBox::buttonClicked, this,
            [this, keep, stop, next](QAbstractButton *clicked) {
                if (clicked != keep && clicked != stop)
                    return;
                m_stopHostingAfterSwitch = clicked == stop;
                switchRoom(next);
            });
    box->open();
}

void ChatWindow::askRoomName()
{
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(u"roomNameDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Rename Room"));
    dialog->setLabelText(tr("Room name:"));
    dialog->setTextValue(m_client->room());
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &text) {
        const QString name = text.trimmed();
        if (!name.isEmpty() && name != m_client->room())
            Q_EMIT roomRenameRequested(name.left(Protocol::MaxRoomNameLength));
    });
    dialog->open();
}

QMessageBox *ChatWindow::question(const QString &objectName, const QString &title,
                                  const QString &text)
{
    auto *box = new QMessageBox(QMessageBox::Question, title, text, QMessageBox::NoButton, this);
    box->setObjectName(objectName);
    box->setAttribute(Qt::WA_DeleteOnClose);
    return box;
}

void ChatWindow::askKeepInTray()
{
    QMessageBox *box = question(
            u"keepInTrayQuestion"_s, tr("Keep the Room Running?"),
            tr("Others in your room: %n. Keep the room running in the tray, or end it and quit?",
               nullptr, othersInRoom()));
    QPushButton *keep = box->addButton(tr("&Keep Running in Tray"), QMessageBox::AcceptRole);
    keep->setObjectName(u"keepInTrayButton"_s);
    QPushButton *end = box->addButton(tr("&End Room and Quit"), QMessageBox::DestructiveRole);
    end->setObjectName(u"endRoomButton"_s);
    box->addButton(QMessageBox::Cancel)->setObjectName(u"cancelButton"_s);
    box->setDefaultButton(keep);
    connect(box, &QMessageBox::buttonClicked, this, [this, keep, end](QAbstractButton *clicked) {
        if (clicked == keep) {
            saveWindow();
            hide(); // the tray icon's Show brings it back
        } else if (clicked == end) {
            endRoom(true);
        }
    });
    box->open();
}
