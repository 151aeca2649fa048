#include "backoff.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

Backoff::Backoff(Ms initial, Ms maximum, double jitter)
    : m_initial(std::max(initial, Ms(1)))
    , m_maximum(std::max(maximum, m_initial))
    , m_jitter(std::clamp(jitter, 0.0, 1.0))
{ }

Backoff::Ms Backoff::next()
{
    const int exponent = std::min(m_attempts, 30);
    ++m_attempts;
    const double base = std::min(double(m_initial.count()) * std::pow(2.0, exponent),
                                 double(m_maximum.count()));
    const double spread = (QRandomGenerator::global()->generateDouble() * 2.0 - 1.0) * m_jitter;
    return Ms(std::max<qint64>(1, std::llround(base * (1.0 + spread))));
}
