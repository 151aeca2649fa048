#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include "joindialog.h"

using namespace Qt::StringLiterals;

class TestJoinDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void acceptsEveryAddressForm_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QUrl>("url");
        QTest::addRow("host") << u"192.168.1.20"_s << QUrl(u"ws://192.168.1.20:8765/ws"_s);
        QTest::addRow("host:port")
                << u"192.168.1.20:9000"_s << QUrl(u"ws://192.168.1.20:9000/ws"_s);
        QTest::addRow("name") << u"kitchen-pc"_s << QUrl(u"ws://kitchen-pc:8765/ws"_s);
        QTest::addRow("page") << u"http://10.0.0.5:8766/"_s << QUrl(u"ws://10.0.0.5:8766/ws"_s);
        QTest::addRow("socket") << u"ws://10.0.0.5:8767/ws"_s << QUrl(u"ws://10.0.0.5:8767/ws"_s);
        QTest::addRow("spaces") << u"  10.0.0.5:8768 "_s << QUrl(u"ws://10.0.0.5:8768/ws"_s);
    }
    void acceptsEveryAddressForm()
    {
        QFETCH(QString, typed);
        QFETCH(QUrl, url);
        JoinDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *address = dialog.findChild<QLineEdit *>(u"addressEdit"_s);
        QTest::keyClicks(address, typed);
        QSignalSpy accepted(&dialog, &JoinDialog::accepted);
        QTest::keyClick(address, Qt::Key_Return);
        QCOMPARE(accepted.size(), 1);
        QCOMPARE(dialog.selectedUrl(), url);
    }

    void refusesWhatIsNoAddress()
    {
        JoinDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *address = dialog.findChild<QLineEdit *>(u"addressEdit"_s);
        auto *join = dialog.findChild<QPushButton *>(u"joinButton"_s);
        QVERIFY(!join->isEnabled()); // nothing typed yet
        QTest::keyClicks(address, u"ftp://x y"_s);
        QVERIFY(join->isEnabled());
        QSignalSpy accepted(&dialog, &JoinDialog::accepted);
        QTest::keyClick(address, Qt::Key_Return);
        QCOMPARE(accepted.size(), 0);
        QVERIFY(dialog.isVisible());
        auto *error = dialog.findChild<QLabel *>(u"addressError"_s);
        QVERIFY(error->isVisible());
        QVERIFY(error->text().contains(u"ftp://x y"_s));
    }

    void clickSelectsDoubleClickJoins()
    {
        JoinDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *list = dialog.findChild<QListWidget *>(u"discoveredList"_s);
        auto *empty = dialog.findChild<QLabel *>(u"discoveredEmpty"_s);
        QVERIFY(empty->isVisible());
        QVERIFY(!list->isVisible());

        const QUrl kitchen(u"ws://192.168.1.30:8765/ws"_s);
        dialog.setDiscoveredRooms(
                {{u"a1"_s, u"Lobby"_s, u"office-pc"_s, QUrl(u"ws://192.168.1.31:8765/ws"_s), 1},
                 {u"b2"_s, u"Kitchen"_s, u"kitchen-pc"_s, kitchen, 4}});
        QVERIFY(list->isVisible());
        QVERIFY(!empty->isVisible());
        QCOMPARE(list->count(), 2);
        QVERIFY(list->item(1)->text().contains(u"Kitchen"_s));
        QVERIFY(list->item(1)->text().contains(u"kitchen-pc"_s));
        QVERIFY(list->item(1)->text().contains(u"4"_s));

        QSignalSpy accepted(&dialog, &JoinDialog::accepted);
        auto *join = dialog.findChild<QPushButton *>(u"joinButton"_s);
        QVERIFY(!join->isEnabled());
        const QRect rect = list->visualItemRect(list->item(1));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(accepted.size(), 0); // a click only selects
        QVERIFY(dialog.isVisible());
        QVERIFY(join->isEnabled());
        QCOMPARE(dialog.findChild<QLineEdit *>(u"addressEdit"_s)->text(), kitchen.toString());
        QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(accepted.size(), 1);
        QCOMPARE(dialog.selectedUrl(), kitchen);
    }

    void arrowKeysSelectAndJoinFollows()
    {
        JoinDialog dialog;
        const QUrl lobby(u"ws://192.168.1.31:8765/ws"_s);
        const QUrl kitchen(u"ws://192.168.1.30:8765/ws"_s);
        dialog.setDiscoveredRooms({{u"a1"_s, u"Lobby"_s, u"office-pc"_s, lobby, 1},
                                   {u"b2"_s, u"Kitchen"_s, u"kitchen-pc"_s, kitchen, 4}});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *list = dialog.findChild<QListWidget *>(u"discoveredList"_s);
        auto *join = dialog.findChild<QPushButton *>(u"joinButton"_s);
        auto *address = dialog.findChild<QLineEdit *>(u"addressEdit"_s);
        list->setFocus();
        list->setCurrentRow(0);
        QVERIFY(join->isEnabled());
        QCOMPARE(address->text(), lobby.toString());
        QTest::keyClick(list, Qt::Key_Down);
        QCOMPARE(list->currentRow(), 1);
        QCOMPARE(address->text(), kitchen.toString());
        QVERIFY(join->isEnabled());
        QSignalSpy accepted(&dialog, &JoinDialog::accepted);
        QTest::keyClick(list, Qt::Key_Return);
        QCOMPARE(accepted.size(), 1);
        QCOMPARE(dialog.selectedUrl(), kitchen);
    }

    void recentRoomJoinsWithEnter()
    {
        JoinDialog dialog;
        const QUrl first(u"ws://10.1.1.1:8765/ws"_s);
        const QUrl second(u"ws://10.1.1.2:9000/ws"_s);
        dialog.setRecentRooms({{first, u"Lobby"_s}, {second, u"Games"_s}});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *list = dialog.findChild<QListWidget *>(u"recentList"_s);
        QCOMPARE(list->count(), 2);
        QVERIFY(list->item(1)->text().contains(u"Games"_s));
        QVERIFY(list->item(1)->text().contains(u"10.1.1.2:9000"_s));
        list->setFocus();
        list->setCurrentRow(1);
        QSignalSpy accepted(&dialog, &JoinDialog::accepted);
        QTest::keyClick(list, Qt::Key_Return);
        QCOMPARE(accepted.size(), 1);
        QCOMPARE(dialog.selectedUrl(), second);
    }
};

QTEST_MAIN(TestJoinDialog)
#include "tst_joindialog.moc"
