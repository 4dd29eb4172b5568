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
