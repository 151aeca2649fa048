#include <QSignalSpy>
#include <QTcpServer>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTcpSocket>
#include <QTest>

#include "reachability.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

// A tiny HTTP server on 127.0.0.1, port 0, answering every request with a fixed status line.
class FakePage final : public QObject
{
    Q_OBJECT
public:
    enum class Mode { Ok, NotFound, Garbage, Silent };
    explicit FakePage(Mode mode, QObject *parent = nullptr)
        : QObject(parent)
        , m_mode(mode)
    {
        connect(&m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    m_request += socket->readAll();
                    if (!m_request.contains("\r\n\r\n"))
                        return;
                    switch (m_mode) {
                    case Mode::Ok:
                        socket->write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: "
                                      "close\r\n\r\nok");
                        break;
                    case Mode::NotFound:
                        socket->write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
                        break;
                    case Mode::Garbage:
                        socket->write("SSH-2.0-OpenSSH_9.2\r\n");
                        break;
                    case Mode::Silent:
                        return;
                    }
                    socket->disconnectFromHost();
                });
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }
    QByteArray request() const { return m_request; }

private:
    Mode m_mode;
    QTcpServer m_server;
    QByteArray m_request;
};

class TestReachability final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void onlyLoopback();
    void busyPort();
    void samePortGivesNoPortNote();
    void boundToLoopback();
    void severalInterfacesNamesTheLan();
    void defaultRouteWinsOverOtherPrivateAddresses();
    void vpnIsNoted();
    void oneLanAndAllWellGivesNoNotes();
    void selfTestPasses();
    void selfTestReportsFailures_data();
    void selfTestReportsFailures();
    void selfTestRefused();
    void checkRunsSelfTestThroughLanAddresses();
    void ufwNote_data();
    void ufwNote();

private:
    static NetInterface loopback();
    static NetInterface lan(const QString &name, const QString &ip, const QString &broadcast = {});
};

NetInterface TestReachability::loopback()
{
    NetInterface n;
    n.name = u"lo"_s;
    n.up = n.running = n.loopback = true;
    n.type = QNetworkInterface::Loopback;
    n.addresses = {{QHostAddress::LocalHost, {}, 8}};
    return n;
}

NetInterface TestReachability::lan(const QString &name, const QString &ip, const QString &broadcast)
{
    NetInterface n;
    n.name = name;
    n.up = n.running = n.canMulticast = n.canBroadcast = true;
    n.type = QNetworkInterface::Ethernet;
    n.addresses = {{QHostAddress(ip), QHostAddress(broadcast), 24}};
    return n;
}

void TestReachability::onlyLoopback()
{
    NetInterface down = lan(u"eth0"_s, u"192.168.1.7"_s);
    down.running = false; // cable unplugged
    Reachability r;
    r.setInterfaces({loopback(), down});
    r.setDefaultRouteAddress({});
    QSignalSpy notes(&r, &Reachability::notesChanged);
    QSignalSpy finished(&r, &Reachability::finished);
    r.check(8765, 8765);
    QCOMPARE(r.notes().size(), 1);
    QVERIFY2(r.notes().constFirst().contains(u"Only this computer"_s),
             qPrintable(r.notes().constFirst()));
    QVERIFY(r.lanAddresses().isEmpty());
    QVERIFY(r.likelyLanAddress().isNull());
    QCOMPARE(notes.size(), 1);
    QCOMPARE(notes.at(0).at(0).toStringList(), r.notes());
    QCOMPARE(finished.size(), 1); // nothing to self-test
    QVERIFY(!r.isRunning());
}

void TestReachability::busyPort()
{
    Reachability r;
    r.setInterfaces({loopback()});
    r.setDefaultRouteAddress({});
    r.check(8765, 8766);
    QCOMPARE(r.notes().size(), 2);
    QVERIFY2(
            r.notes().constFirst().startsWith(u"Port 8765 was busy; the room uses 8766 instead."_s),
            qPrintable(r.notes().constFirst()));
}

void TestReachability::samePortGivesNoPortNote()
{
    Reachability r;
    r.setInterfaces({loopback()});
    r.setDefaultRouteAddress({});
    r.check(0, 40123); // any port was asked for
    QCOMPARE(r.notes().size(), 1);
    QVERIFY(!r.notes().constFirst().contains(u"busy"_s));
}

