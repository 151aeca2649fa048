#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>

#include "chathub.h"
#include "testpeer.h"

using namespace Qt::StringLiterals;

namespace {

// Writes the request (in parts, if given several) and reads until the server closes.
QByteArray exchange(quint16 port, const QList<QByteArray> &parts, int gapMs = 0)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return "no connection";
    for (const QByteArray &part : parts) {
        socket.write(part);
        socket.flush();
        if (gapMs)
            QTest::qWait(gapMs); // the point of the test: the head arrives in pieces
    }
    QByteArray answer;
    (void)QTest::qWaitFor(
            [&] {
                answer += socket.readAll();
                return socket.state() == QAbstractSocket::UnconnectedState
                        || answer.contains("HTTP/1.1 101");
            },
            10000);
    return answer + socket.readAll();
}

QByteArray get(quint16 port, const QByteArray &path, const QByteArray &extra = {})
{
    return exchange(port, {"GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra + "\r\n"});
}

QByteArray header(const QByteArray &response, const QByteArray &name)
{
    for (const QByteArray &line : response.left(response.indexOf("\r\n\r\n")).split('\n')) {
        if (line.toLower().startsWith(QByteArray(name.toLower() + ':')))
            return line.mid(name.size() + 1).trimmed();
    }
    return {};
}

QByteArray upgradeRequest(const QByteArray &path, const QByteArray &origin = {})
{
    QByteArray request = "GET " + path
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
              "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n";
    if (!origin.isEmpty())
        request += "Origin: " + origin + "\r\n";
    return request + "\r\n";
}

} // namespace

class TestFrontDoor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void servesPageWithSecurityHeaders();
    void headHasNoBody();
    void servesOtherPageFiles();
    void unknownPathIs404_data();
    void unknownPathIs404();
    void otherMethodsAre405();
    void oversizedHeadIs431();
    void answerReachesAClientThatIsStillSending();
    void incompleteHeadIsClosedAfterTimeout();
    void headSplitAcrossWrites();
    void upgradeSplitAcrossWrites();
    void upgradeOnOtherPathIs404();
    void requestLineIsStrict_data();
    void requestLineIsStrict();
    void hostPolicy_data();
    void hostPolicy();
    void originPolicy_data();
    void originPolicy();
    void roomsJson();
    void roomJsonNamesThisRoomAndItsPeople();
    void connectionCapAnswers503();
    void portInUseFails();

private:
    void startHub(HubConfig config = {});
    std::unique_ptr<ChatHub> m_hub;
    quint16 m_port = 0;
};

void TestFrontDoor::startHub(HubConfig config)
{
    config.bindAddress = QHostAddress::LocalHost;
    config.port = 0;
    m_hub = std::make_unique<ChatHub>(config);
    QSignalSpy listening(m_hub.get(), &ChatHub::listening);
    m_hub->start();
    QCOMPARE(listening.size(), 1);
    m_port = listening.at(0).at(0).value<quint16>();
    QVERIFY(m_port != 0);
}

void TestFrontDoor::init()
{
    startHub();
}

void TestFrontDoor::cleanup()
{
    m_hub.reset();
}

void TestFrontDoor::servesPageWithSecurityHeaders()
{
    const QByteArray response = get(m_port, "/");
    QVERIFY2(response.startsWith("HTTP/1.1 200 OK\r\n"), response.left(200));
    QCOMPARE(header(response, "Content-Type"), "text/html; charset=utf-8");
    QCOMPARE(header(response, "X-Content-Type-Options"), "nosniff");
    const QByteArray csp = header(response, "Content-Security-Policy");
    QVERIFY2(csp.contains("default-src 'none'") && csp.contains("script-src 'self'"), csp);
    const QByteArray body = response.mid(response.indexOf("\r\n\r\n") + 4);
    QCOMPARE(header(response, "Content-Length").toInt(), body.size());
    QVERIFY(body.toLower().contains("<html"));
}

void TestFrontDoor::headHasNoBody()
{
    const QByteArray response = exchange(m_port, {"HEAD / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"});
    QVERIFY2(response.startsWith("HTTP/1.1 200 OK\r\n"), response.left(200));
    QVERIFY(header(response, "Content-Length").toInt() > 0);
    QVERIFY(response.endsWith("\r\n\r\n"));
}

