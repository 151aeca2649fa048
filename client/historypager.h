#pragma once

#include <QList>
#include <QWidget>

#include "protocol.h"

class ChatClient;
class ChatView;
class QLabel;

// Pages the room's history into the chat view: older messages when a person scrolls to the top,
// newer ones when they scroll down an older range, a search hit with the messages around it, and
// back to the newest. Shows itself as a bar ("reading older messages", Back to newest) while the
// view does not show the newest messages.
class HistoryPager final : public QWidget
{
    Q_OBJECT
public:
    static constexpr int PageSize = 100;
    static constexpr int HitContext = 10; // messages shown before and after a search hit

    HistoryPager(ChatClient *client, ChatView *view, QWidget *parent = nullptr);

    void loadOlder();
    void loadNewer();
    void jumpTo(qint64 seq);
    void backToNewest();

    bool isLoading() const { return !m_expected.isEmpty(); }
    bool startReached() const { return m_startReached; }

private:
    enum class Load { Older, Newer, Jump, Latest };
    void request(Load kind, std::optional<qint64> before, int limit);
    void onHistory(const Protocol::Message &answer);
    void updateNotices();

    ChatClient *m_client = nullptr; // not owned
    ChatView *m_view = nullptr; // not owned
    QLabel *m_label = nullptr;
    QList<Load> m_expected; // the answers on their way, in the order asked (the hub keeps it)
    qint64 m_focusSeq = 0;
    qint64 m_skippedTo = 0; // the last older page held only private messages, from this seq on
    bool m_startReached = false;
};
