#pragma once

#include <QObject>
#include <QPointer>

#include "hubconfig.h"
#include "room.h"

#include <memory>

class ChatHub;
class QThread;

// Owns the hub's worker thread. Everything the owner (GUI or headless main) learns about the hub
// arrives as a queued signal; nothing of the hub is touched from the owner's thread.
class HubHost final : public QObject
{
    Q_OBJECT
public:
    // Makes the run's host token when config.hostToken is empty.
    explicit HubHost(const HubConfig &config, QObject *parent = nullptr);
    ~HubHost() override; // stops the hub at once (no close grace) if still running

    const HubConfig &config() const { return m_config; }
    bool isRunning() const { return m_thread != nullptr; }
    quint16 port() const { return m_port; } // 0 until listening()
    int peerCount() const { return m_peerCount; }
    Room::StoreState storeState() const { return m_storeState; }
    QString storeProblem() const { return m_storeProblem; }
    // The join with this token gets host rights (the hosting window's own client joins with it; a
    // headless host prints it as the host link).
    QString hostToken() const { return m_config.hostToken; }
    QString passcode() const { return m_config.passcode; } // "" = none; follows hosts' changes

    void start(); // asynchronous: listening() or failed()
    void stop(); // asynchronous: closes every client with 1001, then stopped()

    // Tells browser guests about other rooms heard on the LAN (served as /rooms.json).
    void setKnownRooms(const QByteArray &json);
    // Renames the room (ChatHub::setRoomName); config().room follows at once.
    void setRoomName(const QString &name);
    // Sets the room's passcode ("" removes it) as the host: everyone is told, nobody leaves.
    // passcode() follows at once.
    void setPasscode(const QString &passcode);

Q_SIGNALS:
    void listening(quint16 port);
    void failed(const QString &reason);
    void stopped();
    void peerCountChanged(int joinedPeople);
    // Where the room's history goes: a file, nowhere by request, or nowhere because the file
    // cannot be used (problem says why; the room goes on in memory).
    void storeStateChanged(Room::StoreState state, const QString &problem);
    // The passcode changed (from setPasscode() or a host's `passcode` request); "" = none.
    void passcodeChanged(const QString &passcode);

private:
    struct ThreadStopper
    {
        void operator()(QThread *thread) const;
    };
    void finish();

    HubConfig m_config;
    std::unique_ptr<QThread, ThreadStopper> m_thread;
    QPointer<ChatHub> m_hub; // lives on m_thread
    quint16 m_port = 0;
    int m_peerCount = 0;
    Room::StoreState m_storeState = Room::StoreState::Ephemeral;
    QString m_storeProblem;
};
