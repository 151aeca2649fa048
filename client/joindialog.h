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

// "Join another room": an address field (host, host:port, http://… or ws://…), the rooms used
// recently and the rooms heard on the network. Selecting a room in a list (click, arrow keys) fills
// in its address; a double-click or Enter joins.
class JoinDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit JoinDialog(QWidget *parent = nullptr);

    void setRecentRooms(const QList<RecentRoom> &rooms);
    void setDiscoveredRooms(const QList<DiscoveredRoom> &rooms); // may change while open

    QUrl selectedUrl() const { return m_selected; } // ws://HOST:PORT/ws once accepted

    void accept() override;

private:
    void updateJoinButton();
    void chooseItem(QListWidgetItem *item);

    QLineEdit *m_address = nullptr;
    QLabel *m_addressError = nullptr;
    QListWidget *m_recent = nullptr;
    QLabel *m_recentEmpty = nullptr;
    QListWidget *m_discovered = nullptr;
    QLabel *m_discoveredEmpty = nullptr;
    QPushButton *m_joinButton = nullptr;
    QUrl m_selected;
};
