#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

#include "blockeddialog.h"
#include "chatview.h"
#include "chatwindow.h"
#include "clientsettings.h"
#include "hostcontrols.h"
#include "hubrunner.h"
#include "joindialog.h"
#include "passcodedialog.h"
#include "peoplepanel.h"
#include "testpeer.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

// Who gets in and who stays, from the window: the passcode prompt, and a host's kick, ban, lock
// and passcode, each against a real hub (docs/PROTOCOL.md, "Access").
class TestWindowAccess : public QObject
{
    Q_OBJECT
private:
    struct Room
    {
        HubRunner hub;
        std::unique_ptr<ChatWindow> host; // alice, with the hub's host token

        bool open(HubConfig config = {})
        {
            if (config.room.isEmpty() || config.room == u"Lobby"_s)
                config.room = u"Kitchen"_s;
            if (!hub.start(config))
                return false;
            host = window(u"alice"_s);
            // As app/ does for the room it hosts: the window's own joins carry the host token.
            host->setHosting(hub.url(), {});
            host->setHostToken(hub.host->hostToken());
            host->joinRoom(hub.url());
            return QTest::qWaitFor([&] { return host->client()->isHost(); }, 5000);
        }
        std::unique_ptr<ChatWindow> window(const QString &name) const
        {
            auto w = std::make_unique<ChatWindow>();
            w->setNickname(name);
            ChatClient::Timing timing;
            timing.retryInitial = 50ms;
            timing.retryMaximum = 100ms;
            w->client()->setTiming(timing);
            return w;
        }
        // A guest window in the room (giving the passcode when there is one).
        std::unique_ptr<ChatWindow> guest(const QString &name, const QString &passcode = {})
        {
            auto w = window(name);
            w->client()->setPasscode(hub.url(), passcode);
            w->joinRoom(hub.url());
            if (!QTest::qWaitFor(
                        [&] { return w->client()->state() == ChatClient::State::Connected; }, 5000)
                || !QTest::qWaitFor([&] { return host->client()->users().contains(name); }, 5000))
                return nullptr;
            return w;
        }
        // A window that knocks: shown, and joining without a passcode.
        std::unique_ptr<ChatWindow> knock(const QString &name) const
        {
            auto w = window(name);
            w->show();
            w->joinRoom(hub.url());
            return w;
        }
        QString hostView() const { return host->chatView()->renderedText(); }
        // The host's menu on a person of the people list, as a right click opens it.
        QMenu *personMenu(const QString &name) const
        {
            return host->peoplePanel()->personMenu(name);
        }
        QAction *roomAction(const QString &objectName) const
        {
            return host->findChild<QAction *>(objectName);
        }
    };

    static QAction *action(QMenu *menu, const QString &objectName)
    {
        const QList<QAction *> actions = menu->actions();
        for (QAction *a : actions) {
            if (a->objectName() == objectName)
                return a;
        }
        return nullptr;
    }
    static PasscodeDialog *passcodeDialog(ChatWindow *w)
    {
        return w->findChild<PasscodeDialog *>(u"passcodeDialog"_s);
    }
    static QString status(ChatWindow *w)
    {
        return w->findChild<QLabel *>(u"statusLabel"_s)->text();
    }
    static void enterPasscode(PasscodeDialog *dialog, const QString &passcode)
    {
        auto *field = dialog->findChild<QLineEdit *>(u"passcodeField"_s);
        QTest::keyClicks(field, passcode);
        QTest::keyClick(field, Qt::Key_Return);
    }
    // With LANCHAT_SCREENSHOT_DIR set, saves image there (for the docs); otherwise nothing.
    static void keep(const QImage &image, const QString &file)
    {
        const QString dir = qEnvironmentVariable("LANCHAT_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(image.save(dir + u'/' + file));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(u"LanChatTest"_s);
        QCoreApplication::setApplicationName(u"tst_windowaccess"_s);
        QSettings().clear();
    }

    void guestIsAskedForThePasscode()
    {
        Room room;
        HubConfig config;
        config.passcode = u"tulip-42"_s;
        QVERIFY(room.open(config));
        auto bob = room.knock(u"bob"_s);
        QTRY_COMPARE(bob->client()->state(), ChatClient::State::Refused);
        QCOMPARE(bob->client()->refusal(), u"passcode_required"_s);
        QTRY_VERIFY(passcodeDialog(bob.get()));
        PasscodeDialog *dialog = passcodeDialog(bob.get());
        QTRY_VERIFY(dialog->isVisible());
        QVERIFY(dialog->errorText().isEmpty()); // a question, not yet an error
        QVERIFY(status(bob.get()).contains(u"asks for a passcode"_s));
        QVERIFY(!room.host->client()->users().contains(u"bob"_s));

        enterPasscode(dialog, u"tulip-41"_s);
        QTRY_COMPARE(dialog->refusal(), u"wrong_passcode"_s);
        auto *error = dialog->findChild<QLabel *>(u"passcodeError"_s);
        QVERIFY(error->isVisible());
        QCOMPARE(error->text(), u"That passcode is not right. Try again."_s);
        QCOMPARE(bob->client()->state(), ChatClient::State::Refused);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"passcodeField"_s), u"tulip"_s);
        keep(dialog->grab().toImage(), u"window-passcode.png"_s);
        dialog->findChild<QLineEdit *>(u"passcodeField"_s)->clear();

