#include "chatwindow.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include "chatformat.h"
#include "chatview.h"
#include "conversations.h"
#include "filesharing.h"
#include "transferspanel.h"
#include "historypager.h"
#include "clientlog.h"
#include "focusmark.h"
#include "hostcontrols.h"
#include "hostpanel.h"
#include "joindialog.h"
#include "messageinput.h"
#include "notifier.h"
#include "peoplepanel.h"
#include "shortcutsdialog.h"
#include "startscreen.h"
#include "searchbar.h"

using namespace Qt::StringLiterals;

namespace {
constexpr int TitleDelayMs = 300;

QIcon appIcon()
{
    QIcon icon;
    for (int size : {16, 32, 48, 64, 128, 256})
        icon.addFile(u":/client/icons/lanchat-%1.png"_s.arg(size), QSize(size, size));
    return icon;
}

QString hostPort(const QUrl &url)
{
    const QString host = url.host().contains(u':') ? u'[' + url.host() + u']' : url.host();
    return host + u':' + QString::number(url.port(80));
}

QString leftText(const QString &name, const QString &reason)
{
    if (reason == u"lost"_s)
        return ChatWindow::tr("%1 lost the connection").arg(name);
    if (reason == u"timeout"_s)
        return ChatWindow::tr("%1 timed out").arg(name);
    if (reason == u"slow"_s || reason == u"flood"_s || reason == u"error"_s)
        return ChatWindow::tr("%1 was disconnected by the room").arg(name);
    if (reason == u"shutdown"_s)
        return ChatWindow::tr("%1 left: the room ended").arg(name);
    return ChatWindow::tr("%1 left").arg(name);
}

QString failureText(const QString &code)
{
    if (code == u"too_long"_s)
        return ChatWindow::tr("too long");
    if (code == u"empty"_s)
        return ChatWindow::tr("empty");
    if (code == u"rate_limited"_s)
        return ChatWindow::tr("you are sending too fast");
    if (code == u"ended"_s)
        return ChatWindow::tr("the room ended");
    if (code == u"removed"_s)
        return ChatWindow::tr("the host removed you");
    if (code == Protocol::ErrorCode::NoSuchPerson)
        return ChatWindow::tr("they are not in the room");
    return code;
}
} // namespace

ChatWindow::ChatWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(u"chatWindow"_s);
    setWindowIcon(appIcon());
    m_client = new ChatClient(this);
    m_notifier = new Notifier(windowIcon(), this);
    m_notifier->setMuted(m_settings.muted());
    m_hostControls = new HostControls(m_client, this);
    buildUi();
    buildMenus();
    connectClient();
    connectAccess();

    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &ChatWindow::updateStatus);
    // A busy room raises the unread count many times a second while the window is inactive;
    // the title (which the window manager redraws) follows at most every TitleDelayMs. Clearing
    // the count shows at once.
    m_titleDelay.setSingleShot(true);
    m_titleDelay.setInterval(TitleDelayMs);
    connect(&m_titleDelay, &QTimer::timeout, this, &ChatWindow::updateTitle);
    connect(m_notifier, &Notifier::unreadChanged, this, [this](int unread) {
        if (unread == 0)
            updateTitle();
        else if (!m_titleDelay.isActive())
            m_titleDelay.start();
    });
    connect(m_notifier, &Notifier::activated, this, [this] {
        showNormal();
        raise();
        activateWindow();
    });
    connect(m_notifier, &Notifier::mutedChanged, this,
            [this](bool muted) { m_muteAction->setChecked(muted); });
    connect(m_notifier, &Notifier::quitRequested, this, [this] {
        showNormal();
        m_quitFromTray = true;
        close();
    });

    if (!restoreGeometry(m_settings.geometry()))
        resize(960, 640);
    updateHostingUi();
    updateStatus();
    updateTitle();
    m_input->setFocus();
}

ChatWindow::~ChatWindow() = default;

