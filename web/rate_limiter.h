// Per-client rate limiting: a token bucket per client address. Off unless the server is given a rate.
#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace newshound::web {

/// Each client may make `burst` requests at once, then `per_second` a second on average. Thread-safe.
/// Memory is bounded: when MAX_CLIENTS are tracked, clients whose buckets have refilled are forgotten
/// (they are indistinguishable from new ones), and if that frees nothing the table starts over.
class RateLimiter {
public:
    using Clock = std::chrono::steady_clock;
    static constexpr size_t MAX_CLIENTS = 100000;

    RateLimiter(double per_second, double burst);

    /// Takes a token from the client's bucket; false when it is empty (the request should get 429).
    [[nodiscard]] bool allow(const std::string& client, Clock::time_point now = Clock::now());

    /// Whole seconds until the client's bucket has a token again (for Retry-After); at least 1.
    [[nodiscard]] int retry_after_seconds(const std::string& client, Clock::time_point now = Clock::now());

private:
    struct Bucket {
        double tokens;
        Clock::time_point updated;
    };
    double refill(Bucket& b, Clock::time_point now) const;
    void prune(Clock::time_point now);

    double per_second_;
    double burst_;
    std::mutex mutex_;
    std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace newshound::web
