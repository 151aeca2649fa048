#include "focusmark.h"

#include <QEvent>
#include <QPainter>

using namespace Qt::StringLiterals;

FocusMark *FocusMark::attach(QWidget *widget)
{
    return new FocusMark(widget);
}

FocusMark::FocusMark(QWidget *widget)
    : QWidget(widget)
{
    setObjectName(widget->objectName() + u"FocusMark"_s);
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setFocusPolicy(Qt::NoFocus);
    setGeometry(widget->rect());
    setVisible(widget->hasFocus());
    widget->installEventFilter(this);
}

bool FocusMark::eventFilter(QObject *watched, QEvent *event)
{
    auto *widget = static_cast<QWidget *>(watched);
    switch (event->type()) {
    case QEvent::FocusIn:
        setGeometry(widget->rect());
        raise();
        show();
        break;
    case QEvent::FocusOut:
        hide();
        break;
    case QEvent::Resize:
        setGeometry(widget->rect());
        break;
    default:
        break;
    }
    return false;
}

void FocusMark::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    QPen pen(palette().color(QPalette::Active, QPalette::Highlight), 2);
    painter.setPen(pen);
    painter.drawRect(QRectF(rect()).adjusted(1, 1, -1, -1));
}
