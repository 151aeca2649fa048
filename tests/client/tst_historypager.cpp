#include <QAbstractTextDocumentLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QVBoxLayout>

#include "chatclient.h"
#include "chatview.h"
#include "historypager.h"
#include "scriptedroom.h"
#include "searchbar.h"

using namespace Qt::StringLiterals;

// Scroll-back, search and the way back to the newest, against a scripted room.
class TestHistoryPager : public QObject
{
    Q_OBJECT
private:
    struct Window
    {
        explicit Window(ScriptedRoom &room)
        {
            auto *layout = new QVBoxLayout(&widget);
            view = new ChatView(&widget);
            view->setMaxEntries(300);
            search = new SearchBar(&client, &widget);
            pager = new HistoryPager(&client, view, &widget);
            layout->addWidget(search);
            layout->addWidget(view, 1);
            layout->addWidget(pager);
            QObject::connect(search, &SearchBar::hitActivated, pager, &HistoryPager::jumpTo);
            QObject::connect(&client, &ChatClient::chatReceived, view,
                             [this](const Protocol::Message &chat, bool own) {
                                 view->addChat(chat.from, chat.text, chat.time, own, chat.id,
                                               chat.seq);
                             });
            widget.resize(500, 400);
            widget.show();
            client.connectTo(room.url(), u"alice"_s);
        }
        // As a person would: from where the view is (following the newest) up to the top.
        void scrollToTop() const
        {
            QScrollBar *bar = view->verticalScrollBar();
            QTRY_VERIFY(bar->value() > 0);
            bar->setValue(0);
        }
        // Where the block showing text is, from the top of what is shown.
        int shownAt(const QString &text) const
        {
            const QTextBlock block = view->document()->find(text).block();
            return int(view->document()->documentLayout()->blockBoundingRect(block).top())
                    - view->verticalScrollBar()->value();
        }

        ChatClient client;
        QWidget widget;
        ChatView *view = nullptr;
        SearchBar *search = nullptr;
        HistoryPager *pager = nullptr;
    };

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void scrollingToTheTopLoadsOlderKeepingPosition()
    {
        ScriptedRoom room(1000);
        QVERIFY(room.listen());
        Window w(room);
        QTRY_COMPARE(w.view->entryCount(), 200);
        QScrollBar *bar = w.view->verticalScrollBar();
        w.scrollToTop();
        const int at = w.shownAt(u"message 801"_s);
        QTRY_COMPARE(w.view->entryCount(), 300);
        QCOMPARE(w.view->oldestSeq(), 701);
        QCOMPARE(w.shownAt(u"message 801"_s), at); // still reading the same line
        QVERIFY(bar->value() > 0);
        // The window is full: one more page up lets the newest go.
        w.scrollToTop();
        QTRY_COMPARE(w.view->oldestSeq(), 601);
        QCOMPARE(w.view->entryCount(), 300);
        QVERIFY(!w.view->isAtNewest());
        QVERIFY(w.pager->isVisible());
        // Live messages wait until the newest are shown again.
        room.say(u"live now"_s);
        QTRY_COMPARE(w.client.lastSeq(), 1001);
        QVERIFY(!w.view->renderedText().contains(u"live now"_s));
        w.pager->findChild<QPushButton *>(u"backToNewest"_s)->click();
        QTRY_VERIFY(w.view->isAtNewest());
        QVERIFY(w.view->renderedText().contains(u"live now"_s));
        QVERIFY(!w.pager->isVisible());
    }

    void reachesTheStart()
    {
        ScriptedRoom room(250);
        QVERIFY(room.listen());
        Window w(room);
        QTRY_COMPARE(w.view->entryCount(), 200);
        w.scrollToTop();
        QTRY_COMPARE(w.view->oldestSeq(), 51);
        QVERIFY(!w.pager->startReached());
        w.scrollToTop();
        QTRY_COMPARE(w.view->oldestSeq(), 1);
        QVERIFY(w.pager->startReached());
        QVERIFY(w.view->renderedText().contains(u"start of the conversation"_s));
        const int asked = room.requests();
        w.view->verticalScrollBar()->setValue(10);
        w.view->verticalScrollBar()->setValue(0);
        QTest::qWait(50); // nothing to wait for: no request may go out
        QCOMPARE(room.requests(), asked);
    }

