// Stored record and article JSON: round trip, versions, field errors.
#include "schema/article_json.h"
#include "schema/stored_record.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

using namespace newshound::schema;

TEST_CASE("stored record round-trips every field", "[stored_record]") {
    Article a;
    a.id = "x1";
    a.url = "https://example.org/a";
    a.source = "Harbour Gazette";
    a.agency = "Reuters";
    a.byline = "Jane Doe";
    a.dateline = "MOSCOW";
    a.published = parse_iso8601("2025-08-27T22:57:00+05:30");
    a.updated = parse_iso8601("2025-08-28T01:00:00+05:30");
    a.title = "Title";
    a.summary = "Summary";
    a.body = "Para one.\n\nPara two.";
    a.topics = {"Ukraine", "Europe"};
    a.places = {"Moscow"};
    a.people = {"Dmitry Peskov"};
    a.language = "en";
    const auto back = decode_stored_record(encode_stored_record(a));
    REQUIRE(back);
    CHECK(article_to_json(*back) == article_to_json(a));
    // The word offset table rides along unchanged.
    const std::string table("\x05\x02\x01\x24\x23", 5);
    const std::string record = encode_stored_record(a, table);
    std::string_view offsets;
    REQUIRE(decode_stored_record(record, &offsets));
    CHECK(offsets == table);
}

TEST_CASE("records of version 2 are still read, without word offsets", "[stored_record]") {
    Article a;
    a.id = "v2";
    a.title = "Written before word offsets";
    a.language = "en";
    // Version 3 is version 2 with another version byte and the table's string at the end.
    std::string v2 = encode_stored_record(a);
    v2[0] = '\x02';
    v2.pop_back();  // the empty table: its length byte
    std::string_view offsets = "not reset";
    const auto back = decode_stored_record(v2, &offsets);
    REQUIRE(back);
    CHECK(back->title == a.title);
    CHECK(offsets.empty());
}

TEST_CASE("stored record refuses corrupt data and newer versions", "[stored_record]") {
    CHECK_FALSE(decode_stored_record(""));
    CHECK_FALSE(decode_stored_record("not json"));
    CHECK_FALSE(decode_stored_record(R"({"title":"no version"})"));
    CHECK_FALSE(decode_stored_record(R"({"v":99,"title":"from the future"})"));
    CHECK_FALSE(decode_stored_record(std::string_view("\x04rest", 5)));  // a version this build does not know
    // A binary record cut short anywhere, or with bytes left over, is corrupt, never a partial article.
    Article a;
    a.id = "x";
    a.title = "Title";
    a.published = parse_iso8601("1969-07-20T20:17:00-05:00");  // before 1970 and west of UTC: negative numbers
    a.topics = {"Space"};
    const std::string full = encode_stored_record(a);
    for (size_t n = 0; n < full.size(); ++n) CHECK_FALSE(decode_stored_record(std::string_view(full).substr(0, n)));
    CHECK_FALSE(decode_stored_record(full + "x"));
    const auto back = decode_stored_record(full);
    REQUIRE(back);
    CHECK(back->published == a.published);
}

TEST_CASE("records of version 1 (JSON) are still read", "[stored_record]") {
    const auto a = decode_stored_record(
        R"({"v":1,"id":"old","title":"Written by an older build","published":"2025-08-27T22:57:00+05:30","topics":["Ukraine"]})");
    REQUIRE(a);
    CHECK(a->id == "old");
    CHECK(a->title == "Written by an older build");
    CHECK(to_iso8601(*a->published) == "2025-08-27T22:57:00+05:30");
    CHECK(a->topics == std::vector<std::string>{"Ukraine"});
}

TEST_CASE("article_from_json names the bad field", "[stored_record]") {
    auto err = [](const char* text) {
        auto r = article_from_json(nlohmann::json::parse(text));
        return std::holds_alternative<JsonError>(r) ? std::get<JsonError>(r).message : std::string();
    };
    CHECK(err(R"({"title":42})") == "title: expected a string");
    CHECK(err(R"({"title":"t","topics":[1]})") == "topics: expected an array of strings");
    CHECK(err(R"({"title":"t","published":"yesterday"})").rfind("published: not an ISO-8601", 0) == 0);
    CHECK(err(R"({"source":"only a source"})") == "article has no title, summary or body");
    CHECK(err(R"({"title":"t","topics":"Ukraine"})").empty());
}

TEST_CASE("article.schema.json documents exactly the fields the article JSON has", "[stored_record]") {
    std::ifstream in(std::string(NEWSHOUND_SOURCE_DIR) + "/schema/article.schema.json");
    REQUIRE(in);
    const auto schema_json = nlohmann::json::parse(in);
    std::set<std::string> documented;
    for (const auto& [k, v] : schema_json["properties"].items()) documented.insert(k);
    Article a;
    a.id = a.url = a.source = a.agency = a.byline = a.dateline = a.title = a.summary = a.body = a.language = "x";
    a.published = a.updated = parse_iso8601("2025-01-01");
    a.topics = a.places = a.people = {"x"};
    std::set<std::string> written;
    const nlohmann::json full = article_to_json(a);
    for (const auto& [k, v] : full.items()) written.insert(k);
    CHECK(documented == written);
}

TEST_CASE("every bundled sample article is valid", "[stored_record]") {
    std::ifstream in(std::string(NEWSHOUND_SOURCE_DIR) + "/samples/news.jsonl");
    REQUIRE(in);
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
        INFO(line.substr(0, 80));
        CHECK(std::holds_alternative<Article>(article_from_json(nlohmann::json::parse(line))));
        ++n;
    }
    CHECK(n >= 40);
}
