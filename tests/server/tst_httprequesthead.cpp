#include <QTest>

#include "httprequesthead.h"

using Error = HttpRequestHead::Error;

Q_DECLARE_METATYPE(HttpRequestHead::Error)

class TestHttpRequestHead : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data();
    void parse();
    void fieldsAreReadByLowerCaseName();
    void headLengthStopsAtTheBlankLine();
    void limitCountsTheBlankLine();
    void everyPrefixIsIncomplete();
};

namespace {
constexpr qsizetype Limit = 1024;
}

void TestHttpRequestHead::parse_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<Error>("error");
    QTest::addColumn<QByteArray>("path"); // when parsed

    const QByteArray host = "\r\nHost: 127.0.0.1\r\n\r\n";
    QTest::addRow("page") << "GET / HTTP/1.1" + host << Error::None << QByteArray("/");
    QTest::addRow("query") << "GET /index.html?x=1&y HTTP/1.1" + host << Error::None
                           << QByteArray("/index.html");
    QTest::addRow("HTTP/1.0 without Host")
            << QByteArray("HEAD /a HTTP/1.0\r\n\r\n") << Error::None << QByteArray("/a");
    QTest::addRow("extension method")
            << "PROPFIND / HTTP/1.1" + host << Error::None << QByteArray("/");
    QTest::addRow("value with obs-text")
            << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nX: caf\xc3\xa9\r\n\r\n") << Error::None
            << QByteArray("/");
    QTest::addRow("value with tab") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nX: a\tb\r\n\r\n")
                                    << Error::None << QByteArray("/");
    QTest::addRow("empty value") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nX:\r\n\r\n")
                                 << Error::None << QByteArray("/");

    QTest::addRow("empty") << QByteArray() << Error::Incomplete << QByteArray();
    QTest::addRow("no blank line yet")
            << QByteArray("GET / HTTP/1.1\r\nHost: a\r\n") << Error::Incomplete << QByteArray();
    QTest::addRow("no blank line within the limit")
            << "GET / HTTP/1.1\r\nX: " + QByteArray(Limit, 'a') << Error::TooLarge << QByteArray();

    // The request line.
    QTest::addRow("path without slash")
            << "GET xindex.html HTTP/1.1" + host << Error::BadRequest << QByteArray();
    QTest::addRow("asterisk") << "OPTIONS * HTTP/1.1" + host << Error::BadRequest << QByteArray();
    QTest::addRow("absolute form")
            << "GET http://a/ HTTP/1.1" + host << Error::BadRequest << QByteArray();
    QTest::addRow("empty target") << "GET  HTTP/1.1" + host << Error::BadRequest << QByteArray();
    QTest::addRow("two spaces") << "GET  / HTTP/1.1" + host << Error::BadRequest << QByteArray();
    QTest::addRow("tab separator") << "GET\t/ HTTP/1.1" + host << Error::BadRequest << QByteArray();
    QTest::addRow("four parts") << "GET / x HTTP/1.1" + host << Error::BadRequest << QByteArray();
    QTest::addRow("no version") << "GET /" + host << Error::BadRequest << QByteArray();
    QTest::addRow("control in target")
            << "GET /a\x01 HTTP/1.1" + host << Error::BadRequest << QByteArray();
    QTest::addRow("non-ASCII target")
            << "GET /\xc3\xa9 HTTP/1.1" + host << Error::BadRequest << QByteArray();
    QTest::addRow("method not a token")
            << "G(T / HTTP/1.1" + host << Error::BadRequest << QByteArray();
    QTest::addRow("leading blank line")
            << "\r\nGET / HTTP/1.1" + host << Error::BadRequest << QByteArray();
    QTest::addRow("version with a tail")
            << "GET / HTTP/1.1x" + host << Error::BadRequest << QByteArray();
    QTest::addRow("version lower case")
            << "GET / http/1.1" + host << Error::BadRequest << QByteArray();
    QTest::addRow("version two digits")
            << "GET / HTTP/1.10" + host << Error::BadRequest << QByteArray();
    QTest::addRow("HTTP/2.0") << "GET / HTTP/2.0" + host << Error::VersionNotSupported
                              << QByteArray();
    QTest::addRow("HTTP/1.2") << "GET / HTTP/1.2" + host << Error::VersionNotSupported
                              << QByteArray();
    QTest::addRow("HTTP/0.9") << "GET / HTTP/0.9" + host << Error::VersionNotSupported
                              << QByteArray();

    // Header fields.
    QTest::addRow("HTTP/1.1 without Host")
            << QByteArray("GET / HTTP/1.1\r\nX: a\r\n\r\n") << Error::BadRequest << QByteArray();
    QTest::addRow("two Hosts") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nhost: b\r\n\r\n")
                               << Error::BadRequest << QByteArray();
    QTest::addRow("space before colon") << QByteArray("GET / HTTP/1.1\r\nHost : a\r\n\r\n")
                                        << Error::BadRequest << QByteArray();
    QTest::addRow("no colon") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nX\r\n\r\n")
                              << Error::BadRequest << QByteArray();
    QTest::addRow("empty name") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\n: b\r\n\r\n")
                                << Error::BadRequest << QByteArray();
    QTest::addRow("obs-fold") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nX: a\r\n b\r\n\r\n")
                              << Error::BadRequest << QByteArray();
    QTest::addRow("bare LF") << QByteArray("GET / HTTP/1.1\nHost: a\r\n\r\n") << Error::BadRequest
                             << QByteArray();
    QTest::addRow("bare CR") << QByteArray("GET / HTTP/1.1\r\nHost: a\rX: b\r\n\r\n")
                             << Error::BadRequest << QByteArray();
    static const char nul[] = "GET / HTTP/1.1\r\nHost: a\r\nX: a\0b\r\n\r\n";
    QTest::addRow("NUL in value") << QByteArray(nul, sizeof nul - 1) << Error::BadRequest
                                  << QByteArray();
    QTest::addRow("DEL in value") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nX: a\x7f\r\n\r\n")
                                  << Error::BadRequest << QByteArray();
}

