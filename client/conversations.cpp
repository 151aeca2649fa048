#include "conversations.h"

#include <QStackedWidget>
#include <QTabBar>
#include <QVBoxLayout>

#include "chatformat.h"
#include "chatview.h"

using namespace Qt::StringLiterals;

Conversations::Conversations(ChatView *roomView, QWidget *parent)
    : QWidget(parent)
    , m_roomView(roomView)
{
    setObjectName(u"conversations"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_tabs = new QTabBar(this);
    m_tabs->setObjectName(u"conversationTabs"_s);
    m_tabs->setAccessibleName(tr("Conversations"));
    m_tabs->setDocumentMode(true);
    m_tabs->setExpanding(false);
    m_tabs->setTabsClosable(true);
    m_tabs->setElideMode(Qt::ElideRight);
    m_stack = new QStackedWidget(this);
    layout->addWidget(m_tabs);
    layout->addWidget(m_stack, 1);

    m_tabs->addTab(QString());
    m_tabs->setTabData(0, QString());
    m_tabs->setTabButton(0, QTabBar::RightSide, nullptr); // the room stays
    m_tabs->setTabButton(0, QTabBar::LeftSide, nullptr);
    m_stack->addWidget(m_roomView);
    updateTab(0);
    m_tabs->setVisible(false); // until there is a private conversation

    connect(m_tabs, &QTabBar::currentChanged, this, &Conversations::onCurrentChanged);
    connect(m_tabs, &QTabBar::tabCloseRequested, this, [this](int index) {
        if (index > 0)
            closeConversation(m_tabs->tabData(index).toString());
    });
}

int Conversations::indexOf(const QString &person) const
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (m_tabs->tabData(i).toString() == person)
            return i;
    }
    return -1;
}

ChatView *Conversations::view(const QString &person) const
{
    const int index = person.isEmpty() ? -1 : indexOf(person);
    return index < 0 ? nullptr : static_cast<ChatView *>(m_stack->widget(index));
}

ChatView *Conversations::currentView() const
{
    return static_cast<ChatView *>(m_stack->currentWidget());
}

QString Conversations::current() const
{
    return m_tabs->tabData(m_tabs->currentIndex()).toString();
}

QStringList Conversations::people() const
{
    QStringList list;
    for (int i = 1; i < m_tabs->count(); ++i)
        list.append(m_tabs->tabData(i).toString());
    return list;
}

int Conversations::unread(const QString &person) const
{
    return m_unread.value(person);
}

ChatView *Conversations::open(const QString &person)
{
    if (person.isEmpty()) {
        showRoom();
        return m_roomView;
    }
    int index = indexOf(person);
    if (index < 0) {
        auto *conversation = new ChatView(m_stack);
        conversation->setObjectName(u"privateView"_s);
        conversation->setAccessibleName(tr("Private conversation with %1").arg(person));
        index = m_stack->addWidget(conversation);
        m_tabs->addTab(QString());
        m_tabs->setTabData(index, person);
        m_tabs->setTabToolTip(
                index, tr("Others in the room do not see your conversation with %1.").arg(person));
        conversation->addSystem(
                tr("Private conversation with %1: others in the room do not see it.")
                        .arg(ChatFormat::isolate(person)));
        updateTab(index);
        m_tabs->setVisible(true);
    }
    m_tabs->setCurrentIndex(index);
    return static_cast<ChatView *>(m_stack->widget(index));
}

void Conversations::showRoom()
{
    m_tabs->setCurrentIndex(0);
}

void Conversations::closeConversation(const QString &person)
{
    const int index = person.isEmpty() ? -1 : indexOf(person);
    if (index < 0)
        return;
    QWidget *conversation = m_stack->widget(index);
    for (auto it = m_pendingIn.begin(); it != m_pendingIn.end();) {
        if (it.value() == conversation)
            it = m_pendingIn.erase(it);
        else
            ++it;
    }
    m_unread.remove(person);
    m_tabs->removeTab(index); // the stack follows in onCurrentChanged
    m_stack->removeWidget(conversation);
    conversation->deleteLater();
    m_stack->setCurrentIndex(m_tabs->currentIndex());
    m_tabs->setVisible(m_tabs->count() > 1);
}

