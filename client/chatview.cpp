#include "chatview.h"

#include <QAbstractTextDocumentLayout>
#include <QEvent>
#include <QLocale>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

#include "chatformat.h"
#include "chatstyle.h"
#include "filemessageview.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
// How often arrivals are added: often enough to feel live, rarely enough that a busy room costs
// a few layouts and paints a second, not one per message.
constexpr int FlushMs = 100;
} // namespace

ChatView::ChatView(QWidget *parent)
    : QTextBrowser(parent)
{
    setObjectName(u"chatView"_s);
    setAccessibleName(tr("Conversation"));
    setOpenExternalLinks(true);
    // Links are opened in onAnchor: web links in the browser, file links by the window.
    setOpenLinks(false);
    connect(this, &QTextBrowser::anchorClicked, this, &ChatView::onAnchor);
    setUndoRedoEnabled(false);
    setTextInteractionFlags(Qt::TextBrowserInteraction);
    setFocusPolicy(Qt::StrongFocus);
    m_scrollTimer.setSingleShot(true);
    m_scrollTimer.setInterval(0);
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(FlushMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &ChatView::flush);
    connect(&m_scrollTimer, &QTimer::timeout, this, [this] {
        m_adjusting = true;
        verticalScrollBar()->setValue(verticalScrollBar()->maximum());
        m_adjusting = false;
    });
    // Follow the conversation while scrolled to the end; stay put while reading older messages.
    QScrollBar *bar = verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this, [this, bar](int value) {
        if (m_adjusting)
            return;
        m_followEnd = m_atNewest && value >= bar->maximum() - 4;
        if (value <= bar->minimum() && bar->maximum() > bar->minimum())
            Q_EMIT reachedTop();
        else if (!m_atNewest && value >= bar->maximum() - 4)
            Q_EMIT reachedBottom();
    });
    connect(bar, &QScrollBar::rangeChanged, this, [this] {
        if (m_followEnd)
            scheduleScrollToEnd();
    });
}

ChatView::Entry ChatView::chatEntry(const ChatLine &line)
{
    Entry entry;
    entry.from = line.from;
    entry.text = line.text;
    entry.time = line.time.isValid() ? line.time.toUTC() : QDateTime::currentDateTimeUtc();
    entry.own = line.own;
    entry.id = line.id;
    entry.seq = line.seq;
    entry.file = line.file;
    return entry;
}

void ChatView::addChat(const QString &from, const QString &text, const QDateTime &time, bool own,
                       const QString &id, qint64 seq)
{
    arrive(chatEntry({from, text, time, id, seq, own}));
}

