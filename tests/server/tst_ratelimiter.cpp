#include <QTest>

#include "ratelimiter.h"

class TestRateLimiter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void burstThenRefused();
    void sustainedRateIsFine();
    void refillsOverTime();
    void disabledAlwaysAdmits();
};

void TestRateLimiter::burstThenRefused()
{
    RateLimiter limiter(10, 5, 0);
    for (int i = 0; i < 5; ++i)
        QVERIFY(limiter.tryTake(0));
    QVERIFY(!limiter.tryTake(0));
}

void TestRateLimiter::sustainedRateIsFine()
{
    // 10 msg/s for a minute at exactly the limit: never refused.
    RateLimiter limiter(10, 5, 0);
    for (qint64 t = 0; t < 60000; t += 100)
        QVERIFY(limiter.tryTake(t));
}

void TestRateLimiter::refillsOverTime()
{
    RateLimiter limiter(10, 2, 0);
    QVERIFY(limiter.tryTake(0));
    QVERIFY(limiter.tryTake(0));
    QVERIFY(!limiter.tryTake(50)); // half a token
    QVERIFY(limiter.tryTake(100));
    QVERIFY(limiter.tryTake(10000)); // saved up: at most the burst
    QVERIFY(limiter.tryTake(10000));
    QVERIFY(!limiter.tryTake(10000));
}

void TestRateLimiter::disabledAlwaysAdmits()
{
    RateLimiter limiter(0, 1, 0);
    QVERIFY(!limiter.isEnabled());
    for (int i = 0; i < 1000; ++i)
        QVERIFY(limiter.tryTake(0));
}

QTEST_APPLESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
