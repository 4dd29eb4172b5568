// libFuzzer target: the news date parser (indexer/extract/date_parser). The first byte picks the local zone
// and whether a reference time is given; a date found must be one the rest of the system can print.
#include "fuzz/fuzz_support.h"
#include "indexer/extract/date_parser.h"
#include "schema/timestamp.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace newshound;
    if (size == 0) return 0;
    const uint8_t mode = data[0];
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    static constexpr const char* LANGUAGES[] = {"en", "de", "fr", "ru", "hi", "zh", "ja", "ar"};
    const indexer::LocalZone zone = indexer::local_zone_for_language(LANGUAGES[mode & 7]);
    std::optional<schema::Timestamp> reference;
    if (mode & 8) reference = schema::Timestamp{1756300000, 0};
    const auto found = indexer::parse_news_date(text, zone, reference);
    (void)indexer::zone_offset_minutes(text);
    if (!found) return 0;
    // Dates the indexer stores are printed as ISO 8601 and day keys; both must read back.
    const std::string iso = schema::to_iso8601(*found);
    const auto back = schema::parse_iso8601(iso);
    if (!back || back->utc_seconds != found->utc_seconds) fuzz::fail("ISO 8601 round trip", iso);
    (void)schema::to_yyyymmdd(*found);
    return 0;
}