void Conversations::clear()
{
    while (m_tabs->count() > 1)
        closeConversation(m_tabs->tabData(m_tabs->count() - 1).toString());
    m_pendingIn.clear();
    m_unread.clear();
    updateTab(0);
}

bool Conversations::addChat(const Protocol::Message &chat, bool own, const QString &self)
{
    if (chat.to.isEmpty())
        return false;
    const bool mine = own || chat.from == self;
    const QString person = mine ? chat.to : chat.from;
    int index = indexOf(person);
    if (index < 0) {
        const int shown = m_tabs->currentIndex();
        open(person);
        m_tabs->setCurrentIndex(shown); // a message arriving does not take the person away
        index = indexOf(person);
    }
    static_cast<ChatView *>(m_stack->widget(index))
            ->addChat(chat.from, chat.text, chat.time, mine, chat.id, chat.seq);
    if (!mine && index != m_tabs->currentIndex())
        setUnread(index, m_unread.value(person) + 1);
    return true;
}

void Conversations::notePublic()
{
    if (m_tabs->currentIndex() != 0)
        setUnread(0, m_unread.value(QString()) + 1);
}

void Conversations::addPending(const QString &id, const QString &self, const QString &text,
                               const QString &to)
{
    ChatView *target = to.isEmpty() ? m_roomView : view(to);
    if (!target)
        target = open(to);
    if (target != m_roomView)
        m_pendingIn.insert(id, target);
    target->addPending(id, self, text);
}

ChatView *Conversations::viewFor(const QString &id) const
{
    return m_pendingIn.value(id, m_roomView);
}

void Conversations::confirm(const Protocol::Message &chat)
{
    viewFor(chat.id)->confirm(chat.id, chat.from, chat.time, chat.seq);
    m_pendingIn.remove(chat.id);
}

void Conversations::markFailed(const QString &id, const QString &why)
{
    viewFor(id)->markFailed(id, why);
    m_pendingIn.remove(id);
}

void Conversations::addSystem(const QString &person, const QString &text, const QDateTime &time)
{
    if (ChatView *conversation = view(person))
        conversation->addSystem(text, time);
}

void Conversations::rename(const QString &from, const QString &to)
{
    const int index = indexOf(from);
    if (index < 0 || indexOf(to) >= 0)
        return;
    m_tabs->setTabData(index, to);
    m_tabs->setTabToolTip(index,
                          tr("Others in the room do not see your conversation with %1.").arg(to));
    m_stack->widget(index)->setAccessibleName(tr("Private conversation with %1").arg(to));
    m_unread.insert(to, m_unread.take(from));
    updateTab(index);
    if (index == m_tabs->currentIndex())
        Q_EMIT currentChanged(to);
}

void Conversations::setUnread(int index, int count)
{
    const QString person = m_tabs->tabData(index).toString();
    if (count > 0)
        m_unread.insert(person, count);
    else
        m_unread.remove(person);
    updateTab(index);
}

void Conversations::updateTab(int index)
{
    const QString person = m_tabs->tabData(index).toString();
    //: the tab of the room's public conversation, beside the private ones
    QString name = person.isEmpty() ? tr("# Room") : person;
    name.replace(u'&', u"&&"_s); // a name is never a mnemonic
    const int count = m_unread.value(person);
    //: a conversation tab: its name and how many of its messages are unread
    m_tabs->setTabText(index, count > 0 ? tr("%1 (%2)").arg(name).arg(count) : name);
    const QString spoken = person.isEmpty() ? tr("Room") : person;
    m_tabs->setAccessibleTabName(
            index, count > 0 ? tr("%1, %n unread", nullptr, count).arg(spoken) : spoken);
}

void Conversations::onCurrentChanged(int index)
{
    if (index < 0)
        return;
    m_stack->setCurrentIndex(index);
    setUnread(index, 0);
    Q_EMIT currentChanged(m_tabs->tabData(index).toString());
}
