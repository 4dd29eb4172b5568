// HTML reader: structured data first, DOM text for the body, charsets, broken markup.
#include "indexer/readers/html_reader.h"

#include "indexer/indexer.h"
#include "support/test_support.h"

#include <catch2/catch.hpp>

using namespace newshound;
using schema::to_iso8601;

namespace {
schema::Article read(const std::string& name) {
    auto r = indexer::read_html(test::read_file(test::fixture("html/" + name)), name);
    REQUIRE(std::holds_alternative<schema::Article>(r));
    return std::get<schema::Article>(r);
}
}  // namespace

TEST_CASE("html: JSON-LD NewsArticle fields win and nav, aside, footer and scripts never reach the body", "[html]") {
    const auto a = read("continental-jsonld.html");
    CHECK(a.title == "Baltic power link opens ahead of schedule");
    CHECK(a.source == "Continental Daily");
    CHECK(a.byline == "Anna Berg");
    CHECK(a.language == "en");
    CHECK(a.topics == std::vector<std::string>{"Energy", "Europe", "Baltic"});
    REQUIRE(a.published);
    CHECK(to_iso8601(*a.published) == "2025-10-20T08:00:00+02:00");
    REQUIRE(a.updated);
    CHECK(to_iso8601(*a.updated) == "2025-10-20T11:30:00+02:00");
    CHECK(a.url == "https://continentaldaily.example/energy/baltic-power-link/?utm_source=rss");
    CHECK(a.body.rfind("An undersea power cable linking the Baltic states", 0) == 0);
    CHECK(a.body.find("\"It works exactly as designed,\" one of them said.") != std::string::npos);
    for (const char* junk : {"Garena", "Stock Market Holiday", "Onam", "Wind auction", "All rights", "color:red"}) {
        INFO(junk);
        CHECK(a.body.find(junk) == std::string::npos);
    }
}

TEST_CASE("html: a declared Latin-1 charset is converted and OpenGraph and keywords are read", "[html]") {
    const auto a = read("latin1-og.html");
    CHECK(a.title == "Caf\xC3\xA9s reopen in the old town' squares");
    CHECK(a.source == "Harbour Gazette");
    CHECK(a.topics == std::vector<std::string>{"Local", "Tourism"});
    CHECK(a.body.find("The caf\xC3\xA9s in the old town reopened") != std::string::npos);
    REQUIRE(a.published);
    CHECK(to_iso8601(*a.published) == "2025-10-04T09:15:00+01:00");
    CHECK(indexer::declared_charset(test::read_file(test::fixture("html/latin1-og.html"))) == "iso-8859-1");
}

TEST_CASE("html: truncated markup still gives what it has and empty markup is a skip", "[html]") {
    const auto a = read("truncated.html");
    CHECK(a.title == "Truncated page about harbour dredging works");
    auto empty = indexer::read_html("<html><body><nav>Home</nav></body></html>", "empty.html");
    CHECK(std::holds_alternative<indexer::SkipReason>(empty));
}

TEST_CASE("html: hostile nesting is cut off instead of overflowing the stack", "[html]") {
    std::string page = "<html><body><p>A normal paragraph of text that is still read from this page.</p><h1>";
    for (int i = 0; i < 20000; ++i) page += "<span>";
    page += "deep</h1></body></html>";
    auto r = indexer::read_html(page, "deep.html");
    REQUIRE(std::holds_alternative<schema::Article>(r));
    CHECK(std::get<schema::Article>(r).body == "A normal paragraph of text that is still read from this page.");
}

TEST_CASE("input formats are sniffed from content", "[html]") {
    using indexer::InputFormat;
    using indexer::sniff_format;
    CHECK(sniff_format("{\"title\":\"x\"}\n") == InputFormat::JSONL);
    CHECK(sniff_format("\xEF\xBB\xBF  <!DOCTYPE html><html>") == InputFormat::HTML);
    CHECK(sniff_format("<div>fragment</div>") == InputFormat::HTML);
    CHECK(sniff_format("<?xml version=\"1.0\"?><rss version=\"2.0\">") == InputFormat::FEED);
    CHECK(sniff_format("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">") == InputFormat::FEED);
    CHECK(sniff_format("Business Standard\nKremlin disapproves") == InputFormat::PAGE_TEXT);
    CHECK(sniff_format(std::string("a\0b", 3)) == InputFormat::UNSUPPORTED);
}

TEST_CASE("html: microdata dates and furniture named by class never reach the body", "[html]") {
    const std::string html =
        "<html lang=it><body><div itemscope itemtype='https://schema.org/NewsArticle'>"
        "<h1 itemprop=headline>Venezia, il Mose alzato 40 volte in un mese</h1>"
        "<span itemprop=datePublished content='2025-11-30T08:15:00+01:00'>30 novembre 2025</span>"
        "<div itemprop=articleBody><p>Le paratoie del Mose sono state sollevate 40 volte nel mese di novembre per proteggere Venezia.</p>"
        "<div class='newsletter-box'><p>Iscriviti alla newsletter e ricevi ogni mattina le notizie più importanti della città.</p></div>"
        "<p>Resta aperto il nodo della manutenzione, che richiederà nuovi finanziamenti dal governo.</p></div></div>"
        "<div id=comments><p>Bellissimo articolo, complimenti alla redazione per il lavoro svolto.</p></div></body></html>";
    auto r = indexer::read_html(html, "venezia.html");
    REQUIRE(std::holds_alternative<schema::Article>(r));
    const auto& a = std::get<schema::Article>(r);
    REQUIRE(a.published);
    CHECK(schema::to_iso8601(*a.published) == "2025-11-30T08:15:00+01:00");
    CHECK(a.body.find("paratoie") != std::string::npos);
    CHECK(a.body.find("manutenzione") != std::string::npos);
    CHECK(a.body.find("Iscriviti") == std::string::npos);
    CHECK(a.body.find("Bellissimo") == std::string::npos);
}
