#include "reachability.h"

#include "reachlogging.h"
#include "roomannouncement.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QLocale>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype MaxAnswerBytes = 4096; // we only need the status line
constexpr quint16 UfwProfileTcpPort = 8765; // the room's default port, as in packaging/ufw-lanchat

bool isAnyAddress(const QHostAddress &address)
{
    return address.isNull() || address == QHostAddress(QHostAddress::Any)
            || address == QHostAddress(QHostAddress::AnyIPv4)
            || address == QHostAddress(QHostAddress::AnyIPv6);
}

// Higher is more likely where the people are.
int lanScore(const NetInterface &n, const QHostAddress &ip, const QHostAddress &defaultRoute)
{
    int score = 0;
    if (n.looksLikeVpn())
        score = 10;
    else if (n.looksLikeVirtualBridge())
        score = 20;
    else if (!defaultRoute.isNull() && ip == defaultRoute)
        score = 100;
    else if (isPrivateIpv4(ip))
        score = 50;
    else
        score = 40;
    if (ip.isLinkLocal())
        score -= 5;
    return score;
}

// ufw.conf is readable without root (0644): "ENABLED=yes" is what `ufw enable` writes there.
bool ufwEnabled(const QString &directory)
{
    QFile conf(QDir(directory).filePath(u"ufw.conf"_s));
    if (!conf.open(QIODevice::ReadOnly | QIODevice::Text))
        return false;
    while (!conf.atEnd()) {
        QByteArray line = conf.readLine(1024).trimmed();
        if (!line.startsWith("ENABLED"))
            continue;
        line = line.mid(7).trimmed();
        if (!line.startsWith('='))
            continue;
        QByteArray value = line.mid(1).trimmed();
        if (value.size() >= 2 && (value.front() == '"' || value.front() == '\''))
            value = value.mid(1, value.size() - 2);
        return value.toLower() == "yes";
    }
    return false;
}

} // namespace

Reachability::Reachability(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        const QList<int> pending = m_pending;
        const QString error = tr("no answer within %1 s")
                                      .arg(QLocale().toString(double(m_timeout.count()) / 1000.0));
        for (const int index : pending)
            finishProbe(index, Outcome::NoAnswer, error);
    });
}

Reachability::~Reachability()
{
    abortProbes();
}

void Reachability::setInterfaces(const QList<NetInterface> &interfaces)
{
    m_interfaces = interfaces;
}

void Reachability::setDefaultRouteAddress(const QHostAddress &address)
{
    m_defaultRoute = address;
}

void Reachability::setBindAddress(const QHostAddress &address)
{
    m_bindAddress = address;
}

void Reachability::setUfwDirectory(const QString &directory)
{
    m_ufwDirectory = directory;
}

void Reachability::setSelfTestEnabled(bool enabled)
{
    m_selfTestEnabled = enabled;
}

void Reachability::setSelfTestTimeout(std::chrono::milliseconds timeout)
{
    m_timeout = std::max(timeout, std::chrono::milliseconds(1));
}

QList<NetInterface> Reachability::interfaces() const
{
    return m_interfaces ? *m_interfaces : NetInterface::system();
}

QHostAddress Reachability::defaultRoute() const
{
    return m_defaultRoute ? *m_defaultRoute : NetInterface::defaultRouteAddress();
}

QString Reachability::ufwNote(quint16 port) const
{
    if (!m_ufwDirectory && m_interfaces)
        return {}; // a made-up machine
    const QString directory = m_ufwDirectory.value_or(u"/etc/ufw"_s);
    if (port == 0 || !ufwEnabled(directory))
        return {};
    // The package's application profile (packaging/ufw-lanchat) opens the default ports.
    const bool profile = QFile::exists(QDir(directory).filePath(u"applications.d/lanchat"_s));
    if (profile && port == UfwProfileTcpPort) {
        return tr("The ufw firewall is on: others can join only once it lets LAN Chat in. Run "
                  "“sudo ufw allow lanchat” once (it opens TCP port %1 for the room and UDP "
                  "port %2 for finding rooms).")
                .arg(port)
                .arg(Discovery::Port);
    }
    return tr("The ufw firewall is on: others can join only once it lets TCP port %1 in. Run "
              "“sudo ufw allow %1/tcp” (and “sudo ufw allow %2/udp” so that the room is seen "
              "on the network).")
            .arg(port)
            .arg(Discovery::Port);
}

QHostAddress Reachability::likelyLanAddress() const
{
    return m_lanAddresses.isEmpty() ? QHostAddress() : m_lanAddresses.constFirst();
}

