#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include "randomhex.h"

using namespace Qt::StringLiterals;

class TestRandomHex : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void givesTwoLowerCaseHexDigitsPerByte_data();
    void givesTwoLowerCaseHexDigitsPerByte();
    void doesNotRepeat();
};

void TestRandomHex::givesTwoLowerCaseHexDigitsPerByte_data()
{
    QTest::addColumn<int>("bytes");
    for (int bytes : {0, 1, 3, 4, 5, 8, 16})
        QTest::addRow("%d", bytes) << bytes;
}

void TestRandomHex::givesTwoLowerCaseHexDigitsPerByte()
{
    QFETCH(int, bytes);
    static const QRegularExpression hex(u"^[0-9a-f]*$"_s);
    const QString text = Protocol::randomHex(bytes);
    QCOMPARE(text.size(), 2 * bytes);
    QVERIFY(hex.match(text).hasMatch());
}

void TestRandomHex::doesNotRepeat()
{
    // 1,000 draws of 5 bytes (the last byte from a partly used word): all different, and the
    // last byte is not stuck (it would be, were it left uninitialised or zero).
    QSet<QString> seen;
    QSet<QString> lastBytes;
    for (int i = 0; i < 1000; ++i) {
        const QString text = Protocol::randomHex(5);
        seen.insert(text);
        lastBytes.insert(text.right(2));
    }
    QCOMPARE(seen.size(), 1000);
    QVERIFY2(lastBytes.size() > 100, qPrintable(QString::number(lastBytes.size())));
}

QTEST_GUILESS_MAIN(TestRandomHex)
#include "tst_randomhex.moc"
