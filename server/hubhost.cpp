#include "hubhost.h"

#include "chathub.h"
#include "logging.h"
#include "protocol.h"
#include "randomhex.h"

#include <QThread>

void HubHost::ThreadStopper::operator()(QThread *thread) const
{
    thread->quit();
    thread->wait();
    delete thread;
}

HubHost::HubHost(const HubConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
{
    if (m_config.hostToken.isEmpty())
        m_config.hostToken = Protocol::randomHex(16);
    m_config.passcode = m_config.passcode.normalized(QString::NormalizationForm_C);
}

HubHost::~HubHost()
{
    // No blocking call into the hub: quitting the thread deletes the hub there (finished ->
    // deleteLater runs before the thread ends), and ~ChatHub aborts every connection on its own
    // thread. Its last signals are not for us any more.
    finish();
}

void HubHost::start()
{
    if (m_thread)
        return;
    m_port = 0;
    m_thread.reset(new QThread);
    m_thread->setObjectName(QStringLiteral("lanchat-hub"));
    auto *hub = new ChatHub(m_config); // no parent: it moves to the thread
    m_hub = hub;
    hub->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::finished, hub, &QObject::deleteLater);

    // Queued across threads; only values cross.
    connect(hub, &ChatHub::listening, this, [this](quint16 port) {
        m_port = port;
        Q_EMIT listening(port);
    });
    connect(hub, &ChatHub::failed, this, [this](const QString &reason) {
        finish();
        Q_EMIT failed(reason);
    });
    connect(hub, &ChatHub::stopped, this, [this] {
        finish();
        Q_EMIT stopped();
    });
    connect(hub, &ChatHub::peerCountChanged, this, [this](int count) {
        m_peerCount = count;
        Q_EMIT peerCountChanged(count);
    });
    connect(hub, &ChatHub::storeStateChanged, this,
            [this](Room::StoreState state, const QString &problem) {
                m_storeState = state;
                m_storeProblem = problem;
                Q_EMIT storeStateChanged(state, problem);
            });
    connect(hub, &ChatHub::passcodeChanged, this, [this](const QString &passcode) {
        if (passcode == m_config.passcode)
            return;
        m_config.passcode = passcode;
        Q_EMIT passcodeChanged(passcode);
    });
    // The hub thread should run Qt's UNIX event dispatcher instead of glib's: glib's
    // socket-notifier bookkeeping is linear in the number of sockets (docs/PERFORMANCE.md: 10,000
    // connections opened in 1.1 s instead of 2.9 s). QThread picks the dispatcher from
    // QT_NO_THREADED_GLIB when it starts; main() sets it before any thread exists (setting it here
    // would change the environment while other threads may read it), and the test suite sets it
    // for every test (cmake/LanchatTesting.cmake).
    m_thread->start();
    QMetaObject::invokeMethod(hub, &ChatHub::start, Qt::QueuedConnection);
}

void HubHost::stop()
{
    if (m_hub && m_thread)
        QMetaObject::invokeMethod(m_hub, &ChatHub::stop, Qt::QueuedConnection);
}

void HubHost::setKnownRooms(const QByteArray &json)
{
    if (m_hub && m_thread) {
        QMetaObject::invokeMethod(
                m_hub, [hub = m_hub.data(), json] { hub->setKnownRooms(json); },
                Qt::QueuedConnection);
    }
}

void HubHost::setRoomName(const QString &name)
{
    const QString room = name.trimmed();
    if (room.isEmpty() || room.size() > Protocol::MaxRoomNameLength)
        return;
    m_config.room = room;
    if (m_hub && m_thread) {
        QMetaObject::invokeMethod(
                m_hub, [hub = m_hub.data(), room] { hub->setRoomName(room); },
                Qt::QueuedConnection);
    }
}

void HubHost::setPasscode(const QString &passcode)
{
    const QString code = passcode.normalized(QString::NormalizationForm_C);
    if (code == m_config.passcode)
        return;
    m_config.passcode = code;
    Q_EMIT passcodeChanged(code);
    if (m_hub && m_thread) {
        QMetaObject::invokeMethod(
                m_hub, [hub = m_hub.data(), code] { hub->setPasscode(code); },
                Qt::QueuedConnection);
    }
}

void HubHost::finish()
{
    if (m_hub)
        disconnect(m_hub, nullptr, this, nullptr);
    m_hub = nullptr; // deleted by the thread's finished signal
    m_thread.reset(); // quit + wait
    m_port = 0;
    m_peerCount = 0;
}
