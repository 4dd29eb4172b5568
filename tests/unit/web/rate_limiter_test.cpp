#include "web/rate_limiter.h"

#include <catch2/catch.hpp>

using newshound::web::RateLimiter;
using namespace std::chrono_literals;

TEST_CASE("a client gets its burst, then the rate", "[web][rate_limiter]") {
    RateLimiter limiter(2.0, 3.0);  // 2 a second, 3 at once
    const auto t0 = RateLimiter::Clock::time_point{} + 1000s;
    CHECK(limiter.allow("a", t0));
    CHECK(limiter.allow("a", t0));
    CHECK(limiter.allow("a", t0));
    CHECK_FALSE(limiter.allow("a", t0));
    CHECK(limiter.retry_after_seconds("a", t0) == 1);
    // Another client has its own bucket.
    CHECK(limiter.allow("b", t0));
    // Half a second refills one token; it is used at once.
    CHECK(limiter.allow("a", t0 + 500ms));
    CHECK_FALSE(limiter.allow("a", t0 + 500ms));
    // A long pause refills to the burst, never beyond it.
    const auto later = t0 + 3600s;
    for (int i = 0; i < 3; ++i) CHECK(limiter.allow("a", later));
    CHECK_FALSE(limiter.allow("a", later));
}

TEST_CASE("a slow rate asks for a longer wait", "[web][rate_limiter]") {
    RateLimiter limiter(0.1, 1.0);  // one request every 10 s
    const auto t0 = RateLimiter::Clock::time_point{} + 1000s;
    CHECK(limiter.allow("a", t0));
    CHECK_FALSE(limiter.allow("a", t0));
    CHECK(limiter.retry_after_seconds("a", t0) == 10);
    CHECK(limiter.retry_after_seconds("a", t0 + 4s) == 6);
    CHECK(limiter.allow("a", t0 + 10s));
}

TEST_CASE("the client table stays bounded", "[web][rate_limiter]") {
    RateLimiter limiter(1000.0, 1.0);
    const auto t0 = RateLimiter::Clock::time_point{} + 1000s;
    for (size_t i = 0; i < RateLimiter::MAX_CLIENTS; ++i) REQUIRE(limiter.allow(std::to_string(i), t0));
    // A millisecond later every bucket has refilled: the next new client prunes them all and is served.
    CHECK(limiter.allow("new", t0 + 1ms));
    // A client that was forgotten starts with a full bucket, like any new one.
    CHECK(limiter.allow("0", t0 + 1ms));
}
