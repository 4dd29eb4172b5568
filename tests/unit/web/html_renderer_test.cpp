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

TEST_CASE("a hit shows source, byline, date and a language badge with the language's name", "[html_renderer]") {
    searcher::SearchRequest r;
    searcher::SearchResponse resp;
    searcher::Hit hit;
    hit.id = "x";
    hit.title_highlighted = {{"Title", false}};
    hit.source = "Gulf Herald";
    hit.byline = "By Salma Haddad";
    hit.published = "2025-10-02T11:00:00+03:00";
    hit.language = "ar";
    resp.hits.push_back(hit);
    const std::string html = web::render_search_page(r, resp, "");
    CHECK(html.find("<span class=\"source\">Gulf Herald</span><span class=\"byline\" dir=\"auto\">By Salma Haddad</span>"
                    "<time datetime=\"2025-10-02T11:00:00+03:00\">2 Oct 2025, 11:00 (UTC+03:00)</time>"
                    "<abbr class=\"lang\" title=\"Arabic\">ar</abbr>") != std::string::npos);
    CHECK(html.find("<h3 lang=\"ar\" dir=\"auto\">") != std::string::npos);
}

TEST_CASE("the date histogram places bars on a time axis and links each to its days", "[html_renderer]") {
    searcher::SearchRequest r;
    r.query = "grain";
    searcher::SearchResponse resp;
    resp.request = r;
    resp.date_granularity = "month";
    // January, (no February), March: three slots, the middle one empty.
    resp.dates = {{"2024-01", 2}, {"2024-03", 4}};
    const std::string html = web::render_search_page(r, resp, "");
    CHECK(html.find("aria-label=\"Articles by month\"") != std::string::npos);
    // 260 px wide, 3 slots: January at x 0, March at x 173.33; heights scale to the peak (4 → 80 px).
    CHECK(html.find("<a href=\"/?q=grain&amp;from=2024-01-01&amp;to=2024-01-31\" data-from=\"2024-01-01\" data-to=\"2024-01-31\" "
                    "aria-label=\"2024-01: 2 articles\"><title>2024-01: 2 articles</title><rect class=\"bar\" x=\"0.00\" y=\"40.00\" "
                    "width=\"85.67\" height=\"40.00\"/></a>") != std::string::npos);
    CHECK(html.find("data-from=\"2024-03-01\" data-to=\"2024-03-31\"") != std::string::npos);
    CHECK(html.find("x=\"173.33\" y=\"0.00\"") != std::string::npos);
    // Leap years: February 2024 ends on the 29th; the active range is marked.
    resp.dates = {{"2024-02", 1}, {"2024-03", 1}};
    r.from = "2024-02-01";
    r.to = "2024-02-29";
    const std::string leap = web::render_search_page(r, resp, "");
    CHECK(leap.find("data-from=\"2024-02-01\" data-to=\"2024-02-29\"") != std::string::npos);
    CHECK(leap.find("<rect class=\"bar on\"") != std::string::npos);
    // Days and years.
    resp.date_granularity = "day";
    resp.dates = {{"2024-12-31", 1}, {"2025-01-02", 1}};
    const std::string days = web::render_search_page(r, resp, "");
    CHECK(days.find("data-from=\"2025-01-02\" data-to=\"2025-01-02\"") != std::string::npos);
    CHECK(days.find("x=\"173.33\"") != std::string::npos);  // 31 Dec, (1 Jan), 2 Jan
    resp.date_granularity = "year";
    resp.dates = {{"1999", 1}, {"2001", 1}};
    CHECK(web::render_search_page(r, resp, "").find("data-from=\"2001-01-01\" data-to=\"2001-12-31\"") != std::string::npos);
    // One bucket is no chart.
    resp.dates = {{"2001", 1}};
    CHECK(web::render_search_page(r, resp, "").find("<svg") == std::string::npos);
}

TEST_CASE("the article page shows the byline and links only web urls", "[html_renderer]") {
    schema::Article a;
    a.id = "a";
    a.title = "T";
    a.byline = "By <b>Jane</b>";
    a.url = "data:text/html,<script>alert(1)</script>";
    const std::string html = web::render_article_page(a);
    CHECK(html.find("<span class=\"byline\" dir=\"auto\">By &lt;b&gt;Jane&lt;/b&gt;</span>") != std::string::npos);
    CHECK(html.find("data:text") == std::string::npos);
    CHECK(web::is_web_url("https://example.org/"));
    CHECK(web::is_web_url("http://example.org/"));
    CHECK_FALSE(web::is_web_url("javascript:alert(1)"));
    CHECK_FALSE(web::is_web_url(" https://example.org/"));
    CHECK_FALSE(web::is_web_url("HTTPS://example.org/"));  // not a link; shown as text
}
