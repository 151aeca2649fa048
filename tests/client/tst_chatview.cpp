#include <QTest>

#include "chatview.h"

using namespace Qt::StringLiterals;

// How the conversation is laid out: grouping, day separators, own and pending messages.
class TestChatView : public QObject
{
    Q_OBJECT
private:
    static QDateTime at(int day, int hour, int minute)
    {
        return QDateTime(QDate(2026, 11, day), QTime(hour, minute), Qt::LocalTime).toUTC();
    }

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void groupsConsecutiveMessagesOfOneSender()
    {
        ChatView view;
        view.addChat(u"bob"_s, u"one"_s, at(20, 10, 0), false);
        view.addChat(u"bob"_s, u"two"_s, at(20, 10, 2), false); // same group
        view.addChat(u"carol"_s, u"three"_s, at(20, 10, 3), false);
        view.addChat(u"bob"_s, u"four"_s, at(20, 10, 4), false); // new group: carol spoke
        view.addChat(u"bob"_s, u"five"_s, at(20, 10, 30), false); // new group: much later
        const QString text = view.renderedText();
        QCOMPARE(text.count(u"bob "_s), 3); // "bob  10:00" headers
        QCOMPARE(text.count(u"carol "_s), 1);
        QVERIFY(text.indexOf(u"one"_s) < text.indexOf(u"two"_s));
    }

    void separatesDays()
    {
        ChatView view;
        view.addChat(u"bob"_s, u"monday"_s, at(16, 23, 59), false);
        view.addChat(u"bob"_s, u"tuesday"_s, at(17, 0, 1), false);
        view.addSystem(u"carol joined"_s, at(17, 0, 2));
        const QString text = view.renderedText();
        QCOMPARE(text.count(u"\u2014"_s), 4); // two "— day —" lines
        QVERIFY(text.contains(QLocale().toString(QDate(2026, 11, 16), QLocale::LongFormat)));
        QVERIFY(text.contains(QLocale().toString(QDate(2026, 11, 17), QLocale::LongFormat)));
        QCOMPARE(text.count(u"bob "_s), 2); // a new day starts a new group
        view.addSystem(u"now"_s);
        QVERIFY(view.renderedText().contains(u"Today"_s));
    }

    void ownMessagesArePendingUntilConfirmed()
    {
        ChatView view;
        view.addPending(u"id-1"_s, u"alice"_s, u"hello"_s);
        QCOMPARE(view.pendingCount(), 1);
        QVERIFY(view.renderedText().contains(u"alice (you)"_s));
        QVERIFY(view.renderedText().contains(u"sending"_s));
        // What arrives meanwhile goes above the pending message.
        view.addChat(u"bob"_s, u"meanwhile"_s, QDateTime::currentDateTimeUtc(), false);
        QVERIFY(view.renderedText().indexOf(u"meanwhile"_s)
                < view.renderedText().indexOf(u"hello"_s));
        view.confirm(u"id-1"_s, u"alice"_s, QDateTime::currentDateTimeUtc());
        QCOMPARE(view.pendingCount(), 0);
        QVERIFY(!view.renderedText().contains(u"sending"_s));

        view.addPending(u"id-2"_s, u"alice"_s, u"too much"_s);
        view.markFailed(u"id-2"_s, u"too long"_s);
        QCOMPARE(view.pendingCount(), 0);
        QVERIFY(view.renderedText().contains(u"not delivered: too long"_s));
    }

    void textIsNeverMarkup()
    {
        ChatView view;
        view.addChat(u"<i>eve</i>"_s, u"<img src=x onerror=alert(1)> & <b>x</b>"_s,
                     QDateTime::currentDateTimeUtc(), false);
        const QString text = view.renderedText();
        QVERIFY(text.contains(u"<i>eve</i>"_s));
        QVERIFY(text.contains(u"<img src=x onerror=alert(1)> & <b>x</b>"_s));
        QVERIFY(!view.toHtml().contains(u"<img"_s));
    }

    void keepsAtMostMaxEntries()
    {
        ChatView view;
        view.setMaxEntries(10);
        for (int i = 0; i < 25; ++i)
            view.addChat(u"bob"_s, u"m%1"_s.arg(i), QDateTime::currentDateTimeUtc(), false);
        QCOMPARE(view.entryCount(), 10);
        QVERIFY(!view.renderedText().contains(u"m14"_s));
        QVERIFY(view.renderedText().contains(u"m15"_s));
        QVERIFY(view.renderedText().contains(u"m24"_s));
    }
};

QTEST_MAIN(TestChatView)
#include "tst_chatview.moc"