void ChatWindow::buildUi()
{
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);

    m_roomLabel = new QLabel(central);
    m_roomLabel->setObjectName(u"roomLabel"_s);
    m_roomLabel->setTextFormat(Qt::PlainText);
    QFont big = m_roomLabel->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_roomLabel->setFont(big);
    m_statusLabel = new QLabel(central);
    m_statusLabel->setObjectName(u"statusLabel"_s);
    m_statusLabel->setTextFormat(Qt::PlainText);
    m_statusLabel->setAccessibleName(tr("Connection status"));
    m_statusLabel->setWordWrap(true); // narrow windows
    m_roomLabel->setWordWrap(true);
    auto *joinButton = new QPushButton(tr("&Join Another Room…"), central);
    joinButton->setObjectName(u"joinRoomButton"_s);
    connect(joinButton, &QPushButton::clicked, this, &ChatWindow::openJoinDialog);
    m_joinButton = joinButton;

    auto *header = new QHBoxLayout;
    auto *titles = new QVBoxLayout;
    titles->setSpacing(0);
    titles->addWidget(m_roomLabel);
    titles->addWidget(m_statusLabel);
    header->addLayout(titles, 1);
    header->addWidget(joinButton, 0, Qt::AlignTop);
    layout->addLayout(header);

    auto *splitter = new QSplitter(Qt::Horizontal, central);
    splitter->setObjectName(u"mainSplitter"_s);
    splitter->setChildrenCollapsible(false);

    auto *chatColumn = new QWidget(splitter);
    auto *chatLayout = new QVBoxLayout(chatColumn);
    chatLayout->setContentsMargins(0, 0, 0, 0);
    m_view = new ChatView(chatColumn);
    m_input = new MessageInput(chatColumn);
    m_sendButton = new QPushButton(tr("&Send"), chatColumn);
    m_sendButton->setObjectName(u"sendButton"_s);
    m_sendButton->setAccessibleName(tr("Send message"));
    m_inputNotice = new QLabel(chatColumn);
    m_inputNotice->setObjectName(u"inputNotice"_s);
    m_inputNotice->setWordWrap(true);
    m_inputNotice->setTextFormat(Qt::PlainText);
    m_inputNotice->setVisible(false);
    m_files = new FileSharing(this, m_client, m_view, m_input);
    auto *inputRow = new QHBoxLayout;
    inputRow->addWidget(m_input, 1);
    auto *inputButtons = new QVBoxLayout; // stacked: narrow windows keep the input wide
    inputButtons->addStretch(1);
    inputButtons->addWidget(m_files->attachButton());
    inputButtons->addWidget(m_sendButton);
    inputRow->addLayout(inputButtons);
    m_searchBar = new SearchBar(m_client, chatColumn);
    auto *pager = new HistoryPager(m_client, m_view, chatColumn);
    connect(m_searchBar, &SearchBar::hitActivated, pager, &HistoryPager::jumpTo);
    chatLayout->addWidget(m_searchBar);
    m_conversations = new Conversations(m_view, chatColumn);
    chatLayout->addWidget(m_conversations, 1);
    // Files go into the conversation shown, and a private file shows in its conversation (opened
    // if need be, without taking the reader away from the one they read).
    connect(m_conversations, &Conversations::currentChanged, m_files, &FileSharing::setRecipient);
    m_files->setViewRouter([this](const QString &person) {
        if (ChatView *view = m_conversations->view(person))
            return view;
        const QString shown = m_conversations->current();
        ChatView *view = m_conversations->open(person);
        if (shown.isEmpty())
            m_conversations->showRoom();
        else
            m_conversations->open(shown);
        return view;
    });
    chatLayout->addWidget(pager);
    chatLayout->addWidget(m_files->panel());
    chatLayout->addWidget(m_inputNotice);
    chatLayout->addLayout(inputRow);

    auto *side = new QWidget;
    side->setObjectName(u"sidePanel"_s);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(6, 0, 0, 0);
    m_hostPanel = new HostPanel(side);
    m_people = new PeoplePanel(side);
    sideLayout->addWidget(m_hostPanel);
    sideLayout->addWidget(m_people, 1);
    auto *sideScroll = new QScrollArea(splitter);
    sideScroll->setWidget(side);
    sideScroll->setWidgetResizable(true);
    sideScroll->setFrameShape(QFrame::NoFrame);
    sideScroll->setFocusPolicy(Qt::NoFocus); // its contents take the focus, not the frame
    sideScroll->setMinimumWidth(120); // narrow windows; wide ones give it 300 (below)

    splitter->addWidget(chatColumn);
    splitter->addWidget(sideScroll);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({640, 300});
    layout->addWidget(splitter, 1);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(central);
    m_startScreen = new StartScreen(m_stack);
    m_stack->addWidget(m_startScreen);
    setCentralWidget(m_stack);
    connect(m_startScreen, &StartScreen::joinRequested, this, &ChatWindow::joinRoom);
    connect(m_startScreen, &StartScreen::hostRequested, this, [this] {
        m_stack->setCurrentIndex(0);
        m_input->setFocus();
        Q_EMIT hostRequested();
    });

    FocusMark::attach(m_view);
    updateTabOrder();
    connect(m_hostPanel, &HostPanel::focusChainChanged, this, &ChatWindow::updateTabOrder);

    connect(m_input, &MessageInput::submitted, this, &ChatWindow::sendInput);
    connect(m_sendButton, &QPushButton::clicked, this, &ChatWindow::sendInput);
    connect(m_input, &MessageInput::textChanged, this, &ChatWindow::updateInputNotice);
    connectConversations();
    connect(m_people, &PeoplePanel::renameRequested, this, [this](const QString &name) {
        // A hosted room named after its host follows the host's new name.
        if (isInOwnRoom() && m_client->room() == m_client->name())
            Q_EMIT roomRenameRequested(name);
        m_settings.setNickname(name);
        m_nickname = name;
        m_client->rename(name);
        m_input->setFocus(Qt::OtherFocusReason);
    });
}

