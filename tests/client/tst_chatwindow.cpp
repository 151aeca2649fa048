#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

#include <cmath>

#include "chatview.h"
#include "chatwindow.h"
#include "hubrunner.h"
#include "joindialog.h"
#include "messageinput.h"
#include "notifier.h"
#include "testpeer.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

// The real window against a real hub, driven through its widgets.
class TestChatWindow : public QObject
{
    Q_OBJECT
private:
    struct Room
    {
        HubRunner hub;
        std::unique_ptr<ChatWindow> window;
        std::unique_ptr<TestPeer> bob;

        bool open(HubConfig config = {}, bool withBob = true)
        {
            if (!hub.start(config))
                return false;
            window = std::make_unique<ChatWindow>();
            window->setNickname(u"alice"_s);
            ChatClient::Timing timing;
            timing.retryInitial = 100ms;
            timing.retryMaximum = 300ms;
            window->client()->setTiming(timing);
            window->joinRoom(hub.url());
            if (!QTest::qWaitFor(
                        [&] { return window->client()->state() == ChatClient::State::Connected; },
                        5000))
                return false;
            if (withBob) {
                bob = std::make_unique<TestPeer>();
                if (!bob->open(hub.url()) || !bob->join(u"bob"_s))
                    return false;
                return QTest::qWaitFor([&] { return window->client()->users().size() == 2; }, 5000);
            }
            return true;
        }
        template<typename T> T *find(const QString &name) const
        {
            return window->findChild<T *>(name);
        }
        MessageInput *input() const { return find<MessageInput>(u"messageInput"_s); }
        QString view() const { return window->chatView()->renderedText(); }
        // The next chat bob receives from someone else (his own echoes are skipped).
        std::optional<Protocol::Message> chatToBob(const QString &from = u"alice"_s)
        {
            for (int i = 0; i < 20; ++i) {
                auto chat = bob->nextChat();
                if (!chat || chat->from == from)
                    return chat;
            }
            return std::nullopt;
        }
    };

    static void initSettings()
    {
        QCoreApplication::setOrganizationName(u"LanChatTest"_s);
        QCoreApplication::setApplicationName(u"tst_chatwindow"_s);
    }

private Q_SLOTS:
    void initTestCase() { initSettings(); }

