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
    explicit HubHost(const HubConfig &config, QObject *parent = nullptr);
    ~HubHost() override; // stops the hub at once (no close grace) if still running

    const HubConfig &config() const { return m_config; }
    bool isRunning() const { return m_thread != nullptr; }
    quint16 port() const { return m_port; } // 0 until listening()
    int peerCount() const { return m_peerCount; }
    Room::StoreState storeState() const { return m_storeState; }
    QString storeProblem() const { return m_storeProblem; }

    void start(); // asynchronous: listening() or failed()
    void stop(); // asynchronous: closes every client with 1001, then stopped()

    // Tells browser guests about other rooms heard on the LAN (served as /rooms.json).
    void setKnownRooms(const QByteArray &json);
    // Renames the room (ChatHub::setRoomName); config().room follows at once.
    void setRoomName(const QString &name);

Q_SIGNALS:
    void listening(quint16 port);
    void failed(const QString &reason);
    void stopped();
    void peerCountChanged(int joinedPeople);
    // Where the room's history goes: a file, nowhere by request, or nowhere because the file
    // cannot be used (problem says why; the room goes on in memory).
    void storeStateChanged(Room::StoreState state, const QString &problem);

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
