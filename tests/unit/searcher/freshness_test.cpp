// The freshness weight: full for the newest article, halved per half-life, nothing without a date.
#include "searcher/freshness.h"

#include "schema/fields.h"
#include "support/test_support.h"

#include <catch2/catch.hpp>
#include <cmath>

using namespace newshound;

TEST_CASE("freshness: the weight halves every half-life and survives serialisation", "[freshness]") {
    test::TempDir dir;
    const auto slot = schema::slot(schema::Slot::PUBLISHED);
    const double newest = 1'760'000'000, day = 86400;
    {
        Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE_OR_OPEN);
        for (double age_days : {0.0, 7.0, 14.0}) {
            Xapian::Document d;
            d.add_value(slot, Xapian::sortable_serialise(newest - age_days * day));
            db.add_document(d);
        }
        db.add_document(Xapian::Document());  // undated
        db.commit();
    }
    Xapian::Database db((dir / "db").string());
    searcher::FreshnessPostingSource source(slot, newest, 7 * day, 3.0);
    source.init(db);
    CHECK(source.get_maxweight() == 3.0);
    std::vector<double> weights;
    for (source.next(0); !source.at_end(); source.next(0)) weights.push_back(source.get_weight());
    // The undated document has no value in the slot, so the source never visits it.
    REQUIRE(weights.size() == 3);
    CHECK(weights[0] == Approx(3.0));
    CHECK(weights[1] == Approx(1.5));
    CHECK(weights[2] == Approx(0.75));
    std::unique_ptr<searcher::FreshnessPostingSource> copy(source.unserialise(source.serialise()));
    CHECK(copy->serialise() == source.serialise());
    CHECK_THROWS_AS(source.unserialise("nonsense"), Xapian::SerialisationError);
}
