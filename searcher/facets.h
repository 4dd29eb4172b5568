// Facet counting over the whole match set, as Xapian match spies.
#pragma once

#include <map>
#include <string>
#include <vector>
#include <xapian.h>

namespace newshound::searcher {

/// One facet value and the number of matching documents that have it.
struct FacetCount {
    std::string value;
    Xapian::doccount count = 0;
};

/// Counts every entry of a multi-valued slot (entries joined by schema::LIST_SEPARATOR), so a document
/// tagged "Ukraine" and "Europe" counts once for each. Not thread-safe (one per Enquire).
class MultiValueCountMatchSpy : public Xapian::MatchSpy {
public:
    explicit MultiValueCountMatchSpy(Xapian::valueno slot) : slot_(slot) {}
    void operator()(const Xapian::Document& doc, double wt) override;
    [[nodiscard]] const std::map<std::string, Xapian::doccount>& counts() const { return counts_; }

private:
    Xapian::valueno slot_;
    std::map<std::string, Xapian::doccount> counts_;
};

/// At most this many buckets in a date histogram: days for spans up to this many days, else months for
/// spans up to this many months, else years.
inline constexpr size_t DATE_HISTOGRAM_MAX_BUCKETS = 62;

struct DateHistogram {
    std::string granularity;  ///< "day", "month", "year"; "" when nothing has a date
    std::vector<FacetCount> buckets;  ///< "2025-09-12" / "2025-09" / "2025", in date order
};

/// Buckets counts of YYYYMMDD day keys (the PUBLISHED_DAY slot) by the coarsest granularity that fits.
[[nodiscard]] DateHistogram date_histogram(const Xapian::ValueCountMatchSpy& days);

/// The `limit` most frequent values, by count descending then value ascending (stable for tests).
[[nodiscard]] std::vector<FacetCount> top_values(const std::map<std::string, Xapian::doccount>& counts, size_t limit);
[[nodiscard]] std::vector<FacetCount> top_values(const Xapian::ValueCountMatchSpy& spy, size_t limit);

}  // namespace newshound::searcher
