#include "searchbar.h"

#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QToolButton>

#include "chatclient.h"
#include "chatformat.h"

using namespace Qt::StringLiterals;

SearchBar::SearchBar(ChatClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
{
    setObjectName(u"searchBar"_s);
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(u"searchEdit"_s);
    m_edit->setAccessibleName(tr("Search the room"));
    m_edit->setPlaceholderText(tr("Search the room's messages"));
    m_edit->setClearButtonEnabled(true);
    m_status = new QLabel(this);
    m_status->setObjectName(u"searchStatus"_s);
    auto *closeButton = new QToolButton(this);
    closeButton->setText(tr("Close"));
    closeButton->setAccessibleName(tr("Close the search"));
    m_results = new QListWidget(this);
    m_results->setObjectName(u"searchResults"_s);
    m_results->setAccessibleName(tr("Messages found"));
    m_results->setMaximumHeight(m_results->fontMetrics().height() * 8);
    m_results->setVisible(false);
    layout->addWidget(m_edit, 0, 0);
    layout->addWidget(m_status, 0, 1);
    layout->addWidget(closeButton, 0, 2);
    layout->addWidget(m_results, 1, 0, 1, 3);
    setVisible(false);

    connect(m_edit, &QLineEdit::returnPressed, this, &SearchBar::search);
    connect(closeButton, &QToolButton::clicked, this, &SearchBar::close);
    connect(m_results, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        Q_EMIT hitActivated(item->data(Qt::UserRole).toLongLong());
    });
    connect(m_results, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        Q_EMIT hitActivated(item->data(Qt::UserRole).toLongLong());
    });
    connect(client, &ChatClient::searchFinished, this, &SearchBar::onResults);
    connect(client, &ChatClient::pagingUnsupported, this, &SearchBar::setUnsupported);
    connect(client, &ChatClient::welcomed, this, [this] {
        m_edit->setEnabled(m_client->canPage());
        m_query.clear();
    });
}

void SearchBar::open()
{
    setVisible(true);
    m_edit->setFocus(Qt::ShortcutFocusReason);
    m_edit->selectAll();
}

void SearchBar::close()
{
    setVisible(false);
    m_results->clear();
    m_results->setVisible(false);
    m_status->clear();
}

void SearchBar::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        close();
        return;
    }
    if (event->key() == Qt::Key_Down && m_edit->hasFocus() && m_results->count() > 0) {
        m_results->setFocus(Qt::TabFocusReason);
        m_results->setCurrentRow(0);
        return;
    }
    QWidget::keyPressEvent(event);
}

void SearchBar::search()
{
    const QString query = m_edit->text().trimmed();
    if (query.isEmpty())
        return;
    if (!m_client->search(query)) {
        m_status->setText(m_client->canPage() ? tr("Not connected.")
                                              : tr("This room cannot be searched."));
        return;
    }
    m_query = query;
    m_status->setText(tr("Searching\u2026"));
}

void SearchBar::onResults(const Protocol::Message &answer)
{
    if (answer.query != m_query)
        return; // an earlier search
    m_results->clear();
    const QLocale locale;
    for (const Protocol::Message &hit : answer.messages) {
        const QString when = locale.toString(hit.time.toLocalTime(), QLocale::ShortFormat);
        QString text = hit.type == Protocol::Type::File ? hit.name : hit.text; // a file: its name
        text.replace(u'\n', u' ');
        //: a search hit: sender, date and time, the message
        auto *item = new QListWidgetItem(
                tr("%1, %2: %3")
                        .arg(ChatFormat::isolate(hit.from), when, ChatFormat::isolate(text)),
                m_results);
        item->setData(Qt::UserRole, hit.seq);
        item->setToolTip(text);
    }
    m_results->setVisible(!answer.messages.isEmpty());
    m_status->setText(answer.messages.isEmpty()
                              ? tr("No messages found.")
                              : tr("%n message(s) found", nullptr, int(answer.messages.size())));
}

void SearchBar::setUnsupported()
{
    m_edit->setEnabled(false);
    m_status->setText(tr("This room cannot be searched."));
}
