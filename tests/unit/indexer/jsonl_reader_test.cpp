// JSONL reader: good lines become articles, bad lines become reasons, reading goes on.
#include "indexer/readers/jsonl_reader.h"

#include "support/test_support.h"

#include <catch2/catch.hpp>
#include <fstream>

using namespace newshound;

TEST_CASE("jsonl reader reports each bad line with its reason and keeps going", "[jsonl]") {
    std::ifstream in(test::fixture("broken/broken.jsonl"));
    std::vector<std::string> titles, skips;
    indexer::read_jsonl(in, "broken.jsonl", [&](indexer::ReadResult&& r, const std::string&) {
        if (auto* a = std::get_if<schema::Article>(&r)) titles.push_back(a->title);
        else skips.push_back(std::get<indexer::SkipReason>(r).origin + " " + std::get<indexer::SkipReason>(r).reason);
    });
    CHECK(titles == std::vector<std::string>{"Lighthouse keeper retires after forty years"});
    REQUIRE(skips.size() == 4);
    CHECK(skips[0] == "broken.jsonl:2 not valid JSON");
    CHECK(skips[1].rfind("broken.jsonl:3 published: not an ISO-8601", 0) == 0);
    CHECK(skips[2] == "broken.jsonl:4 title: expected a string");
    CHECK(skips[3] == "broken.jsonl:5 article has no title, summary or body");
}

TEST_CASE("jsonl reader reads every fixture article", "[jsonl]") {
    std::ifstream in(test::fixture("articles.jsonl"));
    int n = 0;
    indexer::read_jsonl(in, "articles.jsonl", [&](indexer::ReadResult&& r, const std::string&) {
        REQUIRE(std::holds_alternative<schema::Article>(r));
        ++n;
    });
    CHECK(n == 10);
}