void TestHttpRequestHead::parse()
{
    QFETCH(QByteArray, bytes);
    QFETCH(Error, error);
    QFETCH(QByteArray, path);
    Error actual = Error::TooLarge;
    qsizetype length = -1;
    const auto head = HttpRequestHead::parse(bytes, Limit, &actual, &length);
    QCOMPARE(actual, error);
    QCOMPARE(head.has_value(), error == Error::None);
    if (head) {
        QCOMPARE(head->path, path);
        QCOMPARE(length, bytes.size());
    }
}

void TestHttpRequestHead::fieldsAreReadByLowerCaseName()
{
    const auto head = HttpRequestHead::parse("GET /ws?a HTTP/1.1\r\nHOST:  127.0.0.1:80 \r\n"
                                             "Upgrade: websocket\r\nX-A: 1\r\nx-a:\t2\r\n\r\n",
                                             Limit);
    QVERIFY(head);
    QCOMPARE(head->method, "GET");
    QCOMPARE(head->target, "/ws?a");
    QCOMPARE(head->path, "/ws");
    QCOMPARE(head->version, "HTTP/1.1");
    QCOMPARE(head->header("host"), "127.0.0.1:80");
    QCOMPARE(head->header("upgrade"), "websocket");
    QCOMPARE(head->header("x-a"), "1, 2");
    QVERIFY(!head->hasHeader("origin"));
}

void TestHttpRequestHead::headLengthStopsAtTheBlankLine()
{
    const QByteArray head = "GET / HTTP/1.1\r\nHost: a\r\n\r\n";
    qsizetype length = 0;
    QVERIFY(HttpRequestHead::parse(QByteArray(head + "body\r\n\r\n"), Limit, nullptr, &length));
    QCOMPARE(length, head.size());
}

void TestHttpRequestHead::limitCountsTheBlankLine()
{
    const QByteArray head = "GET / HTTP/1.1\r\nHost: a\r\n\r\n";
    QVERIFY(HttpRequestHead::parse(head, head.size()));
    Error error = Error::None;
    QVERIFY(!HttpRequestHead::parse(head, head.size() - 1, &error));
    QCOMPARE(error, Error::TooLarge);
}

void TestHttpRequestHead::everyPrefixIsIncomplete()
{
    // What arrives byte by byte is waited for, never refused half-way.
    const QByteArray head = "GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: x\r\n\r\n";
    for (qsizetype n = 0; n < head.size(); ++n) {
        Error error = Error::None;
        QVERIFY(!HttpRequestHead::parse(head.first(n), Limit, &error));
        QCOMPARE(error, Error::Incomplete);
    }
}

QTEST_GUILESS_MAIN(TestHttpRequestHead)
#include "tst_httprequesthead.moc"
