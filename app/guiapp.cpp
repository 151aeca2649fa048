#include "guiapp.h"

#include <QAction>
#include <QApplication>
#include <QLoggingCategory>
#include <QPointer>
#include <QSignalBlocker>
#include <QTimer>

#include <optional>

#include "appoptions.h"
#include "chatwindow.h"
#include "clientsettings.h"
#include "hubhost.h"
#include "lanaddresses.h"
#include "reachsession.h"
#include "signalwatcher.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

Q_LOGGING_CATEGORY(lcGui, "lanchat.app.gui", QtInfoMsg)

namespace {

// How long a window started without a room listens for rooms on the LAN before it hosts one:
// hosting rooms announce themselves every second (ReachSession), so each one is usually heard
// twice within the look.
constexpr auto LookForRooms = 2000ms;

// The person's name when neither --nick nor the settings give one (it also names the hosted
// room when --room is not given).
QString defaultPersonName()
{
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty())
        name = qEnvironmentVariable("USERNAME");
    name = name.trimmed().left(Protocol::MaxNameLength);
    return name.isEmpty() ? QCoreApplication::translate("GuiApp", "Guest") : name;
}

// Where the window reaches the hub it hosts: loopback unless the hub is bound to one address.
QUrl ownSocketUrl(const QHostAddress &bind, quint16 port)
{
    if (bind == QHostAddress::Any || bind == QHostAddress::AnyIPv4 || bind == QHostAddress::AnyIPv6
        || bind.isLoopback())
        return LanAddresses::socketUrl(bind == QHostAddress::AnyIPv6 ? QHostAddress::LocalHostIPv6
                                               : bind.isLoopback()   ? bind
                                                                     : QHostAddress::LocalHost,
                                       port);
    return LanAddresses::socketUrl(bind, port);
}

QList<HostedAddress> hostedAddresses(const QHostAddress &bind, quint16 port)
{
    // Loopback addresses help nobody else; list them only when there is nothing better.
    QList<LanAddresses::Entry> entries = LanAddresses::entries(bind, false);
    if (entries.isEmpty())
        entries = LanAddresses::entries(bind, true);
    QList<HostedAddress> addresses;
    for (const LanAddresses::Entry &entry : std::as_const(entries)) {
        const QString label
                = entry.interfaceLabel.isEmpty() ? entry.interfaceName : entry.interfaceLabel;
        addresses.append({LanAddresses::pageUrl(entry.address, port), label, entry.loopback});
    }
    return addresses;
}

// Where the hosted room's history goes, for the host panel.
QString historyNote(Room::StoreState state, const QString &problem)
{
    switch (state) {
    case Room::StoreState::Persistent:
        return QCoreApplication::translate("GuiApp", "History is kept on this computer.");
    case Room::StoreState::Ephemeral:
        return QCoreApplication::translate(
                "GuiApp", "History is not kept: the room forgets it when it ends.");
    case Room::StoreState::NotSaving:
        break;
    }
    return QCoreApplication::translate("GuiApp", "History is not being saved: %1").arg(problem);
}

// Added to the history note while hosting when the window's setting differs from what the hosted
// room does: the hub is not restarted for it.
QString nextTimeNote(bool keepHistory)
{
    return keepHistory
            ? QCoreApplication::translate("GuiApp",
                                          "The next time you host, the history will be kept.")
            : QCoreApplication::translate("GuiApp",
                                          "The next time you host, the history will not be kept.");
}

QList<DiscoveredRoom> discoveredRooms(const QList<HeardRoom> &heard)
{
    QList<DiscoveredRoom> rooms;
    for (const HeardRoom &room : heard) {
        const RoomAnnouncement &a = room.announcement;
        rooms.append({a.id, a.room, a.host, room.socketUrl(), a.people});
    }
    return rooms;
}