void ChatView::arrive(Entry entry)
{
    if (!m_atNewest)
        return; // showing an older range: the newest come back with it
    m_incoming.append(std::move(entry));
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void ChatView::flush()
{
    m_flushTimer.stop();
    if (m_incoming.isEmpty())
        return;
    const QList<Entry> arrived = std::exchange(m_incoming, {});
    // Messages still being sent stay at the bottom, as in any messenger: what arrives meanwhile
    // goes above them, in the order the room saw it.
    keepPosition([&] {
        qsizetype at = firstPending();
        for (const Entry &entry : arrived)
            insertEntry(at++, entry);
        rerender(at, std::min(at + 1, m_entries.size())); // its grouping may change
        trimTop();
    });
}

void ChatView::addPending(const QString &id, const QString &from, const QString &text)
{
    flush();
    Entry entry = chatEntry({from, text, {}, id, 0, true});
    entry.pending = true;
    keepPosition([&] {
        insertEntry(m_entries.size(), std::move(entry));
        trimTop();
    });
}

void ChatView::confirm(const QString &id, const QString &from, const QDateTime &time, qint64 seq)
{
    flush();
    const qsizetype index = findById(id);
    if (index < 0)
        return;
    Entry entry = m_entries.at(index);
    entry.pending = false;
    entry.from = from;
    entry.seq = seq;
    if (time.isValid())
        entry.time = time.toUTC();
    // Confirmed messages leave the pending ones below them, in the order the room saw them.
    keepPosition([&] {
        removeEntries(index, 1);
        const qsizetype at = std::min(index, firstPending());
        insertEntry(at, std::move(entry));
        rerender(at + 1, m_entries.size());
    });
}

void ChatView::markFailed(const QString &id, const QString &why)
{
    flush();
    const qsizetype index = findById(id);
    if (index < 0)
        return;
    m_entries[index].pending = false;
    m_entries[index].failure = why;
    keepPosition([&] { rerender(index, index + 1); });
}

void ChatView::addSystem(const QString &text, const QDateTime &time)
{
    Entry entry;
    entry.kind = Entry::Kind::System;
    entry.text = text;
    entry.time = time.isValid() ? time.toUTC() : QDateTime::currentDateTimeUtc();
    arrive(std::move(entry));
}

void ChatView::clearLog()
{
    m_incoming.clear();
    m_entries.clear();
    m_thumbnails.clear();
    m_atNewest = true;
    m_followEnd = true;
    rebuild();
}

void ChatView::prependChats(const QList<ChatLine> &older)
{
    flush();
    if (older.isEmpty())
        return;
    const qint64 oldest = oldestSeq();
    keepPosition([&] {
        qsizetype at = 0;
        for (const ChatLine &line : older) {
            if (line.seq > 0 && oldest > 0 && line.seq >= oldest)
                continue; // already shown
            insertEntry(at++, chatEntry(line));
        }
        rerender(at, std::min(at + 1, m_entries.size()));
        trimBottom();
    });
}

void ChatView::appendChats(const QList<ChatLine> &newer, bool reachedNewest)
{
    flush();
    const qint64 newest = newestSeq();
    keepPosition([&] {
        qsizetype at = firstPending();
        for (const ChatLine &line : newer) {
            if (line.seq > 0 && line.seq <= newest)
                continue; // already shown
            insertEntry(at++, chatEntry(line));
        }
        rerender(at, std::min(at + 1, m_entries.size()));
        if (reachedNewest)
            m_atNewest = true;
        trimTop();
    });
}

void ChatView::showRange(const QList<ChatLine> &lines, bool atNewest, qint64 focusSeq)
{
    m_incoming.clear(); // what arrived before the range was asked for is in it
    QList<Entry> pending;
    for (const Entry &entry : std::as_const(m_entries)) {
        if (entry.pending)
            pending.append(entry);
    }
    m_entries.clear();
    for (const ChatLine &line : lines) {
        Entry entry = chatEntry(line);
        entry.focused = focusSeq > 0 && line.seq == focusSeq;
        m_entries.append(std::move(entry));
    }
    m_entries.append(pending);
    m_atNewest = atNewest;
    m_followEnd = atNewest && focusSeq == 0;
    rebuild();
    if (m_followEnd) {
        scheduleScrollToEnd();
        return;
    }
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).focused) {
            const QTextBlock block = document()->findBlockByNumber(firstBlockOf(i));
            QTextCursor cursor(block);
            setTextCursor(cursor);
            const QRectF rect = document()->documentLayout()->blockBoundingRect(block);
            m_adjusting = true;
            verticalScrollBar()->setValue(
                    int(rect.top() - (viewport()->height() - rect.height()) / 2));
            m_adjusting = false;
            break;
        }
    }
}

void ChatView::setTopNotice(const QString &text)
{
    const QTextBlock top = document()->firstBlock();
    if (top.text() == text)
        return;
    keepPosition([&] {
        QTextCursor cursor(top);
        cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        QTextCharFormat format;
        format.setForeground(ChatStyle::muted(palette()));
        format.setFontItalic(true);
        cursor.insertText(text, format);
    });
}

qint64 ChatView::oldestSeq()
{
    flush();
    for (const Entry &entry : m_entries) {
        if (entry.seq > 0)
            return entry.seq;
    }
    return 0;
}

