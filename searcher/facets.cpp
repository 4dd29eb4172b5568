// Facet spies and ordering.
#include "searcher/facets.h"

#include "schema/timestamp.h"

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

DateHistogram date_histogram(const Xapian::ValueCountMatchSpy& days) {
    std::map<std::string, Xapian::doccount> by_day;
    for (auto it = days.values_begin(); it != days.values_end(); ++it)
        if ((*it).size() == 8) by_day[*it] = it.get_termfreq();
    DateHistogram h;
    if (by_day.empty()) return h;
    auto civil = [](const std::string& key) {
        return schema::days_from_civil(std::stoi(key.substr(0, 4)), static_cast<unsigned>(std::stoi(key.substr(4, 2))),
                                       static_cast<unsigned>(std::stoi(key.substr(6, 2))));
    };
    const std::string& first = by_day.begin()->first;
    const std::string& last = by_day.rbegin()->first;
    const long long span_days = civil(last) - civil(first) + 1;
    const long long span_months = (std::stoi(last.substr(0, 4)) - std::stoi(first.substr(0, 4))) * 12LL +
                                  std::stoi(last.substr(4, 2)) - std::stoi(first.substr(4, 2)) + 1;
    size_t key_length = 4;
    h.granularity = "year";
    if (span_days <= static_cast<long long>(DATE_HISTOGRAM_MAX_BUCKETS)) {
        key_length = 8;
        h.granularity = "day";
    } else if (span_months <= static_cast<long long>(DATE_HISTOGRAM_MAX_BUCKETS)) {
        key_length = 6;
        h.granularity = "month";
    }
    std::map<std::string, Xapian::doccount> buckets;
    for (const auto& [day, n] : by_day) buckets[day.substr(0, key_length)] += n;
    for (const auto& [key, n] : buckets) {
        std::string label = key.substr(0, 4);
        if (key.size() >= 6) label += "-" + key.substr(4, 2);
        if (key.size() == 8) label += "-" + key.substr(6, 2);
        h.buckets.push_back({label, n});
    }
    return h;
}

}  // namespace newshound::searcher