// Ties the hub (when this app hosts) and LAN discovery to the window: start, show the addresses,
// join, announce, stop.
class GuiSession final
{
public:
    GuiSession(ChatWindow *window, const AppOptions &options, const QString &name)
        : m_window(window)
        , m_options(options)
        , m_name(name)
    {
        QObject::connect(window, &ChatWindow::hostRequested, window, [this] { host(); });
        QObject::connect(window, &ChatWindow::stopHostingRequested, window,
                         [this] { stopHosting(); });
        QObject::connect(window, &ChatWindow::roomRenameRequested, window,
                         [this](const QString &room) {
                             if (!m_hub)
                                 return;
                             m_hub->setRoomName(room); // tells everyone in the room
                             m_reach.setRoomName(room); // and the LAN
                         });

        m_reach.setAnnounceEnabled(options.announce);
        QObject::connect(&m_reach, &ReachSession::roomsChanged, window,
                         [window](const QList<HeardRoom> &rooms) {
                             window->setDiscoveredRooms(discoveredRooms(rooms));
                         });
        QObject::connect(&m_reach, &ReachSession::roomsJsonChanged, window,
                         [this](const QByteArray &json) {
                             if (m_hub)
                                 m_hub->setKnownRooms(json);
                         });
        QObject::connect(&m_reach, &ReachSession::joinCardChanged, window,
                         &ChatWindow::setJoinCard);
        QObject::connect(&m_reach, &ReachSession::reachabilityNotesChanged, window,
                         &ChatWindow::setReachabilityNotes);
        m_reach.startListening();

        QAction *keep = window->keepHistoryAction();
        if (historyChosenOnCommandLine(options)) {
            const QSignalBlocker quiet(keep); // the command line's choice is not saved
            keep->setChecked(!options.ephemeral);
            keep->setEnabled(false);
            keep->setToolTip(options.ephemeral
                                     ? QCoreApplication::translate(
                                             "GuiApp", "Set by --ephemeral on the command line.")
                                     : QCoreApplication::translate(
                                             "GuiApp", "Set by --data-dir on the command line."));
        } else {
            QObject::connect(keep, &QAction::toggled, window, [this] { showHistoryNote(); });
        }
    }

    void host()
    {
        if (m_hub)
            return;
        HubConfig config = m_options.hub;
        if (!m_options.roomGiven)
            config.room = m_window->nickname().isEmpty() ? m_name : m_window->nickname();
        if (!m_options.portGiven) {
            const quint16 remembered = m_settings.port();
            config.port = remembered ? remembered : Protocol::DefaultPort;
            config.portAttempts = 20;
        }
        config.dataDir = hostedDataDir(m_options, m_window->keepHistoryAction()->isChecked());
        m_storeState.reset();
        m_hub = new HubHost(config, m_window);
        HubHost *hub = m_hub;
        const quint16 requestedPort = config.port;
        QObject::connect(
                hub, &HubHost::listening, m_window, [this, hub, requestedPort](quint16 port) {
                    if (!m_options.portGiven)
                        m_settings.setPort(port);
                    const HubConfig &used = hub->config();
                    const QUrl own = ownSocketUrl(used.bindAddress, port);
                    m_window->setHosting(own, hostedAddresses(used.bindAddress, port));
                    m_window->joinRoom(own);
                    hub->setKnownRooms(m_reach.roomsJson());
                    m_reach.hostingStarted(used.room, used.bindAddress, requestedPort, port);
                });
        QObject::connect(hub, &HubHost::failed, m_window, [this, hub](const QString &reason) {
            m_window->setHostingFailed(reason);
            hub->deleteLater();
            m_hub = nullptr;
            m_window->openJoinDialog();
        });
        QObject::connect(hub, &HubHost::peerCountChanged, m_window, [this](int people) {
            m_window->setHostedPeople(people);
            m_reach.setPeopleCount(people);
        });
        // The announcement says "passcode required" and the join card carries the code.
        m_reach.setPasscode(hub->passcode());
        QObject::connect(hub, &HubHost::passcodeChanged, &m_reach, &ReachSession::setPasscode);
        QObject::connect(hub, &HubHost::stopped, m_window, [this, hub] { finished(hub); });
        QObject::connect(hub, &HubHost::storeStateChanged, m_window,
                         [this](Room::StoreState state, const QString &problem) {
                             m_storeState = state;
                             m_storeProblem = problem;
                             showHistoryNote();
                         });
        hub->start();
    }