qint64 ChatView::newestSeq()
{
    flush();
    for (auto it = m_entries.crbegin(); it != m_entries.crend(); ++it) {
        if (it->seq > 0)
            return it->seq;
    }
    return 0;
}

int ChatView::entryCount()
{
    flush();
    return int(m_entries.size());
}

int ChatView::pendingCount()
{
    flush();
    return int(std::count_if(m_entries.cbegin(), m_entries.cend(),
                             [](const Entry &e) { return e.pending; }));
}

QString ChatView::renderedText()
{
    flush();
    return ChatFormat::withoutIsolates(toPlainText());
}

void ChatView::resizeEvent(QResizeEvent *event)
{
    QTextBrowser::resizeEvent(event);
    if (m_followEnd)
        scheduleScrollToEnd();
}

void ChatView::changeEvent(QEvent *event)
{
    QTextBrowser::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::LocaleChange)
        rebuild();
}

void ChatView::insertEntry(qsizetype at, Entry entry)
{
    if (entry.serial == 0)
        entry.serial = ++m_lastSerial;
    QTextCursor cursor = cursorAfterBlock(firstBlockOf(at) - 1);
    cursor.beginEditBlock();
    entry.blocks = writeEntry(cursor, entry, at > 0 ? &m_entries.at(at - 1) : nullptr);
    cursor.endEditBlock();
    m_entries.insert(at, std::move(entry));
}

void ChatView::removeEntries(qsizetype from, qsizetype count)
{
    if (count <= 0)
        return;
    const int first = firstBlockOf(from);
    int blocks = 0;
    for (qsizetype i = from; i < from + count; ++i)
        blocks += m_entries.at(i).blocks;
    QTextCursor cursor = cursorAfterBlock(first - 1);
    const QTextBlock last = document()->findBlockByNumber(first + blocks - 1);
    cursor.setPosition(last.position() + last.length() - 1, QTextCursor::KeepAnchor);
    cursor.removeSelectedText();
    m_entries.remove(from, count);
}

void ChatView::rerender(qsizetype from, qsizetype to)
{
    if (from >= to)
        return;
    const QList<Entry> again = m_entries.mid(from, to - from);
    removeEntries(from, to - from);
    for (qsizetype i = 0; i < again.size(); ++i)
        insertEntry(from + i, again.at(i));
}

void ChatView::rebuild()
{
    const QString notice = document()->firstBlock().text();
    document()->clear();
    setTopNotice(notice);
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    cursor.beginEditBlock();
    const Entry *previous = nullptr;
    for (Entry &entry : m_entries) {
        if (entry.serial == 0)
            entry.serial = ++m_lastSerial;
        entry.blocks = writeEntry(cursor, entry, previous);
        previous = &entry;
    }
    cursor.endEditBlock();
    if (m_followEnd)
        scheduleScrollToEnd();
}

int ChatView::firstBlockOf(qsizetype index) const
{
    // Count from the nearer end: messages arrive and leave at the ends.
    if (index <= m_entries.size() / 2) {
        int block = 1; // block 0 holds the top notice
        for (qsizetype i = 0; i < index; ++i)
            block += m_entries.at(i).blocks;
        return block;
    }
    int block = document()->blockCount();
    for (qsizetype i = m_entries.size() - 1; i >= index; --i)
        block -= m_entries.at(i).blocks;
    return block;
}

QTextCursor ChatView::cursorAfterBlock(int blockNumber) const
{
    QTextCursor cursor(document()->findBlockByNumber(blockNumber));
    cursor.movePosition(QTextCursor::EndOfBlock);
    return cursor;
}

void ChatView::trimTop()
{
    if (m_entries.size() <= m_maxEntries)
        return;
    // An edit at the top lays out everything below it again: cut a quarter of the window at
    // once, so that this happens once every few hundred messages, not for every one.
    const qsizetype keep = m_maxEntries - m_maxEntries / 4;
    removeEntries(0, m_entries.size() - keep);
    rerender(0, 1); // the new first message shows its day and sender
}

