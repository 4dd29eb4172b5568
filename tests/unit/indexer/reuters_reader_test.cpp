// Reuters-21578 SGML reader: stories with bodies, BRIEF and UNPROC stories, bad stories skipped, sniffing.
#include "indexer/readers/reuters_reader.h"

#include "indexer/indexer.h"
#include "support/test_support.h"

#include <catch2/catch.hpp>

using namespace newshound;
using schema::to_iso8601;

namespace {
std::vector<std::pair<indexer::ReadResult, std::string>> read(std::string_view bytes) {
    std::vector<std::pair<indexer::ReadResult, std::string>> out;
    indexer::read_reuters_sgml(bytes, "sample.sgm",
                               [&](indexer::ReadResult&& r, const std::string& origin) { out.emplace_back(std::move(r), origin); });
    return out;
}

// The fixture's five stories: three articles and two skips.
std::vector<std::pair<indexer::ReadResult, std::string>> sample() {
    auto items = read(test::read_file(test::fixture("reuters/sample.sgm")));
    REQUIRE(items.size() == 5);
    return items;
}
}  // namespace

TEST_CASE("Reuters SGML: a story's fields, paragraphs re-joined, sign-off and control codes dropped", "[reuters]") {
    const auto items = sample();
    const auto& a = std::get<schema::Article>(items[0].first);
    CHECK(items[0].second == "sample.sgm#101");
    CHECK(a.id == "reuters21578-101");
    CHECK(a.title == "HARBOUR GRAIN SHIPMENTS <HGS> RISE IN FEBRUARY");
    CHECK(a.dateline == "NORTHPORT, March 3");
    CHECK(a.body ==
          "Grain shipments through the northern harbour rose in February as ice cleared early from the approaches, "
          "the port authority said.\n\n"
          "Loadings of wheat reached 412,000 tonnes against 380,000 a year earlier, it said.\n\n"
          "Smith & Sons Shipping said barley loadings were flat.");
    // ORGS join TOPICS as topics, without repeating one that is both.
    CHECK(a.topics == std::vector<std::string>{"grain", "wheat", "ec"});
    CHECK(a.places == std::vector<std::string>{"canada", "usa"});
    CHECK(a.people == std::vector<std::string>{"doe"});
    CHECK(a.source == "Reuters");
    CHECK(a.agency == "Reuters");
    CHECK(a.language == "en");
    REQUIRE(a.published);
    CHECK(to_iso8601(*a.published) == "1987-03-03T09:15:42Z");
}

TEST_CASE("Reuters SGML: BRIEF and UNPROC stories keep their text, Latin-1 becomes UTF-8", "[reuters]") {
    const auto items = sample();
    const auto& brief = std::get<schema::Article>(items[1].first);
    CHECK(brief.title == "M\xC3\xBCLLER TRADING HALTED PENDING NEWS");
    CHECK(brief.body == "****** Blah blah blah.");
    CHECK(brief.topics.empty());
    REQUIRE(brief.published);
    CHECK(to_iso8601(*brief.published) == "1987-03-31T23:59:01Z");
    const auto& unproc = std::get<schema::Article>(items[3].first);
    CHECK(unproc.id == "reuters21578-104");
    CHECK(unproc.title.empty());
    CHECK(unproc.body == "Second line of an unprocessed story with a wrapped line.");
    // 30-FEB-1987 is no date.
    CHECK_FALSE(unproc.published);
}

TEST_CASE("Reuters SGML: a story without NEWID or without its end is skipped with a reason", "[reuters]") {
    const auto items = sample();
    const auto& no_id = std::get<indexer::SkipReason>(items[2].first);
    CHECK(no_id.origin == "sample.sgm#3");
    CHECK(no_id.reason == "story without a NEWID attribute");
    const auto& cut = std::get<indexer::SkipReason>(items[4].first);
    CHECK(cut.origin == "sample.sgm#5");
    CHECK(cut.reason == "story not closed by </REUTERS>");
    const auto none = read("<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n");
    REQUIRE(none.size() == 1);
    CHECK(std::get<indexer::SkipReason>(none[0].first).reason == "no <REUTERS> story in the file");
}

TEST_CASE("Reuters SGML: a story with no title and no text is named by its id, references resolve", "[reuters]") {
    const auto items = read("<REUTERS NEWID=\"7\"><DATE>5-JAN-1987 1:02:03.00</DATE><TEXT>&#3;</TEXT></REUTERS>"
                            "<REUTERS NEWID=\"8\"><TEXT><TITLE>A&#x26;B &#8364;5 &#99999999999; &amp</TITLE></TEXT></REUTERS>");
    REQUIRE(items.size() == 2);
    const auto& empty = std::get<schema::Article>(items[0].first);
    CHECK(empty.title == "Reuters story 7");
    CHECK(empty.body.empty());
    CHECK(to_iso8601(*empty.published) == "1987-01-05T01:02:03Z");
    CHECK(std::get<schema::Article>(items[1].first).title == "A&B \xE2\x82\xAC" "5 \xEF\xBF\xBD &");
}

TEST_CASE("Reuters SGML is recognised by name and by content", "[reuters]") {
    using indexer::InputFormat;
    CHECK(indexer::format_of("reut2-000.sgm") == InputFormat::REUTERS_SGML);
    CHECK(indexer::parse_format("reuters") == InputFormat::REUTERS_SGML);
    CHECK(indexer::sniff_format("<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS TOPICS=\"YES\" NEWID=\"1\">") ==
          InputFormat::REUTERS_SGML);
    CHECK(indexer::sniff_format("<!DOCTYPE html><html><body>REUTERS</body></html>") == InputFormat::HTML);
}
