// The pure parts of the files: names, types, and the two byte-range headers.
#include <QTest>

#include "byterange.h"
#include "filetypes.h"

using namespace Qt::StringLiterals;

class TestFileTypes : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanName_data();
    void cleanName();
    void decide_data();
    void decide();
    void allowed_data();
    void allowed();
    void parseTypes();
    void contentRange_data();
    void contentRange();
    void length();
};

void TestFileTypes::cleanName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("kept");
    QTest::addRow("plain") << u"photo.jpg"_s << u"photo.jpg"_s;
    QTest::addRow("path") << u"/home/a/../b/x.txt"_s << u"x.txt"_s;
    QTest::addRow("backslash") << u"..\\..\\x.txt"_s << u"x.txt"_s;
    QTest::addRow("bidi and spaces kept") << u" a b.txt "_s << u"a b.txt"_s;
    QTest::addRow("empty") << QString() << u"file"_s;
    QTest::addRow("dot") << u"."_s << u"file"_s;
    QTest::addRow("controls only") << u"\u0001\u0002"_s << u"file"_s;
    QTest::addRow("too long") << QString(300, u'x') << QString(255, u'x');
    QString emoji = QString(254, u'x') + u"😀"_s; // the pair would straddle the limit
    QTest::addRow("never half a pair") << emoji << QString(254, u'x');
}

void TestFileTypes::cleanName()
{
    QFETCH(QString, name);
    QFETCH(QString, kept);
    QCOMPARE(FileTypes::cleanName(name), kept);
}

void TestFileTypes::decide_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QString>("mime");
    QTest::addRow("png") << u"x.bin"_s << QByteArray("\x89PNG\r\n\x1a\n....") << u"image/png"_s;
    QTest::addRow("jpeg") << u"x"_s << QByteArray("\xff\xd8\xff\xe0") << u"image/jpeg"_s;
    QTest::addRow("gif") << u"x.gif"_s << QByteArray("GIF89a...") << u"image/gif"_s;
    QTest::addRow("webp") << u"x.webp"_s << QByteArray("RIFF1234WEBPVP8 ") << u"image/webp"_s;
    QTest::addRow("svg") << u"x.svg"_s << QByteArray("<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
                         << u"image/svg+xml"_s;
    QTest::addRow("png name, text bytes")
            << u"x.png"_s << QByteArray("hello there") << u"application/octet-stream"_s;
    QTest::addRow("text") << u"notes.txt"_s << QByteArray("hello") << u"text/plain"_s;
}

void TestFileTypes::decide()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, head);
    QFETCH(QString, mime);
    QCOMPARE(FileTypes::decide(name, head), mime);
    QCOMPARE(FileTypes::contentDisposition(u"a b.x"_s, mime).startsWith("inline"),
             FileTypes::isInlinePicture(mime));
}

void TestFileTypes::allowed_data()
{
    QTest::addColumn<QStringList>("types");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("mime");
    QTest::addColumn<bool>("allowed");
    const QStringList some{u"image/*"_s, u"application/pdf"_s, u".zip"_s};
    QTest::addRow("any") << QStringList() << u"a.exe"_s << u"application/x-msdownload"_s << true;
    QTest::addRow("image") << some << u"a.png"_s << u"image/png"_s << true;
    QTest::addRow("pdf") << some << u"a.pdf"_s << u"application/pdf"_s << true;
    QTest::addRow("zip by name") << some << u"A.ZIP"_s << u"application/zip"_s << true;
    QTest::addRow("exe") << some << u"a.exe"_s << u"application/x-msdownload"_s << false;
    QTest::addRow("imagefoo is not image/") << some << u"a"_s << u"imagefoo/x"_s << false;
}

void TestFileTypes::allowed()
{
    QFETCH(QStringList, types);
    QFETCH(QString, name);
    QFETCH(QString, mime);
    QFETCH(bool, allowed);
    QCOMPARE(FileTypes::isAllowed(types, name, mime), allowed);
}

void TestFileTypes::parseTypes()
{
    QCOMPARE(FileTypes::parseTypes(u"image/*, Application/PDF,.zip"_s),
             (QStringList{u"image/*"_s, u"application/pdf"_s, u".zip"_s}));
    QString bad;
    QVERIFY(FileTypes::parseTypes(u"image/*,pdf"_s, &bad).isEmpty());
    QCOMPARE(bad, u"pdf"_s);
    QVERIFY(FileTypes::parseTypes(u"*/x"_s, &bad).isEmpty());
    QVERIFY(FileTypes::parseTypes(u"."_s, &bad).isEmpty());
}

void TestFileTypes::contentRange_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qint64>("first");
    QTest::addColumn<qint64>("last");
    QTest::addColumn<qint64>("total");
    QTest::addRow("whole") << QByteArray("bytes 0-9/10") << true << qint64(0) << qint64(9)
                           << qint64(10);
    QTest::addRow("middle") << QByteArray("bytes 1048576-2480310/2480311") << true
                            << qint64(1048576) << qint64(2480310) << qint64(2480311);
    QTest::addRow("past the total")
            << QByteArray("bytes 0-10/10") << false << qint64(0) << qint64(0) << qint64(0);
    QTest::addRow("unknown total")
            << QByteArray("bytes 0-9/*") << false << qint64(0) << qint64(0) << qint64(0);
    QTest::addRow("sign") << QByteArray("bytes -1-9/10") << false << qint64(0) << qint64(0)
                          << qint64(0);
    QTest::addRow("huge") << QByteArray("bytes 0-9/99999999999999999999999") << false << qint64(0)
                          << qint64(0) << qint64(0);
    QTest::addRow("other unit") << QByteArray("items 0-9/10") << false << qint64(0) << qint64(0)
                                << qint64(0);
}

void TestFileTypes::contentRange()
{
    QFETCH(QByteArray, header);
    QFETCH(bool, valid);
    const auto range = ByteRange::parseContentRange(header);
    QCOMPARE(bool(range), valid);
    if (!valid)
        return;
    QFETCH(qint64, first);
    QFETCH(qint64, last);
    QFETCH(qint64, total);
    QCOMPARE(range->first, first);
    QCOMPARE(range->last, last);
    QCOMPARE(range->total, total);
}

void TestFileTypes::length()
{
    QCOMPARE(ByteRange::parseLength("0"), std::optional<qint64>(0));
    QCOMPARE(ByteRange::parseLength(" 2147483648 "), std::optional<qint64>(2147483648));
    QVERIFY(!ByteRange::parseLength("+5"));
    QVERIFY(!ByteRange::parseLength("5 5"));
    QVERIFY(!ByteRange::parseLength(""));
    QVERIFY(!ByteRange::parseLength("0x10"));
}

QTEST_GUILESS_MAIN(TestFileTypes)
#include "tst_filetypes.moc"