void ChatWindow::buildMenus()
{
    QMenu *room = menuBar()->addMenu(tr("&Room"));
    QAction *join = room->addAction(tr("&Join Another Room…"), this, &ChatWindow::openJoinDialog);
    join->setObjectName(u"joinAction"_s);
    join->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
    m_backToOwnRoom
            = room->addAction(tr("&Back to My Room"), this, [this] { switchRoom(ownRoomUrl()); });
    m_backToOwnRoom->setObjectName(u"backToOwnRoomAction"_s);
    m_hostAction = room->addAction(tr("&Host a Room"), this, &ChatWindow::hostRequested);
    m_hostAction->setObjectName(u"hostAction"_s);
    m_stopHostingAction
            = room->addAction(tr("&Stop Hosting…"), this, [this] { askEndRoom(false); });
    m_stopHostingAction->setObjectName(u"stopHostingAction"_s);
    m_renameRoomAction = room->addAction(tr("Rename R&oom…"), this, &ChatWindow::askRoomName);
    m_renameRoomAction->setObjectName(u"renameRoomAction"_s);
    m_keepHistoryAction = room->addAction(tr("&Keep History on This Computer"));
    m_keepHistoryAction->setObjectName(u"keepHistoryAction"_s);
    m_keepHistoryAction->setCheckable(true);
    m_keepHistoryAction->setChecked(m_settings.keepHistory());
    connect(m_keepHistoryAction, &QAction::toggled, this,
            [this](bool keep) { m_settings.setKeepHistory(keep); });
    m_hostControls->addRoomMenuActions(room);
    room->setToolTipsVisible(true); // says why an action is disabled
    room->addSeparator();
    QAction *rename
            = room->addAction(tr("&Rename Yourself"), this, [this] { m_people->focusNameEdit(); });
    rename->setObjectName(u"renameAction"_s);
    rename->setShortcut(QKeySequence(Qt::Key_F2));
    QAction *focusInput = room->addAction(tr("&Write a Message"), this,
                                          [this] { m_input->setFocus(Qt::ShortcutFocusReason); });
    focusInput->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    room->addAction(m_files->sendFileAction());
    room->addAction(m_files->showTransfersAction());
    QAction *find = room->addAction(tr("&Find Messages…"), this, [this] { m_searchBar->open(); });
    find->setObjectName(u"findAction"_s);
    find->setShortcut(QKeySequence::Find);
    m_muteAction = room->addAction(tr("&Mute Notifications"));
    m_muteAction->setObjectName(u"muteAction"_s);
    m_muteAction->setCheckable(true);
    m_muteAction->setChecked(m_notifier->isMuted());
    connect(m_muteAction, &QAction::toggled, this, [this](bool muted) {
        m_notifier->setMuted(muted);
        m_settings.setMuted(muted);
    });
    room->addSeparator();
    QAction *quit = room->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(u"quitAction"_s);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *keys = help->addAction(tr("&Keyboard Shortcuts"), this, [this] {
        auto *dialog = new ShortcutsDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    keys->setObjectName(u"shortcutsAction"_s);
    keys->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("&About LAN Chat"), this, [this] {
        QMessageBox::about(this, tr("About LAN Chat"),
                           tr("LAN Chat %1\n\nChat rooms on the local network: host one, or join "
                              "one from this window or any browser on the network.")
                                   .arg(QApplication::applicationVersion()));
    });
}

void ChatWindow::connectClient()
{
    connect(m_client, &ChatClient::stateChanged, this, &ChatWindow::onStateChanged);
    connect(m_client, &ChatClient::retryScheduled, this, &ChatWindow::updateStatus);
    connect(m_client, &ChatClient::welcomed, this, [this](bool resumed) {
        if (!resumed) {
            m_view->addSystem(tr("You joined %1 as %2.").arg(m_client->room(), m_client->name()));
        } else {
            m_view->addSystem(tr("Reconnected."));
        }
        if (!isInOwnRoom())
            m_settings.addRecentRoom({m_client->url(), m_client->room()});
        m_notifier->setRoomName(m_client->room());
        updateTitle();
        updateInputNotice();
    });
    connect(m_client, &ChatClient::switched, this, [this] {
        m_view->clearLog();
        m_conversations->clear();
        m_wasConnected = false;
        if (std::exchange(m_stopHostingAfterSwitch, false))
            Q_EMIT stopHostingRequested();
    });
    connect(m_client, &ChatClient::switchFailed, this,
            [this](const QUrl &url, const QString &reason) {
                m_stopHostingAfterSwitch = false;
                m_view->addSystem(tr("Nobody is hosting at %1 (%2). You are still in %3.")
                                          .arg(hostPort(url), reason, m_client->room()));
                updateStatus();
            });
    connect(m_client, &ChatClient::roomRenamed, this, [this](const QString &room) {
        m_view->addSystem(tr("The room is now called %1.").arg(room));
        m_notifier->setRoomName(room);
        updateTitle();
    });
    connect(m_client, &ChatClient::chatReceived, this, &ChatWindow::onChat);
    connect(m_client, &ChatClient::messageQueued, this,
            [this](const QString &id, const QString &text, const QString &to) {
                m_conversations->addPending(id, m_client->name(), text, to);
            });
    connect(m_client, &ChatClient::messageConfirmed, m_conversations, &Conversations::confirm);
    connect(m_client, &ChatClient::messageFailed, this,
            [this](const QString &id, const QString &code) {
                m_conversations->markFailed(id, failureText(code));
            });
    connect(m_client, &ChatClient::userJoined, this,
            [this](const QString &name, const QDateTime &time) {
                m_view->addSystem(tr("%1 joined").arg(ChatFormat::isolate(name)), time);
            });
    connect(m_client, &ChatClient::userLeft, this,
            [this](const QString &name, const QString &reason, const QDateTime &time) {
                if (reason == u"kicked"_s || reason == u"banned"_s)
                    return; // the host's act has its own line (connectAccess)
                m_view->addSystem(leftText(ChatFormat::isolate(name), reason), time);
                m_conversations->addSystem(name, leftText(ChatFormat::isolate(name), reason), time);
            });
    connect(m_client, &ChatClient::userRenamed, this,
            [this](const QString &from, const QString &to, const QDateTime &time) {
                const QString line
                        = tr("%1 is now %2")
                                  .arg(ChatFormat::isolate(from), ChatFormat::isolate(to));
                m_view->addSystem(line, time);
                m_conversations->addSystem(from, line, time);
                m_conversations->rename(from, to);
            });
    connect(m_client, &ChatClient::usersChanged, this, [this](const QStringList &users) {
        m_people->setHosts(m_client->hosts());
        m_people->setUsers(users, m_client->name());
    });
    connect(m_client, &ChatClient::nameChanged, this, [this](const QString &name) {
        m_people->setOwnName(name);
        m_people->setUsers(m_client->users(), name);
    });
    connect(m_client, &ChatClient::historyTruncated, this, [this] {
        m_view->addSystem(tr("Some messages were sent while you were away and are no longer "
                             "available."));
    });
    connect(m_client, &ChatClient::roomRestarted, this,
            [this] { m_view->addSystem(tr("The host restarted the room.")); });
    connect(m_client, &ChatClient::serverError, this,
            [this](const QString &code, const QString &text) {
                if (code == u"rate_limited"_s) {
                    m_inputNotice->setText(tr("You are sending messages too fast; wait a moment."));
                    m_inputNotice->setVisible(true);
                } else if (code == u"bad_name"_s) {
                    m_view->addSystem(tr("The room did not accept the name “%1”.").arg(m_nickname));
                } else {
                    qCInfo(lcClientUi) << "hub error not shown:" << code << text;
                }
            });
}

void ChatWindow::setNickname(const QString &name)
{
    m_nickname = name.trimmed();
    m_people->setOwnName(m_nickname);
}

void ChatWindow::lookForRooms(std::chrono::milliseconds patience)
{
    const QList<RecentRoom> recent = m_settings.recentRooms();
    m_stack->setCurrentWidget(m_startScreen);
    m_startScreen->start(patience, recent.isEmpty() ? QUrl() : recent.constFirst().url);
}

bool ChatWindow::isOnStartScreen() const
{
    return m_stack->currentWidget() == m_startScreen;
}

void ChatWindow::joinRoom(const QUrl &socketUrl)
{
    qCInfo(lcClientUi) << "joining" << socketUrl.toDisplayString();
    m_startScreen->stop();
    if (isOnStartScreen()) {
        m_stack->setCurrentIndex(0);
        m_input->setFocus();
    }
    m_view->clearLog();
    m_conversations->clear();
    m_wasConnected = false;
    m_people->setUsers({}, {});
    m_client->connectTo(socketUrl, m_nickname);
    updateHostingUi();
    updateStatus();
    updateTitle();
}

void ChatWindow::requestJoin(const QUrl &socketUrl)
{
    if (!socketUrl.isValid())
        return;
    if (isHosting() && isInOwnRoom() && socketUrl != ownRoomUrl()) {
        askKeepHosting(socketUrl);
        return;
    }
    switchRoom(socketUrl);
}

void ChatWindow::switchRoom(const QUrl &socketUrl)
{
    const ChatClient::State state = m_client->state();
    if (state == ChatClient::State::Disconnected || state == ChatClient::State::Ended
        || state == ChatClient::State::Removed || state == ChatClient::State::Refused
        || socketUrl == m_client->url()) {
        joinRoom(socketUrl);
        return;
    }
    qCInfo(lcClientUi) << "switching to" << socketUrl.toDisplayString();
    m_view->addSystem(tr("Connecting to %1…").arg(hostPort(socketUrl)));
    m_client->switchTo(socketUrl, m_nickname);
}

void ChatWindow::setHosting(const QUrl &ownRoomUrl, const QList<HostedAddress> &addresses)
{
    m_ownRoomUrl = ownRoomUrl;
    m_hostingProblem.clear();
    m_hostPanel->setAddresses(addresses);
    if (!isHosting())
        m_hostedPeople = 0;
    updateHostingUi();
    updateStatus();
}

bool ChatWindow::isInOwnRoom() const
{
    return isHosting() && m_client->url() == ownRoomUrl()
            && m_client->state() != ChatClient::State::Disconnected;
}

void ChatWindow::setHostedPeople(int joinedPeople)
{
    m_hostedPeople = joinedPeople;
}

void ChatWindow::setHostingFailed(const QString &reason)
{
    m_hostingProblem = reason;
    m_view->addSystem(tr("Could not host a room: %1").arg(reason));
    updateStatus();
}

void ChatWindow::hostingStopped()
{
    setHosting({}, {});
    if (m_quitWhenStopped) {
        m_closeApproved = true;
        close();
    }
}

void ChatWindow::setDiscoveredRooms(const QList<DiscoveredRoom> &rooms)
{
    qCDebug(lcClientUi) << "rooms on the network:" << rooms.size();
    m_discovered = rooms;
    m_startScreen->setRooms(rooms);
    if (m_joinDialog)
        m_joinDialog->setDiscoveredRooms(rooms);
}

void ChatWindow::setJoinCard(const QImage &qr, const QUrl &url)
{
    qCDebug(lcClientUi) << "join card" << qr.size() << url.toDisplayString();
    m_hostPanel->setJoinCard(qr, url);
    m_hostControls->setPageUrl(url);
}

void ChatWindow::setReachabilityNotes(const QStringList &notes)
{
    m_hostPanel->setReachabilityNotes(notes);
}

void ChatWindow::setHistoryNote(const QString &text, bool problem)
{
    m_hostPanel->setHistoryNote(text, problem);
}

int ChatWindow::unreadCount() const
{
    return m_notifier->unread();
}

QString ChatWindow::statusText() const
{
    const QString where = hostPort(m_client->url());
    switch (m_client->state()) {
    case ChatClient::State::Connecting:
        return m_wasConnected ? tr("Reconnecting to %1…").arg(where)
                              : tr("Connecting to %1…").arg(where);
    case ChatClient::State::Connected:
        return isInOwnRoom()
                ? tr("Connected — you are hosting this room on port %1").arg(hostingPort())
                : tr("Connected to %1").arg(where);
    case ChatClient::State::Reconnecting:
        return tr("Connection lost — reconnecting in %n s…", nullptr,
                  std::max(1, m_client->secondsUntilRetry()));
    case ChatClient::State::Ended:
        return tr("The host ended the room.");
    case ChatClient::State::Removed:
        return removedText();
    case ChatClient::State::Refused:
        return m_client->refusal() == u"locked"_s
                ? tr("%1 is locked: nobody new can join now.").arg(where)
                : tr("%1 asks for a passcode.").arg(where);
    case ChatClient::State::Disconnected:
        break;
    }
    if (!m_hostingProblem.isEmpty())
        return tr("Could not host a room: %1").arg(m_hostingProblem);
    return isHosting() ? tr("Starting your room…") : tr("Not in a room");
}

void ChatWindow::openJoinDialog()
{
    if (m_joinDialog) {
        m_joinDialog->raise();
        m_joinDialog->activateWindow();
        return;
    }
    m_joinDialog = new JoinDialog(this);
    m_joinDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_joinDialog->setRecentRooms(m_settings.recentRooms());
    m_joinDialog->setDiscoveredRooms(m_discovered);
    connect(m_joinDialog, &JoinDialog::accepted, this, [this, dialog = m_joinDialog] {
        const QUrl url = dialog->selectedUrl();
        if (!dialog->selectedPasscode().isEmpty())
            m_client->setPasscode(url, dialog->selectedPasscode());
        if (!dialog->selectedHostToken().isEmpty())
            m_client->setHostToken(url, dialog->selectedHostToken());
        // Let the dialog close first; the join may ask a question of its own.
        QTimer::singleShot(0, this, [this, url] { requestJoin(url); });
    });
    m_joinDialog->open();
}

void ChatWindow::closeEvent(QCloseEvent *event)
{
    if (isHosting() && !m_closeApproved) {
        event->ignore();
        // With others in the room and a tray to live in, the room can keep running.
        if (m_notifier->hasTray() && !std::exchange(m_quitFromTray, false) && othersInRoom() > 0)
            askKeepInTray();
        else
            askEndRoom(true);
        return;
    }
    saveWindow();
    m_client->leave();
    event->accept();
}

void ChatWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    fitWidth(width());
}

