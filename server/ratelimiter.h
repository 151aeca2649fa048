#pragma once

#include <QtGlobal>

// A token bucket: `rate` tokens per second, at most `burst` saved up. Time is passed in (ms from
// any monotonic clock) so the limiter is a plain value, cheap per connection and easy to test.
class RateLimiter final
{
public:
    RateLimiter() = default;
    RateLimiter(double ratePerSecond, int burst, qint64 nowMs);

    bool isEnabled() const { return m_rate > 0; }
    // Takes one token if there is one. Always true when disabled.
    bool tryTake(qint64 nowMs);

private:
    double m_rate = 0;
    double m_burst = 0;
    double m_tokens = 0;
    qint64 m_lastMs = 0;
};
