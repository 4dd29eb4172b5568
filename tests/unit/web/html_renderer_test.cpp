// HTML rendering: escaping in every context, URLs that round-trip the request.
#include "web/html_renderer.h"

#include <catch2/catch.hpp>

using namespace newshound;

TEST_CASE("search_url encodes every parameter and leaves out defaults", "[html_renderer]") {
    searcher::SearchRequest r;
    CHECK(web::search_url(r) == "/");
    r.query = "a&b \"c\"";
    r.topics = {"Ukraine", "Europe"};
    r.sort = searcher::SortOrder::DATE;
    CHECK(web::search_url(r, 2) == "/?q=a%26b%20%22c%22&topic=Ukraine&topic=Europe&sort=date&page=2");
}

TEST_CASE("the search page escapes user input everywhere it appears", "[html_renderer]") {
    searcher::SearchRequest r;
    r.query = "<script>alert(1)</script>";
    r.topics = {"\"><img src=x>"};
    searcher::SearchResponse resp;
    resp.request = r;
    searcher::Hit hit;
    hit.id = "a\"b";
    hit.title = "<b>t</b>";
    hit.title_highlighted = {{"<b>t</b>", false}};
    hit.url = "javascript:alert(1)";
    hit.snippet = {{"<i>x</i>", true}};
    resp.hits.push_back(hit);
    resp.topics = {{"<topic>", 3}};
    const std::string html = web::render_search_page(r, resp, "");
    CHECK(html.find("<script>") == std::string::npos);
    CHECK(html.find("<img") == std::string::npos);
    CHECK(html.find("<b>t</b>") == std::string::npos);
    CHECK(html.find("<i>x</i>") == std::string::npos);
    CHECK(html.find("<mark>&lt;i&gt;x&lt;/i&gt;</mark>") != std::string::npos);
    CHECK(html.find("javascript:") == std::string::npos);  // only http(s) urls become links
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("&lt;topic&gt;") != std::string::npos);
}

TEST_CASE("a collapsed hit links to its similar stories", "[html_renderer]") {
    searcher::SearchRequest r;
    r.query = "grain";
    searcher::SearchResponse resp;
    resp.request = r;
    searcher::Hit hit;
    hit.id = "wire";
    hit.title = "Grain exports rise";
    hit.title_highlighted = {{"Grain exports rise", false}};
    hit.cluster = "00ff";
    hit.similar = 3;
    resp.hits.push_back(hit);
    const std::string html = web::render_search_page(r, resp, "");
    CHECK(html.find("<a class=\"similar\" href=\"/?q=grain&amp;cluster=00ff\">3 similar stories</a>") != std::string::npos);
}
