// Page text extraction: the seed page as the golden case, and a page of another shape.
#include "indexer/extract/page_text_extractor.h"
#include "schema/utf8.h"

#include "indexer/readers/page_text_reader.h"
#include "support/test_support.h"

#include <catch2/catch.hpp>

using namespace newshound;
using schema::to_iso8601;

TEST_CASE("seed page: every field of the Business Standard story", "[page_text][seed]") {
    const auto path = test::seed_page();
    if (path.empty()) {
        WARN("seed page not found beside the source tree and NEWSHOUND_SEEDS unset; CI sets it");
        return;
    }
    const schema::Article a = indexer::extract_page_text(test::read_file(path));
    CHECK(a.title == "Kremlin disapproves of European proposals on security proposals for Ukraine");
    CHECK(a.summary.rfind("Kremlin spokesman Dmitry Peskov praised U.S. President Donald Trump's efforts", 0) == 0);
    CHECK(a.source == "Business Standard");
    CHECK(a.agency == "Reuters");
    CHECK(a.dateline == "MOSCOW");
    REQUIRE(a.published);
    CHECK(to_iso8601(*a.published) == "2025-08-27T22:57:00+05:30");
    CHECK(a.topics == std::vector<std::string>{"Ukraine", "Europe"});
    // Body: first paragraph, a paragraph after the Also Read block, and the last one.
    CHECK(a.body.rfind("Russia takes a negative view of European proposals", 0) == 0);
    CHECK(a.body.find("\"So we have a negative attitude towards these discussions.\"") != std::string::npos);
    CHECK(a.body.find("in a session that lasted just 40 minutes.") != std::string::npos);
    // Nothing of the furniture.
    for (const char* junk : {"Garena", "Onam", "Stock Market Holiday", "Also Read", "More From This Section",
                             "Photo:", "Listen to This Article", "Copyrights", "Telegram", "Amitabh Kant",
                             "Russian forces advance", "STRONG ROOTS", "Best of BS Opinion", "Explore News", "HOT STOCKS"}) {
        INFO(junk);
        CHECK(a.body.find(junk) == std::string::npos);
        CHECK(a.summary.find(junk) == std::string::npos);
    }
}

TEST_CASE("a page of another outlet: byline, cued dates, tags with commas, related block", "[page_text]") {
    const schema::Article a = indexer::extract_page_text(test::read_file(test::fixture("pages/northern-wire-wind.txt")));
    CHECK(a.title == "Offshore wind auction draws record bids");
    CHECK(a.summary == "Developers offered to build more capacity than the government had planned for, officials said.");
    CHECK(a.source == "Northern Wire");
    CHECK(a.byline == "Jane Doe");
    REQUIRE(a.published);
    CHECK(to_iso8601(*a.published) == "2025-09-12T14:05:00Z");
    REQUIRE(a.updated);
    CHECK(to_iso8601(*a.updated) == "2025-09-12T16:30:00Z");
    CHECK(a.topics == std::vector<std::string>{"Energy", "Europe", "Offshore Wind"});
    CHECK(a.body.find("twelve companies took part") != std::string::npos);
    CHECK(a.body.find("The winning projects must start construction") != std::string::npos);
    CHECK(a.body.find("Turbine maker") == std::string::npos);
    CHECK(a.body.find("Follow us") == std::string::npos);
    CHECK(a.body.find("Share this") == std::string::npos);
}

TEST_CASE("topic lists split on delimiters or, without them, on words", "[page_text]") {
    auto topics = [](const char* line) {
        std::string page = "Some headline about the important news today\n\nA sentence that opens the body of the story here.\n";
        page += line;
        page += "\n";
        return indexer::extract_page_text(page).topics;
    };
    CHECK(topics("Topics : Ukraine Europe") == std::vector<std::string>{"Ukraine", "Europe"});
    CHECK(topics("Tags: Bank of England, Interest Rates") == std::vector<std::string>{"Bank of England", "Interest Rates"});
    CHECK(topics("Topics: Bank of England Inflation") == std::vector<std::string>{"Bank of England", "Inflation"});
    CHECK(topics("Tags: Energy \u00B7 Offshore Wind") == std::vector<std::string>{"Energy", "Offshore Wind"});
}

// The middle dot was a byte (0xB7) to split on: that byte also ends "·" (C2 B7) and stands inside many
// Han characters (州 is E5 B7 9E), so "Tags: 杭州" came out as broken UTF-8 (found by fuzz_html).
TEST_CASE("topic lists split on the middle dot as a character, never inside one", "[page_text]") {
    std::string page = "Some headline about the important news today\n\nA sentence that opens the body of the story here.\n";
    page += "Tags: \u676D\u5DDE \u00B7 Asian Games\n";
    const auto topics = indexer::extract_page_text(page).topics;
    CHECK(topics == std::vector<std::string>{"\u676D\u5DDE", "Asian Games"});
    for (const auto& t : topics) CHECK(schema::is_valid_utf8(t));
}

