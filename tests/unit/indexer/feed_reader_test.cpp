// Feed reader: RSS 2.0 with content:encoded, Atom with rel links, and a truncated feed.
#include "indexer/readers/feed_reader.h"

#include "support/test_support.h"

#include <catch2/catch.hpp>

using namespace newshound;
using schema::to_iso8601;

namespace {
std::vector<indexer::ReadResult> read(const std::string& name) {
    std::vector<indexer::ReadResult> out;
    indexer::read_feed(test::read_file(test::fixture("feeds/" + name)), name,
                       [&](indexer::ReadResult&& r, const std::string&) { out.push_back(std::move(r)); });
    return out;
}
}  // namespace

TEST_CASE("RSS 2.0: items with links, dates, categories and full content", "[feed]") {
    auto items = read("northern-wire.rss");
    REQUIRE(items.size() == 3);
    const auto& a = std::get<schema::Article>(items[0]);
    CHECK(a.title == "Ferry services cut as storm nears the coast");
    CHECK(a.url == "https://northernwire.example/ferry-services-storm?utm_source=rss");
    CHECK(a.source == "Northern Wire");
    CHECK(a.language == "en");
    CHECK(a.byline == "Jane Doe");
    CHECK(a.topics == std::vector<std::string>{"Weather", "Transport"});
    REQUIRE(a.published);
    CHECK(to_iso8601(*a.published) == "2025-10-15T07:30:00+01:00");
    CHECK(a.summary == "Ferry operators cancelled all afternoon sailings as the storm approached.");
    CHECK(a.body.find("\n\nThe weather service expects gusts") != std::string::npos);
    const auto& b = std::get<schema::Article>(items[1]);
    CHECK(b.body == "The council approved repairs to the harbour wall & the slipway.");
    CHECK(to_iso8601(*b.published) == "2025-10-14T18:00:00Z");
    CHECK(std::get<indexer::SkipReason>(items[2]).reason == "feed item has no title and no text");
}

TEST_CASE("Atom: alternate link, published and updated, author, html summary", "[feed]") {
    auto items = read("continental.atom");
    REQUIRE(items.size() == 1);
    const auto& a = std::get<schema::Article>(items[0]);
    CHECK(a.title == "La France annonce un plan pour l'éolien en mer");
    CHECK(a.url == "https://continentaldaily.example/fr/eolien-en-mer");
    CHECK(a.byline == "Claire Martin");
    CHECK(a.topics == std::vector<std::string>{"Energie"});
    CHECK(a.body == "Le gouvernement veut doubler la production d'électricité éolienne en mer d'ici 2035.");
    CHECK(to_iso8601(*a.published) == "2025-10-10T11:00:00+02:00");
    CHECK(to_iso8601(*a.updated) == "2025-10-10T15:00:00+02:00");
}

TEST_CASE("a truncated feed keeps the items before the break and reports where it broke", "[feed]") {
    auto items = read("truncated.rss");
    REQUIRE(items.size() == 2);
    CHECK(std::get<schema::Article>(items[0]).title == "Complete item about the harbour");
    CHECK(std::get<indexer::SkipReason>(items[1]).reason.rfind("feed is not well-formed XML", 0) == 0);
}
