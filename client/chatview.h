#pragma once

#include <QDateTime>
#include <QHash>
#include <QImage>
#include <QList>
#include <QTextBrowser>
#include <QTimer>

#include <functional>
#include <memory>

#include "fileinfo.h"

class QTextCursor;

// The conversation: chat messages (sender, time, grouped when one person writes several in a
// row, your own set apart, pending ones marked), system lines and day separators. Chat text is
// always shown as plain text with clickable http(s) links.
//
// Each message is added to the document with QTextCursor edits of its own few blocks, never by
// rebuilding the document, so a new message costs the same however many are shown, and a
// person's selection stays while messages arrive. The view holds a bounded window of messages
// (setMaxEntries); older ones come back through prependChats, a distant range through showRange.
class ChatView final : public QTextBrowser
{
    Q_OBJECT
public:
    struct ChatLine
    {
        QString from;
        QString text;
        QDateTime time;
        QString id;
        qint64 seq = 0;
        bool own = false;
        std::shared_ptr<const FileInfo> file = {}; // a `file` message
    };

    explicit ChatView(QWidget *parent = nullptr);

    void addChat(const QString &from, const QString &text, const QDateTime &time, bool own,
                 const QString &id = {}, qint64 seq = 0);
    void addPending(const QString &id, const QString &from, const QString &text);
    void confirm(const QString &id, const QString &from, const QDateTime &time, qint64 seq = 0);
    void markFailed(const QString &id, const QString &why);
    // A `file` message: a picture's thumbnail or a file's line (chatviewfiles.cpp).
    void addFile(const FileInfo &file, bool own);
    // The thumbnail asked for by thumbnailWanted(name) arrived.
    void setThumbnail(const QUrl &name, const QImage &image);
    void addSystem(const QString &text, const QDateTime &time = QDateTime::currentDateTimeUtc());
    void clearLog();

    // Older messages (oldest first) above the oldest shown; the reader's position stays. When
    // the window overflows, the newest leave it (isAtNewest() turns false).
    void prependChats(const QList<ChatLine> &older);
    // Newer messages (oldest first) below the newest shown, while not at the newest.
    void appendChats(const QList<ChatLine> &newer, bool reachedNewest);
    // Replaces what is shown by lines (oldest first), keeping messages still being sent, and
    // scrolls to the one with seq focusSeq (highlighted), or to the end when focusSeq is 0.
    void showRange(const QList<ChatLine> &lines, bool atNewest, qint64 focusSeq = 0);
    // A line above the oldest message: loading, the start of the conversation, or nothing.
    void setTopNotice(const QString &text);

    // Messages that arrive are added together a few times a second (one layout and one paint
    // for all of them); flush() adds them now. The accessors below flush first.
    void flush();

    bool isAtNewest() const { return m_atNewest; }
    qint64 oldestSeq(); // of the chat messages shown (0: none)
    qint64 newestSeq();
    bool isFollowingEnd() const { return m_followEnd; }

    int entryCount();
    int pendingCount();
    QString renderedText(); // what a person sees, as plain text

    void setMaxEntries(int count) { m_maxEntries = count; }
    int maxEntries() const { return m_maxEntries; }

Q_SIGNALS:
    void reachedTop(); // scrolled to the oldest message shown
    void reachedBottom(); // scrolled to the newest message shown
    // A picture is shown whose thumbnail the document does not have yet.
    void thumbnailWanted(const QUrl &name);
    // A click on a file message: FileMessageView::OpenAction or DownloadAction.
    void fileActivated(const FileInfo &file, const QString &action);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    QVariant loadResource(int type, const QUrl &name) override;

private:
    struct Entry
    {
        enum class Kind { Chat, System };
        Kind kind = Kind::Chat;
        QString from;
        QString text;
        QDateTime time; // UTC
        QString id;
        qint64 seq = 0;
        bool own = false;
        bool pending = false;
        bool focused = false; // the search hit being shown
        QString failure; // non-empty: not delivered, and why
        int blocks = 0; // text blocks it occupies in the document
        quint64 serial = 0; // stays the same when the entry is written again
        std::shared_ptr<const FileInfo> file; // a `file` message instead of text
    };
    void onAnchor(const QUrl &url);
    static Entry chatEntry(const ChatLine &line);
    void arrive(Entry entry);

    void insertEntry(qsizetype at, Entry entry);
    void removeEntries(qsizetype from, qsizetype count);
    void rerender(qsizetype from, qsizetype to);
    void rebuild();
    int firstBlockOf(qsizetype index) const;
    QTextCursor cursorAfterBlock(int blockNumber) const;
    int writeEntry(QTextCursor &cursor, const Entry &entry, const Entry *previous) const;
    void trimTop();
    void trimBottom();
    void keepPosition(const std::function<void()> &change);
    void scheduleScrollToEnd();
    qsizetype findById(const QString &id) const;
    qsizetype entryAtBlock(int blockNumber) const;
    qsizetype firstPending() const;

    QList<Entry> m_entries;
    int m_maxEntries = 1000;
    bool m_atNewest = true;
    bool m_followEnd = true; // scrolled to the end: keep showing the newest
    bool m_adjusting = false; // the view itself moves the scroll bar
    QTimer m_scrollTimer;
    QList<Entry> m_incoming; // arrived, not added yet
    QTimer m_flushTimer;
    quint64 m_lastSerial = 0;
    QHash<QUrl, QImage> m_thumbnails; // arrived for the room shown (cleared with the log)
};
