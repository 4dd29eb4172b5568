// Ids and filter terms.
#include "schema/terms.h"

#include "schema/analyzer.h"
#include "schema/fields.h"

#include <catch2/catch.hpp>

using namespace newshound::schema;

TEST_CASE("derived ids are stable and depend on url, else content", "[terms]") {
    CHECK(derive_article_id("https://a.example/x", "t", "b") == derive_article_id(" https://a.example/x ", "other", ""));
    CHECK(derive_article_id("https://a.example/x", "", "") != derive_article_id("https://a.example/y", "", ""));
    CHECK(derive_article_id("", "title", "body") == derive_article_id("", "title", "body"));
    CHECK(derive_article_id("", "titlebody", "") != derive_article_id("", "title", "body"));
    CHECK(derive_article_id("", "t", "b").size() == 17);
}

TEST_CASE("id terms never exceed Xapian's limit", "[terms]") {
    const std::string long_id(1000, 'x');
    const std::string term = id_term(long_id);
    CHECK(term.size() <= MAX_TERM_BYTES);
    CHECK(term != id_term(long_id + "y"));
    CHECK(id_term("abc") == "Qabc");
}

TEST_CASE("filter terms are case-folded and trimmed", "[terms]") {
    Analyzer a;
    CHECK(filter_term(prefix::TOPIC, " Ukraine ", a) == "Kukraine");
    CHECK(filter_term(prefix::SOURCE, "Business Standard", a) == "XSRCbusiness standard");
    const std::string huge(400, 'a');
    CHECK(filter_term(prefix::TOPIC, huge, a).size() == MAX_TERM_BYTES);
}

TEST_CASE("urls are normalized before they identify an article", "[terms]") {
    struct Row {
        const char* input;
        const char* expected;
    };
    const Row rows[] = {
        {"HTTPS://News.Example.COM/World/Story/", "https://news.example.com/World/Story"},
        {"https://news.example.com:443/a?utm_source=x&id=7&utm_medium=y#comments", "https://news.example.com/a?id=7"},
        {"http://news.example.com:80/", "http://news.example.com"},
        {"https://news.example.com/a?fbclid=abc", "https://news.example.com/a"},
        {"https://news.example.com:8080/a?b=1&c=2", "https://news.example.com:8080/a?b=1&c=2"},
        {"  not a url  ", "not a url"},
    };
    for (const auto& row : rows) {
        INFO(row.input);
        CHECK(normalize_url(row.input) == row.expected);
    }
    CHECK(derive_article_id("https://a.example/x/?utm_campaign=z", "", "") == derive_article_id("HTTPS://A.EXAMPLE/x", "", ""));
    CHECK(url_term(std::string("https://a.example/") + std::string(400, 'p')).size() <= MAX_TERM_BYTES);
}