void ChatView::trimBottom()
{
    const qsizetype extra = m_entries.size() - m_maxEntries;
    if (extra <= 0)
        return;
    const qsizetype end = firstPending();
    const qsizetype from = std::max<qsizetype>(0, end - extra);
    removeEntries(from, end - from);
    m_atNewest = false;
    m_followEnd = false;
}

void ChatView::keepPosition(const std::function<void()> &fn)
{
    // One edit block for the whole change: the document is laid out once, after it.
    const auto change = [this, &fn] {
        QTextCursor all(document());
        all.beginEditBlock();
        fn();
        all.endEditBlock();
    };
    if (m_followEnd) {
        change();
        scheduleScrollToEnd();
        return;
    }
    // Keep the first message in view where it is, whatever is added or removed around it (the
    // message itself may be written again: hold on to its last block, its text).
    QScrollBar *bar = verticalScrollBar();
    QAbstractTextDocumentLayout *layout = document()->documentLayout();
    const auto textBlockTop = [this, layout](qsizetype index) {
        const int last = firstBlockOf(index) + m_entries.at(index).blocks - 1;
        return layout->blockBoundingRect(document()->findBlockByNumber(last)).top();
    };
    const qsizetype index = entryAtBlock(cursorForPosition(QPoint(0, 0)).block().blockNumber());
    if (index < 0) {
        change();
        return;
    }
    const quint64 serial = m_entries.at(index).serial;
    const qreal offset = textBlockTop(index) - bar->value();
    change();
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).serial == serial) {
            m_adjusting = true;
            bar->setValue(int(textBlockTop(i) - offset));
            m_adjusting = false;
            return;
        }
    }
}

void ChatView::scheduleScrollToEnd()
{
    if (!m_scrollTimer.isActive())
        m_scrollTimer.start();
}

qsizetype ChatView::findById(const QString &id) const
{
    if (id.isEmpty())
        return -1;
    for (qsizetype i = m_entries.size() - 1; i >= 0; --i) {
        if (m_entries.at(i).id == id)
            return i;
    }
    return -1;
}

qsizetype ChatView::entryAtBlock(int blockNumber) const
{
    int block = 1; // block 0 holds the top notice: it belongs to the first message
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        block += m_entries.at(i).blocks;
        if (blockNumber < block)
            return i;
    }
    return m_entries.isEmpty() ? -1 : m_entries.size() - 1;
}

qsizetype ChatView::firstPending() const
{
    qsizetype at = m_entries.size();
    while (at > 0 && m_entries.at(at - 1).pending)
        --at;
    return at;
}

namespace {
constexpr qint64 GroupSeconds = 5 * 60;

QString withLineSeparators(QString text)
{
    text.replace(u"\r\n"_s, u"\n"_s);
    text.replace(u'\n', QChar::LineSeparator); // one message stays one paragraph
    return text;
}

QTextBlockFormat blockFormat(qreal top, qreal bottom, Qt::LayoutDirection direction)
{
    QTextBlockFormat format;
    format.setTopMargin(top);
    format.setBottomMargin(bottom);
    format.setLayoutDirection(direction);
    return format;
}

Qt::LayoutDirection directionOf(const QString &text)
{
    return text.isRightToLeft() ? Qt::RightToLeft : Qt::LeftToRight;
}
} // namespace

