#include <QSignalSpy>
#include <QTest>

#include "chatclient.h"
#include "clientlog.h"
#include "hubrunner.h"
#include "scriptedhub.h"
#include "scriptedroom.h"
#include "testpeer.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

// ChatClient against a real hub (HubHost on 127.0.0.1:0) and, for links that die in ways a real
// hub does not produce, against ScriptedHub.
class TestChatClient : public QObject
{
    Q_OBJECT
private:
    static ChatClient::Timing fastTiming()
    {
        ChatClient::Timing timing;
        timing.retryInitial = 50ms;
        timing.retryMaximum = 200ms;
        timing.retryJitter = 0.1;
        return timing;
    }
    // What a hub says to alice joining an empty room "R" (instance i1, token t).
    static QString emptyWelcome()
    {
        return u"{\"type\":\"welcome\",\"v\":1,\"you\":\"alice\",\"room\":\"R\","
               "\"instance\":\"i1\",\"token\":\"t\",\"users\":[\"alice\"],\"seq\":0,"
               "\"maxText\":8000,\"history\":[]}"_s;
    }
    static bool waitForState(ChatClient &client, ChatClient::State state, int ms = 5000)
    {
        return client.state() == state
                || QTest::qWaitFor([&] { return client.state() == state; }, ms);
    }
    // Every chat text the client showed: live, history and confirmed own messages, in order.
    struct Seen
    {
        QStringList texts;
        QList<qint64> seqs;
        void attach(ChatClient &client)
        {
            QObject::connect(&client, &ChatClient::chatReceived, &client,
                             [this](const Protocol::Message &chat, bool, bool) { add(chat); });
            QObject::connect(&client, &ChatClient::messageConfirmed, &client,
                             [this](const Protocol::Message &chat) { add(chat); });
        }
        void add(const Protocol::Message &chat)
        {
            texts.append(chat.text);
            seqs.append(chat.seq);
        }
    };

private Q_SLOTS:
    void protocolLogHidesSecrets()
    {
        const QString join
                = u"{\"type\":\"join\",\"name\":\"al\",\"passcode\":\"tulip \\\"42\\\"\","
                  "\"hostToken\":\"0123abcd\",\"token\":\"feed\"}"_s;
        const QString shown = frameForLog(join);
        QVERIFY2(!shown.contains(u"tulip"_s), qPrintable(shown));
        QVERIFY(!shown.contains(u"42"_s));
        QVERIFY(!shown.contains(u"0123abcd"_s));
        QVERIFY(!shown.contains(u"feed"_s));
        QVERIFY(shown.contains(u"\"name\":\"al\""_s));
        QCOMPARE(shown.count(u"(hidden)"_s), 3);
        // A long frame is cut only after its secrets are hidden.
        const QString longAccess = u"{\"type\":\"access\",\"x\":\""_s + QString(480, u'a')
                + u"\",\"passcode\":\"0123456789secret\"}"_s;
        QVERIFY(!frameForLog(longAccess).contains(u"0123"_s));
        QVERIFY(frameForLog(longAccess).size() <= 500);
    }
    void refusedMessageIsTheOneTheHubNames()
    {
        // A burst of 2 and no refill to speak of: of four quick messages (after the join took a
        // token) one is relayed and three are refused, each by its own id.
        HubRunner hub;
        HubConfig config;
        config.rateLimit = 0.01;
        config.rateBurst = 2;
        QVERIFY(hub.start(config));
        ChatClient client;
        client.setTiming(fastTiming());
        QSignalSpy welcomed(&client, &ChatClient::welcomed);
        client.connectTo(hub.url(), u"alice"_s);
        QVERIFY(welcomed.wait(5000));
        QSignalSpy confirmed(&client, &ChatClient::messageConfirmed);
        QSignalSpy failed(&client, &ChatClient::messageFailed);
        QStringList ids;
        for (int i = 0; i < 4; ++i)
            ids.append(client.sendChat(u"burst %1"_s.arg(i)));
        QTRY_COMPARE(confirmed.size() + failed.size(), 4);
        QCOMPARE(confirmed.size(), 1);
        QCOMPARE(confirmed.at(0).at(0).value<Protocol::Message>().id, ids.at(0));
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(failed.at(i).at(0).toString(), ids.at(i + 1));
            QCOMPARE(failed.at(i).at(1).toString(), u"rate_limited"_s);
        }
        QVERIFY(client.pendingMessages().isEmpty());
    }

    void joinsChatsAndConfirmsOwnMessages()
    {
        HubRunner hub;
        HubConfig config;
        config.room = u"Lab"_s;
        QVERIFY(hub.start(config));
        ChatClient client;
        client.setTiming(fastTiming());
        QSignalSpy welcomed(&client, &ChatClient::welcomed);
        client.connectTo(hub.url(), u"alice"_s);
        QCOMPARE(client.state(), ChatClient::State::Connecting);
        QVERIFY(welcomed.wait(5000));
        QCOMPARE(client.state(), ChatClient::State::Connected);
        QCOMPARE(client.room(), u"Lab"_s);
        QCOMPARE(client.users(), QStringList{u"alice"_s});

        TestPeer bob;
        QSignalSpy joined(&client, &ChatClient::userJoined);
        QVERIFY(bob.open(hub.url()));
        QVERIFY(bob.join(u"bob"_s));
        QTRY_COMPARE_WITH_TIMEOUT(joined.size(), 1,
                                  5000); // may arrive while bob waits for his welcome
        QCOMPARE(joined.at(0).at(0).toString(), u"bob"_s);
        QCOMPARE(client.users().size(), 2);

        QSignalSpy received(&client, &ChatClient::chatReceived);
        bob.send(Protocol::chat(u"hi alice"_s));
        QVERIFY(received.wait(5000));
        const auto chat = received.at(0).at(0).value<Protocol::Message>();
        QCOMPARE(chat.from, u"bob"_s);
        QCOMPARE(chat.text, u"hi alice"_s);
        QCOMPARE(received.at(0).at(1).toBool(), false); // not own
        QCOMPARE(received.at(0).at(2).toBool(), false); // live, not history

        QSignalSpy queued(&client, &ChatClient::messageQueued);
        QSignalSpy confirmed(&client, &ChatClient::messageConfirmed);
        QVERIFY(bob.nextChat()); // bob's own "hi alice" echo
        const QString id = client.sendChat(u"hi bob"_s);
        QVERIFY(!id.isEmpty());
        QCOMPARE(queued.size(), 1);
        QVERIFY(client.isPending(id));
        QVERIFY(confirmed.wait(5000));
        QCOMPARE(confirmed.at(0).at(0).value<Protocol::Message>().id, id);
        QVERIFY(!client.isPending(id));
        const auto atBob = bob.nextChat();
        QVERIFY(atBob);
        QCOMPARE(atBob->text, u"hi bob"_s);
        QCOMPARE(atBob->id, id);
        QCOMPARE(received.size(), 1); // the echo is a confirmation, not a second message
    }

    void historyArrivesOnJoin()
    {
        HubRunner hub;
        QVERIFY(hub.start());
        TestPeer bob;
        QVERIFY(bob.open(hub.url()));
        QVERIFY(bob.join(u"bob"_s));
        for (int i = 1; i <= 3; ++i) {
            bob.send(Protocol::chat(u"old %1"_s.arg(i)));
            QVERIFY(bob.nextChat());
        }
        ChatClient client;
        QSignalSpy received(&client, &ChatClient::chatReceived);
        client.connectTo(hub.url(), u"alice"_s);
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 3, 5000);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(received.at(i).at(0).value<Protocol::Message>().text, u"old %1"_s.arg(i + 1));
            QCOMPARE(received.at(i).at(2).toBool(), true); // from history
        }
        QCOMPARE(client.lastSeq(), 3);
    }

    void resumesAfterDropWithoutLossOrDuplicates()
    {
        HubRunner hub;
        QVERIFY(hub.start());
        TestPeer bob;
        QVERIFY(bob.open(hub.url()));
        QVERIFY(bob.join(u"bob"_s));
        ChatClient client;
        ChatClient::Timing timing = fastTiming();
        timing.retryInitial = 300ms; // long enough for bob to talk while alice is away
        timing.retryMaximum = 300ms;
        client.setTiming(timing);
        Seen seen;
        seen.attach(client);
        QSignalSpy welcomed(&client, &ChatClient::welcomed);
        client.connectTo(hub.url(), u"alice"_s);
        QVERIFY(welcomed.wait(5000));

        for (int i = 1; i <= 2; ++i) {
            bob.send(Protocol::chat(u"before %1"_s.arg(i)));
            QVERIFY(bob.nextChat());
        }
        QTRY_COMPARE_WITH_TIMEOUT(seen.texts.size(), 2, 5000);

        client.abortConnection();
        QCOMPARE(client.state(), ChatClient::State::Reconnecting);
        QVERIFY(client.secondsUntilRetry() >= 1);
        for (int i = 1; i <= 3; ++i) {
            bob.send(Protocol::chat(u"while away %1"_s.arg(i)));
            QVERIFY(bob.nextChat());
        }
        const QString id = client.sendChat(u"typed offline"_s); // queued: not connected
        QVERIFY(client.isPending(id));

        QTRY_COMPARE_WITH_TIMEOUT(welcomed.size(), 2, 5000); // may be back already
        QCOMPARE(welcomed.last().at(0).toBool(), true); // resumed
        QTRY_VERIFY_WITH_TIMEOUT(!client.isPending(id), 5000);
        bob.send(Protocol::chat(u"after"_s));
        QTRY_COMPARE_WITH_TIMEOUT(seen.texts.size(), 7, 5000);
        const QStringList expected{u"before 1"_s,     u"before 2"_s,     u"while away 1"_s,
                                   u"while away 2"_s, u"while away 3"_s, u"typed offline"_s,
                                   u"after"_s};
        QCOMPARE(seen.texts, expected);
        QCOMPARE(seen.seqs, (QList<qint64>{1, 2, 3, 4, 5, 6, 7}));
        QCOMPARE(client.users().size(), 2);
    }

    void resumesAfterTheHubDropsAnIdleLink()
    {
        HubRunner hub;
        HubConfig config;
        config.idleTimeout = 400ms; // the hub drops alice for silence ...
        config.pingInterval = 60s; // ... without pinging her first (a ping would be answered)
        QVERIFY(hub.start(config));
        ChatClient client;
        ChatClient::Timing timing = fastTiming();
        timing.pingAfterSilence = 60s; // alice stays silent
        client.setTiming(timing);
        Seen seen;
        seen.attach(client);
        QSignalSpy welcomed(&client, &ChatClient::welcomed);
        QSignalSpy retries(&client, &ChatClient::retryScheduled);
        client.connectTo(hub.url(), u"alice"_s);
        QVERIFY(welcomed.wait(5000));
        QTRY_VERIFY_WITH_TIMEOUT(retries.size() >= 1, 5000); // dropped by the hub
        QTRY_VERIFY_WITH_TIMEOUT(welcomed.size() >= 2, 5000); // and back
        QCOMPARE(welcomed.last().at(0).toBool(), true);
        QCOMPARE(client.name(), u"alice"_s); // the token kept the name

        TestPeer bob;
        QVERIFY(bob.open(hub.url()));
        QVERIFY(bob.join(u"bob"_s));
        bob.send(Protocol::chat(u"one"_s));
        QTRY_COMPARE_WITH_TIMEOUT(seen.texts, QStringList{u"one"_s}, 5000);
        // However often the hub drops alice now, "one" is never delivered twice.
        const qsizetype drops = retries.size();
        QTRY_VERIFY_WITH_TIMEOUT(retries.size() > drops, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(welcomed.size() > drops + 1, 5000);
        TestPeer carol; // bob may have been dropped for silence too
        QVERIFY(carol.open(hub.url()));
        QVERIFY(carol.join(u"carol"_s));
        carol.send(Protocol::chat(u"two"_s));
        QTRY_COMPARE_WITH_TIMEOUT(seen.texts, (QStringList{u"one"_s, u"two"_s}), 5000);
    }

    void queuedWhileOfflineAndSentOnConnect()
    {
        // Find a free port, then let the client wait on it before any hub listens there.
        HubRunner probe;
        QVERIFY(probe.start());
        const quint16 port = probe.port;
        QVERIFY(probe.stop());

        ChatClient client;
        client.setTiming(fastTiming());
        client.connectTo(QUrl(u"ws://127.0.0.1:%1/ws"_s.arg(port)), u"alice"_s);
        QVERIFY(waitForState(client, ChatClient::State::Reconnecting));
        const QString first = client.sendChat(u"first"_s);
        const QString second = client.sendChat(u"second"_s);
        QCOMPARE(client.pendingMessages().size(), 2);

        HubRunner hub;
        QVERIFY(hub.start({}, port));
        Seen seen;
        seen.attach(client);
        QTRY_COMPARE_WITH_TIMEOUT(client.pendingMessages().size(), 0, 5000);
        QCOMPARE(seen.texts, (QStringList{u"first"_s, u"second"_s}));
        QCOMPARE(client.state(), ChatClient::State::Connected);
    }

    void hostEndingTheRoomStopsReconnecting()
    {
        HubRunner hub;
        QVERIFY(hub.start());
        ChatClient client;
        client.setTiming(fastTiming());
        QSignalSpy welcomed(&client, &ChatClient::welcomed);
        client.connectTo(hub.url(), u"alice"_s);
        QVERIFY(welcomed.wait(5000));
        QSignalSpy states(&client, &ChatClient::stateChanged);
        QVERIFY(hub.stop());
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), ChatClient::State::Ended, 5000);
        const qsizetype changes = states.size();
        QTest::qWait(300); // six retry intervals: nothing may happen
        QCOMPARE(states.size(), changes);
        QCOMPARE(client.state(), ChatClient::State::Ended);
    }

    void closedForFloodingWaitsBeforeComingBack()
    {
        HubRunner hub;
        HubConfig config;
        config.rateLimit = 0.01;
        config.rateBurst = 1;
        config.floodCloseCount = 5;
        QVERIFY(hub.start(config));
        ChatClient client;
        ChatClient::Timing timing = fastTiming();
        timing.retryAfterPolicyClose = 1500ms;
        client.setTiming(timing);
        QSignalSpy welcomed(&client, &ChatClient::welcomed);
        client.connectTo(hub.url(), u"alice"_s);
        QVERIFY(welcomed.wait(5000));
        QSignalSpy retry(&client, &ChatClient::retryScheduled);
        for (int i = 0; i < 8; ++i)
            client.sendChat(u"flood %1"_s.arg(i));
        QVERIFY(retry.wait(5000));
        // Not the 50 ms of the first retry: the floor for a policy close.
        QCOMPARE(retry.at(0).at(0).toInt(), 1500);
    }

    void pagesAndSearchesTheHistory()
    {
        ScriptedRoom room(500);
        QVERIFY(room.listen());
        ChatClient client;
        client.setTiming(fastTiming());
        QSignalSpy welcomed(&client, &ChatClient::welcomed);
        client.connectTo(room.url(), u"alice"_s);
        QVERIFY(welcomed.wait(5000));
        QVERIFY(client.canPage());
        QVERIFY(!client.historyComplete());
        QSignalSpy pages(&client, &ChatClient::historyReceived);
        QVERIFY(client.requestHistory(301, 100));
        QVERIFY(pages.wait(5000));
        const auto page = pages.at(0).at(0).value<Protocol::Message>();
        QCOMPARE(page.messages.size(), 100);
        QCOMPARE(page.messages.first().seq, 201); // oldest first
        QCOMPARE(page.messages.last().seq, 300);
        QVERIFY(!page.complete);
        QCOMPARE(client.lastSeq(), 500); // pages are not live messages
        QSignalSpy found(&client, &ChatClient::searchFinished);
        QVERIFY(client.search(u"message 4"_s));
        QVERIFY(found.wait(5000));
        const auto hits = found.at(0).at(0).value<Protocol::Message>();
        QCOMPARE(hits.query, u"message 4"_s);
        // 111 match (4, 40-49, 400-499); one answer holds at most MaxSearchPage, newest first.
        QCOMPARE(hits.messages.size(), Protocol::MaxSearchPage);
        QCOMPARE(hits.messages.first().seq, 499);
        QCOMPARE(hits.messages.last().seq, 400);
        QVERIFY(!hits.complete);
    }

    void aHubWithoutHistoryIsAskedOnce()
    {
        ScriptedRoom room(50, false);
        QVERIFY(room.listen());
        ChatClient client;
        client.setTiming(fastTiming());
        QSignalSpy welcomed(&client, &ChatClient::welcomed);
        client.connectTo(room.url(), u"alice"_s);
        QVERIFY(welcomed.wait(5000));
        QSignalSpy unsupported(&client, &ChatClient::pagingUnsupported);
        QVERIFY(client.requestHistory(10, 100));
        QVERIFY(unsupported.wait(5000));
        QVERIFY(!client.canPage());
        QVERIFY(!client.requestHistory(10, 100));
        QVERIFY(!client.search(u"x"_s));
        QCOMPARE(room.requests(), 1);
        QCOMPARE(client.state(), ChatClient::State::Connected);
    }

    void errorWithoutIdFailsNoMessage()
    {
        // A refused rename (no id) arrives while a chat is in flight; the chat is then echoed.
        // Guessing by order would have marked the chat as failed.
        ScriptedHub fake;
        QVERIFY(fake.listen());
        connect(&fake, &ScriptedHub::textReceived, this,
                [&fake](int connection, const QString &text) {
                    if (text.contains(u"\"join\""_s)) {
                        fake.sendText(connection, emptyWelcome());
                    } else if (text.contains(u"\"chat\""_s)) {
                        const auto chat = Protocol::decode(text);
                        fake.sendText(connection,
                                      u"{\"type\":\"error\",\"code\":\"rate_limited\","
                                      "\"text\":\"slow down\"}"_s);
                        fake.sendText(connection,
                                      u"{\"type\":\"chat\",\"seq\":1,\"from\":\"alice\","
                                      "\"text\":\"hi\",\"id\":\"%1\"}"_s.arg(chat->id));
                    }
                });
        ChatClient client;
        client.setTiming(fastTiming());
        QSignalSpy welcomed(&client, &ChatClient::welcomed);
        client.connectTo(QUrl(u"ws://127.0.0.1:%1/ws"_s.arg(fake.port())), u"alice"_s);
        QVERIFY(welcomed.wait(5000));
        QSignalSpy confirmed(&client, &ChatClient::messageConfirmed);
        QSignalSpy failed(&client, &ChatClient::messageFailed);
        QSignalSpy errors(&client, &ChatClient::serverError);
        const QString id = client.sendChat(u"hi"_s);
        QVERIFY(confirmed.wait(5000));
        QCOMPARE(confirmed.at(0).at(0).value<Protocol::Message>().id, id);
        QCOMPARE(errors.size(), 1);
        QCOMPARE(failed.size(), 0);
    }

    void deadLinkIsDetectedAndReplaced()
    {
        ScriptedHub fake;
        QVERIFY(fake.listen());
        connect(&fake, &ScriptedHub::textReceived, this, [&fake](int connection, const QString &) {
            if (fake.frames(connection).size() == 1) // the join
                fake.sendText(connection, emptyWelcome());
        });
        ChatClient client;
        ChatClient::Timing timing = fastTiming();
        timing.pingAfterSilence = 200ms;
        timing.pongTimeout = 200ms;
        client.setTiming(timing);
        QSignalSpy welcomed(&client, &ChatClient::welcomed);
        client.connectTo(QUrl(u"ws://127.0.0.1:%1/ws"_s.arg(fake.port())), u"alice"_s);
        QVERIFY(welcomed.wait(5000));
        // The fake never answers the ping: the client gives up on the link and opens a new one.
        QTRY_COMPARE_WITH_TIMEOUT(fake.connectionCount(), 2, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(welcomed.size(), 2, 5000);
        QCOMPARE(welcomed.last().at(0).toBool(), true);
        const QString resume = fake.frames(1).constFirst();
        QVERIFY2(resume.contains(u"\"after\":0"_s) && resume.contains(u"\"token\":\"t\""_s),
                 qPrintable(resume));
    }

    void pendingMessageInResumedHistoryIsNotSentAgain()
    {
        ScriptedHub fake;
        QVERIFY(fake.listen());
        QString pendingId;
        connect(&fake, &ScriptedHub::textReceived, this, [&](int connection, const QString &text) {
            if (!text.contains(u"\"join\""_s))
                return;
            if (connection == 0) {
                fake.sendText(0, emptyWelcome());
                return;
            }
            // The first link got the chat but broke before the echo; the resumed
            // history has it.
            fake.sendText(
                    connection,
                    u"{\"type\":\"welcome\",\"v\":1,\"you\":\"alice\",\"room\":\"R\","
                    "\"instance\":\"i1\",\"token\":\"t\",\"users\":[\"alice\"],"
                    "\"seq\":1,\"maxText\":8000,\"history\":[{\"type\":\"chat\","
                    "\"seq\":1,\"from\":\"alice\",\"text\":\"hello\","
                    "\"time\":\"2026-11-23T10:00:00.000Z\",\"id\":\"%1\"}]}"_s.arg(pendingId));
        });
        ChatClient client;
        client.setTiming(fastTiming());
        QSignalSpy welcomed(&client, &ChatClient::welcomed);
        QSignalSpy confirmed(&client, &ChatClient::messageConfirmed);
        QSignalSpy received(&client, &ChatClient::chatReceived);
        client.connectTo(QUrl(u"ws://127.0.0.1:%1/ws"_s.arg(fake.port())), u"alice"_s);
        QVERIFY(welcomed.wait(5000));
        pendingId = client.sendChat(u"hello"_s);
        QTRY_COMPARE_WITH_TIMEOUT(fake.frames(0).size(), 2, 5000); // join + chat arrived
        QVERIFY(fake.frames(0).at(1).contains(pendingId));
        fake.cut(0);
        QTRY_COMPARE_WITH_TIMEOUT(confirmed.size(), 1, 5000);
        QCOMPARE(confirmed.at(0).at(0).value<Protocol::Message>().id, pendingId);
        QVERIFY(client.pendingMessages().isEmpty());
        QCOMPARE(received.size(), 0);
        QCOMPARE(client.lastSeq(), 1);
        // Only the new message follows the resume: "hello" is not sent again.
        client.sendChat(u"next"_s);
        QTRY_COMPARE_WITH_TIMEOUT(fake.frames(1).size(), 2, 5000);
        QVERIFY(fake.frames(1).at(0).contains(u"\"after\":0"_s));
        QVERIFY2(fake.frames(1).at(1).contains(u"\"next\""_s), qPrintable(fake.frames(1).at(1)));
    }

    void renameIsConfirmedByTheHub()
    {
        HubRunner hub;
        QVERIFY(hub.start());
        TestPeer bob;
        QVERIFY(bob.open(hub.url()));
        QVERIFY(bob.join(u"bob"_s));
        ChatClient client;
        QSignalSpy welcomed(&client, &ChatClient::welcomed);
        client.connectTo(hub.url(), u"alice"_s);
        QVERIFY(welcomed.wait(5000));
        QSignalSpy nameChanged(&client, &ChatClient::nameChanged);
        client.rename(u"zed"_s);
        QCOMPARE(client.name(), u"alice"_s); // not before the hub says so
        QVERIFY(nameChanged.wait(5000));
        QCOMPARE(client.name(), u"zed"_s);
        QVERIFY(client.users().contains(u"zed"_s));
        QVERIFY(!client.users().contains(u"alice"_s));
        const auto renamed = bob.next(Protocol::Type::Renamed);
        QVERIFY(renamed);
        QCOMPARE(renamed->to, u"zed"_s);
    }

    void nameClashGetsTheHubsSuffix()
    {
        HubRunner hub;
        QVERIFY(hub.start());
        TestPeer other;
        QVERIFY(other.open(hub.url()));
        QVERIFY(other.join(u"alice"_s));
        ChatClient client;
        QSignalSpy nameChanged(&client, &ChatClient::nameChanged);
        client.connectTo(hub.url(), u"Alice"_s);
        QVERIFY(nameChanged.wait(5000));
        QCOMPARE(client.name(), u"Alice-2"_s);
    }

    void textOverTheRoomsLimitIsRefusedBeforeSending()
    {
        HubRunner hub;
        HubConfig config;
        config.maxText = 10;
        QVERIFY(hub.start(config));
        ChatClient client;
        QSignalSpy welcomed(&client, &ChatClient::welcomed);
        client.connectTo(hub.url(), u"alice"_s);
        QVERIFY(welcomed.wait(5000));
        QCOMPARE(client.maxText(), 10);
        QCOMPARE(client.checkText(QString(10, u'x')), ChatClient::TextCheck::Ok);
        QCOMPARE(client.checkText(QString(11, u'x')), ChatClient::TextCheck::TooLong);
        QCOMPARE(client.checkText(u" \n\t "_s), ChatClient::TextCheck::Empty);
        QVERIFY(client.sendChat(QString(11, u'x')).isEmpty());
        QVERIFY(client.sendChat(u"   "_s).isEmpty());
        QVERIFY(client.pendingMessages().isEmpty());
    }

    void leaveClosesNormally()
    {
        HubRunner hub;
        QVERIFY(hub.start());
        TestPeer bob;
        QVERIFY(bob.open(hub.url()));
        QVERIFY(bob.join(u"bob"_s));
        ChatClient client;
        QSignalSpy welcomed(&client, &ChatClient::welcomed);
        client.connectTo(hub.url(), u"alice"_s);
        QVERIFY(welcomed.wait(5000));
        client.leave();
        QCOMPARE(client.state(), ChatClient::State::Disconnected);
        const auto left = bob.next(Protocol::Type::Left);
        QVERIFY(left);
        QCOMPARE(left->name, u"alice"_s);
        QCOMPARE(left->reason, u"quit"_s);
    }
};

QTEST_GUILESS_MAIN(TestChatClient)
#include "tst_chatclient.moc"