    void showsTheConversationOfAScriptClient()
    {
        Room room;
        HubConfig config;
        config.room = u"Kitchen"_s;
        QVERIFY(room.open(config));
        QCOMPARE(room.find<QLabel>(u"roomLabel"_s)->text(), u"Kitchen"_s);
        QVERIFY(room.window->windowTitle().contains(u"Kitchen"_s));
        QVERIFY(room.find<QLabel>(u"statusLabel"_s)->text().startsWith(u"Connected"_s));
        QTRY_VERIFY(room.view().contains(u"bob joined"_s));

        room.bob->send(Protocol::chat(u"hello from bob"_s));
        QTRY_VERIFY(room.view().contains(u"hello from bob"_s));
        QVERIFY(room.view().contains(u"bob"_s));

        // Alice answers through the input; bob gets it.
        room.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(room.window.get()));
        QTest::keyClicks(room.input(), u"hi bob"_s);
        QTest::keyClick(room.input(), Qt::Key_Return);
        QVERIFY(room.input()->toPlainText().isEmpty());
        const auto chat = room.chatToBob();
        QVERIFY(chat);
        QCOMPARE(chat->text, u"hi bob"_s);
        QCOMPARE(chat->from, u"alice"_s);
        QTRY_COMPARE(room.window->chatView()->pendingCount(), 0);
        QVERIFY(room.view().contains(u"alice (you)"_s));
    }

    void enterSendsShiftEnterAddsALine()
    {
        Room room;
        QVERIFY(room.open());
        MessageInput *input = room.input();
        QTest::keyClicks(input, u"line one"_s);
        QTest::keyClick(input, Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClicks(input, u"line two"_s);
        QCOMPARE(input->toPlainText(), u"line one\nline two"_s);
        QVERIFY(room.window->client()->pendingMessages().isEmpty());
        QTest::keyClick(input, Qt::Key_Enter); // the keypad's Enter sends too
        const auto chat = room.bob->nextChat();
        QVERIFY(chat);
        QCOMPARE(chat->text, u"line one\nline two"_s);
        QVERIFY(input->toPlainText().isEmpty());
    }

    void upRecallsTheLastMessageAndBlankIsNotSent()
    {
        Room room;
        QVERIFY(room.open());
        MessageInput *input = room.input();
        QTest::keyClicks(input, u"first"_s);
        QTest::keyClick(input, Qt::Key_Return);
        QVERIFY(room.bob->nextChat());
        QTest::keyClick(input, Qt::Key_Up);
        QCOMPARE(input->toPlainText(), u"first"_s);

        input->clear();
        QTest::keyClicks(input, u"   "_s);
        QTest::keyClick(input, Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClick(input, Qt::Key_Return);
        QVERIFY(room.window->client()->pendingMessages().isEmpty()); // nothing queued
        QCOMPARE(room.window->chatView()->pendingCount(), 0);
        // Up in a non-empty input moves the cursor, it does not replace the text.
        QTest::keyClick(input, Qt::Key_Up);
        QCOMPARE(input->toPlainText(), u"   \n"_s);
    }

    void overLongTextIsRefusedWithAClearMessage()
    {
        Room room;
        HubConfig config;
        config.maxText = 20;
        QVERIFY(room.open(config));
        auto *notice = room.find<QLabel>(u"inputNotice"_s);
        QVERIFY(notice->isHidden());
        const QString text(21, u'y');
        QTest::keyClicks(room.input(), text);
        QTest::keyClick(room.input(), Qt::Key_Return);
        QVERIFY(!notice->isHidden());
        QVERIFY2(notice->text().contains(u"21"_s) && notice->text().contains(u"20"_s),
                 qPrintable(notice->text()));
        QCOMPARE(room.input()->toPlainText(), text); // kept, to shorten
        QVERIFY(room.window->client()->pendingMessages().isEmpty());
        QTest::keyClick(room.input(), Qt::Key_Backspace);
        QVERIFY(notice->isHidden());
    }

    void markupIsShownAsTextAndLinksAreClickable()
    {
        Room room;
        QVERIFY(room.open());
        room.bob->send(Protocol::chat(u"<b>x</b> see https://example.org/page"_s));
        QTRY_VERIFY(room.view().contains(u"<b>x</b> see https://example.org/page"_s));
        const QString html = room.window->chatView()->toHtml();
        QVERIFY(html.contains(u"&lt;b&gt;x&lt;/b&gt;"_s));
        QVERIFY(html.contains(u"href=\"https://example.org/page\""_s));
        QVERIFY(room.window->chatView()->openExternalLinks());
    }

    void userListFollowsTheRoom()
    {
        Room room;
        QVERIFY(room.open());
        auto *list = room.find<QListWidget>(u"userList"_s);
        auto *count = room.find<QLabel>(u"peopleCount"_s);
        QTRY_COMPARE(list->count(), 2);
        QVERIFY(count->text().contains(u"2"_s));
        TestPeer carol;
        QVERIFY(carol.open(room.hub.url()));
        QVERIFY(carol.join(u"carol"_s));
        QTRY_COMPARE(list->count(), 3);
        QVERIFY(count->text().contains(u"3"_s));
        room.bob->socket().close();
        QTRY_COMPARE(list->count(), 2);
        QStringList names;
        for (int i = 0; i < list->count(); ++i)
            names.append(list->item(i)->text());
        QCOMPARE(names, (QStringList{u"alice (you)"_s, u"carol"_s}));
        // A normal close; the hub may see it as either (the close handshake can race the TCP end).
        QTRY_VERIFY2(room.view().contains(u"bob left"_s)
                             || room.view().contains(u"bob lost the connection"_s),
                     qPrintable(room.view()));
    }

    void renameIsConfirmedByTheServer()
    {
        Room room;
        QVERIFY(room.open());
        auto *nameEdit = room.find<QLineEdit>(u"nameEdit"_s);
        QCOMPARE(nameEdit->text(), u"alice"_s);
        nameEdit->clear();
        QTest::keyClicks(nameEdit, u"zed"_s);
        QTest::keyClick(nameEdit, Qt::Key_Return);
        const auto renamed = room.bob->next(Protocol::Type::Renamed);
        QVERIFY(renamed);
        QCOMPARE(renamed->from, u"alice"_s);
        QCOMPARE(renamed->to, u"zed"_s);
        QTRY_COMPARE(room.window->client()->name(), u"zed"_s);
        auto *list = room.find<QListWidget>(u"userList"_s);
        QTRY_VERIFY(!list->findItems(u"zed (you)"_s, Qt::MatchExactly).isEmpty());
        QTRY_VERIFY(room.view().contains(u"alice is now zed"_s));
    }

    void joinsAnotherHubFromTheDialog()
    {
        Room room;
        QVERIFY(room.open());
        HubRunner second;
        HubConfig config;
        config.room = u"Second Room"_s;
        QVERIFY(second.start(config));
        room.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(room.window.get()));

        QTest::mouseClick(room.find<QPushButton>(u"joinRoomButton"_s), Qt::LeftButton);
        auto *dialog = room.find<JoinDialog>(u"joinDialog"_s);
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        auto *address = dialog->findChild<QLineEdit *>(u"addressEdit"_s);
        QTest::keyClicks(address, u"127.0.0.1:%1"_s.arg(second.port));
        QTest::keyClick(address, Qt::Key_Return);
        QTRY_COMPARE(room.find<QLabel>(u"roomLabel"_s)->text(), u"Second Room"_s);
        QTRY_COMPARE(room.window->client()->state(), ChatClient::State::Connected);
        QCOMPARE(room.window->client()->url(), second.url());
        // The first room saw alice leave; the second one remembers it as recent.
        const auto left = room.bob->next(Protocol::Type::Left);
        QVERIFY(left);
        QCOMPARE(left->name, u"alice"_s);
        const QList<RecentRoom> recent = ClientSettings().recentRooms();
        QVERIFY(!recent.isEmpty());
        QCOMPARE(recent.first().url, second.url());
        QCOMPARE(recent.first().room, u"Second Room"_s);
    }

    void reconnectsWithHonestStatusAndNothingLostOrDoubled()
    {
        Room room;
        QVERIFY(room.open());
        room.bob->send(Protocol::chat(u"msg-before"_s));
        QTRY_VERIFY(room.view().contains(u"msg-before"_s));
        ChatClient::Timing slow;
        slow.retryInitial = 1500ms; // a visible countdown
        slow.retryMaximum = 1500ms;
        slow.retryJitter = 0;
        room.window->client()->setTiming(slow);
        room.window->client()->abortConnection();
        auto *status = room.find<QLabel>(u"statusLabel"_s);
        QVERIFY2(status->text().contains(u"reconnecting in 2 s"_s), qPrintable(status->text()));
        QTRY_VERIFY(room.view().contains(u"Connection lost"_s));
        // Who was here is not shown as present any more.
        auto *people = room.find<QListWidget>(u"userList"_s);
        QVERIFY(!people->isEnabled());
        QVERIFY(room.find<QLabel>(u"peopleCount"_s)->text().contains(u"connection lost"_s));
        room.bob->send(Protocol::chat(u"msg-while-away"_s));
        QVERIFY(room.bob->nextChat());
        QTest::keyClicks(room.input(), u"msg-offline"_s);
        QTest::keyClick(room.input(), Qt::Key_Return);
        QTRY_VERIFY(room.view().contains(u"sending"_s));
        QCOMPARE(room.window->chatView()->pendingCount(), 1);

        QTRY_COMPARE_WITH_TIMEOUT(room.window->client()->state(), ChatClient::State::Connected,
                                  5000);
        QVERIFY(status->text().startsWith(u"Connected"_s));
        QTRY_COMPARE(room.window->chatView()->pendingCount(), 0);
        QVERIFY(people->isEnabled());
        const auto offline = room.chatToBob();
        QVERIFY(offline);
        QCOMPARE(offline->text, u"msg-offline"_s);
        const QString text = room.view();
        QCOMPARE(text.count(u"msg-before"_s), 1);
        QCOMPARE(text.count(u"msg-while-away"_s), 1);
        QCOMPARE(text.count(u"msg-offline"_s), 1);
        QVERIFY(!text.contains(u"sending"_s));
        QVERIFY(text.indexOf(u"msg-while-away"_s) < text.indexOf(u"msg-offline"_s));
    }

    void queuedWhileOfflineIsPendingThenConfirmed()
    {
        HubRunner probe;
        QVERIFY(probe.start());
        const quint16 port = probe.port;
        QVERIFY(probe.stop());
        ChatWindow window;
        window.setNickname(u"alice"_s);
        ChatClient::Timing timing;
        timing.retryInitial = 100ms;
        timing.retryMaximum = 200ms;
        window.client()->setTiming(timing);
        window.joinRoom(QUrl(u"ws://127.0.0.1:%1/ws"_s.arg(port)));
        QTRY_COMPARE(window.client()->state(), ChatClient::State::Reconnecting);
        auto *input = window.findChild<MessageInput *>(u"messageInput"_s);
        QTest::keyClicks(input, u"queued one"_s);
        QTest::keyClick(input, Qt::Key_Return);
        QTest::keyClicks(input, u"queued two"_s);
        QTest::keyClick(input, Qt::Key_Return);
        QCOMPARE(window.chatView()->pendingCount(), 2);
        QTRY_COMPARE(window.chatView()->renderedText().count(u"sending"_s), 2);

        HubRunner hub;
        QVERIFY(hub.start({}, port));
        QTRY_COMPARE_WITH_TIMEOUT(window.chatView()->pendingCount(), 0, 5000);
        const QString text = window.chatView()->renderedText();
        QVERIFY(!text.contains(u"sending"_s));
        QVERIFY(text.indexOf(u"queued one"_s) < text.indexOf(u"queued two"_s));
        TestPeer bob;
        QVERIFY(bob.open(hub.url()));
        const auto welcome = bob.join(u"bob"_s);
        QVERIFY(welcome);
        QCOMPARE(welcome->history.size(), 2); // each sent exactly once
    }

    void unreadCountWhileInactive()
    {
        Room room;
        QVERIFY(room.open());
        QVERIFY(!room.window->isActiveWindow()); // never shown
        room.bob->send(Protocol::chat(u"one"_s));
        room.bob->send(Protocol::chat(u"two"_s));
        QTRY_COMPARE(room.window->unreadCount(), 2);
        QTRY_VERIFY2(room.window->windowTitle().startsWith(u"(2) "_s),
                     qPrintable(room.window->windowTitle()));
        QCOMPARE(room.window->notifier()->notificationsShown(), 2);

        // Muted: still counted, no notification.
        room.window->findChild<QAction *>(u"muteAction"_s)->setChecked(true);
        room.bob->send(Protocol::chat(u"three"_s));
        QTRY_COMPARE(room.window->unreadCount(), 3);
        QCOMPARE(room.window->notifier()->notificationsShown(), 2);
        QVERIFY(ClientSettings().muted());
        room.window->findChild<QAction *>(u"muteAction"_s)->setChecked(false);

        // Own messages never count.
        room.window->client()->sendChat(u"mine"_s);
        QTRY_COMPARE(room.window->chatView()->pendingCount(), 0);
        QCOMPARE(room.window->unreadCount(), 3);

        room.window->show();
        room.window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(room.window.get()));
        QTRY_COMPARE(room.window->unreadCount(), 0);
        QVERIFY(!room.window->windowTitle().startsWith(u"("_s));
    }

    void hostEndingTheRoomIsShown()
    {
        Room room;
        QVERIFY(room.open({}, false));
        QVERIFY(room.hub.stop());
        QTRY_COMPARE(room.window->client()->state(), ChatClient::State::Ended);
        QCOMPARE(room.find<QLabel>(u"statusLabel"_s)->text(), u"The host ended the room."_s);
        QTRY_VERIFY(room.view().contains(u"The host ended the room."_s));
        QCOMPARE(room.find<QListWidget>(u"userList"_s)->count(), 0);
        QVERIFY(room.find<QLabel>(u"peopleCount"_s)->text().contains(u"the room ended"_s));
    }

    void hostingShowsAddressesWithCopyButtons()
    {
        HubRunner hub;
        QVERIFY(hub.start());
        ChatWindow window;
        window.setNickname(u"alice"_s);
        const QUrl lan(u"http://192.0.2.7:%1/"_s.arg(hub.port));
        const QUrl local(u"http://127.0.0.1:%1/"_s.arg(hub.port));
        window.setHosting(hub.url(), {{lan, u"eth0"_s, false}, {local, u"lo"_s, true}});
        window.joinRoom(hub.url());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE(window.client()->state(), ChatClient::State::Connected);
        QVERIFY(window.isInOwnRoom());
        auto *panel = window.findChild<QWidget *>(u"hostPanel"_s);
        QTRY_VERIFY(panel->isVisible());
        QCOMPARE(window.findChild<QLineEdit *>(u"address0"_s)->text(), lan.toString());
        QCOMPARE(window.findChild<QLineEdit *>(u"address1"_s)->text(), local.toString());
        QTest::mouseClick(window.findChild<QToolButton *>(u"copyAddress0"_s), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), lan.toString());
        QVERIFY(window.findChild<QLabel *>(u"statusLabel"_s)->text().contains(u"hosting"_s));

        // Join card and reachability notes: empty states, then set.
        QVERIFY(window.findChild<QLabel *>(u"joinCardEmpty"_s)->isVisible());
        QVERIFY(!window.findChild<QLabel *>(u"reachabilityNotes"_s)->isVisible());
        QImage qr(21, 21, QImage::Format_Mono);
        qr.fill(0);
        window.setJoinCard(qr, lan);
        window.setReachabilityNotes({u"A firewall may block port %1."_s.arg(hub.port)});
        QVERIFY(!window.findChild<QLabel *>(u"joinCardEmpty"_s)->isVisible());
        QVERIFY(window.findChild<QLabel *>(u"joinCardImage"_s)->isVisible());
        QCOMPARE(window.findChild<QLabel *>(u"joinCardUrl"_s)->text(), lan.toString());
        QVERIFY(window.findChild<QLabel *>(u"reachabilityNotes"_s)->text().contains(u"firewall"_s));
        window.setHosting({}, {});
    }

    void closingWhileHostingAsksThenEndsTheRoom()
    {
        HubRunner hub;
        QVERIFY(hub.start());
        ChatWindow window;
        window.setNickname(u"alice"_s);
        window.setHosting(hub.url(), {});
        window.joinRoom(hub.url());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE(window.client()->state(), ChatClient::State::Connected);
        window.setHostedPeople(3); // alice and two guests
        QSignalSpy stopRequested(&window, &ChatWindow::stopHostingRequested);

        QVERIFY(!window.close()); // asks first
        auto *box = window.findChild<QMessageBox *>(u"endRoomQuestion"_s);
        QVERIFY(box);
        QVERIFY2(box->text().contains(u"Others in your room: 2"_s), qPrintable(box->text()));
        QTest::mouseClick(box->findChild<QPushButton *>(u"endRoomButton"_s), Qt::LeftButton);
        QCOMPARE(stopRequested.size(), 1);
        QVERIFY(window.isVisible()); // until the hub has stopped
        QVERIFY(hub.stop());
        window.hostingStopped();
        QTRY_VERIFY(!window.isVisible());
    }

    void readableInLightAndDarkPalettes_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::addRow("light") << false;
        QTest::addRow("dark") << true;
    }
    void readableInLightAndDarkPalettes()
    {
        QFETCH(bool, dark);
        Room room;
        QVERIFY(room.open());
        QPalette palette;
        if (dark) {
            palette.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
            palette.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
            palette.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
            palette.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
            palette.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xd6));
            palette.setColor(QPalette::Link, QColor(0x3d, 0x7a, 0xd6));
        } else {
            palette.setColor(QPalette::Base, Qt::white);
            palette.setColor(QPalette::Text, Qt::black);
            palette.setColor(QPalette::Highlight, QColor(0x30, 0x8c, 0xc6));
        }
        room.window->setPalette(palette);
        for (const QString &name : {u"bob"_s, u"carol"_s, u"dave"_s, u"erin"_s, u"frank"_s}) {
            TestPeer peer;
            QVERIFY(peer.open(room.hub.url()));
            QVERIFY(peer.join(name));
            peer.send(Protocol::chat(u"hello from "_s + name + u" https://example.org/"_s));
            QVERIFY(peer.nextChat());
        }
        room.window->client()->sendChat(u"mine"_s);
        QTRY_COMPARE(room.window->chatView()->pendingCount(), 0);
        QTRY_VERIFY(room.view().contains(u"hello from frank"_s));
        room.view(); // renders what is pending

        // Every text colour in the conversation stands out from the background (WCAG 3:1).
        const auto luminance = [](const QColor &c) {
            const auto channel = [](double v) {
                return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
            };
            return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF())
                    + 0.0722 * channel(c.blueF());
        };
        const double base = luminance(palette.color(QPalette::Base));
        static const QRegularExpression colorPattern(u"(?<![-\\w])color:\\s*(#[0-9a-fA-F]{6})"_s);
        const QString html = room.window->chatView()->toHtml();
        int checked = 0;
        for (const auto &match : colorPattern.globalMatch(html)) {
            const double text = luminance(QColor(match.captured(1)));
            const double ratio = (std::max(text, base) + 0.05) / (std::min(text, base) + 0.05);
            QVERIFY2(
                    ratio >= 3.0,
                    qPrintable(u"%1 on %2: %3"_s
                                       .arg(match.captured(1), palette.color(QPalette::Base).name())
                                       .arg(ratio)));
            ++checked;
        }
        QVERIFY(checked >= 6); // names, times, links
        if (!qEnvironmentVariableIsEmpty("LANCHAT_GRAB_DIR")) {
            room.window->resize(900, 600);
            room.window->grab().save(qEnvironmentVariable("LANCHAT_GRAB_DIR")
                                     + (dark ? u"/dark.png"_s : u"/light.png"_s));
        }
    }

    void closingAloneEndsTheRoomWithoutAsking()
    {
        HubRunner hub;
        QVERIFY(hub.start());
        ChatWindow window;
        window.setNickname(u"alice"_s);
        window.setHosting(hub.url(), {});
        window.joinRoom(hub.url());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE(window.client()->state(), ChatClient::State::Connected);
        window.setHostedPeople(1); // only alice
        QSignalSpy stopRequested(&window, &ChatWindow::stopHostingRequested);
        QVERIFY(!window.close());
        QCOMPARE(stopRequested.size(), 1);
        QVERIFY(!window.findChild<QMessageBox *>(u"endRoomQuestion"_s));
        QVERIFY(hub.stop());
        window.hostingStopped();
        QTRY_VERIFY(!window.isVisible());
        QVERIFY(!ClientSettings().geometry().isEmpty()); // remembered for the next start
    }

    void keyboardReachesEverything()
    {
        Room room;
        QVERIFY(room.open());
        room.window->show();
        room.window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(room.window.get()));
        QCOMPARE(QApplication::focusWidget(), room.input());
        QTest::keyClick(room.input(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget()->objectName(), u"attachButton"_s);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget()->objectName(), u"sendButton"_s);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F2);
        QCOMPARE(QApplication::focusWidget()->objectName(), u"nameEdit"_s);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_L, Qt::ControlModifier);
        QCOMPARE(QApplication::focusWidget(), room.input());
        QTest::keyClick(room.input(), Qt::Key_J, Qt::ControlModifier);
        auto *dialog = room.find<JoinDialog>(u"joinDialog"_s);
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!room.find<JoinDialog>(u"joinDialog"_s));
        for (QWidget *widget : room.window->findChildren<QWidget *>()) {
            if (widget->focusPolicy() == Qt::NoFocus || !widget->isVisible()
                || qobject_cast<QLabel *>(widget) || widget->objectName().isEmpty()
                || widget->objectName().startsWith(u"qt_"_s))
                continue;
            const bool named = !widget->accessibleName().isEmpty()
                    || qobject_cast<QAbstractButton *>(widget); // buttons are named by their text
            QVERIFY2(named, qPrintable(widget->objectName()));
        }
    }

    void switchingRoomsWhileHostingCanKeepTheRoom()
    {
        HubRunner own, other;
        QVERIFY(own.start());
        QVERIFY(other.start());
        ChatWindow window;
        window.setNickname(u"alice"_s);
        window.setHosting(own.url(), {});
        window.joinRoom(own.url());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE(window.client()->state(), ChatClient::State::Connected);
        QSignalSpy stopRequested(&window, &ChatWindow::stopHostingRequested);

        window.requestJoin(other.url());
        auto *box = window.findChild<QMessageBox *>(u"keepHostingQuestion"_s);
        QVERIFY(box);
        QTest::mouseClick(box->findChild<QPushButton *>(u"keepHostingButton"_s), Qt::LeftButton);
        QTRY_COMPARE(window.client()->url(), other.url());
        QTRY_COMPARE(window.client()->state(), ChatClient::State::Connected);
        QCOMPARE(stopRequested.size(), 0);
        QVERIFY(window.isHosting());
        QVERIFY(!window.isInOwnRoom());
        QVERIFY(window.findChild<QAction *>(u"backToOwnRoomAction"_s)->isVisible());
        QVERIFY(!window.findChild<QWidget *>(u"hostPanel"_s)->isVisible());

        window.findChild<QAction *>(u"backToOwnRoomAction"_s)->trigger();
        QTRY_VERIFY(window.isInOwnRoom()); // once the own room has answered
        QCOMPARE(window.client()->state(), ChatClient::State::Connected);
        window.setHosting({}, {});
    }
};

QTEST_MAIN(TestChatWindow)
#include "tst_chatwindow.moc"
