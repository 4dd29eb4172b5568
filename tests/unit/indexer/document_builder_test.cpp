// Document builder: the golden term dump of one article, and values.
#include "indexer/document_builder.h"

#include "indexer/indexer.h"
#include "schema/fields.h"
#include "schema/stored_record.h"
#include "schema/terms.h"
#include "support/test_support.h"

#include <catch2/catch.hpp>

using namespace newshound;

namespace {
// "Sfoo[1,2] Zfoo:6 foo[5]": term, positions in brackets, wdf after a colon when there are no positions.
std::string term_dump(const Xapian::Document& doc) {
    std::string s;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        s += *t;
        if (t.positionlist_count() > 0) {
            s += '[';
            bool first = true;
            for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) {
                s += (first ? "" : ",") + std::to_string(*p);
                first = false;
            }
            s += ']';
        } else {
            s += ":" + std::to_string(t.get_wdf());
        }
        s += '\n';
    }
    return s;
}
}  // namespace

TEST_CASE("document builder lays out terms, filters and values as fields.h says", "[document_builder]") {
    schema::Article a;
    a.id = "golden-1";
    a.url = "https://example.org/golden";
    a.source = "Harbour Gazette";
    a.title = "Kremlin rejects troops";
    a.summary = "Talks stall.";
    a.body = "Peskov said NATO troops were unacceptable.";
    a.published = schema::parse_iso8601("2025-08-27T22:57:00+05:30");
    a.topics = {"Ukraine", "Europe"};
    a.places = {"Moscow"};
    a.language = "en";
    schema::Analyzer analyzer;
    indexer::DocumentBuilder builder(analyzer);
    const Xapian::Document doc = builder.build(a);
    CHECK(test::matches_golden("document_builder_terms.txt", term_dump(doc)));

    using schema::Slot;
    CHECK(doc.get_value(schema::slot(Slot::PUBLISHED_DAY)) == "20250827");
    CHECK(Xapian::sortable_unserialise(doc.get_value(schema::slot(Slot::PUBLISHED))) ==
          static_cast<double>(a.published->utc_seconds));
    const std::string sep(1, schema::LIST_SEPARATOR);
    CHECK(doc.get_value(schema::slot(Slot::FACETS)).rfind("tUkraine" + sep + "tEurope" + sep + "sHarbour Gazette" + sep, 0) == 0);
    const auto back = schema::decode_stored_record(doc.get_data());
    REQUIRE(back);
    CHECK(back->title == a.title);
}

TEST_CASE("complete_article derives the id and detects the language", "[document_builder]") {
    schema::Article a;
    a.url = "https://example.org/x";
    a.title = "Regierung beschließt neues Gesetz";
    a.body = "Die Bundesregierung hat am Mittwoch ein neues Gesetz zur Förderung erneuerbarer Energien beschlossen. "
             "Die Opposition kritisierte den Entwurf als unzureichend.";
    indexer::complete_article(a);
    CHECK(a.id == schema::derive_article_id("https://example.org/x", "", ""));
    CHECK(a.language == "de");
    schema::Article given;
    given.title = "x";
    given.language = "FR";
    indexer::complete_article(given);
    CHECK(given.language == "fr");
}