    void stopHosting()
    {
        if (!m_hub) {
            m_window->hostingStopped();
            if (m_quitting)
                QCoreApplication::quit();
            return;
        }
        HubHost *hub = m_hub;
        m_reach.hostingStopped(); // bye: listeners drop the room at once
        hub->stop();
        // stop() waits for close handshakes up to closeGrace; never hang the window on it.
        const auto patience = hub->config().closeGrace + std::chrono::seconds(3);
        QTimer::singleShot(patience, hub, [this, hub] { finished(hub); });
    }

    // SIGTERM/SIGINT (logout, kill, Ctrl+C): the room ends as when its host stops it, so that
    // guests hear "going away" (1001) instead of a dead connection, then the app quits.
    void quitAfterStopping()
    {
        m_quitting = true;
        stopHosting();
    }

private:
    // Where the hosted room's history goes, and where it will go the next time if the window's
    // setting has changed since.
    void showHistoryNote()
    {
        if (!m_hub || !m_storeState)
            return;
        QString note = historyNote(*m_storeState, m_storeProblem);
        const bool keep = m_window->keepHistoryAction()->isChecked();
        if (keep == m_hub->config().dataDir.isEmpty())
            note += u' ' + nextTimeNote(keep);
        m_window->setHistoryNote(note, *m_storeState == Room::StoreState::NotSaving);
    }

    void finished(HubHost *hub)
    {
        if (hub != m_hub)
            return;
        m_hub = nullptr;
        hub->deleteLater();
        m_reach.hostingStopped();
        m_window->hostingStopped();
        if (m_quitting)
            QCoreApplication::quit();
    }

    ChatWindow *m_window;
    const AppOptions &m_options;
    QString m_name;
    ClientSettings m_settings;
    ReachSession m_reach;
    QPointer<HubHost> m_hub; // child of the window
    std::optional<Room::StoreState> m_storeState; // of the hosted room, once the hub has said
    QString m_storeProblem;
    bool m_quitting = false;
};

} // namespace

bool historyChosenOnCommandLine(const AppOptions &options)
{
    return options.ephemeral || options.dataDirGiven;
}

QString hostedDataDir(const AppOptions &options, bool keepHistory)
{
    if (historyChosenOnCommandLine(options) || keepHistory)
        return options.hub.dataDir;
    return {};
}

int runGui(QApplication &app, const AppOptions &options)
{
    // Wayland docks and task bars match the window to the installed io.lanchat.LanChat.desktop.
    QGuiApplication::setDesktopFileName(u"io.lanchat.LanChat"_s);
    ClientSettings settings;
    QString name = options.nick.trimmed();
    if (name.isEmpty())
        name = settings.nickname();
    if (name.isEmpty())
        name = defaultPersonName();

    ChatWindow window;
    window.setNickname(name);
    GuiSession session(&window, options, name);
    SignalWatcher signals;
    bool ending = false;
    QObject::connect(&signals, &SignalWatcher::terminationRequested, &window,
                     [&session, &ending](int number) {
                         if (ending) {
                             qCWarning(lcGui) << "second signal" << number << "- quitting at once";
                             QCoreApplication::quit();
                             return;
                         }
                         ending = true;
                         qCInfo(lcGui) << "signal" << number << "- ending the room";
                         session.quitAfterStopping();
                     });
    window.show();
    if (options.join.isValid())
        window.joinRoom(options.join);
    else if (options.host)
        session.host();
    else
        window.lookForRooms(LookForRooms);
    return app.exec();
}
