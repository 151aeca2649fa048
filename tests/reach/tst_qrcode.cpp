#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "qrcode.h"

using namespace Qt::StringLiterals;

class TestQrCode final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void encodesUrl();
    void imageIsCrispWithQuietZone_data();
    void imageIsCrispWithQuietZone();
    void imageFitting();
    void imageDecodesBackToUrl_data();
    void imageDecodesBackToUrl();
    void terminalIsSquareHalfBlocks();
    void terminalMatchesModules_data();
    void terminalMatchesModules();
    void tooLongTextGivesNullCode();

private:
    static QString zbarimg();
};

QString TestQrCode::zbarimg()
{
    return QStandardPaths::findExecutable(u"zbarimg"_s);
}

void TestQrCode::encodesUrl()
{
    const QrCode qr = QrCode::encode(u"http://192.168.1.23:8080/room/lobby"_s);
    QVERIFY(!qr.isNull());
    QCOMPARE(qr.size(), 29); // version 3 at level M
    QCOMPARE(qr.sizeWithQuietZone(), 37);
    // The three finder patterns: dark corners.
    QVERIFY(qr.isDark(0, 0));
    QVERIFY(qr.isDark(qr.size() - 1, 0));
    QVERIFY(qr.isDark(0, qr.size() - 1));
    QVERIFY(!qr.isDark(-1, 0));
    QVERIFY(!qr.isDark(qr.size(), 0));
    QVERIFY(QrCode().isNull());
    QVERIFY(QrCode().toImage().isNull());
    QVERIFY(QrCode().toTerminal().isEmpty());
}

void TestQrCode::imageIsCrispWithQuietZone_data()
{
    QTest::addColumn<int>("scale");
    QTest::addRow("1") << 1;
    QTest::addRow("3") << 3;
    QTest::addRow("8") << 8;
}

void TestQrCode::imageIsCrispWithQuietZone()
{
    QFETCH(int, scale);
    const QrCode qr = QrCode::encode(u"http://10.0.0.5:8765/"_s);
    const QImage image = qr.toImage(scale);
    const int side = (qr.size() + 2 * QrCode::QuietZone) * scale;
    QCOMPARE(image.size(), QSize(side, side));
    for (int y = 0; y < side; ++y) {
        for (int x = 0; x < side; ++x) {
            const int gray = qGray(image.pixel(x, y));
            QVERIFY(gray == 0 || gray == 255); // only black and white: no blurred edges
            const int mx = x / scale - QrCode::QuietZone;
            const int my = y / scale - QrCode::QuietZone;
            if (qr.isDark(mx, my) != (gray == 0))
                QFAIL(qPrintable(u"pixel %1,%2 does not match its module"_s.arg(x).arg(y)));
        }
    }
    // The quiet zone is white.
    for (int i = 0; i < QrCode::QuietZone * scale; ++i) {
        QCOMPARE(qGray(image.pixel(i, side / 2)), 255);
        QCOMPARE(qGray(image.pixel(side / 2, side - 1 - i)), 255);
    }
}

void TestQrCode::imageFitting()
{
    const QrCode qr = QrCode::encode(u"http://10.0.0.5:8765/"_s);
    const int full = qr.sizeWithQuietZone();
    QCOMPARE(qr.pixelsPerModuleFitting(full * 5 + full - 1), 5);
    QCOMPARE(qr.toImageFitting(full * 5 + 3).width(), full * 5);
    QCOMPARE(qr.toImageFitting(10).width(), full); // never below one pixel per module
}

void TestQrCode::imageDecodesBackToUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addRow("ipv4") << u"http://192.168.1.7:8765/"_s;
    QTest::addRow("other port") << u"http://10.200.30.4:65535/"_s;
    QTest::addRow("ipv6") << u"http://[fd00::1234:5678]:8766/"_s;
}

void TestQrCode::imageDecodesBackToUrl()
{
    QFETCH(QString, url);
    const QString tool = zbarimg();
    if (tool.isEmpty())
        QSKIP("zbarimg not found: install zbar-tools (Debian) to check that the QR code decodes");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(u"card.png"_s);
    QVERIFY(QrCode::encode(url).toImage(4).save(file));

    QProcess zbar;
    zbar.start(tool, {u"-q"_s, u"--raw"_s, file});
    QVERIFY2(zbar.waitForFinished(20000), "zbarimg did not finish");
    QCOMPARE(zbar.exitCode(), 0);
    QCOMPARE(QString::fromUtf8(zbar.readAllStandardOutput()).trimmed(), url);
}

void TestQrCode::terminalIsSquareHalfBlocks()
{
    const QrCode qr = QrCode::encode(u"http://192.168.1.7:8765/"_s);
    const QString text = qr.toTerminal();
    QVERIFY(!text.isEmpty());
    const QStringList lines = text.split(u'\n');
    const int full = qr.sizeWithQuietZone();
    // Two module rows per line: a terminal cell is about twice as tall as wide, so this is square.
    QCOMPARE(lines.size(), (full + 1) / 2);
    for (const QString &line : lines) {
        QCOMPARE(line.size(), full);
        for (const QChar c : line)
            QVERIFY(c == u' ' || c == u'▀' || c == u'▄' || c == u'█');
    }
    QVERIFY(!text.endsWith(u'\n'));
    // Light on dark: the quiet zone is drawn, so the top line is all full blocks.
    QCOMPARE(lines.constFirst(), QString(full, u'█'));
    QCOMPARE(qr.toTerminal(true).split(u'\n').constFirst(), QString(full, u' '));
}

void TestQrCode::terminalMatchesModules_data()
{
    QTest::addColumn<bool>("darkOnLight");
    QTest::addRow("light on dark") << false;
    QTest::addRow("dark on light") << true;
}

void TestQrCode::terminalMatchesModules()
{
    QFETCH(bool, darkOnLight);
    const QrCode qr = QrCode::encode(u"http://172.16.0.9:8765/"_s);
    const QStringList lines = qr.toTerminal(darkOnLight).split(u'\n');
    const int q = QrCode::QuietZone;
    for (int y = -q; y < qr.size() + q; ++y) {
        for (int x = -q; x < qr.size() + q; ++x) {
            const QChar c = lines.at((y + q) / 2).at(x + q);
            const bool top = (y + q) % 2 == 0;
            const bool drawn = c == u'█' || (top ? c == u'▀' : c == u'▄');
            if (drawn != (qr.isDark(x, y) == darkOnLight))
                QFAIL(qPrintable(u"module %1,%2 drawn wrong"_s.arg(x).arg(y)));
        }
    }
}

void TestQrCode::tooLongTextGivesNullCode()
{
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"cannot encode"_s));
    QVERIFY(QrCode::encode(QString(4000, u'x')).isNull());
}

QTEST_GUILESS_MAIN(TestQrCode)
#include "tst_qrcode.moc"
