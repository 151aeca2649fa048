#pragma once

#include <QWidget>

// A frame in the highlight colour around a widget while it has the keyboard focus, for widgets the
// style draws no focus for (the conversation, a list with no current row). A child of the widget,
// on top of it, transparent for the mouse.
class FocusMark final : public QWidget
{
    Q_OBJECT
public:
    static FocusMark *attach(QWidget *widget);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    explicit FocusMark(QWidget *widget);
};
