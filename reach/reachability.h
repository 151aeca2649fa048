#pragma once

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include "netinterface.h"

#include <chrono>
#include <optional>

class QTcpSocket;
class QTimer;

// What may stop others from joining a hosted room, as a short list of plain, translated notes
// (empty when nothing was found). check() gives the notes that follow from the machine's
// interfaces and the port at once, then runs a self-test that opens the room's own page through
// each LAN address and adds a note for every address that failed.
class Reachability final : public QObject
{
    Q_OBJECT
public:
    struct SelfTestResult
    {
        QHostAddress address;
        QString interfaceName; // empty when not known
        bool ok = false;
        QString error; // why it failed (from the socket, or "no HTTP answer")
    };

    explicit Reachability(QObject *parent = nullptr);
    ~Reachability() override;

    // Made-up machines for tests; by default the system's interfaces and default route are read
    // when check() runs.
    void setInterfaces(const QList<NetInterface> &interfaces);
    void setDefaultRouteAddress(const QHostAddress &address);
    void setBindAddress(const QHostAddress &address); // what the hub listens on; default Any
    void setSelfTestTimeout(std::chrono::milliseconds timeout); // per address; default 3 s
    void setSelfTestEnabled(bool enabled); // check() runs the self-test; default on
    // Where ufw keeps its configuration (ufw.conf, applications.d/): a note names the command that
    // lets people in when ufw is on. Default /etc/ufw; a made-up machine (setInterfaces) has no
    // firewall unless this is set too.
    void setUfwDirectory(const QString &directory);

    // requestedPort: the port asked for (0 = any); actualPort: the one the hub listens on.
    void check(quint16 requestedPort, quint16 actualPort);
    // Only the self-test: GET / through each address on port; notesChanged() and finished().
    void selfTest(const QList<QHostAddress> &addresses, quint16 port);

    QStringList notes() const { return m_staticNotes + m_selfTestNotes; }
    QList<SelfTestResult> selfTestResults() const { return m_results; }
    bool isRunning() const { return !m_pending.isEmpty(); }

    // From the last check(): the addresses people on the LAN can use, the likely LAN first
    // (default route, then private addresses on real interfaces), VPNs last; no loopback.
    QList<QHostAddress> lanAddresses() const { return m_lanAddresses; }
    QHostAddress likelyLanAddress() const; // null when there is none

Q_SIGNALS:
    void notesChanged(const QStringList &notes);
    void finished(); // the self-test is over (also right after check() when there is no address)

private:
    enum class Outcome { Ok, NoAnswer, Refused, WrongAnswer, Failed };
    struct Probe
    {
        QPointer<QTcpSocket> socket;
        SelfTestResult result;
        QByteArray received;
        bool done = false;
    };

    QList<NetInterface> interfaces() const;
    QHostAddress defaultRoute() const;
    QString ufwNote(quint16 port) const; // empty when ufw is off or not there
    void finishProbe(int index, Outcome outcome, const QString &error);
    void abortProbes();

    std::optional<QList<NetInterface>> m_interfaces;
    std::optional<QHostAddress> m_defaultRoute;
    std::optional<QString> m_ufwDirectory;
    QHostAddress m_bindAddress = QHostAddress::Any;
    std::chrono::milliseconds m_timeout{3000};
    bool m_selfTestEnabled = true;
    QStringList m_staticNotes;
    QStringList m_selfTestNotes;
    QList<QHostAddress> m_lanAddresses;
    QHash<QHostAddress, QString> m_interfaceOf; // address -> interface name
    QList<SelfTestResult> m_results; // finished probes of the last self-test
    QList<Probe> m_probes;
    QList<int> m_pending; // indexes into m_probes still running
    quint16 m_port = 0;
    QTimer *m_timer = nullptr; // child: the self-test deadline
};
