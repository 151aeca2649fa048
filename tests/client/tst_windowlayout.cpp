#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include "chatwindow.h"
#include "hubrunner.h"
#include "qrcode.h"
#include "shortcutsdialog.h"

using namespace Qt::StringLiterals;

// The window as a keyboard user and a small screen meet it: the tab order follows the layout,
// every stop shows the focus, Help lists the shortcuts, and 360 px wide still works.
class TestWindowLayout final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(u"LanChatTest"_s);
        QCoreApplication::setApplicationName(u"tst_windowlayout"_s);
    }

    void tabOrderFollowsTheLayout()
    {
        HubRunner hub;
        ChatWindow window;
        QVERIFY(hostIn(hub, window));
        QStringList expected{u"joinRoomButton"_s, u"chatView"_s,     u"messageInput"_s,
                             u"attachButton"_s,   u"sendButton"_s,   u"address0"_s,
                             u"copyAddress0"_s,   u"saveQrButton"_s, u"userList"_s,
                             u"nameEdit"_s};
        if (window.findChild<QWidget *>(u"renameButton"_s)->isEnabled())
            expected.append(u"renameButton"_s);
        window.findChild<QWidget *>(expected.constFirst())->setFocus(Qt::TabFocusReason);
        QStringList seen{QApplication::focusWidget()->objectName()};
        for (int i = 1; i <= expected.size(); ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            seen.append(QApplication::focusWidget()->objectName());
        }
        // ... and round again to the top.
        QCOMPARE(seen, expected + QStringList{expected.constFirst()});

        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
        QCOMPARE(QApplication::focusWidget()->objectName(), expected.constLast());
    }

    void everyStopShowsTheFocus()
    {
        HubRunner hub;
        ChatWindow window;
        QVERIFY(hostIn(hub, window));
        QStringList stops{u"joinRoomButton"_s, u"chatView"_s, u"attachButton"_s,
                          u"sendButton"_s,     u"address0"_s, u"copyAddress0"_s,
                          u"saveQrButton"_s,   u"userList"_s, u"nameEdit"_s};
        if (window.findChild<QWidget *>(u"renameButton"_s)->isEnabled())
            stops.append(u"renameButton"_s);
        // As a keyboard user sees it: the focus moves by Tab (styles draw some focus marks only
        // after the keyboard moved the focus).
        auto *input = window.findChild<QWidget *>(u"messageInput"_s);
        input->setFocus();
        QTest::keyClick(input, Qt::Key_Backtab);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), input);
        QHash<QString, QImage> without;
        for (const QString &name : stops)
            without.insert(name, window.findChild<QWidget *>(name)->grab().toImage());
        window.findChild<QWidget *>(stops.constLast())->setFocus();
        for (const QString &name : stops) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            while (QApplication::focusWidget()->objectName() == u"messageInput"_s)
                QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QWidget *widget = QApplication::focusWidget();
            QCOMPARE(widget->objectName(), name);
            QVERIFY2(widget->grab().toImage() != without.value(name),
                     qPrintable(name + u" looks the same with the focus"_s));
        }
    }

    void shortcutsAreListed()
    {
        ChatWindow window;
        QAction *action = window.findChild<QAction *>(u"shortcutsAction"_s);
        QVERIFY(action);
        QVERIFY(!action->shortcut().isEmpty());
        action->trigger();
        auto *dialog = window.findChild<ShortcutsDialog *>(u"shortcutsDialog"_s);
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QStringList lines;
        for (const auto &[keys, what] : dialog->rows())
            lines.append(keys + u" = "_s + what);
        const QString all = lines.join(u'\n');
        QVERIFY2(all.contains(u"Ctrl+J = Join Another Room"_s), qPrintable(all));
        QVERIFY(all.contains(u"F2 = Rename Yourself"_s));
        QVERIFY(all.contains(u"Ctrl+L = Write a Message"_s));
        QVERIFY(all.contains(u"Shift+Enter = Start a new line"_s));
        QVERIFY(all.contains(u"Enter = Send the message"_s));
    }

    void worksDownTo360PixelsWide()
    {
        HubRunner hub;
        ChatWindow window;
        QVERIFY(hostIn(hub, window));
        auto *card = window.findChild<QLabel *>(u"joinCardImage"_s);
        QVERIFY(card->isVisible()); // wide: the join card is shown
        QVERIFY(window.minimumSizeHint().width() <= 360);
        window.resize(360, 600);
        QTRY_COMPARE(window.width(), 360);
        QTRY_VERIFY(!card->isVisible()); // folded away
        auto *view = window.findChild<QWidget *>(u"chatView"_s);
        auto *input = window.findChild<QWidget *>(u"messageInput"_s);
        QTRY_VERIFY(view->width() >= 170);
        QVERIFY(input->isVisible());
        QVERIFY(input->width() >= 100);
        // Everything stays inside the window.
        for (const QString &name :
             {u"sendButton"_s, u"attachButton"_s, u"joinRoomButton"_s, u"nameEdit"_s}) {
            auto *widget = window.findChild<QWidget *>(name);
            const QRect inWindow(widget->mapTo(&window, QPoint(0, 0)), widget->size());
            QVERIFY2(window.rect().contains(inWindow), qPrintable(name));
        }
        window.resize(960, 640);
        QTRY_VERIFY(card->isVisible());
    }

private:
    // The window in the room it hosts, with one address and a join card.
    static bool hostIn(HubRunner &hub, ChatWindow &window)
    {
        if (!hub.start())
            return false;
        const QUrl page(u"http://192.168.1.20:%1/"_s.arg(hub.port));
        window.setNickname(u"alice"_s);
        window.setHosting(hub.url(), {{page, u"eth0"_s, false}});
        window.setJoinCard(QrCode::encode(page.toString()).toImageFitting(160), page);
        window.joinRoom(hub.url());
        window.resize(960, 640);
        window.show();
        window.activateWindow();
        if (!QTest::qWaitForWindowActive(&window))
            return false;
        return QTest::qWaitFor(
                [&] {
                    return window.isInOwnRoom()
                            && window.client()->state() == ChatClient::State::Connected;
                },
                5000);
    }
};

QTEST_MAIN(TestWindowLayout)
#include "tst_windowlayout.moc"
