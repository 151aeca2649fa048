#include "blockeddialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include "chatformat.h"

using namespace Qt::StringLiterals;

BlockedDialog::BlockedDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"blockedDialog"_s);
    setWindowTitle(tr("Blocked Addresses"));
    auto *layout = new QVBoxLayout(this);
    auto *label = new QLabel(tr("Computers that cannot &join this room:"), this);
    m_list = new QListWidget(this);
    m_list->setObjectName(u"blockedList"_s);
    m_list->setAccessibleName(tr("Blocked addresses"));
    label->setBuddy(m_list);
    m_empty = new QLabel(tr("Nobody is blocked."), this);
    m_empty->setObjectName(u"blockedEmpty"_s);
    m_empty->setEnabled(false);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_unban = buttons->addButton(tr("&Unban"), QDialogButtonBox::ActionRole);
    m_unban->setObjectName(u"unbanButton"_s);
    m_unban->setEnabled(false);
    layout->addWidget(label);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_empty);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &BlockedDialog::reject);
    connect(m_list, &QListWidget::currentItemChanged, this,
            [this](QListWidgetItem *item) { m_unban->setEnabled(item != nullptr); });
    connect(m_unban, &QPushButton::clicked, this, [this] {
        if (QListWidgetItem *item = m_list->currentItem())
            Q_EMIT unbanRequested(item->data(Qt::UserRole).toString());
    });
    setBlocked({});
    resize(420, 280);
}

void BlockedDialog::setBlocked(const QList<Protocol::BlockedAddress> &blocked)
{
    m_list->clear();
    for (const Protocol::BlockedAddress &entry : blocked) {
        const QString name = ChatFormat::isolate(entry.name);
        const QString text = entry.ban
                ? tr("%1 — %2, banned").arg(entry.address, name)
                : tr("%1 — %2, removed until %3")
                          .arg(entry.address, name,
                               QLocale().toString(entry.until.toLocalTime().time(),
                                                  QLocale::ShortFormat));
        auto *item = new QListWidgetItem(text, m_list);
        item->setData(Qt::UserRole, entry.address);
    }
    m_list->setVisible(!blocked.isEmpty());
    m_empty->setVisible(blocked.isEmpty());
    m_unban->setEnabled(m_list->currentItem() != nullptr);
}
