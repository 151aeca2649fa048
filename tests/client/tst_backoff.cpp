#include <QTest>

#include "backoff.h"

using namespace std::chrono_literals;

class TestBackoff : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void doublesUpToTheMaximum()
    {
        Backoff backoff(100ms, 1000ms, 0.0);
        QList<qint64> delays;
        for (int i = 0; i < 7; ++i)
            delays.append(backoff.next().count());
        QCOMPARE(delays, (QList<qint64>{100, 200, 400, 800, 1000, 1000, 1000}));
        QCOMPARE(backoff.attempts(), 7);
        backoff.reset();
        QCOMPARE(backoff.next().count(), 100);
    }

    void jitterStaysWithinItsSpread()
    {
        Backoff backoff(1000ms, 1000ms, 0.2);
        qint64 low = 1000, high = 1000;
        for (int i = 0; i < 200; ++i) {
            const qint64 delay = backoff.next().count();
            QVERIFY2(delay >= 800 && delay <= 1200, qPrintable(QString::number(delay)));
            low = std::min(low, delay);
            high = std::max(high, delay);
        }
        QVERIFY(low < 1000 && high > 1000); // it does spread
    }

    void neverZeroOrShrinking()
    {
        Backoff backoff(0ms, 0ms, 1.0);
        for (int i = 0; i < 50; ++i)
            QVERIFY(backoff.next().count() >= 1);
    }
};

QTEST_GUILESS_MAIN(TestBackoff)
#include "tst_backoff.moc"
