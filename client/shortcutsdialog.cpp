#include "shortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeySequence>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

ShortcutsDialog::ShortcutsDialog(QWidget *window)
    : QDialog(window)
{
    setObjectName(u"shortcutsDialog"_s);
    setWindowTitle(tr("Keyboard Shortcuts"));

    // The menus' shortcuts, as the actions have them now.
    for (const QAction *action : window->findChildren<QAction *>()) {
        if (action->shortcut().isEmpty() || action->text().isEmpty())
            continue;
        QString text = action->text();
        text.remove(u'&');
        if (text.endsWith(u'…'))
            text.chop(1);
        m_rows.append({action->shortcut().toString(QKeySequence::NativeText), text});
    }
    std::sort(m_rows.begin(), m_rows.end(),
              [](const auto &a, const auto &b) { return a.second < b.second; });
    m_rows.append({tr("Enter"), tr("Send the message")});
    m_rows.append({tr("Shift+Enter"), tr("Start a new line")});
    m_rows.append({tr("Up"), tr("Bring back your last message (in an empty message box)")});
    m_rows.append({tr("Tab, Shift+Tab"), tr("Move between the parts of the window")});
    m_rows.append({tr("Enter (on the start screen)"), tr("Join the first room offered")});
    m_rows.append({tr("Double-click, Enter (Join dialog)"), tr("Join the selected room")});

    auto *table = new QTableWidget(int(m_rows.size()), 2, this);
    table->setObjectName(u"shortcutsTable"_s);
    table->setAccessibleName(tr("Keyboard shortcuts"));
    table->setHorizontalHeaderLabels({tr("Keys"), tr("Does")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setWordWrap(true);
    for (int row = 0; row < m_rows.size(); ++row) {
        table->setItem(row, 0, new QTableWidgetItem(m_rows.at(row).first));
        table->setItem(row, 1, new QTableWidgetItem(m_rows.at(row).second));
    }
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(table);
    layout->addWidget(buttons);
    resize(520, 420);
}