void TestReachability::boundToLoopback()
{
    Reachability r;
    r.setInterfaces({loopback(), lan(u"eth0"_s, u"192.168.1.7"_s)});
    r.setDefaultRouteAddress(QHostAddress(u"192.168.1.7"_s));
    r.setBindAddress(QHostAddress::LocalHost);
    QSignalSpy finished(&r, &Reachability::finished);
    r.check(8765, 8765);
    QCOMPARE(r.notes().size(), 1);
    QVERIFY(r.notes().constFirst().contains(u"127.0.0.1 only"_s));
    QVERIFY(r.lanAddresses().isEmpty());
    QCOMPARE(finished.size(), 1);
}

void TestReachability::severalInterfacesNamesTheLan()
{
    Reachability r;
    r.setInterfaces({loopback(), lan(u"docker0"_s, u"172.17.0.1"_s),
                     lan(u"enp3s0"_s, u"192.168.1.7"_s), lan(u"eth1"_s, u"203.0.113.9"_s)});
    r.setDefaultRouteAddress({});
    r.setSelfTestEnabled(false); // made-up addresses: no packets to them
    QSignalSpy finished(&r, &Reachability::finished);
    r.check(8765, 8765);
    QCOMPARE(finished.size(), 1);
    QVERIFY(r.selfTestResults().isEmpty());
    QCOMPARE(r.likelyLanAddress(), QHostAddress(u"192.168.1.7"_s));
    QCOMPARE(r.lanAddresses(),
             (QList<QHostAddress>{QHostAddress(u"192.168.1.7"_s), QHostAddress(u"203.0.113.9"_s),
                                  QHostAddress(u"172.17.0.1"_s)}));
    const QString note = r.notes().constFirst();
    QVERIFY2(note.contains(u"several networks"_s), qPrintable(note));
    QVERIFY2(note.contains(u"192.168.1.7 (enp3s0)"_s), qPrintable(note));
    QVERIFY2(note.contains(u"docker0 (172.17.0.1)"_s), qPrintable(note));
}

void TestReachability::defaultRouteWinsOverOtherPrivateAddresses()
{
    Reachability r;
    r.setInterfaces({lan(u"eth0"_s, u"10.0.0.5"_s), lan(u"wlan0"_s, u"192.168.1.7"_s)});
    r.setDefaultRouteAddress(QHostAddress(u"192.168.1.7"_s));
    r.setSelfTestEnabled(false);
    r.check(8765, 8765);
    QCOMPARE(r.likelyLanAddress(), QHostAddress(u"192.168.1.7"_s));
}

void TestReachability::vpnIsNoted()
{
    NetInterface tun = lan(u"tun0"_s, u"10.8.0.2"_s);
    tun.pointToPoint = true;
    tun.canBroadcast = false;
    NetInterface wg = lan(u"wg0"_s, u"10.9.0.2"_s); // no point-to-point flag: known by name
    Reachability r;
    r.setInterfaces({loopback(), lan(u"eth0"_s, u"192.168.1.7"_s), tun, wg});
    r.setDefaultRouteAddress(QHostAddress(u"10.8.0.2"_s)); // the VPN took the default route
    r.setSelfTestEnabled(false);
    r.check(8765, 8765);
    QCOMPARE(r.likelyLanAddress(), QHostAddress(u"192.168.1.7"_s));
    QCOMPARE(r.lanAddresses().size(), 3); // the VPNs last
    QCOMPARE(r.lanAddresses().constLast(), QHostAddress(u"10.9.0.2"_s));
    const QStringList notes = r.notes();
    QCOMPARE(notes.size(), 2);
    QVERIFY2(notes.at(0).startsWith(u"tun0 (10.8.0.2) looks like a VPN"_s),
             qPrintable(notes.at(0)));
    QVERIFY2(notes.at(1).startsWith(u"wg0 (10.9.0.2) looks like a VPN"_s), qPrintable(notes.at(1)));
}

