#include <QTest>

#include "roomannouncement.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class TestRoomAnnouncement final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void encodeDecodeRoundTrip();
    void byeRoundTrip();
    void passcodeFlagRoundTrip();
    void encodedIsCompactJsonWithMagic();
    void decode_data();
    void decode();
    void intervalIsClamped();
    void newRoomIdsDiffer();
};

static RoomAnnouncement sample()
{
    RoomAnnouncement a;
    a.id = u"0123456789abcdef"_s;
    a.room = u"Küche ☕"_s;
    a.host = u"bob-laptop"_s;
    a.port = 8765;
    a.people = 3;
    a.interval = 2500ms;
    return a;
}

void TestRoomAnnouncement::encodeDecodeRoundTrip()
{
    const RoomAnnouncement a = sample();
    RoomAnnouncement::DecodeError error = RoomAnnouncement::DecodeError::BadField;
    const auto decoded = RoomAnnouncement::decode(a.encode(), &error);
    QVERIFY(decoded);
    QCOMPARE(error, RoomAnnouncement::DecodeError::None);
    QCOMPARE(*decoded, a);
}

void TestRoomAnnouncement::byeRoundTrip()
{
    RoomAnnouncement a = sample();
    a.bye = true;
    QVERIFY(a.encode().contains("\"bye\":true"));
    const auto decoded = RoomAnnouncement::decode(a.encode());
    QVERIFY(decoded);
    QVERIFY(decoded->bye);
    QVERIFY(!RoomAnnouncement::decode(sample().encode())->bye);
}

void TestRoomAnnouncement::passcodeFlagRoundTrip()
{
    RoomAnnouncement a = sample();
    a.passcode = true;
    QVERIFY(a.encode().contains("\"passcode\":true"));
    const auto decoded = RoomAnnouncement::decode(a.encode());
    QVERIFY(decoded);
    QCOMPARE(*decoded, a);
    QVERIFY(!sample().encode().contains("passcode"));
    QVERIFY(!RoomAnnouncement::decode(sample().encode())->passcode);
}

void TestRoomAnnouncement::encodedIsCompactJsonWithMagic()
{
    const QByteArray datagram = sample().encode();
    QVERIFY(datagram.startsWith('{'));
    QVERIFY(!datagram.contains('\n'));
    QVERIFY(datagram.contains("\"lanchat\":1"));
    QVERIFY(datagram.size() < 300);
}

