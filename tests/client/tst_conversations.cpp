#include <QApplication>
#include <QListWidget>
#include <QMenu>
#include <QSignalSpy>
#include <QTabBar>
#include <QTest>

#include "chatview.h"
#include "chatwindow.h"
#include "conversations.h"
#include "hubrunner.h"
#include "messageinput.h"
#include "peoplepanel.h"
#include "testpeer.h"

#include <memory>

using namespace Qt::StringLiterals;

// Private conversations in the window, against a real hub: alice, bob and carol each in a window
// of their own; what alice and bob say privately never shows in carol's.
class TestConversations : public QObject
{
    Q_OBJECT
private:
    struct Person
    {
        std::unique_ptr<ChatWindow> window;

        Conversations *conversations() const { return window->conversations(); }
        QString room() const { return window->chatView()->renderedText(); }
        QString with(const QString &person) const
        {
            ChatView *view = conversations()->view(person);
            return view ? view->renderedText() : QString();
        }
        QListWidget *people() const { return window->findChild<QListWidget *>(u"userList"_s); }
        QTabBar *tabs() const { return window->findChild<QTabBar *>(u"conversationTabs"_s); }
        void say(const QString &text) const
        {
            auto *input = window->findChild<MessageInput *>(u"messageInput"_s);
            QTest::keyClicks(input, text);
            QTest::keyClick(input, Qt::Key_Return);
        }
        QRect rowOf(const QString &name) const
        {
            for (int i = 0; i < people()->count(); ++i) {
                if (people()->item(i)->data(Qt::UserRole).toString() == name)
                    return people()->visualItemRect(people()->item(i));
            }
            return {};
        }
    };

    HubRunner m_hub;
    std::vector<Person> m_people;

    Person *enter(const QString &name)
    {
        Person person;
        person.window = std::make_unique<ChatWindow>();
        person.window->setNickname(name);
        person.window->resize(900, 560);
        person.window->show();
        person.window->joinRoom(m_hub.url());
        m_people.push_back(std::move(person));
        Person *entered = &m_people.back();
        if (!QTest::qWaitFor(
                    [&] {
                        return entered->window->client()->state() == ChatClient::State::Connected;
                    },
                    5000))
            return nullptr;
        return entered;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(u"LanChatTest"_s);
        QCoreApplication::setApplicationName(u"tst_conversations"_s);
    }

    void init()
    {
        m_people.clear();
        m_people.reserve(3);
        QVERIFY(m_hub.stop());
        HubConfig config;
        config.room = u"Kitchen"_s;
        QVERIFY(m_hub.start(config));
    }

    void cleanup() { m_people.clear(); }

