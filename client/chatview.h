#pragma once

#include <QDateTime>
#include <QList>
#include <QTextBrowser>
#include <QTimer>

// The conversation: chat messages (sender, time, grouped when one person writes several in a
// row, your own set apart, pending ones marked), system lines and day separators. Chat text is
// always shown as plain text with clickable http(s) links.
class ChatView final : public QTextBrowser
{
    Q_OBJECT
public:
    explicit ChatView(QWidget *parent = nullptr);

    void addChat(const QString &from, const QString &text, const QDateTime &time, bool own,
                 const QString &id = {});
    void addPending(const QString &id, const QString &from, const QString &text);
    void confirm(const QString &id, const QString &from, const QDateTime &time);
    void markFailed(const QString &id, const QString &why);
    void addSystem(const QString &text, const QDateTime &time = QDateTime::currentDateTimeUtc());
    void clearLog();

    int entryCount() const { return int(m_entries.size()); }
    int pendingCount() const;
    QString renderedText(); // what a person sees, as plain text (renders pending changes first)

    void setMaxEntries(int count) { m_maxEntries = count; }

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Entry
    {
        enum class Kind { Chat, System };
        Kind kind = Kind::Chat;
        QString from;
        QString text;
        QDateTime time; // UTC
        QString id;
        bool own = false;
        bool pending = false;
        QString failure; // non-empty: not delivered, and why
    };

    void append(Entry entry);
    void scheduleRender();
    void render();
    QString entryHtml(const Entry &entry, const Entry *previous) const;
    QString nameColor(const QString &name) const;
    Entry *findById(const QString &id);

    QList<Entry> m_entries;
    int m_maxEntries = 2000;
    QTimer m_renderTimer;
    bool m_followEnd = true; // scrolled to the end: keep showing the newest
    bool m_rendering = false;
};
