#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include "chatview.h"
#include "chatwindow.h"
#include "hubrunner.h"
#include "scriptedhub.h"
#include "testpeer.h"

using namespace Qt::StringLiterals;

// Moving to another room: the window stays in the room it is in until the new one has welcomed
// it, and says why when the new one does not answer.
class TestRoomSwitch final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(u"LanChatTest"_s);
        QCoreApplication::setApplicationName(u"tst_roomswitch"_s);
    }

    void failedSwitchKeepsTheOldRoom()
    {
        HubRunner hub;
        ChatWindow window;
        TestPeer bob;
        QVERIFY(enterWithBob(hub, window, bob));

        // A port nobody listens on.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 deadPort = probe.serverPort();
        probe.close();
        const QUrl nobody(u"ws://127.0.0.1:%1/ws"_s.arg(deadPort));

        QSignalSpy failed(window.client(), &ChatClient::switchFailed);
        window.requestJoin(nobody);
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.at(0).at(0).toUrl(), nobody);
        const QString text = window.chatView()->renderedText();
        QVERIFY2(text.contains(u"Nobody is hosting at 127.0.0.1:%1 ("_s.arg(deadPort)),
                 qPrintable(text));
        QVERIFY(text.contains(u"You are still in Kitchen"_s));
        QCOMPARE(window.client()->url(), hub.url());
        QCOMPARE(window.client()->state(), ChatClient::State::Connected);
        QCOMPARE(window.client()->users().size(), 2);

        // Still chatting.
        window.client()->sendChat(u"still here"_s);
        std::optional<Protocol::Message> chat = bob.nextChat();
        while (chat && chat->from != u"alice"_s)
            chat = bob.nextChat();
        QVERIFY(chat);
        QCOMPARE(chat->text, u"still here"_s);
        bob.send(Protocol::chat(u"good"_s));
        QTRY_VERIFY(window.chatView()->renderedText().contains(u"good"_s));
    }

    void oldRoomIsLeftOnlyAfterTheWelcome()
    {
        HubRunner hub;
        ChatWindow window;
        TestPeer bob;
        QVERIFY(enterWithBob(hub, window, bob));

        ScriptedHub next;
        QVERIFY(next.listen());
        const QUrl nextUrl(u"ws://127.0.0.1:%1/ws"_s.arg(next.port()));
        QSignalSpy joinSent(&next, &ScriptedHub::textReceived);
        window.requestJoin(nextUrl);
        QVERIFY(joinSent.wait(5000));
        QVERIFY(joinSent.at(0).at(1).toString().contains(u"\"join\""_s));
        // The new room has not answered yet: still in the old one.
        QVERIFY(window.client()->isSwitching());
        QCOMPARE(window.client()->url(), hub.url());
        QCOMPARE(window.client()->state(), ChatClient::State::Connected);
        QVERIFY(!bob.next(Protocol::Type::Left, 200));

        QSignalSpy switched(window.client(), &ChatClient::switched);
        next.sendText(
                0,
                u"{\"type\":\"welcome\",\"v\":1,\"you\":\"alice\",\"room\":\"Garden\","
                "\"instance\":\"i1\",\"token\":\"t1\",\"seq\":0,\"users\":[\"alice\"],\"history\":[]}"_s);
        QVERIFY(switched.wait(5000));
        QCOMPARE(window.client()->url(), nextUrl);
        QCOMPARE(window.client()->room(), u"Garden"_s);
        QCOMPARE(window.client()->state(), ChatClient::State::Connected);
        QVERIFY(!window.client()->isSwitching());
        const auto left = bob.next(Protocol::Type::Left);
        QVERIFY(left);
        QCOMPARE(left->name, u"alice"_s);
        QVERIFY(window.windowTitle().contains(u"Garden"_s));
        QVERIFY(window.chatView()->renderedText().contains(u"You joined Garden as alice"_s));

        // Chat goes to the new room's link.
        window.client()->sendChat(u"hello garden"_s);
        QTRY_VERIFY(next.frames(0).join(u'\n').contains(u"hello garden"_s));
    }

private:
    // Alice's window and bob in the room "Kitchen".
    static bool enterWithBob(HubRunner &hub, ChatWindow &window, TestPeer &bob)
    {
        HubConfig config;
        config.room = u"Kitchen"_s;
        if (!hub.start(config))
            return false;
        window.setNickname(u"alice"_s);
        window.joinRoom(hub.url());
        if (!bob.open(hub.url()) || !bob.join(u"bob"_s))
            return false;
        return QTest::qWaitFor([&] { return window.client()->users().size() == 2; }, 5000);
    }
};

QTEST_MAIN(TestRoomSwitch)
#include "tst_roomswitch.moc"
