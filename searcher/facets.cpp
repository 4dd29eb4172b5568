// Facet spies and ordering.
#include "searcher/facets.h"

#include "schema/fields.h"

#include <algorithm>

namespace newshound::searcher {

void MultiValueCountMatchSpy::operator()(const Xapian::Document& doc, double) {
    const std::string packed = doc.get_value(slot_);
    if (packed.empty()) return;
    size_t start = 0;
    while (true) {
        const size_t sep = packed.find(schema::LIST_SEPARATOR, start);
        const size_t end = sep == std::string::npos ? packed.size() : sep;
        if (end > start) ++counts_[packed.substr(start, end - start)];
        if (sep == std::string::npos) break;
        start = sep + 1;
    }
}

std::vector<FacetCount> top_values(const std::map<std::string, Xapian::doccount>& counts, size_t limit) {
    std::vector<FacetCount> out;
    out.reserve(counts.size());
    for (const auto& [v, n] : counts) out.push_back({v, n});
    auto by_count = [](const FacetCount& a, const FacetCount& b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    };
    if (out.size() > limit) {
        std::partial_sort(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(limit), out.end(), by_count);
        out.resize(limit);
    } else {
        std::sort(out.begin(), out.end(), by_count);
    }
    return out;
}

std::vector<FacetCount> top_values(const Xapian::ValueCountMatchSpy& spy, size_t limit) {
    std::map<std::string, Xapian::doccount> counts;
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it) counts[*it] = it.get_termfreq();
    return top_values(counts, limit);
}

}  // namespace newshound::searcher
