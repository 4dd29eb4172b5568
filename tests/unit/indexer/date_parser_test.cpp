// News date parsing: the forms pages print, zones, and garbage.
#include "indexer/extract/date_parser.h"

#include <catch2/catch.hpp>

using newshound::indexer::parse_news_date;
using newshound::schema::to_iso8601;

TEST_CASE("parse_news_date reads the forms news pages print", "[date_parser]") {
    struct Row {
        const char* input;
        const char* expected;
    };
    const Row rows[] = {
        {"2 min read Last Updated : Aug 27 2025 | 10:57 PM IST", "2025-08-27T22:57:00+05:30"},
        {"First Published: Aug 27 2025 | 10:57 PM IST", "2025-08-27T22:57:00+05:30"},
        {"27 August 2025 14:05 GMT", "2025-08-27T14:05:00Z"},
        {"2025-08-27T17:27:00Z", "2025-08-27T17:27:00Z"},
        {"Updated 2025-08-27T22:57:00+05:30", "2025-08-27T22:57:00+05:30"},
        {"27.08.2025, 14:05 Uhr", "2025-08-27T14:05:00Z"},
        {"Wednesday, August 27, 2025", "2025-08-27T00:00:00Z"},
        {"Sept. 3, 2025 at 9:05 a.m. EDT", "2025-09-03T09:05:00-04:00"},
        {"12:00 AM ET, Jan 1 2025", "2025-01-01T00:00:00-05:00"},
        {"Updated 4:20 PM EDT, July 19, 2025", "2025-07-19T16:20:00-04:00"},
        {"09:27 15.12.2025", "2025-12-15T09:27:00Z"},
        {"22/04/2025 - 11:48", "2025-04-22T11:48:00Z"},
        {"04/22/2025", "2025-04-22T00:00:00Z"},
        {"2025/09/26 10:18", "2025-09-26T10:18:00Z"},
        {"2025.10.02 14:00", "2025-10-02T14:00:00Z"},
        {"2025年9月8日 5時12分", "2025-09-08T05:12:00Z"},
        // The half of the day as a word before the time: Japanese 午後/午前, Chinese 下午/上午, Korean 오후/오전.
        {"2025年3月21日 午後6時00分", "2025-03-21T18:00:00Z"},
        {"2025年3月21日 午前9時30分", "2025-03-21T09:30:00Z"},
        {"2025年3月21日 午前12時05分", "2025-03-21T00:05:00Z"},
        {"2025年3月21日 午後12時05分", "2025-03-21T12:05:00Z"},
        {"2025年3月21日 下午3时15分", "2025-03-21T15:15:00Z"},
        {"2025년 3월 21일 오후 6:30", "2025-03-21T18:30:00Z"},
        {"2025년 3월 21일 오전 11시 20분", "2025-03-21T11:20:00Z"},
        {"2025年3月21日 午後18時00分", "2025-03-21T18:00:00Z"},
        {"2025年10月11日08:00", "2025-10-11T08:00:00Z"},
        {"24 октября 2025 года, 13:30", "2025-10-24T13:30:00Z"},
        {"الأربعاء 4 ربيع الأول 1447 هـ - 27 أغسطس 2025 م", "2025-08-27T00:00:00Z"},
        {"نشر في: 03/11/2025 - 10:15 بتوقيت GST", "2025-11-03T10:15:00+04:00"},
        {"23 Nisan 2025 12:49", "2025-04-23T12:49:00Z"},
        {"28.jan.2025 às 19h35", "2025-01-28T19:35:00Z"},
        {"13 Ago, 2025 04:00 p.m. ART", "2025-08-13T16:00:00-03:00"},
        {"Posted March 1st, 2024 11:30 pm UTC+3", "2024-03-01T23:30:00+03:00"},
        {"3 März 2025", "2025-03-03T00:00:00Z"},
        {"27.08.2025, 14:05 MESZ", "2025-08-27T14:05:00+02:00"},
        {"२७ अगस्त २०२५, १०:५७ PM IST", "2025-08-27T22:57:00+05:30"},
        {"अपडेटेड 3 सितंबर 2025", "2025-09-03T00:00:00Z"},
        {"27 de agosto de 2025 14:05 CEST", "2025-08-27T14:05:00+02:00"},
        {"Publié le 27 août 2025 à 14h05", "2025-08-27T14:05:00Z"},
        {"1er mars 2025", "2025-03-01T00:00:00Z"},
        {"٢٧ August ٢٠٢٥", "2025-08-27T00:00:00Z"},
        {"Aug 27 2025 10:57 AMT", "2025-08-27T10:57:00Z"},
    };
    for (const auto& row : rows) {
        INFO(row.input);
        auto ts = parse_news_date(row.input);
        REQUIRE(ts);
        CHECK(to_iso8601(*ts) == row.expected);
    }
}

TEST_CASE("parse_news_date applies the default offset to zone-less times", "[date_parser]") {
    auto ts = parse_news_date("27.08.2025, 14:05 Uhr", 120);
    REQUIRE(ts);
    CHECK(to_iso8601(*ts) == "2025-08-27T14:05:00+02:00");
}

