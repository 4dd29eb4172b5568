// Dates and times as news pages print them, resolved to UTC with the original offset kept.
#pragma once

#include "schema/timestamp.h"

#include <optional>
#include <string_view>

namespace newshound::indexer {

/// Finds the first date (and the time and zone that follow it) in free text such as
/// "Last Updated : Aug 27 2025 | 10:57 PM IST", "27 August 2025 14:05 GMT", "2025-08-27T17:27:00Z",
/// "Wednesday, August 27, 2025", "27.08.2025, 14:05 Uhr", "२७ अगस्त २०२५", "27 de agosto de 2025",
/// "27 août 2025". Month names in English, German, French, Spanish, Portuguese, Italian and Hindi;
/// Devanagari and Arabic-Indic digits. Zone abbreviations and numeric offsets are resolved; a time without
/// a zone is taken to be in `default_offset_minutes`. A date without a time is midnight. Relative times
/// ("3 hours ago", "yesterday") are resolved only against a `reference` time (when the page was saved).
/// Returns nullopt when there is no valid date (an impossible day such as Feb 30 is no date).
[[nodiscard]] std::optional<schema::Timestamp> parse_news_date(std::string_view text, int default_offset_minutes = 0,
                                                               std::optional<schema::Timestamp> reference = std::nullopt);

/// The UTC offset in minutes of a zone abbreviation ("IST" → 330, "EDT" → -240), or nullopt if unknown.
[[nodiscard]] std::optional<int> zone_offset_minutes(std::string_view abbreviation);

}  // namespace newshound::indexer