void TestFrontDoor::servesOtherPageFiles()
{
    const QByteArray script = get(m_port, "/app.js");
    QVERIFY2(script.startsWith("HTTP/1.1 200"), script.left(200));
    QCOMPARE(header(script, "Content-Type"), "text/javascript; charset=utf-8");
    QVERIFY(get(m_port, "/icon.svg").contains("image/svg+xml"));
    QVERIFY(get(m_port, "/index.html?x=1").startsWith("HTTP/1.1 200"));
}

void TestFrontDoor::unknownPathIs404_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addRow("missing") << QByteArray("/nope.html");
    QTest::addRow("traversal") << QByteArray("/../../etc/passwd");
    QTest::addRow("encoded traversal") << QByteArray("/%2e%2e/etc/passwd");
    QTest::addRow("hidden") << QByteArray("/.hidden");
    QTest::addRow("ws without upgrade") << QByteArray("/ws");
    QTest::addRow("subfolder") << QByteArray("/web/index.html");
}

void TestFrontDoor::unknownPathIs404()
{
    QFETCH(QByteArray, path);
    const QByteArray response = get(m_port, path);
    QVERIFY2(response.startsWith("HTTP/1.1 404"), response.left(200));
    QCOMPARE(header(response, "X-Content-Type-Options"), "nosniff");
}

void TestFrontDoor::otherMethodsAre405()
{
    const QByteArray response
            = exchange(m_port, {"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n"});
    QVERIFY2(response.startsWith("HTTP/1.1 405"), response.left(200));
    QCOMPARE(header(response, "Allow"), "GET, HEAD");
}

void TestFrontDoor::oversizedHeadIs431()
{
    const QByteArray big = "GET / HTTP/1.1\r\nX-Big: " + QByteArray(20 * 1024, 'a') + "\r\n\r\n";
    const QByteArray response = exchange(m_port, {big});
    QVERIFY2(response.startsWith("HTTP/1.1 431"), response.left(200));
}

void TestFrontDoor::answerReachesAClientThatIsStillSending()
{
    // The 431 goes out while the rest of the head is still coming. Closing under it would make
    // the kernel reset the connection, and a client whose write fails may never read the answer.
    RawClient client;
    QVERIFY(client.connectTcp(m_port));
    QVERIFY(client.sendBytes("GET / HTTP/1.1\r\nX-Big: " + QByteArray(20 * 1024, 'a')));
    QVERIFY(client.readUntil([&] { return client.received().contains("\r\n\r\n"); }));
    QVERIFY2(client.received().startsWith("HTTP/1.1 431"), client.received().left(200));
    QVERIFY2(client.sendBytes(QByteArray(64 * 1024, 'a') + "\r\n\r\n"),
             qPrintable(client.lastError()));
    QVERIFY(client.readUntil([&] { return client.atEnd(); }));
    QCOMPARE(client.socketError(), 0);
}

void TestFrontDoor::incompleteHeadIsClosedAfterTimeout()
{
    HubConfig config;
    config.headTimeout = std::chrono::milliseconds(300);
    startHub(config);
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(socket.waitForConnected(5000));
    socket.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n"); // never finished
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 5000);
    QVERIFY(socket.readAll().isEmpty()); // closed without an answer
}

void TestFrontDoor::headSplitAcrossWrites()
{
    const QByteArray response
            = exchange(m_port, {"GET / HTTP/1.1\r\nHo", "st: 127.0.0.1\r\n", "\r\n"}, 100);
    QVERIFY2(response.startsWith("HTTP/1.1 200 OK"), response.left(200));
}

void TestFrontDoor::upgradeSplitAcrossWrites()
{
    const QByteArray request = upgradeRequest("/ws");
    const QByteArray response
            = exchange(m_port, {request.left(30), request.mid(30, 50), request.mid(80)}, 100);
    QVERIFY2(response.startsWith("HTTP/1.1 101"), response.left(200));
}

void TestFrontDoor::upgradeOnOtherPathIs404()
{
    const QByteArray response = exchange(m_port, {upgradeRequest("/chat")});
    QVERIFY2(response.startsWith("HTTP/1.1 404"), response.left(200));
}

