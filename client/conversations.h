#pragma once

#include <QDateTime>
#include <QHash>
#include <QWidget>

#include "protocol.h"

class ChatView;
class QStackedWidget;
class QTabBar;

// The room's conversation and one private conversation per person, each in its own ChatView,
// with a tab bar above them ("# Room", "alice (2)") that shows the unread count of each. The
// window hands every chat message to it; private ones (with `to`) go to the conversation with the
// other person, opened on the first one.
class Conversations final : public QWidget
{
    Q_OBJECT
public:
    explicit Conversations(ChatView *roomView, QWidget *parent = nullptr);

    ChatView *roomView() const { return m_roomView; }
    ChatView *view(const QString &person) const; // nullptr: no conversation with them
    ChatView *currentView() const;
    QString current() const; // the person of the conversation shown; empty: the room
    QStringList people() const; // everyone with a private conversation, in tab order
    int unread(const QString &person) const; // person empty: the room's

    // Opens the conversation with person (if needed) and shows it.
    ChatView *open(const QString &person);
    void showRoom();
    void closeConversation(const QString &person);
    // A new room: the private conversations go, the room's view stays.
    void clear();

    // A chat message from the client. Private ones (chat.to set) go to their conversation and
    // return true; public ones return false (the window adds them to the room's view).
    bool addChat(const Protocol::Message &chat, bool own, const QString &self);
    // A public message arrived (counted as unread while another conversation is shown).
    void notePublic();
    // Messages of ours, by id: queued, confirmed by the hub's echo, or refused.
    void addPending(const QString &id, const QString &self, const QString &text, const QString &to);
    void confirm(const Protocol::Message &chat);
    void markFailed(const QString &id, const QString &why);
    // A line in the conversation with person, if there is one (they left, renamed…).
    void addSystem(const QString &person, const QString &text, const QDateTime &time);
    void rename(const QString &from, const QString &to);

Q_SIGNALS:
    void currentChanged(const QString &person);
    // A private message from someone else arrived live (not from history).
    void privateMessageArrived(const QString &from, const QString &text);

private:
    int indexOf(const QString &person) const; // of the tab; -1: none
    ChatView *viewFor(const QString &id) const; // the view that shows our message id
    void setUnread(int index, int count);
    void updateTab(int index);
    void onCurrentChanged(int index);

    ChatView *m_roomView = nullptr; // in m_stack
    QTabBar *m_tabs = nullptr; // child
    QStackedWidget *m_stack = nullptr; // child
    QHash<QString, ChatView *> m_pendingIn; // our message id -> the view it waits in
    QHash<QString, int> m_unread; // person (empty: the room) -> messages not seen yet
};
