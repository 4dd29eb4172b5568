// Dates and times as news pages print them, resolved to UTC with the original offset kept.
#pragma once

#include "schema/timestamp.h"

#include <optional>
#include <string_view>

namespace newshound::indexer {

/// How a page's times without a zone are read: the civil time of the region a language is mostly
/// published from. A fixed offset, or a standard offset plus EU summer time (last Sunday of March to
/// last Sunday of October). Converts implicitly from a fixed offset in minutes.
struct LocalZone {
    int standard_offset_minutes = 0;
    bool eu_summer_time = false;

    LocalZone(int offset_minutes = 0, bool eu_summer = false)  // NOLINT: implicit from a fixed offset
        : standard_offset_minutes(offset_minutes), eu_summer_time(eu_summer) {}
    /// The offset in force at a local civil time.
    [[nodiscard]] int offset_at(int year, int month, int day, int hour) const;
};

/// The zone of the region most pages in `language` (ISO 639-1) come from, where one region dominates:
/// Central European time for German or French, Moscow for Russian, India for Hindi, China for Chinese,
/// and so on. Languages spoken across many zones (English, Spanish, Portuguese, Arabic) get UTC.
[[nodiscard]] LocalZone local_zone_for_language(std::string_view language);

/// Finds the first date (and the time and zone around it) in free text such as
/// "Last Updated : Aug 27 2025 | 10:57 PM IST", "27 August 2025 14:05 GMT", "2025-08-27T17:27:00Z",
/// "Wednesday, August 27, 2025", "27.08.2025, 14:05 Uhr", "२७ अगस्त २०२५", "27 de agosto de 2025",
/// "27 août 2025", "24 октября 2025", "27 أغسطس 2025", "2025年9月8日 5時12分", "22/04/2025 - 11:48",
/// "4:20 PM EDT, July 19, 2025" (time before the date). Month names in English, German, Dutch, French,
/// Spanish, Portuguese, Italian, Turkish, Russian, Arabic and Hindi; Devanagari and Arabic-Indic digits.
/// Zone abbreviations and numeric offsets are resolved; a time without a zone is local time in `zone`.
/// A date without a time is midnight. Relative times ("3 hours ago", "vor 2 Stunden", "3 часа назад",
/// "3小时前") are resolved only against a `reference` time (when the page was saved).
/// Returns nullopt when there is no valid date (an impossible day such as Feb 30 is no date).
[[nodiscard]] std::optional<schema::Timestamp> parse_news_date(std::string_view text, LocalZone zone = {},
                                                               std::optional<schema::Timestamp> reference = std::nullopt);

/// The UTC offset in minutes of a zone abbreviation ("IST" → 330, "EDT" → -240), or nullopt if unknown.
[[nodiscard]] std::optional<int> zone_offset_minutes(std::string_view abbreviation);

}  // namespace newshound::indexer
