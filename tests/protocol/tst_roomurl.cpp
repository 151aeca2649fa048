#include <QTest>

#include "roomurl.h"

using namespace Qt::StringLiterals;

class TestRoomUrl : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void socketUrl_data();
    void socketUrl();
    void pageUrl();
};

void TestRoomUrl::socketUrl_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("expected"); // empty: invalid
    QTest::addRow("host") << u"192.168.1.5"_s << u"ws://192.168.1.5:8765/ws"_s;
    QTest::addRow("host with spaces") << u"  lab-pc  "_s << u"ws://lab-pc:8765/ws"_s;
    QTest::addRow("host:port") << u"192.168.1.5:9000"_s << u"ws://192.168.1.5:9000/ws"_s;
    QTest::addRow("http page") << u"http://192.168.1.5:9000/"_s << u"ws://192.168.1.5:9000/ws"_s;
    QTest::addRow("http no slash") << u"http://host"_s << u"ws://host:8765/ws"_s;
    QTest::addRow("ws") << u"ws://host:1234/ws"_s << u"ws://host:1234/ws"_s;
    QTest::addRow("ipv6") << u"[::1]:9000"_s << u"ws://[::1]:9000/ws"_s;
    QTest::addRow("https") << u"https://host/"_s << u"wss://host:8765/ws"_s;
    QTest::addRow("empty") << u""_s << QString();
    QTest::addRow("ftp") << u"ftp://host/"_s << QString();
    QTest::addRow("garbage") << u"http://"_s << QString();
    QTest::addRow("bad port") << u"host:99999"_s << QString();
}

void TestRoomUrl::socketUrl()
{
    QFETCH(QString, typed);
    QFETCH(QString, expected);
    const QUrl url = Protocol::roomSocketUrl(typed);
    if (expected.isEmpty())
        QVERIFY2(!url.isValid(), qPrintable(url.toString()));
    else
        QCOMPARE(url.toString(), expected);
}

void TestRoomUrl::pageUrl()
{
    QCOMPARE(Protocol::roomPageUrl(QUrl(u"ws://10.0.0.2:8765/ws"_s)).toString(),
             u"http://10.0.0.2:8765/"_s);
}

QTEST_APPLESS_MAIN(TestRoomUrl)
#include "tst_roomurl.moc"
