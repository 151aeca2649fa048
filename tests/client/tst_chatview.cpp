#include <QAbstractTextDocumentLayout>
#include <QScrollBar>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>

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

    // The block whose text contains what.
    static QTextBlock blockWith(const ChatView &view, const QString &what)
    {
        for (QTextBlock b = view.document()->firstBlock(); b.isValid(); b = b.next()) {
            if (b.text().contains(what))
                return b;
        }
        return {};
    }

    // The block's lines, laid out (the document lays out lazily).
    static QTextLayout *laidOut(const ChatView &view, const QTextBlock &block)
    {
        view.document()->documentLayout()->blockBoundingRect(block);
        return block.layout();
    }

    static QList<ChatView::ChatLine> lines(qint64 from, qint64 to)
    {
        QList<ChatView::ChatLine> out;
        for (qint64 seq = from; seq <= to; ++seq)
            out.append({u"bob"_s,
                        u"line %1"_s.arg(seq),
                        QDateTime::currentDateTimeUtc(),
                        {},
                        seq,
                        false});
        return out;
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
        // The oldest leave it a few at a time.
        QVERIFY(view.entryCount() <= 10);
        QVERIFY(view.entryCount() >= 7);
        QVERIFY(!view.renderedText().contains(u"m14"_s));
        QVERIFY(view.renderedText().contains(u"m22"_s));
        QVERIFY(view.renderedText().contains(u"m24"_s));
    }

    void pendingStayBelowWhatArrives()
    {
        ChatView view;
        view.addPending(u"p1"_s, u"alice"_s, u"first pending"_s);
        view.addPending(u"p2"_s, u"alice"_s, u"second pending"_s);
        view.addChat(u"bob"_s, u"live one"_s, QDateTime::currentDateTimeUtc(), false, {}, 1);
        view.addSystem(u"carol joined"_s);
        // The second is echoed first: it leaves the first one below it, still pending.
        view.confirm(u"p2"_s, u"alice"_s, QDateTime::currentDateTimeUtc(), 2);
        const QString text = view.renderedText();
        QVERIFY(text.indexOf(u"live one"_s) < text.indexOf(u"carol joined"_s));
        QVERIFY(text.indexOf(u"carol joined"_s) < text.indexOf(u"second pending"_s));
        QVERIFY(text.indexOf(u"second pending"_s) < text.indexOf(u"first pending"_s));
        QCOMPARE(view.pendingCount(), 1);
        QCOMPARE(text.count(u"sending"_s), 1);
    }

    void selectionSurvivesArrivals()
    {
        ChatView view;
        view.setMaxEntries(20);
        for (int i = 0; i < 10; ++i)
            view.addChat(u"bob"_s, u"message number %1"_s.arg(i), QDateTime::currentDateTimeUtc(),
                         false, {}, i + 1);
        view.flush();
        // A selection from the middle of one message into the next.
        QTextCursor cursor = view.document()->find(u"number 7"_s);
        const QTextCursor end = view.document()->find(u"message number 8"_s);
        cursor.setPosition(cursor.selectionStart());
        cursor.setPosition(end.selectionEnd(), QTextCursor::KeepAnchor);
        view.setTextCursor(cursor);
        const QString selected = view.textCursor().selectedText();
        QVERIFY(selected.startsWith(u"number 7"_s));
        QVERIFY(selected.endsWith(u"message number 8"_s));
        for (int i = 10; i < 25; ++i) { // the window fills up: the oldest leave it
            view.addChat(u"carol"_s, u"later %1"_s.arg(i), QDateTime::currentDateTimeUtc(), false,
                         {}, i + 1);
            view.flush();
        }
        QVERIFY(!view.renderedText().contains(u"number 0"_s));
        QCOMPARE(view.textCursor().selectedText(), selected);
    }

    void rightToLeftMessagesReadRightToLeft_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("direction");
        QTest::addRow("hebrew") << u"\u05e9\u05dc\u05d5\u05dd \u05dc\u05db\u05d5\u05dc\u05dd"_s
                                << int(Qt::RightToLeft);
        QTest::addRow("arabic")
                << u"\u0645\u0631\u062d\u0628\u0627 \u0628\u0627\u0644\u062c\u0645\u064a\u0639"_s
                << int(Qt::RightToLeft);
        QTest::addRow("arabic after digits")
                << u"12 \u0645\u0631\u062d\u0628\u0627"_s << int(Qt::RightToLeft);
        QTest::addRow("english with hebrew")
                << u"hello \u05e9\u05dc\u05d5\u05dd"_s << int(Qt::LeftToRight);
    }

    void rightToLeftMessagesReadRightToLeft()
    {
        QFETCH(QString, text);
        QFETCH(int, direction);
        ChatView view;
        view.resize(500, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.addChat(u"bob"_s, text, QDateTime::currentDateTimeUtc(), false);
        view.flush();
        const QTextBlock block = blockWith(view, text);
        QVERIFY(block.isValid());
        QCOMPARE(int(block.textDirection()), direction);
        // Laid out against the side it starts from.
        QTextLayout *layout = laidOut(view, block);
        QVERIFY(layout->lineCount() > 0);
        const qreal left = layout->lineAt(0).naturalTextRect().left();
        if (direction == int(Qt::RightToLeft))
            QVERIFY2(left > view.viewport()->width() / 2, qPrintable(QString::number(left)));
        else
            QVERIFY2(left < 50, qPrintable(QString::number(left)));
    }

    void bidiControlsCannotReorderTheLine()
    {
        // A name or a text with RIGHT-TO-LEFT OVERRIDE would otherwise turn what follows it on
        // its line around: the time after the name, the "sending" mark after the text.
        ChatView view;
        view.resize(500, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QString name = u"eve\u202e"_s;
        view.addChat(name, u"hello"_s, at(20, 10, 0), false);
        view.addPending(u"p1"_s, u"alice"_s, u"text \u202e reversed?"_s);
        const auto readsLeftToRight = [&view](const QString &in, const QString &part) {
            const QTextBlock block = blockWith(view, in);
            const QTextLine line = laidOut(view, block)->lineAt(0);
            const int start = int(block.text().indexOf(part));
            return line.isValid() && start >= 0
                    && line.cursorToX(start) < line.cursorToX(start + int(part.size()) - 1);
        };
        const QString time = QLocale().toString(QTime(10, 0), QLocale::ShortFormat);
        QVERIFY(readsLeftToRight(name, time));
        QVERIFY(readsLeftToRight(u"reversed?"_s, u"sending"_s));
        QCOMPARE(blockWith(view, name).textDirection(), Qt::LeftToRight);
        QVERIFY(view.renderedText().contains(name));
    }

    void keepsPositionWhenOlderMessagesArrive()
    {
        ChatView view;
        view.setMaxEntries(300);
        view.resize(500, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.showRange(lines(201, 400), true);
        QScrollBar *bar = view.verticalScrollBar();
        QTRY_VERIFY(bar->maximum() > 0);
        bar->setValue(bar->maximum() / 3); // reading somewhere in the middle
        const QTextBlock top = view.cursorForPosition(QPoint(0, 0)).block();
        const QString topText = top.text();
        const int offset = int(view.document()->documentLayout()->blockBoundingRect(top).top())
                - bar->value();
        view.prependChats(lines(101, 200));
        QCOMPARE(view.entryCount(), 300);
        QCOMPARE(view.oldestSeq(), 101);
        QCOMPARE(view.newestSeq(), 400);
        const QTextBlock after = view.cursorForPosition(QPoint(0, 0)).block();
        QCOMPARE(after.text(), topText);
        QCOMPARE(int(view.document()->documentLayout()->blockBoundingRect(after).top())
                         - bar->value(),
                 offset);
        // More than the window holds: the newest leave it, and live messages wait.
        view.prependChats(lines(1, 100));
        QCOMPARE(view.entryCount(), 300);
        QCOMPARE(view.oldestSeq(), 1);
        QCOMPARE(view.newestSeq(), 300);
        QVERIFY(!view.isAtNewest());
        view.addChat(u"bob"_s, u"live"_s, QDateTime::currentDateTimeUtc(), false, {}, 401);
        QCOMPARE(view.newestSeq(), 300);
        QCOMPARE(view.cursorForPosition(QPoint(0, 0)).block().text(), topText);
    }

    void showsARangeAroundAHit()
    {
        ChatView view;
        view.resize(500, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.addPending(u"p1"_s, u"alice"_s, u"still sending"_s);
        view.showRange(lines(40, 60), false, 50);
        QVERIFY(!view.isAtNewest());
        QCOMPARE(view.oldestSeq(), 40);
        QCOMPARE(view.pendingCount(), 1); // what is being sent stays
        const QRect shown = view.viewport()->rect();
        const QTextBlock hit = blockWith(view, u"line 50"_s);
        const QRectF rect = view.document()->documentLayout()->blockBoundingRect(hit).translated(
                0, -view.verticalScrollBar()->value());
        QVERIFY(shown.contains(rect.center().toPoint()));
        view.appendChats(lines(61, 70), true);
        QVERIFY(view.isAtNewest());
        QCOMPARE(view.newestSeq(), 70);
    }

    void emptyViewShowsEveryAddedBlockOnce()
    {
        // Blocks are counted per message; a mistake shows up as leftovers after clearing.
        ChatView view;
        for (int i = 0; i < 50; ++i)
            view.addChat(i % 3 ? u"bob"_s : u"carol"_s, u"m%1"_s.arg(i), at(20, 10, i), false);
        view.setMaxEntries(10);
        view.addSystem(u"x"_s);
        QVERIFY(view.entryCount() <= 10);
        view.clearLog();
        QCOMPARE(view.document()->blockCount(), 1);
        QCOMPARE(view.renderedText().trimmed(), QString());
    }
};

QTEST_MAIN(TestChatView)
#include "tst_chatview.moc"
