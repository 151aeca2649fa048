#pragma once

#include <QList>
#include <QTimer>
#include <QUrl>
#include <QWidget>

#include "discoveredroom.h"

#include <chrono>

class QLabel;
class QProgressBar;
class QPushButton;
class QVBoxLayout;

// What a window started without a room shows first: it listens for rooms on the LAN for a moment
// and offers them ("Join Alice’s room (3 people)", the room you were in last time first; Enter
// joins the first) beside "Host my own room". If it hears nothing in time, it asks to host.
class StartScreen final : public QWidget
{
    Q_OBJECT
public:
    explicit StartScreen(QWidget *parent = nullptr);

    // Starts listening: rooms heard within patience are offered, else hostRequested() follows.
    void start(std::chrono::milliseconds patience, const QUrl &lastRoom);
    bool isLooking() const { return m_patience.isActive(); }
    void stop(); // the person went elsewhere (joined a room): no hosting when patience ends
    void setRooms(const QList<DiscoveredRoom> &rooms); // may change while shown
    QList<QUrl> offeredRooms() const; // in the order offered

    static QString joinText(const DiscoveredRoom &room);

Q_SIGNALS:
    void joinRequested(const QUrl &socketUrl);
    void hostRequested();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void offer();
    void rebuild();

    QLabel *m_title = nullptr;
    QLabel *m_hint = nullptr;
    QProgressBar *m_busy = nullptr;
    QVBoxLayout *m_roomRows = nullptr;
    QPushButton *m_hostButton = nullptr;
    QList<QPushButton *> m_roomButtons;
    QList<DiscoveredRoom> m_heard; // as the listener has them
    QList<DiscoveredRoom> m_rooms; // as offered
    QUrl m_lastRoom;
    QTimer m_patience;
};