        enterPasscode(dialog, u"tulip-42"_s);
        QTRY_COMPARE(bob->client()->state(), ChatClient::State::Connected);
        QTRY_VERIFY(!passcodeDialog(bob.get()) || !passcodeDialog(bob.get())->isVisible());
        QTRY_VERIFY(room.host->client()->users().contains(u"bob"_s));

        // The passcode is remembered for the room's reconnects: no second question.
        bob->client()->abortConnection();
        QTRY_COMPARE(bob->client()->state(), ChatClient::State::Connected);
        QVERIFY(!passcodeDialog(bob.get()));
    }

    void cancellingThePromptLeavesTheRoom()
    {
        Room room;
        HubConfig config;
        config.passcode = u"tulip-42"_s;
        QVERIFY(room.open(config));
        auto bob = room.knock(u"bob"_s);
        QTRY_VERIFY(passcodeDialog(bob.get()) && passcodeDialog(bob.get())->isVisible());
        QTest::mouseClick(passcodeDialog(bob.get())->findChild<QPushButton *>(u"cancelButton"_s),
                          Qt::LeftButton);
        QTRY_COMPARE(bob->client()->state(), ChatClient::State::Disconnected);
        QVERIFY(bob->chatView()->renderedText().contains(u"You did not enter the room."_s));
    }

    // Moving to a room that asks: the old room stays until the passcode is right.
    void movingToARoomWithAPasscode()
    {
        Room first;
        QVERIFY(first.open());
        HubRunner second;
        HubConfig config;
        config.room = u"Staff"_s;
        config.passcode = u"tulip-42"_s;
        QVERIFY(second.start(config));
        auto bob = first.guest(u"bob"_s);
        QVERIFY(bob);
        bob->show();
        bob->requestJoin(second.url());
        QTRY_VERIFY(passcodeDialog(bob.get()) && passcodeDialog(bob.get())->isVisible());
        QCOMPARE(bob->client()->state(), ChatClient::State::Connected);
        QCOMPARE(bob->client()->url(), first.hub.url()); // still in the first room
        enterPasscode(passcodeDialog(bob.get()), u"tulip-41"_s);
        QTRY_COMPARE(passcodeDialog(bob.get())->refusal(), u"wrong_passcode"_s);
        QCOMPARE(bob->client()->url(), first.hub.url());
        enterPasscode(passcodeDialog(bob.get()), u"tulip-42"_s);
        QTRY_COMPARE(bob->client()->url(), second.url());
        QTRY_COMPARE(bob->client()->room(), u"Staff"_s);
        QCOMPARE(bob->client()->state(), ChatClient::State::Connected);
        QTRY_VERIFY(!first.host->client()->users().contains(u"bob"_s));
    }

    void hostKicksAGuestFromThePersonMenu()
    {
        Room room;
        QVERIFY(room.open());
        auto bob = room.guest(u"bob"_s);
        QVERIFY(bob);
        // The people lists mark the host, for the host and for the guest.
        auto *list = room.host->findChild<QListWidget *>(u"userList"_s);
        QTRY_COMPARE(list->count(), 2);
        QStringList shown;
        for (int i = 0; i < list->count(); ++i)
            shown << list->item(i)->text();
        QVERIFY2(shown.at(0).contains(u"alice (you) — host"_s), qPrintable(shown.join(u'|')));
        QCOMPARE(shown.at(1), u"bob"_s);
        auto *bobList = bob->findChild<QListWidget *>(u"userList"_s);
        QTRY_VERIFY(bobList->count() == 2 && bobList->item(0)->text().contains(u"host"_s));

        // No host entries on your own line, nor for a guest's window.
        QMenu *own = room.personMenu(u"alice"_s);
        QVERIFY(!action(own, u"kickAction"_s));
        delete own;
        QMenu *guestMenu = bob->peoplePanel()->personMenu(u"alice"_s);
        QVERIFY(!action(guestMenu, u"kickAction"_s)); // "Message Privately" only
        delete guestMenu;

        QMenu *menu = room.personMenu(u"bob"_s);
        QAction *kick = action(menu, u"kickAction"_s);
        QVERIFY(kick);
        QVERIFY(action(menu, u"banAction"_s));
        QSignalSpy bobStates(bob->client(), &ChatClient::stateChanged);
        kick->trigger();
        delete menu;

        QTRY_COMPARE(bob->client()->state(), ChatClient::State::Removed);
        QCOMPARE(status(bob.get()), u"The host removed you from the room."_s);
        QVERIFY(bob->chatView()->renderedText().contains(u"The host removed you from the room."_s));
        QTRY_VERIFY(room.hostView().contains(u"alice removed bob from the room"_s));
        QVERIFY(!room.hostView().contains(u"bob left"_s));
        QTRY_VERIFY(!room.host->client()->users().contains(u"bob"_s));
        // It stays out: no reconnect (the retry timing is 50 ms here).
        bobStates.clear();
        QVERIFY(!bobStates.wait(500));
        QCOMPARE(bob->client()->state(), ChatClient::State::Removed);
        QVERIFY(!room.host->client()->users().contains(u"bob"_s));
    }

    void hostBansAfterConfirming()
    {
        Room room;
        QVERIFY(room.open());
        room.host->show();
        auto bob = room.guest(u"bob"_s);
        QVERIFY(bob);

        // Cancel: nothing happens.
        QMenu *menu = room.personMenu(u"bob"_s);
        action(menu, u"banAction"_s)->trigger();
        delete menu;
        QTRY_VERIFY(room.host->findChild<QMessageBox *>(u"banQuestion"_s));
        auto *question = room.host->findChild<QMessageBox *>(u"banQuestion"_s);
        QTest::mouseClick(question->findChild<QPushButton *>(u"cancelButton"_s), Qt::LeftButton);
        QTRY_VERIFY(!room.host->findChild<QMessageBox *>(u"banQuestion"_s));
        QSignalSpy stillIn(bob->client(), &ChatClient::stateChanged);
        QVERIFY(!stillIn.wait(200));
        QCOMPARE(bob->client()->state(), ChatClient::State::Connected);

        menu = room.personMenu(u"bob"_s);
        action(menu, u"banAction"_s)->trigger();
        delete menu;
        QTRY_VERIFY(room.host->findChild<QMessageBox *>(u"banQuestion"_s));
        question = room.host->findChild<QMessageBox *>(u"banQuestion"_s);
        QTest::mouseClick(question->findChild<QPushButton *>(u"banButton"_s), Qt::LeftButton);

        QTRY_COMPARE(bob->client()->state(), ChatClient::State::Removed);
        QCOMPARE(bob->client()->removalCode(), 4002);
        QCOMPARE(status(bob.get()), u"The host banned you from this room."_s);
        QTRY_VERIFY(room.hostView().contains(u"alice banned bob from the room"_s));
        QSignalSpy bobStates(bob->client(), &ChatClient::stateChanged);
        QVERIFY(!bobStates.wait(300));
    }

    // Someone from another address is banned: Blocked Addresses lists it, Unban lets it back.
    void blockedAddressesListAndUnban()
    {
        Room room;
        QVERIFY(room.open());
        RawClient mallory;
        mallory.setSourceAddress("127.0.0.2");
        QVERIFY(mallory.open(room.hub.port));
        QVERIFY(mallory.sendText(Protocol::encode(Protocol::join(u"mallory"_s))));
        QTRY_VERIFY(room.host->client()->users().contains(u"mallory"_s));
        room.host->client()->ban(u"mallory"_s);
        QVERIFY(mallory.readUntil([&] { return mallory.closeCode() != -1; }));
        QCOMPARE(mallory.closeCode(), 4002);
        QTRY_COMPARE(room.host->client()->access().blocked.size(), 1);

        room.roomAction(u"blockedAddressesAction"_s)->trigger();
        auto *dialog = room.host->findChild<BlockedDialog *>(u"blockedDialog"_s);
        QVERIFY(dialog);
        auto *list = dialog->findChild<QListWidget *>(u"blockedList"_s);
        QCOMPARE(list->count(), 1);
        QVERIFY(list->item(0)->text().contains(u"127.0.0.2"_s));
        QVERIFY(list->item(0)->text().contains(u"banned"_s));
        list->setCurrentRow(0);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"unbanButton"_s), Qt::LeftButton);
        QTRY_COMPARE(list->count(), 0);
        QVERIFY(room.host->client()->access().blocked.isEmpty());
        QTRY_VERIFY(room.hostView().contains(u"alice let a blocked computer back in"_s));
    }

    void hostLocksTheRoom()
    {
        Room room;
        QVERIFY(room.open());
        auto bob = room.guest(u"bob"_s);
        QVERIFY(bob);
        QAction *lock = room.roomAction(u"lockRoomAction"_s);
        QVERIFY(lock && lock->isVisible() && !lock->isChecked());
        QVERIFY(!bob->findChild<QAction *>(u"lockRoomAction"_s)->isVisible()); // guests: no
        lock->trigger();
        QTRY_VERIFY(room.host->client()->access().locked);
        QVERIFY(lock->isChecked());
        QTRY_VERIFY(room.hostView().contains(u"alice locked the room"_s));
        QTRY_VERIFY(bob->chatView()->renderedText().contains(u"alice locked the room"_s));

        // Nobody new gets in; bob, inside, stays.
        auto carol = room.knock(u"carol"_s);
        QTRY_COMPARE(carol->client()->state(), ChatClient::State::Refused);
        QCOMPARE(carol->client()->refusal(), u"locked"_s);
        QVERIFY(status(carol.get()).contains(u"is locked"_s));
        QTRY_VERIFY(passcodeDialog(carol.get()));
        QVERIFY(passcodeDialog(carol.get())->errorText().contains(u"locked"_s));
        QCOMPARE(bob->client()->state(), ChatClient::State::Connected);

        lock->trigger();
        QTRY_VERIFY(!room.host->client()->access().locked);
        QVERIFY(!lock->isChecked());
        QTRY_VERIFY(room.hostView().contains(u"alice unlocked the room"_s));
    }

    void hostSetsAndRemovesThePasscode()
    {
        Room room;
        QVERIFY(room.open());
        QAction *set = room.roomAction(u"setPasscodeAction"_s);
        QAction *remove = room.roomAction(u"removePasscodeAction"_s);
        QVERIFY(set->isVisible());
        QVERIFY(!remove->isEnabled());
        set->trigger();
        auto *input = room.host->findChild<QInputDialog *>(u"setPasscodeDialog"_s);
        QVERIFY(input);
        input->setTextValue(u"tulip-42"_s);
        input->accept();
        QTRY_COMPARE(room.host->client()->access().passcode, u"tulip-42"_s);
        QTRY_COMPARE(room.hub.host->passcode(), u"tulip-42"_s);
        QTRY_VERIFY(room.hostView().contains(u"alice set a passcode for the room"_s));
        QVERIFY(remove->isEnabled());
        // Kept for this room, for the next time this app hosts it.
        QCOMPARE(ClientSettings().roomPasscode(u"Kitchen"_s), u"tulip-42"_s);
        Q_EMIT room.host->roomRenameRequested(u"Pantry"_s); // it moves with the room's name
        QCOMPARE(ClientSettings().roomPasscode(u"Pantry"_s), u"tulip-42"_s);
        QVERIFY(ClientSettings().roomPasscode(u"Kitchen"_s).isEmpty());
        room.hub.host->setRoomName(u"Pantry"_s);
        QTRY_COMPARE(room.host->client()->room(), u"Pantry"_s);

        // A guest now needs it.
        auto bob = room.window(u"bob"_s);
        bob->joinRoom(room.hub.url());
        QTRY_COMPARE(bob->client()->state(), ChatClient::State::Refused);

        remove->trigger();
        QTRY_VERIFY(room.host->client()->access().passcode.isEmpty());
        QTRY_VERIFY(room.hostView().contains(u"alice removed the room's passcode"_s));
        QVERIFY(ClientSettings().roomPasscode(u"Pantry"_s).isEmpty());
    }

    void copyHostLink()
    {
        Room room;
        QVERIFY(room.open());
        QAction *copy = room.roomAction(u"copyHostLinkAction"_s);
        QVERIFY(!copy->isVisible()); // no page address yet
        room.host->setJoinCard(QImage(10, 10, QImage::Format_RGB32),
                               QUrl(u"http://192.168.1.7:8765/#code=x"_s));
        QVERIFY(copy->isVisible());
        copy->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(),
                 u"http://192.168.1.7:8765/#host="_s + room.hub.host->hostToken());
    }

    void joinCardShowsTheCode()
    {
        Room room;
        QVERIFY(room.open());
        room.host->setJoinCard(QImage(10, 10, QImage::Format_RGB32),
                               QUrl(u"http://192.168.1.7:8765/#code=tulip-42"_s));
        auto *shown = room.host->findChild<QLabel *>(u"joinCardUrl"_s);
        QCOMPARE(shown->text(), u"http://192.168.1.7:8765/#code=tulip-42"_s);
    }

    void joinDialogTakesTheCodeFromALink()
    {
        JoinDialog dialog;
        auto *address = dialog.findChild<QLineEdit *>(u"addressEdit"_s);
        auto *passcode = dialog.findChild<QLineEdit *>(u"passcodeEdit"_s);
        QCOMPARE(passcode->echoMode(), QLineEdit::Password);
        QTest::keyClicks(address, u"http://192.168.1.7:8765/#code=tulip%2042"_s);
        QCOMPARE(passcode->text(), u"tulip 42"_s);
        dialog.accept();
        QCOMPARE(dialog.selectedUrl(), QUrl(u"ws://192.168.1.7:8765/ws"_s));
        QCOMPARE(dialog.selectedPasscode(), u"tulip 42"_s);

        JoinDialog hostLink;
        hostLink.findChild<QLineEdit *>(u"addressEdit"_s)
                ->setText(u"http://192.168.1.7:8765/#host=0123abcd"_s);
        hostLink.accept();
        QCOMPARE(hostLink.selectedUrl(), QUrl(u"ws://192.168.1.7:8765/ws"_s));
        QCOMPARE(hostLink.selectedHostToken(), u"0123abcd"_s);
    }

    void joinDialogLocksRoomsThatAskForAPasscode()
    {
        JoinDialog dialog;
        DiscoveredRoom open{u"a"_s, u"Lobby"_s, u"bob"_s, QUrl(u"ws://10.0.0.2:8765/ws"_s), 2};
        DiscoveredRoom locked = open;
        locked.id = u"b"_s;
        locked.room = u"Staff"_s;
        locked.url = QUrl(u"ws://10.0.0.3:8765/ws"_s);
        locked.passcode = true;
        dialog.setDiscoveredRooms({open, locked});
        auto *list = dialog.findChild<QListWidget *>(u"discoveredList"_s);
        QCOMPARE(list->count(), 2);
        QVERIFY(!list->item(0)->text().contains(u"\U0001F512"_s));
        QVERIFY(list->item(1)->text().startsWith(u"\U0001F512"_s));
        QVERIFY(list->item(1)->toolTip().contains(u"passcode"_s));
    }

    // With LANCHAT_SCREENSHOT_DIR set: the host's menu on a person, over the window.
    void personMenuScreenshot()
    {
        if (qEnvironmentVariableIsEmpty("LANCHAT_SCREENSHOT_DIR"))
            QSKIP("LANCHAT_SCREENSHOT_DIR not set");
        Room room;
        QVERIFY(room.open());
        auto bob = room.guest(u"bob"_s);
        QVERIFY(bob);
        auto mallory = room.guest(u"mallory"_s);
        QVERIFY(mallory);
        room.host->resize(900, 560);
        room.host->show();
        QVERIFY(QTest::qWaitForWindowExposed(room.host.get()));
        auto *list = room.host->findChild<QListWidget *>(u"userList"_s);
        QTRY_COMPARE(list->count(), 3);
        QTRY_VERIFY(room.hostView().contains(u"mallory joined"_s));
        const QListWidgetItem *item = list->findItems(u"mallory"_s, Qt::MatchExactly).value(0);
        QVERIFY(item);
        list->setCurrentItem(const_cast<QListWidgetItem *>(item));
        const QPoint at = list->visualItemRect(item).center();
        QMenu *menu = room.personMenu(u"mallory"_s);
        menu->popup(list->viewport()->mapToGlobal(at));
        QVERIFY(QTest::qWaitForWindowExposed(menu));
        QImage shot = room.host->grab().toImage();
        QPainter painter(&shot);
        painter.drawImage(room.host->mapFromGlobal(menu->pos()), menu->grab().toImage());
        painter.end();
        keep(shot, u"window-person-menu.png"_s);
        menu->close();
    }
};

QTEST_MAIN(TestWindowAccess)
#include "tst_windowaccess.moc"
