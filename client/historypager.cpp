#include "historypager.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

#include "chatclient.h"
#include "chatview.h"
#include "clientlog.h"

using namespace Qt::StringLiterals;

namespace {
QList<ChatView::ChatLine> linesOf(const QList<Protocol::Message> &messages, const QString &you)
{
    QList<ChatView::ChatLine> lines;
    lines.reserve(messages.size());
    for (const Protocol::Message &m : messages) {
        if (!m.to.isEmpty()) // private messages are shown in their own conversations
            continue;
        lines.append({m.from, m.text, m.time, m.id, m.seq, m.from == you});
        if (m.type == Protocol::Type::File) {
            if (const std::optional<FileInfo> file = FileInfo::fromMessage(m)) {
                lines.last().text = file->name;
                lines.last().file = std::make_shared<const FileInfo>(*file);
            }
        }
    }
    return lines;
}
} // namespace

HistoryPager::HistoryPager(ChatClient *client, ChatView *view, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_view(view)
{
    setObjectName(u"historyPager"_s);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_label = new QLabel(tr("You are reading older messages."), this);
    auto *back = new QPushButton(tr("Back to &newest"), this);
    back->setObjectName(u"backToNewest"_s);
    layout->addWidget(m_label, 1);
    layout->addWidget(back);
    setVisible(false);

    connect(back, &QPushButton::clicked, this, &HistoryPager::backToNewest);
    connect(view, &ChatView::reachedTop, this, &HistoryPager::loadOlder);
    connect(view, &ChatView::reachedBottom, this, &HistoryPager::loadNewer);
    connect(client, &ChatClient::historyReceived, this, &HistoryPager::onHistory);
    connect(client, &ChatClient::welcomed, this, [this] {
        m_expected.clear(); // what was asked on an earlier connection is not coming
        m_skippedTo = 0;
        m_startReached = m_client->historyComplete();
        updateNotices();
    });
    connect(client, &ChatClient::pagingUnsupported, this, [this] {
        m_expected.clear();
        updateNotices();
    });
    // Your own message goes below the newest: bring them back before it is shown.
    connect(client, &ChatClient::messageQueued, this, [this] {
        if (!m_view->isAtNewest())
            backToNewest();
    });
}

void HistoryPager::loadOlder()
{
    // A page of only private messages added nothing here: go on from where it ended.
    const qint64 oldest = m_skippedTo > 0 ? m_skippedTo : m_view->oldestSeq();
    if (m_startReached || oldest <= 1)
        return;
    request(Load::Older, oldest, PageSize);
}

void HistoryPager::loadNewer()
{
    if (m_view->isAtNewest() || m_view->newestSeq() == 0)
        return;
    // "before" counts down from the newest shown plus one page: the page right after it.
    request(Load::Newer, m_view->newestSeq() + 1 + PageSize, PageSize);
}

void HistoryPager::jumpTo(qint64 seq)
{
    m_focusSeq = seq;
    request(Load::Jump, seq + HitContext + 1, 2 * HitContext + 1);
}

void HistoryPager::backToNewest()
{
    request(Load::Latest, std::nullopt, PageSize);
}

void HistoryPager::request(Load kind, std::optional<qint64> before, int limit)
{
    // One page at a time; a jump or the way back is asked at once and wins over pages on their way.
    const bool page = kind == Load::Older || kind == Load::Newer;
    if ((page && !m_expected.isEmpty()) || !m_client->requestHistory(before, limit))
        return;
    qCDebug(lcClientUi) << "history request" << int(kind) << before.value_or(-1) << limit;
    m_expected.append(kind);
    updateNotices();
}

void HistoryPager::onHistory(const Protocol::Message &answer)
{
    if (m_expected.isEmpty())
        return; // asked on an earlier connection
    const Load kind = m_expected.takeFirst();
    const bool superseded = m_expected.contains(Load::Jump) || m_expected.contains(Load::Latest);
    if (superseded) {
        updateNotices();
        return;
    }
    const QList<ChatView::ChatLine> lines = linesOf(answer.messages, m_client->name());
    m_skippedTo = kind == Load::Older && lines.isEmpty() && !answer.messages.isEmpty()
            ? answer.messages.first().seq
            : 0;
    const bool reachesNewest
            = answer.messages.isEmpty() || answer.messages.last().seq >= m_client->lastSeq();
    switch (kind) {
    case Load::Older:
        m_view->prependChats(lines);
        m_startReached = answer.complete;
        break;
    case Load::Newer:
        m_view->appendChats(lines, reachesNewest);
        break;
    case Load::Jump:
        m_view->showRange(lines, reachesNewest, m_focusSeq);
        m_startReached = answer.complete;
        break;
    case Load::Latest:
        m_view->showRange(lines, true);
        m_startReached = answer.complete;
        break;
    }
    updateNotices();
}

void HistoryPager::updateNotices()
{
    setVisible(!m_view->isAtNewest());
    if (m_expected.contains(Load::Older))
        m_view->setTopNotice(tr("Loading older messages\u2026"));
    else if (m_startReached && m_view->entryCount() > 0)
        m_view->setTopNotice(tr("This is the start of the conversation."));
    else
        m_view->setTopNotice({});
}
