// Facet spies and ordering.
#include "searcher/facets.h"

#include "schema/timestamp.h"

#include "schema/facet_value.h"
#include "schema/fields.h"

#include <algorithm>

namespace newshound::searcher {

namespace {

constexpr size_t field_index(schema::FacetField f) {
    for (size_t i = 0; i < std::size(schema::FACET_FIELDS); ++i)
        if (schema::FACET_FIELDS[i] == f) return i;
    return std::size(schema::FACET_FIELDS);
}

}  // namespace

FacetSpy::FacetSpy(const Xapian::Database& db) : db_(db) {}

const FacetCounts& FacetSpy::counts(schema::FacetField field) const { return counts_[field_index(field)]; }

void FacetSpy::count(std::string_view packed) {
    schema::for_each_facet(packed, [&](schema::FacetField field, std::string_view value) {
        const size_t i = field_index(field);
        if (i == std::size(schema::FACET_FIELDS)) return;  // a field this version does not know
        auto& counts = counts_[i];
        if (auto it = counts.find(value); it != counts.end()) ++it->second;
        else counts.emplace(std::string(value), 1);
    });
}

void FacetSpy::operator()(const Xapian::Document& doc, double) {
    const Xapian::docid did = doc.get_docid();
    if (did <= last_) return count(doc.get_value(schema::slot(schema::Slot::FACETS)));
    last_ = did;
    if (!opened_) {
        at_ = db_.valuestream_begin(schema::slot(schema::Slot::FACETS));
        end_ = db_.valuestream_end(schema::slot(schema::Slot::FACETS));
        opened_ = true;
    }
    if (at_ == end_) return;
    if (at_.get_docid() < did) at_.skip_to(did);
    if (at_ != end_ && at_.get_docid() == did) count(*at_);
}

std::vector<FacetCount> top_values(const FacetCounts& counts, size_t limit) {
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


DateHistogram date_histogram(const FacetCounts& days) {
    std::map<std::string, Xapian::doccount> by_day;
    for (const auto& [day, n] : days)
        if (day.size() == 8) by_day[day] = n;
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