int ChatView::writeEntry(QTextCursor &cursor, const Entry &entry, const Entry *previous) const
{
    const QPalette pal = palette();
    const QLocale locale;
    const QDateTime local = entry.time.toLocalTime();
    QTextCharFormat plain;
    plain.setForeground(pal.color(QPalette::Text));
    QTextCharFormat muted = plain;
    muted.setForeground(ChatStyle::muted(pal));
    QTextCharFormat small = muted;
    small.setFontPointSize(font().pointSizeF() * 0.85);
    int blocks = 0;

    const bool newDay = !previous || previous->time.toLocalTime().date() != local.date();
    if (newDay) {
        const QDate today = QDate::currentDate();
        const QString day = local.date() == today ? tr("Today")
                : local.date() == today.addDays(-1)
                ? tr("Yesterday")
                : locale.toString(local.date(), QLocale::LongFormat);
        QTextBlockFormat format = blockFormat(10, 6, layoutDirection());
        format.setAlignment(Qt::AlignHCenter);
        cursor.insertBlock(format, muted);
        cursor.insertText(u"\u2014 %1 \u2014"_s.arg(day), muted);
        ++blocks;
    }
    const QString time = locale.toString(local.time(), QLocale::ShortFormat);

    if (entry.kind == Entry::Kind::System) {
        // Not in italics: the italic faces here (DejaVu Sans Oblique) have no Arabic, and a name
        // in a system line would show as boxes.
        cursor.insertBlock(blockFormat(4, 4, directionOf(entry.text)), muted);
        cursor.insertText(ChatFormat::isolate(withLineSeparators(entry.text)), muted);
        cursor.insertText(u" "_s, muted);
        cursor.insertText(time, small);
        return blocks + 1;
    }

    const bool grouped = !newDay && previous && previous->kind == Entry::Kind::Chat
            && previous->from == entry.from && previous->own == entry.own
            && previous->time.secsTo(entry.time) < GroupSeconds;
    const QColor background = entry.focused ? ChatStyle::focusBackground(pal)
            : entry.own                     ? ChatStyle::ownBackground(pal)
                                            : pal.color(QPalette::Base);
    if (!grouped) {
        const QString name = entry.own ? tr("%1 (you)").arg(ChatFormat::isolate(entry.from))
                                       : ChatFormat::isolate(entry.from);
        QTextBlockFormat format = blockFormat(8, 0, directionOf(entry.from));
        format.setBackground(background);
        QTextCharFormat bold = plain;
        bold.setFontWeight(QFont::Bold);
        bold.setForeground(ChatStyle::nameColor(pal, entry.own ? QString() : entry.from));
        cursor.insertBlock(format, bold);
        cursor.insertText(name, bold);
        cursor.insertText(u"\u00a0\u00a0"_s, muted);
        cursor.insertText(time, small);
        ++blocks;
    }

    const Qt::LayoutDirection direction = directionOf(entry.text);
    QTextBlockFormat format = blockFormat(1, 1, direction);
    format.setBackground(background);
    (direction == Qt::RightToLeft ? format.setRightMargin(12) : format.setLeftMargin(12));
    const QTextCharFormat body = entry.pending ? muted : plain;
    if (entry.file) {
        QTextCharFormat link = plain;
        link.setForeground(ChatStyle::link(pal));
        link.setFontUnderline(true);
        return blocks + FileMessageView::writeBody(cursor, *entry.file, format, body, muted, link);
    }
    cursor.insertBlock(format, body);
    cursor.insertText(QString(QChar(0x2068)), body);
    for (const ChatFormat::Segment &segment : ChatFormat::segments(entry.text)) {
        QTextCharFormat run = body;
        if (segment.url.isValid()) {
            run.setAnchor(true);
            run.setAnchorHref(segment.url.toString(QUrl::FullyEncoded));
            run.setForeground(ChatStyle::link(pal));
            run.setFontUnderline(true);
        }
        cursor.insertText(withLineSeparators(segment.text), run);
    }
    cursor.insertText(QString(QChar(0x2069)), body);
    QTextCharFormat mark = small;
    mark.setFontItalic(true);
    if (entry.pending) {
        cursor.insertText(u" "_s, muted);
        cursor.insertText(tr("sending\u2026"), mark);
    } else if (!entry.failure.isEmpty()) {
        mark.setForeground(ChatStyle::failed(pal));
        cursor.insertText(u" "_s, muted);
        cursor.insertText(tr("not delivered: %1").arg(entry.failure), mark);
    }
    return blocks + 1;
}