void Reachability::check(quint16 requestedPort, quint16 actualPort)
{
    abortProbes();
    m_staticNotes.clear();
    m_selfTestNotes.clear();
    m_results.clear();
    m_lanAddresses.clear();
    m_interfaceOf.clear();

    const QList<NetInterface> all = interfaces();
    const QHostAddress route = defaultRoute();
    const bool boundToOne = !isAnyAddress(m_bindAddress);

    if (requestedPort != 0 && actualPort != 0 && requestedPort != actualPort) {
        m_staticNotes.append(tr("Port %1 was busy; the room uses %2 instead. People who were "
                                "given the old address need the new one.")
                                     .arg(requestedPort)
                                     .arg(actualPort));
    }

    // Every usable non-loopback interface and its addresses, scored.
    struct Candidate
    {
        QHostAddress ip;
        QString interfaceName;
        int score = 0;
    };
    QList<Candidate> candidates;
    QList<const NetInterface *> real; // not loopback, not VPN
    QList<const NetInterface *> vpns;
    for (const NetInterface &n : all) {
        if (!n.isUsable() || n.loopback)
            continue;
        (n.looksLikeVpn() ? vpns : real).append(&n);
        for (const NetInterface::Address &address : n.addresses) {
            if (boundToOne && address.ip != m_bindAddress)
                continue;
            candidates.append({address.ip, n.name, lanScore(n, address.ip, route)});
        }
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate &a, const Candidate &b) { return a.score > b.score; });
    for (const Candidate &c : candidates) {
        if (!m_lanAddresses.contains(c.ip)) {
            m_lanAddresses.append(c.ip);
            m_interfaceOf.insert(c.ip, c.interfaceName);
        }
    }

    if (boundToOne && m_bindAddress.isLoopback()) {
        m_staticNotes.append(tr("The room listens on %1 only, so only this computer can join. "
                                "Host on all network interfaces to let others in.")
                                     .arg(m_bindAddress.toString()));
    } else if (real.isEmpty() && vpns.isEmpty()) {
        m_staticNotes.append(tr("Only this computer can reach the room: there is no network "
                                "connection besides loopback. Connect to a Wi-Fi or wired "
                                "network, then host the room again."));
    } else if (!boundToOne && real.size() > 1 && !m_lanAddresses.isEmpty()) {
        QStringList list;
        for (const NetInterface *n : std::as_const(real)) {
            QStringList ips;
            for (const NetInterface::Address &address : n->addresses)
                ips.append(address.ip.toString());
            list.append(u"%1 (%2)"_s.arg(n->name, ips.join(u", "_s)));
        }
        const QHostAddress best = likelyLanAddress();
        m_staticNotes.append(
                tr("This computer is on several networks: %1. People nearby most "
                   "likely reach the room at %2 (%3); if that fails, give them one "
                   "of the other addresses.")
                        .arg(list.join(u"; "_s), best.toString(), m_interfaceOf.value(best)));
    }

    for (const NetInterface *n : std::as_const(vpns)) {
        QStringList ips;
        for (const NetInterface::Address &address : n->addresses)
            ips.append(address.ip.toString());
        m_staticNotes.append(tr("%1 (%2) looks like a VPN or tunnel. A VPN can capture traffic so "
                                "that people on your network cannot reach you; if nobody can "
                                "join, allow local network access in the VPN's settings or "
                                "pause it.")
                                     .arg(n->name, ips.join(u", "_s)));
    }

    if (!m_lanAddresses.isEmpty()) {
        const QString firewall = ufwNote(actualPort);
        if (!firewall.isEmpty())
            m_staticNotes.append(firewall);
    }

    for (const QString &note : std::as_const(m_staticNotes))
        qCInfo(lcReach).noquote() << "reachability:" << note;
    Q_EMIT notesChanged(notes());

    if (!m_selfTestEnabled || actualPort == 0 || m_lanAddresses.isEmpty()) {
        Q_EMIT finished();
        return;
    }
    selfTest(m_lanAddresses, actualPort);
}