// Tab goes through the window as it reads: the header, the conversation, the message box, then
// the side panel top to bottom (join card, people, your name).
void ChatWindow::updateTabOrder()
{
    QList<QWidget *> chain{m_joinButton, m_view, m_input, m_files->attachButton(), m_sendButton};
    chain += m_hostPanel->focusChain();
    chain += m_people->focusChain();
    for (qsizetype i = 1; i < chain.size(); ++i)
        setTabOrder(chain.at(i - 1), chain.at(i));
}

// Narrow windows (down to 360 px) keep the conversation readable: the join card folds away.
void ChatWindow::fitWidth(int width)
{
    m_hostPanel->setCompact(width < 640);
}

void ChatWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::ActivationChange && isActiveWindow())
        m_notifier->clearUnread();
    else if (event->type() == QEvent::LanguageChange)
        updateStatus();
}

void ChatWindow::sendInput()
{
    const QString text = m_input->toPlainText();
    switch (m_client->checkText(text)) {
    case ChatClient::TextCheck::Empty:
        return;
    case ChatClient::TextCheck::TooLong:
        updateInputNotice();
        return;
    case ChatClient::TextCheck::Ok:
        break;
    }
    const ChatClient::State state = m_client->state();
    if (state == ChatClient::State::Disconnected || state == ChatClient::State::Ended
        || state == ChatClient::State::Removed) {
        m_inputNotice->setText(tr("You are not in a room. Join one to send messages."));
        m_inputNotice->setVisible(true);
        return;
    }
    m_client->sendChat(text, m_conversations->current());
    m_input->setLastMessage(text);
    m_input->clear();
}