TEST_CASE("page text reader skips what is not a page and decodes legacy bytes", "[page_text]") {
    using indexer::SkipReason;
    auto skip = indexer::read_page_text(std::string("a\0b", 3), "bin.txt");
    REQUIRE(std::holds_alternative<SkipReason>(skip));
    CHECK(std::get<SkipReason>(skip).reason.find("NUL") != std::string::npos);
    CHECK(std::holds_alternative<SkipReason>(indexer::read_page_text("\n\n  \n", "empty.txt")));
    // Windows-1252: curly quotes and an e-acute become UTF-8.
    auto ok = indexer::read_page_text("Caf\xe9 owners welcome the new \x93quiet streets\x94 rule today\n", "cp1252.txt");
    REQUIRE(std::holds_alternative<schema::Article>(ok));
    CHECK(std::get<schema::Article>(ok).title == "Caf\xC3\xA9 owners welcome the new \xE2\x80\x9Cquiet streets\xE2\x80\x9D rule today");
    CHECK(indexer::is_valid_utf8("\xC3\xA9"));
    CHECK_FALSE(indexer::is_valid_utf8("\xC3"));
    CHECK_FALSE(indexer::is_valid_utf8("\xED\xA0\x80"));  // a surrogate
    CHECK_FALSE(indexer::is_valid_utf8("\xC0\xAF"));      // overlong
}

TEST_CASE("menus and breadcrumbs are never the headline", "[page_text]") {
    const schema::Article a = indexer::extract_page_text(
        "Northern Wire\nMarkets | Economy | World\nHome / Markets / Central bank holds rates\n"
        "Central bank holds rates and signals cuts next year\n\n"
        "The central bank kept its main interest rate unchanged on Thursday, officials said.\n"
        "The governor said inflation had fallen faster than expected over the summer.\n");
    CHECK(a.title == "Central bank holds rates and signals cuts next year");
    CHECK(a.body.rfind("The central bank kept", 0) == 0);
}

TEST_CASE("date cue words in other languages pick the publication time", "[page_text]") {
    const schema::Article a = indexer::extract_page_text(
        "Regierung beschließt neues Gesetz zur Energie\n"
        "Aktualisiert: 28.08.2025, 09:00 MESZ\n"
        "Veröffentlicht: 27.08.2025, 14:05 MESZ\n\n"
        "Die Bundesregierung hat am Mittwoch ein neues Gesetz beschlossen, teilte ein Sprecher mit.\n"
        "Die Opposition kritisierte den Entwurf als unzureichend und kündigte Widerstand an.\n");
    REQUIRE(a.published);
    CHECK(to_iso8601(*a.published) == "2025-08-27T14:05:00+02:00");
    REQUIRE(a.updated);
    CHECK(to_iso8601(*a.updated) == "2025-08-28T09:00:00+02:00");
}

TEST_CASE("relative dates on a saved page are resolved against when it was saved", "[page_text]") {
    const std::string page =
        "Harbour Gazette\nFerry timetable changes for the winter season\n\n3 hours ago\n\n"
        "The ferry company published its winter timetable on Monday, with fewer sailings to the islands.\n";
    CHECK_FALSE(indexer::extract_page_text(page).published);
    const auto saved = schema::parse_iso8601("2025-10-20T12:00:00Z");
    const auto a = indexer::extract_page_text(page, saved);
    REQUIRE(a.published);
    CHECK(to_iso8601(*a.published) == "2025-10-20T09:00:00Z");
}

TEST_CASE("a Chinese page: words without spaces, a zone-less time read as China time", "[page_text]") {
    const schema::Article a = indexer::extract_page_text(
        "东方新闻网\n首页\n财经\n首页 > 财经\n沪渝蓉高铁武汉至宜昌段开通运营\n2025-09-26 10:18:35\n来源：东方新闻网\n分享到：\n"
        "9月26日，沪渝蓉沿江高铁武汉至宜昌段正式开通运营，武汉至宜昌最快1小时28分可达。\n"
        "该段线路全长约315公里，设计时速350公里，沿线设有天门南、潜江等车站。\n相关新闻\n国庆假期铁路预计发送旅客超1.9亿人次\n");
    CHECK(a.title == "沪渝蓉高铁武汉至宜昌段开通运营");
    REQUIRE(a.published);
    CHECK(to_iso8601(*a.published) == "2025-09-26T10:18:35+08:00");
    CHECK(a.body.rfind("9月26日", 0) == 0);
    CHECK(a.body.find("国庆假期") == std::string::npos);
}

TEST_CASE("after a block of links only a run of paragraphs resumes the story", "[page_text]") {
    const schema::Article a = indexer::extract_page_text(
        "Council approves new cycle lanes on the harbour road\nBy Claire Donovan\n12 May 2025\n\n"
        "The council approved four kilometres of protected cycle lanes on Monday night, officials said.\n"
        "Work will start in the summer and take about a year to finish.\n"
        "Also Read: Bus fares to rise in January across the region\n"
        "The council said the lanes would be built without removing parking spaces.\n"
        "Top stories\nLive. Parliament returns as the chancellor faces pressure\n"
        "Why can't you trust everything on the internet?\n"
        "Reporting by Claire Donovan; Editing by Mark Heinrich\n");
    CHECK(a.body.find("without removing parking") != std::string::npos);  // a one-line teaser keeps the body going
    CHECK(a.body.find("Bus fares") == std::string::npos);
    CHECK(a.body.find("trust everything") == std::string::npos);
    CHECK(a.body.find("Reporting by") == std::string::npos);
}

TEST_CASE("a line printing both times gives the publication and the update", "[page_text]") {
    const schema::Article a = indexer::extract_page_text(
        "Council approves 400-unit housing plan on former rail yard\n"
        "Published: May 12, 2025 at 6:03 PM CDT | Updated: May 13, 2025 at 8:41 AM CDT\n\n"
        "The city council voted 7-2 on Monday night to approve a plan for 400 apartments downtown.\n"
        "Construction could start next spring if the state approves a grant.\n");
    REQUIRE(a.published);
    CHECK(to_iso8601(*a.published) == "2025-05-12T18:03:00-05:00");
    REQUIRE(a.updated);
    CHECK(to_iso8601(*a.updated) == "2025-05-13T08:41:00-05:00");
}
