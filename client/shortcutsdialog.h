#pragma once

#include <QDialog>

class QWidget;

// Help → Keyboard Shortcuts: every shortcut of the window's menus (read from its actions, so a
// new one appears by itself) and the keys of the message box and the lists.
class ShortcutsDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit ShortcutsDialog(QWidget *window);

    // Rows of (keys, what they do), in the order shown.
    QList<std::pair<QString, QString>> rows() const { return m_rows; }

private:
    QList<std::pair<QString, QString>> m_rows;
};
