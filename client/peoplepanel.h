#pragma once

#include <QStringList>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

// Who is in the room (live, with the count) and the field to rename yourself.
class PeoplePanel final : public QWidget
{
    Q_OBJECT
public:
    explicit PeoplePanel(QWidget *parent = nullptr);

    void setUsers(const QStringList &users, const QString &you);
    void setOwnName(const QString &name);
    void setRenameEnabled(bool enabled);
    // Why the list may not be who is in the room now ("connection lost"): the list greys out and
    // the heading says so. Empty: the list is live again.
    void setStale(const QString &why);
    void focusNameEdit();
    QList<QWidget *> focusChain() const; // top to bottom, as on screen

Q_SIGNALS:
    void renameRequested(const QString &name);
    // Double-click on a person, or "Message Privately" in their menu.
    void privateMessageRequested(const QString &name);

private:
    void requestRename();
    void showPersonMenu(const QPoint &pos);

    QLabel *m_count = nullptr;
    QListWidget *m_list = nullptr;
    QLineEdit *m_nameEdit = nullptr;
    QPushButton *m_renameButton = nullptr;
    QString m_you;
    QString m_stale;
    qsizetype m_userCount = 0;
};
