#include "web/rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace newshound::web {

RateLimiter::RateLimiter(double per_second, double burst) : per_second_(per_second), burst_(std::max(1.0, burst)) {}

double RateLimiter::refill(Bucket& b, Clock::time_point now) const {
    const double elapsed = std::chrono::duration<double>(now - b.updated).count();
    if (elapsed > 0) {
        b.tokens = std::min(burst_, b.tokens + elapsed * per_second_);
        b.updated = now;
    }
    return b.tokens;
}

void RateLimiter::prune(Clock::time_point now) {
    for (auto it = buckets_.begin(); it != buckets_.end();) {
        if (refill(it->second, now) >= burst_) it = buckets_.erase(it);
        else ++it;
    }
    if (buckets_.size() >= MAX_CLIENTS) buckets_.clear();
}

bool RateLimiter::allow(const std::string& client, Clock::time_point now) {
    std::lock_guard lock(mutex_);
    auto it = buckets_.find(client);
    if (it == buckets_.end()) {
        if (buckets_.size() >= MAX_CLIENTS) prune(now);
        it = buckets_.emplace(client, Bucket{burst_, now}).first;
    }
    if (refill(it->second, now) < 1.0) return false;
    it->second.tokens -= 1.0;
    return true;
}

int RateLimiter::retry_after_seconds(const std::string& client, Clock::time_point now) {
    std::lock_guard lock(mutex_);
    const auto it = buckets_.find(client);
    if (it == buckets_.end() || per_second_ <= 0) return 1;
    const double missing = 1.0 - refill(it->second, now);
    return std::max(1, static_cast<int>(std::ceil(missing / per_second_)));
}

}  // namespace newshound::web
