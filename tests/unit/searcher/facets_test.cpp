#include "searcher/facets.h"

#include "schema/facet_value.h"
#include "support/test_support.h"

#include <catch2/catch.hpp>

using namespace newshound;

TEST_CASE("the facet spy counts every field, in docid order or not", "[facets]") {
    test::TempDir dir;
    const auto path = (dir / "db").string();
    {
        Xapian::WritableDatabase db(path, Xapian::DB_CREATE);
        auto add = [&](std::vector<std::string> topics, std::string source) {
            schema::Article a;
            a.topics = std::move(topics);
            a.source = std::move(source);
            Xapian::Document doc;
            doc.add_value(schema::slot(schema::Slot::FACETS), schema::encode_facets(a));
            db.add_document(doc);
        };
        add({"Ukraine", "Europe"}, "Wire");
        add({"Europe"}, "Daily");
        add({}, "Wire");
        db.add_document(Xapian::Document());  // no facets at all
        db.commit();
    }
    Xapian::Database db(path);
    searcher::FacetSpy spy(db);
    // 1, 3, 4 in order (read from the value stream), then 2 out of order (read from the document).
    for (Xapian::docid did : {1u, 3u, 4u, 2u}) spy(db.get_document(did), 1.0);
    CHECK(spy.counts(schema::FacetField::TOPIC) == searcher::FacetCounts{{"Europe", 2}, {"Ukraine", 1}});
    CHECK(spy.counts(schema::FacetField::SOURCE) == searcher::FacetCounts{{"Daily", 1}, {"Wire", 2}});
    CHECK(spy.counts(schema::FacetField::PLACE).empty());
    const auto top = searcher::top_values(spy.counts(schema::FacetField::TOPIC), 1);
    REQUIRE(top.size() == 1);
    CHECK(top[0].value == "Europe");
}

TEST_CASE("the facet table counts what the value stream counts, for its revision only", "[facets]") {
    test::TempDir dir;
    const auto path = (dir / "db").string();
    Xapian::WritableDatabase writer(path, Xapian::DB_CREATE);
    auto add = [&](std::vector<std::string> topics, std::string language) {
        schema::Article a;
        a.topics = std::move(topics);
        a.language = std::move(language);
        Xapian::Document doc;
        doc.add_value(schema::slot(schema::Slot::FACETS), schema::encode_facets(a));
        writer.add_document(doc);
    };
    add({"Ukraine", "Europe"}, "en");
    writer.add_document(Xapian::Document());  // a document without facets between two with them
    add({"Europe"}, "de");
    writer.commit();
    Xapian::Database db(path);
    const searcher::FacetTable table(db, searcher::revision_stamp({db}));
    CHECK(table.current_for(searcher::revision_stamp({db})));
    searcher::FacetSpy by_table(db, &table), by_stream(db);
    for (Xapian::docid did = 1; did <= db.get_lastdocid(); ++did) {
        by_table(db.get_document(did), 1.0);
        by_stream(db.get_document(did), 1.0);
    }
    for (const auto field : schema::FACET_FIELDS) CHECK(by_table.counts(field) == by_stream.counts(field));
    CHECK(by_table.counts(schema::FacetField::TOPIC) == searcher::FacetCounts{{"Europe", 2}, {"Ukraine", 1}});
    CHECK(by_table.counts(schema::FacetField::LANGUAGE) == searcher::FacetCounts{{"en", 1}, {"de", 1}});
    // A new revision makes the table stale.
    add({"Energy"}, "en");
    writer.commit();
    db.reopen();
    CHECK_FALSE(table.current_for(searcher::revision_stamp({db})));
}

TEST_CASE("the date histogram ignores keys that are not days", "[facets]") {
    // An index of an older layout kept topics in this slot: "dlr12345" reads as a day entry there.
    const searcher::FacetCounts days{{"20250827", 2}, {"lr123456", 1}, {"20251399", 1}, {"2025", 4}, {"20250828", 1}};
    const auto h = searcher::date_histogram(days);
    CHECK(h.granularity == "day");
    REQUIRE(h.buckets.size() == 2);
    CHECK(h.buckets[0].value == "2025-08-27");
    CHECK(h.buckets[1].value == "2025-08-28");
}
