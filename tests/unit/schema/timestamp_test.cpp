// Timestamp: ISO-8601 parsing and formatting, day keys.
#include "schema/timestamp.h"

#include <catch2/catch.hpp>

using namespace newshound::schema;

TEST_CASE("parse_iso8601 accepts RFC 3339 forms", "[timestamp]") {
    auto t = parse_iso8601("2025-08-27T22:57:00+05:30");
    REQUIRE(t);
    CHECK(t->offset_minutes == 330);
    CHECK(to_iso8601(*t) == "2025-08-27T22:57:00+05:30");
    CHECK(parse_iso8601("2025-08-27T17:27:00Z")->utc_seconds == t->utc_seconds);
    CHECK(parse_iso8601("2025-08-27T17:27:00.123Z")->utc_seconds == t->utc_seconds);
    CHECK(parse_iso8601("2025-08-27 22:57+0530")->utc_seconds == t->utc_seconds);
    CHECK(to_iso8601(*parse_iso8601("2025-08-27")) == "2025-08-27T00:00:00Z");
    CHECK(to_iso8601(*parse_iso8601("1987-02-26T15:01:01-05:00")) == "1987-02-26T15:01:01-05:00");
}

TEST_CASE("parse_iso8601 rejects malformed and impossible dates", "[timestamp]") {
    for (const char* bad : {"", "2025", "2025-13-01", "2025-02-30", "2025-08-27T25:00:00Z", "2025-08-27T10:00:00+19:00",
                            "27.08.2025", "2025-08-27Tgarbage", "2025-08-27T10:00:00Zjunk"}) {
        INFO(bad);
        CHECK_FALSE(parse_iso8601(bad));
    }
    CHECK(parse_iso8601("2024-02-29"));
}

TEST_CASE("to_yyyymmdd uses the date as printed in the source's offset", "[timestamp]") {
    // 00:30 in India on the 28th is still the 27th in UTC; readers saw the 28th.
    CHECK(to_yyyymmdd(*parse_iso8601("2025-08-28T00:30:00+05:30")) == "20250828");
    CHECK(to_yyyymmdd(*parse_iso8601("1969-12-31T23:00:00Z")) == "19691231");
}
