#pragma once

#include <QStringList>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QMenu;
class QPushButton;

// Who is in the room (live, with the count) and the field to rename yourself.
class PeoplePanel final : public QWidget
{
    Q_OBJECT
public:
    explicit PeoplePanel(QWidget *parent = nullptr);

    void setUsers(const QStringList &users, const QString &you);
    // Who of the users has host rights (marked in the list from the next setUsers()).
    void setHosts(const QStringList &hosts) { m_hosts = hosts; }
    // The menu of a person in the list (right click, or the menu key on the selected person):
    // "Message Privately" for anyone but you, then what personMenuRequested adds (a host's
    // Kick/Ban). Deletes itself when closed.
    QMenu *personMenu(const QString &name);
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
    void personMenuRequested(QMenu *menu, const QString &name);

private:
    void requestRename();
    void addPrivateMessageEntry(QMenu *menu, const QString &name);

    QLabel *m_count = nullptr;
    QListWidget *m_list = nullptr;
    QLineEdit *m_nameEdit = nullptr;
    QPushButton *m_renameButton = nullptr;
    QString m_you;
    QStringList m_hosts;
    QString m_stale;
    qsizetype m_userCount = 0;
};
