#include <QTest>

#include "chatformat.h"

using namespace Qt::StringLiterals;

class TestChatFormat : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void toHtml_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("html");
        QTest::addRow("plain") << u"hello"_s << u"hello"_s;
        QTest::addRow("markup is text") << u"<b>x</b>"_s << u"&lt;b&gt;x&lt;/b&gt;"_s;
        QTest::addRow("script is text")
                << u"<script>alert(1)</script>"_s << u"&lt;script&gt;alert(1)&lt;/script&gt;"_s;
        QTest::addRow("entities") << u"a & b \"c\""_s << u"a &amp; b &quot;c&quot;"_s;
        QTest::addRow("line breaks") << u"one\ntwo"_s << u"one<br>two"_s;
        QTest::addRow("link") << u"see https://example.org/a?b=1&c=2"_s
                              << u"see <a href=\"https://example.org/a?b=1&amp;c=2\">"
                                 "https://example.org/a?b=1&amp;c=2</a>"_s;
        QTest::addRow("link then full stop") << u"at http://10.0.0.2:8765/."_s
                                             << u"at <a href=\"http://10.0.0.2:8765/\">"
                                                "http://10.0.0.2:8765/</a>."_s;
        QTest::addRow("link in parentheses") << u"(http://a.example/x)"_s
                                             << u"(<a href=\"http://a.example/x\">"
                                                "http://a.example/x</a>)"_s;
        QTest::addRow("quote cannot break out") << u"http://x.example/\"onclick=\"y"_s
                                                << u"<a href=\"http://x.example/\">"
                                                   "http://x.example/</a>&quot;onclick=&quot;y"_s;
        QTest::addRow("javascript is no link")
                << u"javascript:alert(1)"_s << u"javascript:alert(1)"_s;
        QTest::addRow("emoji and scripts")
                << u"héllo 👋 Привет مرحبا 你好"_s << u"héllo 👋 Привет مرحبا 你好"_s;
    }
    void toHtml()
    {
        QFETCH(QString, text);
        QFETCH(QString, html);
        QCOMPARE(ChatFormat::toHtml(text), html);
    }
};

QTEST_GUILESS_MAIN(TestChatFormat)
#include "tst_chatformat.moc"
