// JSON renderer: the API's field names, pinned by a golden file.
#include "searcher/response_json.h"

#include "support/test_support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace newshound;

TEST_CASE("response JSON has the documented shape", "[response_json]") {
    searcher::SearchResponse r;
    r.request.query = "peskov <nato>";
    r.request.topics = {"Ukraine"};
    r.total = 1;
    searcher::Hit h;
    h.rank = 1;
    h.id = "x1";
    h.url = "https://example.org/x1";
    h.title = "Kremlin rejects troops";
    h.title_highlighted = {{"Kremlin rejects troops", false}};
    h.source = "Harbour Gazette";
    h.published = "2025-08-27T22:57:00+05:30";
    h.language = "en";
    h.topics = {"Ukraine", "Europe"};
    h.snippet = {{"Dmitry ", false}, {"Peskov", true}, {" said <no>", false}};
    h.score = 1.5;
    r.hits.push_back(h);
    r.topics = {{"Europe", 1}, {"Ukraine", 1}};
    r.sources = {{"Harbour Gazette", 1}};
    r.elapsed_ms = 1.25;
    CHECK(test::matches_golden("response.json", searcher::to_json(r).dump(2) + "\n"));
    CHECK(searcher::error_json("bad_parameter", "must be 1 or more", "page").dump() ==
          R"({"error":{"code":"bad_parameter","message":"must be 1 or more","parameter":"page"}})");
}
