#include <QFileDialog>
#include <QLabel>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include "hostpanel.h"
#include "qrcode.h"

using namespace Qt::StringLiterals;

// The join card while hosting: "Save QR as PNG" writes a picture a phone (here: zbarimg) reads
// back as the room's address.
class TestHostPanel final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void savedQrDecodesToTheRoomUrl()
    {
        const QString zbarimg = QStandardPaths::findExecutable(u"zbarimg"_s);
        if (zbarimg.isEmpty())
            QSKIP("zbarimg (zbar-tools) is not installed");
        const QUrl url(u"http://192.168.1.20:8765/"_s);
        HostPanel panel;
        auto *save = panel.findChild<QToolButton *>(u"saveQrButton"_s);
        QVERIFY(save);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QVERIFY(!save->isVisible()); // no card, nothing to save
        panel.setJoinCard(QrCode::encode(url.toString()).toImageFitting(160), url);
        QVERIFY(save->isVisible());
        QCOMPARE(save->text(), u"Save QR as PNG…"_s);

        // Through the button and its file dialog, as a person does it.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"room.png"_s);
        save->click();
        auto *dialog = panel.findChild<QFileDialog *>(u"saveQrDialog"_s);
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        dialog->selectFile(path);
        QMetaObject::invokeMethod(dialog, "accept");
        QTRY_VERIFY(QFileInfo::exists(path));
        QVERIFY(panel.findChild<QLabel *>(u"saveQrResult"_s)->text().contains(u"room.png"_s));

        QImage saved(path);
        QVERIFY(!saved.isNull());
        QVERIFY(saved.width() >= 4 * QrCode::encode(url.toString()).sizeWithQuietZone());

        QProcess zbar;
        zbar.start(zbarimg, {u"--quiet"_s, u"--raw"_s, path});
        QVERIFY(zbar.waitForFinished(20000));
        QCOMPARE(zbar.exitCode(), 0);
        QCOMPARE(QString::fromUtf8(zbar.readAllStandardOutput()).trimmed(), url.toString());
    }
};

QTEST_MAIN(TestHostPanel)
#include "tst_hostpanel.moc"
