#pragma once

#include <QImage>
#include <QList>
#include <QMainWindow>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include "chatclient.h"
#include "clientsettings.h"
#include "discoveredroom.h"
#include "hostedaddress.h"

class ChatView;
class Conversations;
class SearchBar;
class HostControls;
class HostPanel;
class JoinDialog;
class MessageInput;
class Notifier;
class PasscodeDialog;
class PeoplePanel;
class StartScreen;
class QAction;
class QStackedWidget;
class QLabel;
class QMessageBox;
class QPushButton;

// The LAN Chat window: one room at a time, as a client of its hub. When this app hosts, app/
// tells the window (setHosting) and the window joins ws://127.0.0.1:PORT/ws like any guest.
class ChatWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit ChatWindow(QWidget *parent = nullptr);
    ~ChatWindow() override;

    ChatClient *client() const { return m_client; }
    ChatView *chatView() const { return m_view; } // the room's conversation
    Conversations *conversations() const { return m_conversations; }
    Notifier *notifier() const { return m_notifier; }
    // Room > Keep History on This Computer: saved in the settings; app/ applies it when hosting.
    QAction *keepHistoryAction() const { return m_keepHistoryAction; }
    HostControls *hostControls() const { return m_hostControls; }
    PeoplePanel *peoplePanel() const { return m_people; }
    // The hosted room's host token (HubHost): this window's joins of its own room carry it.
    void setHostToken(const QString &token);

    QString nickname() const { return m_nickname; }
    void setNickname(const QString &name); // the name used for the next join

    // Started without a room: shows the start screen, which offers the rooms heard on the LAN
    // within patience (the room of last time first) or else asks to host (hostRequested()).
    void lookForRooms(std::chrono::milliseconds patience);
    bool isOnStartScreen() const;

    // Enters the room (no questions asked; see requestJoin()).
    void joinRoom(const QUrl &socketUrl);
    // Joins as a person would: while in your own hosted room, first asks whether to keep hosting;
    // while in a room, stays there until the new room has answered.
    void requestJoin(const QUrl &socketUrl);

    // Hosting: where this window reaches the hub it hosts (ws://127.0.0.1:PORT/ws; empty = not
    // hosting) and the addresses guests can use.
    void setHosting(const QUrl &ownRoomUrl, const QList<HostedAddress> &addresses);
    bool isHosting() const { return m_ownRoomUrl.isValid(); }
    quint16 hostingPort() const { return quint16(m_ownRoomUrl.port(0)); }
    QUrl ownRoomUrl() const { return m_ownRoomUrl; }
    bool isInOwnRoom() const;
    void setHostedPeople(int joinedPeople);
    void setHostingFailed(const QString &reason);
    void hostingStopped(); // the hub has stopped (after stopHostingRequested())

    void setDiscoveredRooms(const QList<DiscoveredRoom> &rooms);
    void setJoinCard(const QImage &qr, const QUrl &url);
    void setReachabilityNotes(const QStringList &notes);
    void setHistoryNote(const QString &text, bool problem); // where the hosted room's history goes

    int unreadCount() const;
    QString statusText() const;

public Q_SLOTS:
    void openJoinDialog();

Q_SIGNALS:
    void stopHostingRequested(); // the person chose to end the room this app hosts
    void hostRequested(); // the person asked to host a room again
    // The room this app hosts should be called name: set in the window, or the host renamed
    // themselves and the room is named after them.
    void roomRenameRequested(const QString &name);

protected:
    void closeEvent(QCloseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void buildMenus();
    void updateTabOrder();
    void fitWidth(int width);
    void connectClient();
    void connectConversations();
    void switchRoom(const QUrl &socketUrl);
    void sendInput();
    void updateInputNotice();
    void updateStatus();
    void updateTitle();
    void updateHostingUi();
    void onStateChanged(ChatClient::State state);
    void onChat(const Protocol::Message &chat, bool own, bool fromHistory);
    void endRoom(bool quitAfter);
    void askEndRoom(bool quitAfter);
    void askKeepHosting(const QUrl &next);
    void askRoomName();
    void askKeepInTray();
    int othersInRoom() const; // in the room this app hosts, besides this window
    // chatwindowaccess.cpp: passcode prompt, host rights, moderation lines.
    void connectAccess();
    void askPasscode(const QUrl &socketUrl, const QString &code);
    QString removedText() const;
    QString roomName(const QUrl &socketUrl) const;
    QMessageBox *question(const QString &objectName, const QString &title, const QString &text);
    void saveWindow();

    ChatClient *m_client = nullptr;
    ClientSettings m_settings;
    Notifier *m_notifier = nullptr;
    ChatView *m_view = nullptr;
    Conversations *m_conversations = nullptr;
    SearchBar *m_searchBar = nullptr;
    MessageInput *m_input = nullptr;
    QPushButton *m_sendButton = nullptr;
    QPushButton *m_joinButton = nullptr;
    QLabel *m_inputNotice = nullptr;
    QLabel *m_roomLabel = nullptr;
    QLabel *m_statusLabel = nullptr;
    PeoplePanel *m_people = nullptr;
    QStackedWidget *m_stack = nullptr;
    StartScreen *m_startScreen = nullptr;
    HostPanel *m_hostPanel = nullptr;
    QPointer<JoinDialog> m_joinDialog;
    HostControls *m_hostControls = nullptr;
    QPointer<PasscodeDialog> m_passcodeDialog;
    QAction *m_backToOwnRoom = nullptr;
    QAction *m_hostAction = nullptr;
    QAction *m_stopHostingAction = nullptr;
    QAction *m_renameRoomAction = nullptr;
    QAction *m_muteAction = nullptr;
    QAction *m_keepHistoryAction = nullptr;

    QString m_nickname;
    QList<DiscoveredRoom> m_discovered;
    QUrl m_ownRoomUrl;
    int m_hostedPeople = 0;
    QString m_hostingProblem;
    bool m_closeApproved = false;
    bool m_quitFromTray = false;
    bool m_quitWhenStopped = false;
    bool m_wasConnected = false;
    bool m_stopHostingAfterSwitch = false; // "Stop Hosting" chosen: once the new room answers
    QTimer m_countdown;
    QTimer m_titleDelay; // coalesces unread-count title updates
};
