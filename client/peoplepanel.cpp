#include "peoplepanel.h"

#include <QCollator>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QVBoxLayout>

#include "focusmark.h"
#include "protocol.h"

#include <algorithm>

using namespace Qt::StringLiterals;

PeoplePanel::PeoplePanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"peoplePanel"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    m_count = new QLabel(this);
    m_count->setObjectName(u"peopleCount"_s);
    QFont bold = m_count->font();
    bold.setBold(true);
    m_count->setFont(bold);

    m_list = new QListWidget(this);
    m_list->setObjectName(u"userList"_s);
    m_list->setAccessibleName(tr("People in the room"));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_count->setBuddy(m_list);
    FocusMark::attach(m_list);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_list, &QListWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QListWidgetItem *item = m_list->itemAt(pos);
        if (!item)
            return;
        QMenu *menu = personMenu(item->data(Qt::UserRole).toString());
        if (menu->isEmpty())
            menu->deleteLater();
        else
            menu->popup(m_list->viewport()->mapToGlobal(pos));
    });

    auto *nameLabel = new QLabel(tr("Your &name:"), this);
    m_nameEdit = new QLineEdit(this);
    m_nameEdit->setObjectName(u"nameEdit"_s);
    m_nameEdit->setAccessibleName(tr("Your name"));
    m_nameEdit->setMaxLength(int(Protocol::MaxNameLength));
    nameLabel->setBuddy(m_nameEdit);
    m_renameButton = new QPushButton(tr("Rename"), this);
    m_renameButton->setObjectName(u"renameButton"_s);
    m_renameButton->setAccessibleName(tr("Rename yourself"));

    auto *nameRow = new QHBoxLayout;
    nameRow->addWidget(m_nameEdit, 1);
    nameRow->addWidget(m_renameButton);

    layout->addWidget(m_count);
    layout->addWidget(m_list, 1);
    layout->addWidget(nameLabel);
    layout->addLayout(nameRow);

    connect(m_nameEdit, &QLineEdit::returnPressed, this, &PeoplePanel::requestRename);
    connect(m_renameButton, &QPushButton::clicked, this, &PeoplePanel::requestRename);
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const QString name = item->data(Qt::UserRole).toString();
        if (name != m_you)
            Q_EMIT privateMessageRequested(name);
    });
    connect(m_nameEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_renameButton->setEnabled(m_nameEdit->isEnabled() && !text.trimmed().isEmpty()
                                   && text.trimmed() != m_you);
    });
    setUsers({}, {});
}

void PeoplePanel::setUsers(const QStringList &users, const QString &you)
{
    m_you = you;
    QStringList sorted = users;
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(sorted.begin(), sorted.end(),
              [&](const QString &a, const QString &b) { return collator.compare(a, b) < 0; });
    m_list->clear();
    for (const QString &user : std::as_const(sorted)) {
        const bool host = m_hosts.contains(user);
        QString text = user == you ? tr("%1 (you)").arg(user) : user;
        if (host) {
            //: a person with host rights in the people list; %1 is the name, maybe with "(you)"
            text = u"\U0001F451 "_s + tr("%1 — host").arg(text);
        }
        auto *item = new QListWidgetItem(text, m_list);
        item->setData(Qt::UserRole, user);
        if (host)
            item->setToolTip(tr("%1 hosts this room").arg(user));
        if (user == you) {
            QFont font = item->font();
            font.setBold(true);
            item->setFont(font);
        }
    }
    m_userCount = users.size();
    setStale(m_stale);
}

QMenu *PeoplePanel::personMenu(const QString &name)
{
    auto *menu = new QMenu(this);
    menu->setObjectName(u"personMenu"_s);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    addPrivateMessageEntry(menu, name);
    Q_EMIT personMenuRequested(menu, name);
    return menu;
}

void PeoplePanel::setStale(const QString &why)
{
    m_stale = why;
    m_list->setEnabled(why.isEmpty());
    if (why.isEmpty()) {
        m_count->setText(tr("&People (%1)").arg(m_userCount));
        m_count->setAccessibleName(tr("People in the room: %n", nullptr, int(m_userCount)));
    } else {
        //: the heading of the people list when it may be out of date, e.g. "connection lost"
        m_count->setText(tr("&People (%1)").arg(why));
        m_count->setAccessibleName(tr("People in the room: unknown (%1)").arg(why));
    }
}

void PeoplePanel::setOwnName(const QString &name)
{
    m_you = name;
    if (!m_nameEdit->hasFocus() || m_nameEdit->text().isEmpty())
        m_nameEdit->setText(name);
    m_renameButton->setEnabled(false);
}

void PeoplePanel::setRenameEnabled(bool enabled)
{
    m_nameEdit->setEnabled(enabled);
    m_renameButton->setEnabled(enabled && !m_nameEdit->text().trimmed().isEmpty()
                               && m_nameEdit->text().trimmed() != m_you);
}

void PeoplePanel::focusNameEdit()
{
    m_nameEdit->setFocus(Qt::ShortcutFocusReason);
    m_nameEdit->selectAll();
}

QList<QWidget *> PeoplePanel::focusChain() const
{
    return {m_list, m_nameEdit, m_renameButton};
}

// The entry of ours in a person's menu (the host's entries follow: personMenuRequested).
void PeoplePanel::addPrivateMessageEntry(QMenu *menu, const QString &name)
{
    if (name.isEmpty() || name == m_you)
        return;
    QAction *message = menu->addAction(tr("&Message Privately"), this,
                                       [this, name] { Q_EMIT privateMessageRequested(name); });
    message->setObjectName(u"messagePrivatelyAction"_s);
}

void PeoplePanel::requestRename()
{
    const QString name = m_nameEdit->text().trimmed();
    if (name.isEmpty() || name == m_you || !m_nameEdit->isEnabled())
        return;
    Q_EMIT renameRequested(name);
}
