// Request validation limits.
#include "searcher/search_request.h"

#include <catch2/catch.hpp>

using namespace newshound::searcher;

TEST_CASE("validate accepts defaults and rejects each bad parameter", "[search_request]") {
    SearchRequest ok;
    CHECK_FALSE(validate(ok));
    auto bad = [](auto mutate) {
        SearchRequest r;
        mutate(r);
        auto e = validate(r);
        return e ? e->parameter : std::string();
    };
    CHECK(bad([](SearchRequest& r) { r.query = std::string(2000, 'a'); }) == "q");
    CHECK(bad([](SearchRequest& r) { r.from = "2025-13-01"; }) == "from");
    CHECK(bad([](SearchRequest& r) { r.to = "yesterday"; }) == "to");
    CHECK(bad([](SearchRequest& r) { r.from = "2025-09-01"; r.to = "2025-08-01"; }) == "from");
    CHECK(bad([](SearchRequest& r) { r.page = 0; }) == "page");
    CHECK(bad([](SearchRequest& r) { r.page = 5000; }) == "page");
    CHECK(bad([](SearchRequest& r) { r.page_size = 1000; }) == "page_size");
    // Bytes that are not UTF-8 are refused, not searched as separators (they found everything before).
    CHECK(bad([](SearchRequest& r) { r.query = "\xFF\xFE"; }) == "q");
    CHECK(bad([](SearchRequest& r) { r.query = "caf\xC3"; }) == "q");
    CHECK(bad([](SearchRequest& r) { r.topics = {"Europe", "\xC0\xAF"}; }) == "topic");
    CHECK_FALSE(bad([](SearchRequest& r) { r.query = "Київ café 東京"; }) == "q");
    CHECK(day_key("2025-08-27") == "20250827");
    CHECK_FALSE(day_key("2025-8-27"));
    CHECK(parse_sort("date") == SortOrder::DATE);
    CHECK_FALSE(parse_sort("random"));
}