TEST_CASE("zone-less times are local to the region of the page's language", "[date_parser]") {
    using newshound::indexer::local_zone_for_language;
    // Central European time with EU summer time: 30 March 2025 and 26 October 2025 are the switch days.
    CHECK(to_iso8601(*parse_news_date("29.03.2025, 12:00", local_zone_for_language("de"))) == "2025-03-29T12:00:00+01:00");
    CHECK(to_iso8601(*parse_news_date("30.03.2025, 12:00", local_zone_for_language("de"))) == "2025-03-30T12:00:00+02:00");
    CHECK(to_iso8601(*parse_news_date("25.10.2025, 12:00", local_zone_for_language("fr"))) == "2025-10-25T12:00:00+02:00");
    CHECK(to_iso8601(*parse_news_date("27.10.2025, 12:00", local_zone_for_language("fr"))) == "2025-10-27T12:00:00+01:00");
    CHECK(to_iso8601(*parse_news_date("2025-09-26 10:18:35", local_zone_for_language("zh"))) == "2025-09-26T10:18:35+08:00");
    CHECK(to_iso8601(*parse_news_date("15.12.2025", local_zone_for_language("ru"))) == "2025-12-15T00:00:00+03:00");
    // A printed zone wins; languages of many regions read zone-less times as UTC.
    CHECK(to_iso8601(*parse_news_date("10 jun 2025 - 05:40 CEST", local_zone_for_language("es"))) == "2025-06-10T05:40:00+02:00");
    CHECK(to_iso8601(*parse_news_date("10 June 2025 05:40", local_zone_for_language("en"))) == "2025-06-10T05:40:00Z");
}

TEST_CASE("an offset no zone has is ignored, so every date found prints as ISO 8601 and reads back", "[date_parser]") {
    // Found by fuzz/fuzz_date: "+75:30" was kept as the offset, and the ISO form printed for it did not parse.
    for (const char* text : {"2025-08-27T17:27:00+75:30", "27 August 2025 14:05 GMT+19", "Aug 27 2025 10:57 +05:99"}) {
        INFO(text);
        const auto ts = parse_news_date(text);
        REQUIRE(ts);
        CHECK(ts->offset_minutes == 0);
        const auto back = newshound::schema::parse_iso8601(to_iso8601(*ts));
        REQUIRE(back);
        CHECK(back->utc_seconds == ts->utc_seconds);
    }
    CHECK(to_iso8601(*parse_news_date("2025-08-27T17:27:00 +14:00")) == "2025-08-27T17:27:00+14:00");
}

TEST_CASE("parse_news_date finds no date in text without one", "[date_parser]") {
    for (const char* bad : {"", "Listen to This Article", "Topics : Ukraine Europe", "Feb 30 2025", "99.99.2025",
                            "iPhone 17 Series Launch Date"}) {
        INFO(bad);
        CHECK_FALSE(parse_news_date(bad));
    }
}

TEST_CASE("relative times need a reference time", "[date_parser]") {
    const auto saved = newshound::schema::parse_iso8601("2025-08-27T18:00:00+05:30");
    CHECK_FALSE(parse_news_date("3 hours ago"));
    CHECK(to_iso8601(*parse_news_date("Updated 3 hours ago", 0, saved)) == "2025-08-27T15:00:00+05:30");
    CHECK(to_iso8601(*parse_news_date("45 mins ago", 0, saved)) == "2025-08-27T17:15:00+05:30");
    CHECK(to_iso8601(*parse_news_date("2 days ago", 0, saved)) == "2025-08-25T18:00:00+05:30");
    CHECK(to_iso8601(*parse_news_date("Yesterday", 0, saved)) == "2025-08-26T00:00:00+05:30");
    CHECK(to_iso8601(*parse_news_date("vor 2 Stunden", 0, saved)) == "2025-08-27T16:00:00+05:30");
    CHECK(to_iso8601(*parse_news_date("il y a 30 minutes", 0, saved)) == "2025-08-27T17:30:00+05:30");
    CHECK(to_iso8601(*parse_news_date("3 часа назад", 0, saved)) == "2025-08-27T15:00:00+05:30");
    CHECK(to_iso8601(*parse_news_date("अपडेटेड ३ घंटे पहले", 0, saved)) == "2025-08-27T15:00:00+05:30");
    CHECK(to_iso8601(*parse_news_date("3小时前", 0, saved)) == "2025-08-27T15:00:00+05:30");
    CHECK_FALSE(parse_news_date("3 bananas ago", 0, saved));
    // An absolute date wins over the reference.
    CHECK(to_iso8601(*parse_news_date("Aug 1 2025", 0, saved)) == "2025-08-01T00:00:00Z");
}

TEST_CASE("month names match in any case, and an am or pm must end its word", "[date_parser]") {
    // Case folding is Unicode's: capitals outside ASCII name the month too.
    CHECK(to_iso8601(*parse_news_date("3 MÄRZ 2025")) == "2025-03-03T00:00:00Z");
    CHECK(to_iso8601(*parse_news_date("PUBLIÉ LE 27 AOÛT 2025")) == "2025-08-27T00:00:00Z");
    CHECK(to_iso8601(*parse_news_date("3 ŞUBAT 2025")) == "2025-02-03T00:00:00Z");
    // "amid" is no "am"; "p.m." before a word is still "p.m".
    CHECK(to_iso8601(*parse_news_date("Aug 27 2025 10:57 amid protests")) == "2025-08-27T10:57:00Z");
    CHECK(to_iso8601(*parse_news_date("Aug 27 2025 10:57 p.m.Reuters")) == "2025-08-27T22:57:00Z");
    // Day-first dates repeat one separator.
    CHECK_FALSE(parse_news_date("27.08/2025"));
    CHECK(to_iso8601(*parse_news_date("13/08/2025")) == "2025-08-13T00:00:00Z");
}