    // ChatClient alone: a private chat goes out with `to`, the echo and bob's answer carry it, and
    // no_such_person fails exactly that pending message.
    void clientSendsPrivateMessagesAndHearsRefusals()
    {
        ChatClient client;
        client.connectTo(m_hub.url(), u"alice"_s);
        QTRY_COMPARE(client.state(), ChatClient::State::Connected);
        TestPeer bob;
        QVERIFY(bob.open(m_hub.url()) && bob.join(u"bob"_s));
        QSignalSpy confirmed(&client, &ChatClient::messageConfirmed);
        QSignalSpy received(&client, &ChatClient::chatReceived);
        QSignalSpy failed(&client, &ChatClient::messageFailed);

        const QString id = client.sendChat(u"psst"_s, u"bob"_s);
        const auto atBob = bob.nextChat();
        QVERIFY(atBob);
        QCOMPARE(atBob->to, u"bob"_s);
        QCOMPARE(atBob->from, u"alice"_s);
        QTRY_COMPARE(confirmed.size(), 1);
        QCOMPARE(confirmed.at(0).at(0).value<Protocol::Message>().id, id);
        QCOMPARE(confirmed.at(0).at(0).value<Protocol::Message>().to, u"bob"_s);

        bob.send(Protocol::chat(u"what?"_s, {}, u"alice"_s));
        QTRY_COMPARE(received.size(), 1);
        QCOMPARE(received.at(0).at(0).value<Protocol::Message>().to, u"alice"_s);
        QCOMPARE(received.at(0).at(1).toBool(), false);

        const QString lost = client.sendChat(u"anyone?"_s, u"nobody"_s);
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(0).toString(), lost);
        QCOMPARE(failed.at(0).at(1).toString(), Protocol::ErrorCode::NoSuchPerson.toString());
        QVERIFY(!client.isPending(lost));
    }

    void privateConversationIsReadByTheTwo()
    {
        Person *alice = enter(u"alice"_s);
        Person *bob = enter(u"bob"_s);
        Person *carol = enter(u"carol"_s);
        QVERIFY(alice && bob && carol);
        QTRY_COMPARE(alice->people()->count(), 3);
        QVERIFY(!alice->tabs()->isVisible()); // no private conversation yet

        // Alice double-clicks bob in the people list and writes to him.
        const QRect bobRow = alice->rowOf(u"bob"_s);
        QVERIFY(bobRow.isValid());
        QTest::mouseClick(alice->people()->viewport(), Qt::LeftButton, {}, bobRow.center());
        QTest::mouseDClick(alice->people()->viewport(), Qt::LeftButton, {}, bobRow.center());
        QCOMPARE(alice->conversations()->current(), u"bob"_s);
        QVERIFY(alice->tabs()->isVisible());
        alice->say(u"the secret plan"_s);
        QTRY_VERIFY(bob->with(u"alice"_s).contains(u"the secret plan"_s));
        QTRY_VERIFY(alice->with(u"bob"_s).contains(u"the secret plan"_s));
        QTRY_COMPARE(alice->conversations()->view(u"bob"_s)->pendingCount(), 0); // confirmed

        // Bob is in the room's conversation: alice's opens beside it, with an unread count.
        QCOMPARE(bob->conversations()->current(), QString());
        QCOMPARE(bob->conversations()->unread(u"alice"_s), 1);
        QCOMPARE(bob->tabs()->tabText(1), u"alice (1)"_s);
        QVERIFY(!bob->room().contains(u"the secret plan"_s));
        QVERIFY(!alice->room().contains(u"the secret plan"_s));

        // A public line after it reaches carol; the private one never did.
        alice->conversations()->showRoom();
        alice->say(u"lunch for everyone"_s);
        QTRY_VERIFY(carol->room().contains(u"lunch for everyone"_s));
        QVERIFY(!carol->room().contains(u"the secret plan"_s));
        QVERIFY(carol->conversations()->people().isEmpty());
        QVERIFY(!carol->tabs()->isVisible());
        QCOMPARE(bob->conversations()->unread(u"alice"_s), 1);

        // Bob opens the conversation (read), answers; alice, in the room, gets a count.
        bob->tabs()->setCurrentIndex(1);
        QCOMPARE(bob->conversations()->unread(u"alice"_s), 0);
        QCOMPARE(bob->tabs()->tabText(1), u"alice"_s);
        bob->say(u"count me in"_s);
        QTRY_VERIFY(alice->with(u"bob"_s).contains(u"count me in"_s));
        QCOMPARE(alice->conversations()->unread(u"bob"_s), 1);
        // While bob reads the private conversation, the room's tab counts what he misses.
        carol->say(u"anyone?"_s);
        QTRY_COMPARE(bob->conversations()->unread(QString()), 1);
        QCOMPARE(bob->tabs()->tabText(0), u"# Room (1)"_s);
        QTRY_VERIFY(!carol->room().contains(u"count me in"_s));
        QVERIFY(carol->room().contains(u"anyone?"_s));
        QVERIFY(!carol->room().contains(u"count me in"_s));

        if (const QString dir = qEnvironmentVariable("LANCHAT_SCREENSHOT_DIR"); !dir.isEmpty()) {
            alice->tabs()->setCurrentIndex(1);
            QTest::qWait(300); // the views add arrivals every 100 ms
            QVERIFY(alice->window->grab().save(dir + u"/window-private.png"_s));
        }
    }

    void menuOpensAConversationAndARefusalShowsInIt()
    {
        Person *alice = enter(u"alice"_s);
        Person *bob = enter(u"bob"_s);
        QVERIFY(alice && bob);
        QTRY_COMPARE(alice->people()->count(), 2);

        // "Message Privately" in the person's menu; not offered for yourself.
        PeoplePanel *panel = alice->window->peoplePanel();
        QMenu *own = panel->personMenu(u"alice"_s);
        QVERIFY(!own->findChild<QAction *>(u"messagePrivatelyAction"_s));
        delete own;
        QMenu *menu = panel->personMenu(u"bob"_s);
        auto *action = menu->findChild<QAction *>(u"messagePrivatelyAction"_s);
        QVERIFY(action);
        action->trigger();
        delete menu;
        QCOMPARE(alice->conversations()->current(), u"bob"_s);

        // Bob leaves; what alice writes to him is refused, and says so in the conversation.
        bob->window->client()->leave();
        QTRY_VERIFY(alice->with(u"bob"_s).contains(u"bob left"_s));
        alice->say(u"are you there?"_s);
        QTRY_VERIFY(alice->with(u"bob"_s).contains(u"not delivered: they are not in the room"_s));
        QVERIFY(!alice->with(u"bob"_s).contains(u"not delivered: not delivered"_s));
        QVERIFY(!alice->room().contains(u"are you there?"_s));
        QCOMPARE(alice->window->client()->pendingMessages().size(), 0);
    }
};

QTEST_MAIN(TestConversations)
#include "tst_conversations.moc"