void ChatWindow::updateInputNotice()
{
    const QString text = m_input->toPlainText();
    if (m_client->checkText(text) == ChatClient::TextCheck::TooLong) {
        m_inputNotice->setText(
                tr("Your message is %1 characters long; this room accepts at most %2. "
                   "Shorten it to send it.")
                        .arg(text.size())
                        .arg(m_client->maxText()));
        m_inputNotice->setVisible(true);
    } else {
        m_inputNotice->setVisible(false);
    }
}

void ChatWindow::updateStatus()
{
    const ChatClient::State state = m_client->state();
    if (state == ChatClient::State::Reconnecting)
        m_countdown.start();
    else
        m_countdown.stop();
    m_statusLabel->setText(statusText());
}

void ChatWindow::updateTitle()
{
    const QString room = m_client->room().isEmpty() ? tr("LAN Chat") : m_client->room();
    m_roomLabel->setText(room);
    QString title = m_client->room().isEmpty() ? tr("LAN Chat")
                                               : tr("%1 — LAN Chat").arg(m_client->room());
    const int unread = m_notifier->unread();
    if (unread > 0)
        title = u"(%1) "_s.arg(unread) + title;
    m_titleDelay.stop();
    if (title != windowTitle())
        setWindowTitle(title);
}

void ChatWindow::updateHostingUi()
{
    const bool own = isInOwnRoom();
    m_hostPanel->setVisible(own);
    m_backToOwnRoom->setVisible(isHosting() && !own);
    m_hostAction->setVisible(!isHosting());
    m_stopHostingAction->setVisible(isHosting());
    m_renameRoomAction->setVisible(own);
}

