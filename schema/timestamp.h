// A point in time as news pages give it: an instant in UTC plus the UTC offset it was written in.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace newshound::schema {

/// `utc_seconds` is seconds since 1970-01-01T00:00:00Z; `offset_minutes` is the offset the source wrote
/// the time in (+330 for IST), kept so the original local time can be shown.
/// Offsets beyond ±18:00 do not exist (the RFC 3339 / ISO 8601 range); a larger one in text is garbage.
inline constexpr int MAX_OFFSET_MINUTES = 18 * 60;

struct Timestamp {
    std::int64_t utc_seconds = 0;
    int offset_minutes = 0;

    friend bool operator==(const Timestamp&, const Timestamp&) = default;
};

/// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's days_from_civil).
[[nodiscard]] std::int64_t days_from_civil(int year, unsigned month, unsigned day);

/// True if year/month/day/hour/minute/second form a real calendar time.
[[nodiscard]] bool valid_civil_time(int year, int month, int day, int hour, int minute, int second);

/// Builds a Timestamp from a local civil time and the offset it is expressed in. No validation.
[[nodiscard]] Timestamp make_timestamp(int year, int month, int day, int hour, int minute, int second,
                                       int offset_minutes);

/// Parses ISO-8601 / RFC 3339: "2025-08-27", "2025-08-27T17:27:00Z", "2025-08-27T22:57:00+05:30",
/// "2025-08-27 22:57+0530", optional fractional seconds. A date or time without an offset is taken as UTC.
/// Returns nullopt for anything else or an impossible date.
[[nodiscard]] std::optional<Timestamp> parse_iso8601(std::string_view text);

/// "2025-08-27T22:57:00+05:30" (or "...Z" for offset 0): local time in the original offset.
[[nodiscard]] std::string to_iso8601(const Timestamp& ts);

/// "20250827": the calendar day as printed by the source (local to its offset), as stored in the
/// YYYYMMDD value slot, so a date filter matches the date a reader saw on the story.
[[nodiscard]] std::string to_yyyymmdd(const Timestamp& ts);

}  // namespace newshound::schema
