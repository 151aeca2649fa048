#pragma once

#include <QPlainTextEdit>

#include <functional>

// Where a message is typed: Enter sends, Shift+Enter starts a new line, Up in an empty input
// recalls the last message sent (to edit and send again; nothing already sent is changed).
class MessageInput final : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit MessageInput(QWidget *parent = nullptr);

    void setLastMessage(const QString &text) { m_lastMessage = text; }
    QString lastMessage() const { return m_lastMessage; }

    QSize sizeHint() const override;
    // Pasted or dropped content goes to handler first (files and pictures are sent, not typed);
    // what it declines (returns false) is inserted as text.
    void setMimeHandler(std::function<bool(const QMimeData *)> handler)
    {
        m_mimeHandler = std::move(handler);
    }

Q_SIGNALS:
    void submitted(const QString &text);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    bool canInsertFromMimeData(const QMimeData *source) const override;
    void insertFromMimeData(const QMimeData *source) override;

private:
    QString m_lastMessage;
    std::function<bool(const QMimeData *)> m_mimeHandler;
};
