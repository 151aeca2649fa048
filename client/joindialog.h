#pragma once

#include <QDialog>
#include <QList>
#include <QUrl>

#include "discoveredroom.h"
#include "recentroom.h"

class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPushButton;

// "Join another room": an address field (host, host:port, http://… or ws://…), a passcode field
// (a pasted link's #code= fills it in), the rooms used recently and the rooms heard on the network
// (a lock on those that ask for a passcode). Selecting a room in a list (click, arrow keys) fills
// in its address; a double-click or Enter joins.
class JoinDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit JoinDialog(QWidget *parent = nullptr);

    void setRecentRooms(const QList<RecentRoom> &rooms);
    void setDiscoveredRooms(const QList<DiscoveredRoom> &rooms); // may change while open

    QUrl selectedUrl() const { return m_selected; } // ws://HOST:PORT/ws once accepted
    QString selectedPasscode() const; // "" when none was given
    QString selectedHostToken() const { return m_hostToken; } // from a pasted #host= link

    void accept() override;

private:
    void updateJoinButton();
    void chooseItem(QListWidgetItem *item);
    void takeLinkSecrets(); // #code= and #host= of a pasted link

    QLineEdit *m_address = nullptr;
    QLabel *m_addressError = nullptr;
    QLineEdit *m_passcode = nullptr;
    QString m_hostToken;
    QListWidget *m_recent = nullptr;
    QLabel *m_recentEmpty = nullptr;
    QListWidget *m_discovered = nullptr;
    QLabel *m_discoveredEmpty = nullptr;
    QPushButton *m_joinButton = nullptr;
    QUrl m_selected;
};