void TestReachability::oneLanAndAllWellGivesNoNotes()
{
    FakePage page(FakePage::Mode::Ok);
    QVERIFY(page.listen());
    Reachability r;
    // A made-up LAN interface whose address is really on loopback, so the self-test can pass.
    r.setInterfaces({loopback(), lan(u"eth9"_s, u"127.0.0.1"_s)});
    r.setDefaultRouteAddress({});
    QSignalSpy finished(&r, &Reachability::finished);
    r.check(page.port(), page.port());
    QVERIFY(r.notes().isEmpty());
    QVERIFY(finished.wait(5000));
    QVERIFY(r.notes().isEmpty());
    QCOMPARE(r.selfTestResults().size(), 1);
    QVERIFY(r.selfTestResults().constFirst().ok);
}

void TestReachability::selfTestPasses()
{
    FakePage page(FakePage::Mode::Ok);
    QVERIFY(page.listen());
    Reachability r;
    QSignalSpy finished(&r, &Reachability::finished);
    r.selfTest({QHostAddress::LocalHost}, page.port());
    QVERIFY(r.isRunning());
    QVERIFY(finished.wait(5000));
    QVERIFY(!r.isRunning());
    QVERIFY(r.notes().isEmpty());
    QCOMPARE(r.selfTestResults().size(), 1);
    QVERIFY(r.selfTestResults().constFirst().ok);
    QVERIFY(page.request().startsWith("GET / HTTP/1.1\r\n"));
    QVERIFY(page.request().contains(
            QByteArray("Host: 127.0.0.1:" + QByteArray::number(page.port()))));
}

void TestReachability::selfTestReportsFailures_data()
{
    QTest::addColumn<FakePage::Mode>("mode");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("advice");
    QTest::addRow("404") << FakePage::Mode::NotFound << u"404 Not Found"_s
                         << u"Another program may be answering"_s;
    QTest::addRow("not http") << FakePage::Mode::Garbage << u"not HTTP"_s
                              << u"Another program may be answering"_s;
    QTest::addRow("no answer") << FakePage::Mode::Silent << u"no answer within 0.3 s"_s
                               << u"A firewall may be blocking TCP port %1"_s;
}

void TestReachability::selfTestReportsFailures()
{
    QFETCH(FakePage::Mode, mode);
    QFETCH(QString, expected);
    QFETCH(QString, advice);
    FakePage page(mode);
    QVERIFY(page.listen());
    Reachability r;
    r.setSelfTestTimeout(300ms);
    QSignalSpy finished(&r, &Reachability::finished);
    QSignalSpy notes(&r, &Reachability::notesChanged);
    r.selfTest({QHostAddress::LocalHost}, page.port());
    QVERIFY(finished.wait(5000));
    QCOMPARE(r.selfTestResults().size(), 1);
    QVERIFY(!r.selfTestResults().constFirst().ok);
    QCOMPARE(r.notes().size(), 1);
    const QString note = r.notes().constFirst();
    QVERIFY2(note.contains(u"did not open through 127.0.0.1"_s), qPrintable(note));
    QVERIFY2(note.contains(expected), qPrintable(note));
    if (advice.contains(u"%1"_s))
        advice = advice.arg(page.port());
    QVERIFY2(note.contains(advice), qPrintable(note));
    QCOMPARE(notes.size(), 1);
}

void TestReachability::selfTestRefused()
{
    quint16 closedPort = 0;
    {
        QTcpServer server; // find a free port, then free it: nothing listens there any more
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        closedPort = server.serverPort();
    }
    FakePage page(FakePage::Mode::Ok);
    QVERIFY(page.listen());
    Reachability r;
    QSignalSpy finished(&r, &Reachability::finished);
    // One address fails, the other works: only the failure is a note.
    r.selfTest({QHostAddress::LocalHost}, closedPort);
    QVERIFY(finished.wait(5000));
    QCOMPARE(r.notes().size(), 1);
    QVERIFY2(r.notes().constFirst().contains(u"refused"_s, Qt::CaseInsensitive),
             qPrintable(r.notes().constFirst()));
    QVERIFY2(r.notes().constFirst().contains(
                     u"Nothing accepts connections on TCP port %1"_s.arg(closedPort)),
             qPrintable(r.notes().constFirst()));

    r.selfTest({QHostAddress::LocalHost, QHostAddress(u"127.0.0.2"_s)}, page.port());
    QVERIFY(finished.wait(5000));
    QCOMPARE(r.selfTestResults().size(), 2);
    QCOMPARE(r.notes().size(), 1); // 127.0.0.2 is not listened on: the server is on 127.0.0.1
    QVERIFY(r.notes().constFirst().contains(u"127.0.0.2"_s));
}

