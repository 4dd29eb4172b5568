// Facet counting over the whole match set, as Xapian match spies.
#pragma once

#include <cstdint>
#include <map>
#include <string_view>
#include <unordered_map>
#include <string>
#include <vector>
#include <xapian.h>

#include "schema/fields.h"

namespace newshound::searcher {

/// One facet value and the number of matching documents that have it.
struct FacetCount {
    std::string value;
    Xapian::doccount count = 0;
};

/// Hashes std::string and std::string_view alike, so counting looks a value up without copying it.
struct FacetValueHash {
    using is_transparent = void;
    size_t operator()(std::string_view v) const noexcept { return std::hash<std::string_view>{}(v); }
};
using FacetCounts = std::unordered_map<std::string, Xapian::doccount, FacetValueHash, std::equal_to<>>;

/// What a set of databases holds now: each one's uuid and revision (a remote shard's document count and
/// last docid stand in for its revision). Changes with every commit.
[[nodiscard]] std::string revision_stamp(const std::vector<Xapian::Database>& shards);

/// Every document's facet values as ordinals, in memory, for one revision of a database: counting a
/// match is then a few array increments instead of a value read and a string hash per value (what
/// Lucene's doc values do). Built by streaming Slot::FACETS once; about 4 bytes per facet value plus 4
/// per document.
class FacetTable {
public:
    static constexpr size_t FIELDS = std::size(schema::FACET_FIELDS);
    /// Reads `db`, whose revision_stamp() is `stamp`.
    FacetTable(const Xapian::Database& db, std::string stamp);
    /// True while the database is at the revision this table was read from.
    [[nodiscard]] bool current_for(std::string_view stamp) const;
    /// The (field index, ordinal) entries of a document, packed as field << ORDINAL_BITS | ordinal.
    [[nodiscard]] std::pair<const std::uint32_t*, const std::uint32_t*> entries(Xapian::docid did) const;
    [[nodiscard]] const std::vector<std::string>& values(size_t field) const { return values_[field]; }
    static constexpr unsigned ORDINAL_BITS = 28;

private:
    std::string stamp_;
    std::vector<std::uint32_t> offsets_;  // by docid: entries_[offsets_[did], offsets_[did + 1])
    std::vector<std::uint32_t> entries_;
    std::vector<std::string> values_[FIELDS];
};

/// Counts every facet value (Slot::FACETS, schema/facet_value.h) over the whole match set, per field.
/// Multi-valued fields count each entry, so a document tagged "Ukraine" and "Europe" counts once for each.
///
/// The slot is read through a value stream advanced in docid order (the order Xapian matches in):
/// Document::get_value would re-seek a B-tree for nearly every value, because the glass backend caches
/// the value chunk of only the last slot read and the collapse key takes turns with this one. A document
/// that comes out of docid order has its value read directly. Not thread-safe (one per Enquire).
class FacetSpy : public Xapian::MatchSpy {
public:
    /// With a table (current for db), counts by ordinal; without one, reads the slot through a stream.
    explicit FacetSpy(const Xapian::Database& db, const FacetTable* table = nullptr);
    void operator()(const Xapian::Document& doc, double wt) override;
    [[nodiscard]] const FacetCounts& counts(schema::FacetField field) const;
    /// Counts one Slot::FACETS value for `documents` matches (counts from elsewhere: a ValueCountMatchSpy
    /// run by remote shards). Only for a spy without a table.
    void count(std::string_view packed, Xapian::doccount documents = 1);

private:
    const FacetTable* table_;
    std::vector<Xapian::doccount> by_ordinal_[std::size(schema::FACET_FIELDS)];
    std::vector<std::uint32_t> touched_[std::size(schema::FACET_FIELDS)];
    Xapian::Database db_;
    Xapian::ValueIterator at_;
    Xapian::ValueIterator end_;
    bool opened_ = false;
    Xapian::docid last_ = 0;
    mutable FacetCounts counts_[std::size(schema::FACET_FIELDS)];  // filled from by_ordinal_ on first read
    mutable bool materialized_[std::size(schema::FACET_FIELDS)] = {};
};

/// At most this many buckets in a date histogram: days for spans up to this many days, else months for
/// spans up to this many months, else years.
inline constexpr size_t DATE_HISTOGRAM_MAX_BUCKETS = 62;

struct DateHistogram {
    std::string granularity;  ///< "day", "month", "year"; "" when nothing has a date
    std::vector<FacetCount> buckets;  ///< "2025-09-12" / "2025-09" / "2025", in date order
};

/// Buckets counts of YYYYMMDD day keys (the PUBLISHED_DAY slot) by the coarsest granularity that fits.
[[nodiscard]] DateHistogram date_histogram(const FacetCounts& days);

/// The `limit` most frequent values, by count descending then value ascending (stable for tests).
[[nodiscard]] std::vector<FacetCount> top_values(const FacetCounts& counts, size_t limit);

}  // namespace newshound::searcher