    void searchJumpsToAHitAndScrollsOnFromThere()
    {
        ScriptedRoom room(1000);
        QVERIFY(room.listen());
        Window w(room);
        QTRY_COMPARE(w.view->entryCount(), 200);
        w.search->open();
        auto *edit = w.search->findChild<QLineEdit *>(u"searchEdit"_s);
        auto *results = w.search->findChild<QListWidget *>(u"searchResults"_s);
        QTest::keyClicks(edit, u"message 12"_s);
        QTest::keyClick(edit, Qt::Key_Return);
        // 12, 120-129: newest first.
        QTRY_COMPARE(results->count(), 11);
        QVERIFY(results->item(0)->text().contains(u"message 129"_s));
        QVERIFY(results->item(10)->text().contains(u"message 12"_s));
        QSignalSpy hits(w.search, &SearchBar::hitActivated);
        Q_EMIT results->itemActivated(results->item(6)); // message 123
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits.at(0).at(0).toLongLong(), 123);
        QTRY_COMPARE(w.view->oldestSeq(), 113);
        // 123 with ten either side; if the range is short enough to show its end, the next page
        // follows at once, as when scrolling down.
        const qint64 newest = w.view->newestSeq();
        QVERIFY2(newest == 133 || newest == 233, qPrintable(QString::number(newest)));
        QVERIFY(!w.view->isAtNewest());
        QVERIFY(w.pager->isVisible());
        // Scrolling down the range brings the next page.
        QScrollBar *bar = w.view->verticalScrollBar();
        bar->setValue(bar->maximum());
        QTRY_VERIFY(w.view->newestSeq() >= 233);
        QCOMPARE(w.view->oldestSeq(), 113);
    }

    void aHubWithoutPagingIsAskedOnce()
    {
        ScriptedRoom room(1000, false);
        QVERIFY(room.listen());
        Window w(room);
        QSignalSpy unsupported(&w.client, &ChatClient::pagingUnsupported);
        QTRY_COMPARE(w.view->entryCount(), 200);
        w.scrollToTop();
        QVERIFY(unsupported.wait(5000));
        QVERIFY(!w.client.canPage());
        w.view->verticalScrollBar()->setValue(10);
        w.view->verticalScrollBar()->setValue(0);
        QVERIFY(!w.client.search(u"x"_s));
        QCOMPARE(room.requests(), 1);
        QCOMPARE(w.view->entryCount(), 200);
        QVERIFY(!w.search->findChild<QLineEdit *>(u"searchEdit"_s)->isEnabled());
        // The room goes on.
        room.say(u"still here"_s);
        QTRY_VERIFY(w.view->renderedText().contains(u"still here"_s));
    }

    // Not a check: with LANCHAT_SCREENSHOT_DIR set, saves what a search looks like (for the docs).
    void searchScreenshot()
    {
        const QString dir = qEnvironmentVariable("LANCHAT_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("LANCHAT_SCREENSHOT_DIR not set");
        ScriptedRoom room(1000);
        QVERIFY(room.listen());
        Window w(room);
        w.widget.resize(700, 520);
        QTRY_COMPARE(w.view->entryCount(), 200);
        w.search->open();
        auto *edit = w.search->findChild<QLineEdit *>(u"searchEdit"_s);
        auto *results = w.search->findChild<QListWidget *>(u"searchResults"_s);
        QTest::keyClicks(edit, u"message 12"_s);
        QTest::keyClick(edit, Qt::Key_Return);
        QTRY_COMPARE(results->count(), 11);
        results->setCurrentRow(6);
        Q_EMIT results->itemActivated(results->item(6));
        QTRY_COMPARE(w.view->oldestSeq(), 113);
        QTest::qWait(300);
        QVERIFY(w.widget.grab().save(dir + u"/window-search.png"_s));
    }
};

QTEST_MAIN(TestHistoryPager)
#include "tst_historypager.moc"