void TestReachability::checkRunsSelfTestThroughLanAddresses()
{
    FakePage page(FakePage::Mode::Ok);
    QVERIFY(page.listen());
    Reachability r;
    r.setInterfaces({loopback(), lan(u"eth9"_s, u"127.0.0.1"_s), lan(u"eth8"_s, u"127.0.0.2"_s)});
    r.setDefaultRouteAddress(QHostAddress(u"127.0.0.1"_s));
    QSignalSpy notes(&r, &Reachability::notesChanged);
    QSignalSpy finished(&r, &Reachability::finished);
    r.check(page.port(), page.port());
    QCOMPARE(notes.size(), 1); // at once: several networks
    QCOMPARE(r.notes().size(), 1);
    QVERIFY(finished.wait(5000));
    QCOMPARE(notes.size(), 2); // and after the self-test
    QCOMPARE(r.notes().size(), 2);
    QVERIFY2(r.notes().at(1).contains(u"127.0.0.2 (eth8)"_s), qPrintable(r.notes().at(1)));
}

void TestReachability::ufwNote_data()
{
    QTest::addColumn<QByteArray>("conf"); // ufw.conf; empty: no such file
    QTest::addColumn<bool>("profile"); // applications.d/lanchat installed
    QTest::addColumn<quint16>("port");
    QTest::addColumn<QString>("command"); // in the note; empty: no ufw note
    QTest::addRow("on, profile") << QByteArray("# comment\nENABLED=yes\nLOGLEVEL=low\n") << true
                                 << quint16(8765) << u"sudo ufw allow lanchat"_s;
    QTest::addRow("on, quoted") << QByteArray("ENABLED = \"yes\"\n") << true << quint16(8765)
                                << u"sudo ufw allow lanchat"_s;
    QTest::addRow("on, other port")
            << QByteArray("ENABLED=yes\n") << true << quint16(9000) << u"sudo ufw allow 9000/tcp"_s;
    QTest::addRow("on, no profile") << QByteArray("ENABLED=yes\n") << false << quint16(8765)
                                    << u"sudo ufw allow 8765/tcp"_s;
    QTest::addRow("off") << QByteArray("ENABLED=no\n") << true << quint16(8765) << QString();
    QTest::addRow("not installed") << QByteArray() << false << quint16(8765) << QString();
}

// With ufw on (read from ufw.conf, which needs no root), the notes name the command that lets
// people in.
void TestReachability::ufwNote()
{
    QFETCH(QByteArray, conf);
    QFETCH(bool, profile);
    QFETCH(quint16, port);
    QFETCH(QString, command);
    QTemporaryDir ufw;
    QVERIFY(ufw.isValid());
    if (!conf.isEmpty()) {
        QFile file(ufw.filePath(u"ufw.conf"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(conf);
    }
    if (profile) {
        QVERIFY(QDir(ufw.path()).mkdir(u"applications.d"_s));
        QFile file(ufw.filePath(u"applications.d/lanchat"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[lanchat]\nports=8765/tcp|8766/udp\n");
    }
    Reachability r;
    r.setInterfaces({loopback(), lan(u"eth0"_s, u"192.168.1.7"_s)});
    r.setDefaultRouteAddress(QHostAddress(u"192.168.1.7"_s));
    r.setSelfTestEnabled(false);
    r.setUfwDirectory(ufw.path());
    r.check(port, port);
    const QStringList notes = r.notes();
    if (command.isEmpty()) {
        QVERIFY2(notes.filter(u"ufw"_s).isEmpty(), qPrintable(notes.join(u'\n')));
        return;
    }
    QCOMPARE(notes.filter(u"ufw"_s).size(), 1);
    QVERIFY2(notes.filter(u"ufw"_s).constFirst().contains(u"“"_s + command + u"”"_s),
             qPrintable(notes.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestReachability)
#include "tst_reachability.moc"
