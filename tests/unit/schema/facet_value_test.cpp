#include "schema/facet_value.h"

#include "schema/timestamp.h"

#include <catch2/catch.hpp>
#include <utility>
#include <vector>

using namespace newshound::schema;

TEST_CASE("every facet of an article round-trips through the facet value", "[facet_value]") {
    Article a;
    a.topics = {"Ukraine", "Europe"};
    a.source = "Harbour Gazette";
    a.language = "en";
    a.places = {"Odesa"};
    a.people = {"Dmitry Peskov", std::string("Bad") + LIST_SEPARATOR + "Split"};
    a.published = parse_iso8601("2025-08-27T22:57:00+05:30");
    std::vector<std::pair<char, std::string>> seen;
    for_each_facet(encode_facets(a), [&](FacetField f, std::string_view v) { seen.emplace_back(static_cast<char>(f), v); });
    const std::vector<std::pair<char, std::string>> expected = {
        {'t', "Ukraine"}, {'t', "Europe"}, {'s', "Harbour Gazette"}, {'l', "en"}, {'p', "Odesa"},
        {'e', "Dmitry Peskov"}, {'e', "BadSplit"}, {'d', "20250827"}};  // the day as printed, not in UTC
    CHECK(seen == expected);
}

TEST_CASE("an article without facets has an empty facet value", "[facet_value]") {
    CHECK(encode_facets(Article{}).empty());
    int calls = 0;
    for_each_facet("", [&](FacetField, std::string_view) { ++calls; });
    for_each_facet(std::string(1, LIST_SEPARATOR), [&](FacetField, std::string_view) { ++calls; });
    CHECK(calls == 0);
}
