#pragma once

#include <chrono>

// Exponential backoff with jitter for reconnect attempts: initial, 2×, 4×, … up to maximum, each
// delay spread by ±jitter (0.2 = ±20 %).
class Backoff final
{
public:
    using Ms = std::chrono::milliseconds;

    Backoff() = default;
    Backoff(Ms initial, Ms maximum, double jitter = 0.2);

    Ms initial() const { return m_initial; }
    Ms maximum() const { return m_maximum; }
    double jitter() const { return m_jitter; }
    int attempts() const { return m_attempts; }

    Ms next(); // the delay before the next attempt; counts the attempt
    void reset() { m_attempts = 0; }

private:
    Ms m_initial{1000};
    Ms m_maximum{30000};
    double m_jitter = 0.2;
    int m_attempts = 0;
};
