#pragma once

#include <QPlainTextEdit>

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

Q_SIGNALS:
    void submitted(const QString &text);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    QString m_lastMessage;
};