void ChatWindow::onStateChanged(ChatClient::State state)
{
    if (state == ChatClient::State::Connected) {
        m_wasConnected = true;
    } else if (state == ChatClient::State::Reconnecting && m_wasConnected
               && !m_view->renderedText().endsWith(tr("Connection lost. Reconnecting…"))) {
        m_view->addSystem(tr("Connection lost. Reconnecting…"));
    } else if (state == ChatClient::State::Ended) {
        m_view->addSystem(tr("The host ended the room."));
    } else if (state == ChatClient::State::Removed) {
        m_view->addSystem(removedText());
    }
    m_people->setRenameEnabled(state == ChatClient::State::Connected);
    if (state == ChatClient::State::Ended || state == ChatClient::State::Disconnected
        || state == ChatClient::State::Removed)
        m_people->setUsers({}, {});
    m_people->setStale(state == ChatClient::State::Reconnecting    ? tr("connection lost")
                               : state == ChatClient::State::Ended ? tr("the room ended")
                                                                   : QString());
    updateHostingUi();
    updateStatus();
}

void ChatWindow::onChat(const Protocol::Message &chat, bool own, bool fromHistory)
{
    if (m_conversations->addChat(chat, own, m_client->name())) {
        if (!own && !fromHistory && !isActiveWindow())
            m_notifier->messageArrived(tr("%1 (private)").arg(chat.from), chat.text);
        return;
    }
    m_view->addChat(chat.from, chat.text, chat.time, own, chat.id, chat.seq);
    if (!fromHistory && !own)
        m_conversations->notePublic();
    if (!own && !fromHistory && !isActiveWindow())
        m_notifier->messageArrived(chat.from, chat.text);
}

// The private conversations beside the room: opened from the people list, the input writes into
// the one shown.
void ChatWindow::connectConversations()
{
    connect(m_people, &PeoplePanel::privateMessageRequested, this, [this](const QString &name) {
        m_conversations->open(name);
        m_input->setFocus(Qt::OtherFocusReason);
    });
    // A search hit is shown in the room's conversation.
    connect(m_searchBar, &SearchBar::hitActivated, m_conversations, &Conversations::showRoom);
    connect(m_conversations, &Conversations::currentChanged, this,
            [this, roomHint = m_input->placeholderText()](const QString &person) {
                m_input->setPlaceholderText(
                        person.isEmpty() ? roomHint : tr("Private message to %1").arg(person));
            });
}

void ChatWindow::saveWindow()
{
    m_settings.setGeometry(saveGeometry());
    m_settings.sync();
}