void Reachability::selfTest(const QList<QHostAddress> &addresses, quint16 port)
{
    abortProbes();
    m_selfTestNotes.clear();
    m_results.clear();
    m_port = port;
    if (addresses.isEmpty()) {
        Q_EMIT finished();
        return;
    }
    m_probes.reserve(addresses.size());
    for (const QHostAddress &address : addresses) {
        Probe probe;
        probe.result.address = address;
        probe.result.interfaceName = m_interfaceOf.value(address);
        m_probes.append(probe);
    }
    for (int i = 0; i < m_probes.size(); ++i) {
        auto *socket = new QTcpSocket(this);
        m_probes[i].socket = socket;
        m_pending.append(i);
        const QHostAddress address = m_probes.at(i).result.address;
        connect(socket, &QTcpSocket::connected, this, [socket, address, port] {
            const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                    ? u'[' + address.toString() + u']'
                    : address.toString();
            socket->write("GET / HTTP/1.1\r\nHost: " + host.toLatin1() + ':'
                          + QByteArray::number(port)
                          + "\r\nUser-Agent: lanchat-selftest\r\nConnection: close\r\n\r\n");
        });
        connect(socket, &QTcpSocket::readyRead, this, [this, i, socket] {
            Probe &probe = m_probes[i];
            probe.received += socket->read(MaxAnswerBytes - probe.received.size());
            const qsizetype end = probe.received.indexOf("\r\n");
            if (end < 0) {
                if (probe.received.size() >= MaxAnswerBytes)
                    finishProbe(i, Outcome::WrongAnswer, tr("the answer was not HTTP"));
                return;
            }
            const QByteArray statusLine = probe.received.left(end);
            const QList<QByteArray> parts = statusLine.split(' ');
            const bool http = parts.size() >= 2 && parts.at(0).startsWith("HTTP/1.");
            const bool success = http && parts.at(1).size() == 3 && parts.at(1).startsWith('2');
            if (success)
                finishProbe(i, Outcome::Ok, {});
            else if (http)
                finishProbe(i, Outcome::WrongAnswer,
                            tr("it answered “%1” instead of the room's page")
                                    .arg(QString::fromLatin1(statusLine.left(80))));
            else
                finishProbe(i, Outcome::WrongAnswer, tr("the answer was not HTTP"));
        });
        connect(socket, &QTcpSocket::errorOccurred, this, [this, i, socket] {
            const auto error = socket->error();
            const Outcome outcome = error == QAbstractSocket::ConnectionRefusedError
                    ? Outcome::Refused
                    : error == QAbstractSocket::SocketTimeoutError ? Outcome::NoAnswer
                                                                   : Outcome::Failed;
            finishProbe(i, outcome, socket->errorString());
        });
        connect(socket, &QTcpSocket::disconnected, this, [this, i] {
            finishProbe(i, Outcome::WrongAnswer, tr("the connection closed without an answer"));
        });
        socket->connectToHost(address, port);
    }
    m_timer->start(m_timeout);
}

void Reachability::finishProbe(int index, Outcome outcome, const QString &error)
{
    if (index < 0 || index >= m_probes.size() || m_probes.at(index).done)
        return;
    Probe &probe = m_probes[index];
    const bool ok = outcome == Outcome::Ok;
    probe.done = true;
    probe.result.ok = ok;
    probe.result.error = error;
    if (QTcpSocket *socket = probe.socket) {
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
    m_pending.removeOne(index);
    m_results.append(probe.result);
    const QString where = probe.result.address.toString();
    if (ok) {
        qCDebug(lcReach) << "self-test: page opens through" << where << "port" << m_port;
    } else {
        const QString through = probe.result.interfaceName.isEmpty()
                ? where
                : u"%1 (%2)"_s.arg(where, probe.result.interfaceName);
        QString advice;
        switch (outcome) {
        case Outcome::Ok:
            break;
        case Outcome::NoAnswer:
            advice = tr("A firewall may be blocking TCP port %1; allow incoming connections on it.")
                             .arg(m_port);
            break;
        case Outcome::Refused:
            advice = tr("Nothing accepts connections on TCP port %1 there: the room may listen on "
                        "another address, or a firewall rejects the connections.")
                             .arg(m_port);
            break;
        case Outcome::WrongAnswer:
            advice = tr("Another program may be answering on that address and port.");
            break;
        case Outcome::Failed:
            advice = tr("Check that this network connection works.");
            break;
        }
        //: %1 is an address (and interface), %2 what went wrong, %3 what to do about it
        const QString note
                = tr("The room's page did not open through %1: %2. %3").arg(through, error, advice);
        qCInfo(lcReach).noquote() << "reachability:" << note;
        m_selfTestNotes.append(note);
    }
    if (m_pending.isEmpty()) {
        m_timer->stop();
        m_probes.clear();
        Q_EMIT notesChanged(notes());
        Q_EMIT finished();
    }
}

void Reachability::abortProbes()
{
    m_timer->stop();
    for (Probe &probe : m_probes) {
        if (QTcpSocket *socket = probe.socket) {
            socket->disconnect(this);
            socket->abort();
            socket->deleteLater();
        }
    }
    m_probes.clear();
    m_pending.clear();
}
