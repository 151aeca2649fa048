#include "messageinput.h"

#include <QKeyEvent>
#include <QMimeData>
#include <QTextBlock>

using namespace Qt::StringLiterals;

MessageInput::MessageInput(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setObjectName(u"messageInput"_s);
    setAccessibleName(tr("Message"));
    setPlaceholderText(tr("Write a message… (Enter sends, Shift+Enter adds a line)"));
    setTabChangesFocus(true);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

QSize MessageInput::sizeHint() const
{
    const int lines = 3;
    const int height = fontMetrics().lineSpacing() * lines + 2 * frameWidth()
            + int(document()->documentMargin() * 2);
    return {QPlainTextEdit::sizeHint().width(), height};
}

void MessageInput::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    const Qt::KeyboardModifiers mods = event->modifiers() & ~Qt::KeypadModifier;
    if (enter && mods == Qt::NoModifier) {
        Q_EMIT submitted(toPlainText());
        event->accept();
        return;
    }
    if (enter && mods == Qt::ShiftModifier) {
        textCursor().insertText(u"\n"_s);
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Up && mods == Qt::NoModifier && document()->isEmpty()
        && !m_lastMessage.isEmpty()) {
        setPlainText(m_lastMessage);
        moveCursor(QTextCursor::End);
        event->accept();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

bool MessageInput::canInsertFromMimeData(const QMimeData *source) const
{
    return (m_mimeHandler && (source->hasImage() || source->hasUrls()))
            || QPlainTextEdit::canInsertFromMimeData(source);
}

void MessageInput::insertFromMimeData(const QMimeData *source)
{
    if (m_mimeHandler && m_mimeHandler(source))
        return;
    QPlainTextEdit::insertFromMimeData(source);
}