void TestFrontDoor::requestLineIsStrict_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("status");
    QTest::addRow("page") << QByteArray("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                          << QByteArray("200");
    QTest::addRow("HTTP/1.0 without Host")
            << QByteArray("GET / HTTP/1.0\r\n\r\n") << QByteArray("200");
    // The first character of the path used to be dropped unchecked: these served the page.
    QTest::addRow("path without slash")
            << QByteArray("GET xindex.html HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            << QByteArray("400");
    QTest::addRow("asterisk") << QByteArray("GET * HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                              << QByteArray("400");
    QTest::addRow("version with a tail")
            << QByteArray("GET / HTTP/1.1x\r\nHost: 127.0.0.1\r\n\r\n") << QByteArray("400");
    QTest::addRow("HTTP/2.0") << QByteArray("GET / HTTP/2.0\r\nHost: 127.0.0.1\r\n\r\n")
                              << QByteArray("505");
    QTest::addRow("HTTP/1.1 without Host")
            << QByteArray("GET / HTTP/1.1\r\n\r\n") << QByteArray("400");
}

void TestFrontDoor::requestLineIsStrict()
{
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, status);
    const QByteArray response = exchange(m_port, {request});
    QVERIFY2(response.startsWith(QByteArray("HTTP/1.1 " + status)), response.left(200));
}

void TestFrontDoor::hostPolicy_data()
{
    QTest::addColumn<QByteArray>("host"); // %1 = the port
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<bool>("allowed");
    QTest::addRow("IPv4 with port") << QByteArray("127.0.0.1:%1") << QByteArray("/") << true;
    QTest::addRow("IPv6") << QByteArray("[::1]:%1") << QByteArray("/") << true;
    QTest::addRow("localhost") << QByteArray("localhost:%1") << QByteArray("/rooms.json") << true;
    QTest::addRow("allowed by option") << QByteArray("Chat.Example") << QByteArray("/") << true;
    // DNS rebinding: a foreign name that resolves to this machine must not read the room list.
    QTest::addRow("foreign name, rooms")
            << QByteArray("evil.example:%1") << QByteArray("/rooms.json") << false;
    QTest::addRow("foreign name, page") << QByteArray("evil.example") << QByteArray("/") << false;
    QTest::addRow("foreign name, upgrade")
            << QByteArray("evil.example") << QByteArray("/ws") << false;
}

void TestFrontDoor::hostPolicy()
{
    QFETCH(QByteArray, host);
    QFETCH(QByteArray, path);
    QFETCH(bool, allowed);
    HubConfig config;
    config.allowedHosts = {u"chat.example"_s};
    startHub(config);
    host.replace("%1", QByteArray::number(m_port));
    QByteArray request = "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n";
    if (path == "/ws")
        request += "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                   "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n";
    const QByteArray response = exchange(m_port, {request + "\r\n"});
    if (allowed) {
        QVERIFY2(response.startsWith("HTTP/1.1 200"), response.left(200));
    } else {
        QVERIFY2(response.startsWith("HTTP/1.1 421 Misdirected Request"), response.left(200));
        QVERIFY(!response.contains("[]"));
    }
}

void TestFrontDoor::originPolicy_data()
{
    QTest::addColumn<QByteArray>("origin"); // %1 = the port
    QTest::addColumn<bool>("allowed");
    QTest::addRow("none (native client)") << QByteArray() << true;
    QTest::addRow("own page by IP") << QByteArray("http://127.0.0.1:%1") << true;
    QTest::addRow("own page by localhost") << QByteArray("http://localhost:%1") << true;
    QTest::addRow("own page IPv6") << QByteArray("http://[::1]:%1") << true;
    QTest::addRow("allowed by option") << QByteArray("http://chat.example:9999") << true;
    QTest::addRow("other port") << QByteArray("http://127.0.0.1:1") << false;
    QTest::addRow("foreign site") << QByteArray("http://evil.example") << false;
    QTest::addRow("foreign site same port") << QByteArray("http://evil.example:%1") << false;
    QTest::addRow("null") << QByteArray("null") << false;
    QTest::addRow("page under an allowed host") << QByteArray("http://chat.example:%1") << true;
    // Forms no browser sends: a browser serialises the origin of http://127.1/ as 127.0.0.1.
    QTest::addRow("userinfo") << QByteArray("http://x@127.0.0.1:%1") << false;
    QTest::addRow("short IPv4") << QByteArray("http://127.1:%1") << false;
    QTest::addRow("hex IPv4") << QByteArray("http://0x7f.0.0.1:%1") << false;
    QTest::addRow("leading zero port") << QByteArray("http://127.0.0.1:0%1") << false;
    QTest::addRow("trailing slash") << QByteArray("http://127.0.0.1:%1/") << false;
    QTest::addRow("upper-case host") << QByteArray("http://LOCALHOST:%1") << false;
}

void TestFrontDoor::originPolicy()
{
    QFETCH(QByteArray, origin);
    QFETCH(bool, allowed);
    HubConfig config;
    config.allowedOrigins = {u"http://chat.example:9999"_s};
    config.allowedHosts = {u"chat.example"_s};
    startHub(config);
    origin.replace("%1", QByteArray::number(m_port));
    const QByteArray response = exchange(m_port, {upgradeRequest("/ws", origin)});
    if (allowed)
        QVERIFY2(response.startsWith("HTTP/1.1 101"), response.left(200));
    else
        QVERIFY2(response.startsWith("HTTP/1.1 403"), response.left(200));
}

void TestFrontDoor::roomsJson()
{
    QVERIFY(get(m_port, "/rooms.json").endsWith("\r\n\r\n[]"));
    const QByteArray rooms
            = R"([{"room":"Kitchen","host":"b","url":"http://10.0.0.7:8765/","people":3}])";
    m_hub->setKnownRooms(rooms);
    const QByteArray response = get(m_port, "/rooms.json");
    QCOMPARE(header(response, "Content-Type"), "application/json");
    QVERIFY(response.endsWith(rooms));
}

void TestFrontDoor::roomJsonNamesThisRoomAndItsPeople()
{
    HubConfig config;
    config.room = u"Küche"_s;
    startHub(config);
    QByteArray response = get(m_port, "/room.json");
    QCOMPARE(header(response, "Content-Type"), "application/json");
    QVERIFY2(response.endsWith(R"({"people":0,"room":"Küche"})"), response);
    TestPeer alice;
    QVERIFY(alice.open(QUrl(u"ws://127.0.0.1:%1/ws"_s.arg(m_port))));
    QVERIFY(alice.join(u"alice"_s));
    response = get(m_port, "/room.json");
    QVERIFY2(response.endsWith(R"({"people":1,"room":"Küche"})"), response);
}

void TestFrontDoor::connectionCapAnswers503()
{
    HubConfig config;
    config.maxClients = 1;
    startHub(config);
    QWebSocket first;
    first.open(QUrl(u"ws://127.0.0.1:%1/ws"_s.arg(m_port)));
    QTRY_COMPARE(first.state(), QAbstractSocket::ConnectedState);
    QTRY_COMPARE(m_hub->connectionCount(), 1);
    const QByteArray response = exchange(m_port, {upgradeRequest("/ws")});
    QVERIFY2(response.startsWith("HTTP/1.1 503"), response.left(200));
    QCOMPARE(header(response, "Retry-After"), "5");
    // The page itself is still served.
    QVERIFY(get(m_port, "/").startsWith("HTTP/1.1 200"));
}

void TestFrontDoor::portInUseFails()
{
    HubConfig config;
    config.bindAddress = QHostAddress::LocalHost;
    config.port = m_port; // held by the hub from init()
    ChatHub second(config);
    QSignalSpy failed(&second, &ChatHub::failed);
    second.start();
    QCOMPARE(failed.size(), 1);
    QVERIFY2(failed.at(0).at(0).toString().contains(QString::number(m_port)),
             qPrintable(failed.at(0).at(0).toString()));

    // With attempts, the next free port is taken instead.
    config.portAttempts = 20;
    ChatHub third(config);
    QSignalSpy listening(&third, &ChatHub::listening);
    third.start();
    QCOMPARE(listening.size(), 1);
    QVERIFY(listening.at(0).at(0).value<quint16>() > m_port);
}

QTEST_GUILESS_MAIN(TestFrontDoor)
#include "tst_frontdoor.moc"