void TestRoomAnnouncement::decode_data()
{
    using E = RoomAnnouncement::DecodeError;
    QTest::addColumn<QByteArray>("datagram");
    QTest::addColumn<E>("error");

    const QByteArray good = R"("v":1,"id":"abc","room":"Lobby","host":"h","port":8765,"people":0)";
    QTest::addRow("minimal") << QByteArray("{\"lanchat\":1," + good + "}") << E::None;
    QTest::addRow("unknown field ignored")
            << QByteArray("{\"lanchat\":1," + good + ",\"future\":[1,2]}") << E::None;
    QTest::addRow("no host") << QByteArray(
            R"({"lanchat":1,"v":1,"id":"a","room":"R","port":1,"people":0})")
                             << E::None;

    QTest::addRow("empty") << QByteArray() << E::NotJson;
    QTest::addRow("garbage") << QByteArray("\x00\x01\xff hello", 10) << E::NotJson;
    QTest::addRow("truncated") << QByteArray("{\"lanchat\":1," + good) << E::NotJson;
    QTest::addRow("array") << QByteArray("[{\"lanchat\":1}]") << E::NotJson;
    QTest::addRow("oversized") << QByteArray("{\"lanchat\":1," + good + ",\"pad\":\""
                                             + QByteArray(1024, 'x') + "\"}")
                               << E::Oversized;
    QTest::addRow("no magic") << QByteArray("{" + good + "}") << E::WrongMagic;
    QTest::addRow("version 2") << QByteArray("{\"lanchat\":2," + good + "}") << E::WrongVersion;
    QTest::addRow("version 0") << QByteArray("{\"lanchat\":0," + good + "}") << E::WrongVersion;
    QTest::addRow("version string")
            << QByteArray("{\"lanchat\":\"1\"," + good + "}") << E::WrongVersion;
    QTest::addRow("version 1.5") << QByteArray("{\"lanchat\":1.5," + good + "}") << E::WrongVersion;

    const auto with = [](const char *fields) -> QByteArray {
        return QByteArray(R"({"lanchat":1,)") + fields + '}';
    };
    QTest::addRow("no id") << with(R"("v":1,"room":"R","port":1,"people":0)") << E::BadField;
    QTest::addRow("id with space")
            << with(R"("v":1,"id":"a b","room":"R","port":1,"people":0)") << E::BadField;
    QTest::addRow("id too long") << with(
            QByteArray(R"("v":1,"room":"R","port":1,"people":0,"id":")" + QByteArray(65, 'a') + '"')
                    .constData()) << E::BadField;
    QTest::addRow("empty room") << with(R"("v":1,"id":"a","room":"  ","port":1,"people":0)")
                                << E::BadField;
    QTest::addRow("room with newline")
            << with(R"("v":1,"id":"a","room":"a\nb","port":1,"people":0)") << E::BadField;
    QTest::addRow("room too long") << with(
            QByteArray(R"("v":1,"id":"a","port":1,"people":0,"room":")" + QByteArray(65, 'r') + '"')
                    .constData()) << E::BadField;
    QTest::addRow("room not string")
            << with(R"("v":1,"id":"a","room":5,"port":1,"people":0)") << E::BadField;
    QTest::addRow("host with tab")
            << with(R"("v":1,"id":"a","room":"R","host":"a\tb","port":1,"people":0)")
            << E::BadField;
    QTest::addRow("port 0") << with(R"("v":1,"id":"a","room":"R","port":0,"people":0)")
                            << E::BadField;
    QTest::addRow("port 65536") << with(R"("v":1,"id":"a","room":"R","port":65536,"people":0)")
                                << E::BadField;
    QTest::addRow("port string") << with(R"("v":1,"id":"a","room":"R","port":"80","people":0)")
                                 << E::BadField;
    QTest::addRow("people -1") << with(R"("v":1,"id":"a","room":"R","port":1,"people":-1)")
                               << E::BadField;
    QTest::addRow("people 2.5") << with(R"("v":1,"id":"a","room":"R","port":1,"people":2.5)")
                                << E::BadField;
    QTest::addRow("no v") << with(R"("id":"a","room":"R","port":1,"people":0)") << E::BadField;
    QTest::addRow("bye not bool") << with(
            R"("v":1,"id":"a","room":"R","port":1,"people":0,"bye":1)")
                                  << E::BadField;
    QTest::addRow("passcode not bool")
            << with(R"("v":1,"id":"a","room":"R","port":1,"people":0,"passcode":"tulip")")
            << E::BadField;
    QTest::addRow("interval 0") << with(
            R"("v":1,"id":"a","room":"R","port":1,"people":0,"interval":0)")
                                << E::BadField;
}

void TestRoomAnnouncement::decode()
{
    QFETCH(QByteArray, datagram);
    QFETCH(RoomAnnouncement::DecodeError, error);
    RoomAnnouncement::DecodeError got = RoomAnnouncement::DecodeError::None;
    const auto decoded = RoomAnnouncement::decode(datagram, &got);
    QCOMPARE(got, error);
    QCOMPARE(decoded.has_value(), error == RoomAnnouncement::DecodeError::None);
}

void TestRoomAnnouncement::intervalIsClamped()
{
    RoomAnnouncement a = sample();
    a.interval = 1ms;
    QCOMPARE(RoomAnnouncement::decode(a.encode())->interval, Discovery::MinInterval);
    a.interval = 3600s;
    QCOMPARE(RoomAnnouncement::decode(a.encode())->interval, Discovery::MaxInterval);
}

void TestRoomAnnouncement::newRoomIdsDiffer()
{
    const QString a = RoomAnnouncement::newRoomId();
    const QString b = RoomAnnouncement::newRoomId();
    QCOMPARE(a.size(), 16);
    QVERIFY(a != b);
    RoomAnnouncement r = sample();
    r.id = a;
    QVERIFY(RoomAnnouncement::decode(r.encode()));
}

QTEST_GUILESS_MAIN(TestRoomAnnouncement)
#include "tst_roomannouncement.moc"
