// Facet spies and ordering.
#include "searcher/facets.h"

#include "schema/timestamp.h"

#include "schema/facet_value.h"
#include "schema/fields.h"

#include <algorithm>
#include <cctype>

namespace newshound::searcher {

namespace {

constexpr size_t field_index(schema::FacetField f) {
    for (size_t i = 0; i < std::size(schema::FACET_FIELDS); ++i)
        if (schema::FACET_FIELDS[i] == f) return i;
    return std::size(schema::FACET_FIELDS);
}

}  // namespace

std::string revision_stamp(const std::vector<Xapian::Database>& shards) {
    std::string stamp;
    for (const auto& shard : shards) {
        stamp += shard.get_uuid() + ":";
        try {
            stamp += std::to_string(shard.get_revision());
        } catch (const Xapian::Error&) {  // a remote shard does not tell its revision
            stamp += std::to_string(shard.get_doccount()) + "/" + std::to_string(shard.get_lastdocid());
        }
        stamp += ",";
    }
    return stamp;
}

FacetTable::FacetTable(const Xapian::Database& db, std::string stamp) : stamp_(std::move(stamp)) {
    const Xapian::docid last = db.get_lastdocid();
    offsets_.assign(static_cast<size_t>(last) + 2, 0);
    std::unordered_map<std::string, std::uint32_t> ordinals[FIELDS];
    const Xapian::valueno facets = schema::slot(schema::Slot::FACETS);
    Xapian::docid filled = 0;  // offsets_[0..filled] are set
    for (auto it = db.valuestream_begin(facets); it != db.valuestream_end(facets); ++it) {
        const Xapian::docid did = it.get_docid();
        while (filled < did) offsets_[++filled] = static_cast<std::uint32_t>(entries_.size());
        schema::for_each_facet(*it, [&](schema::FacetField f, std::string_view v) {
            const size_t field = field_index(f);
            if (field == FIELDS) return;
            auto [at, added] = ordinals[field].try_emplace(std::string(v), static_cast<std::uint32_t>(values_[field].size()));
            if (added) values_[field].emplace_back(v);
            entries_.push_back(static_cast<std::uint32_t>(field) << ORDINAL_BITS | at->second);
        });
    }
    while (filled <= last) offsets_[++filled] = static_cast<std::uint32_t>(entries_.size());
}

bool FacetTable::current_for(std::string_view stamp) const { return stamp_ == stamp; }

std::pair<const std::uint32_t*, const std::uint32_t*> FacetTable::entries(Xapian::docid did) const {
    if (did + 1 >= offsets_.size()) return {nullptr, nullptr};
    return {entries_.data() + offsets_[did], entries_.data() + offsets_[did + 1]};
}

FacetSpy::FacetSpy(const Xapian::Database& db, const FacetTable* table) : table_(table), db_(db) {
    if (table_)
        for (size_t f = 0; f < FacetTable::FIELDS; ++f) by_ordinal_[f].assign(table_->values(f).size(), 0);
}

const FacetCounts& FacetSpy::counts(schema::FacetField field) const {
    const size_t i = field_index(field);
    if (table_ && !materialized_[i]) {
        for (const std::uint32_t ord : touched_[i]) counts_[i].emplace(table_->values(i)[ord], by_ordinal_[i][ord]);
        materialized_[i] = true;
    }
    return counts_[i];
}

void FacetSpy::count(std::string_view packed, Xapian::doccount documents) {
    schema::for_each_facet(packed, [&](schema::FacetField field, std::string_view value) {
        const size_t i = field_index(field);
        if (i == std::size(schema::FACET_FIELDS)) return;  // a field this version does not know
        auto& counts = counts_[i];
        if (auto it = counts.find(value); it != counts.end()) it->second += documents;
        else counts.emplace(std::string(value), documents);
    });
}

void FacetSpy::operator()(const Xapian::Document& doc, double) {
    const Xapian::docid did = doc.get_docid();
    if (table_) {
        constexpr std::uint32_t ORDINAL_MASK = (1u << FacetTable::ORDINAL_BITS) - 1;
        const auto [begin, end] = table_->entries(did);
        for (const std::uint32_t* e = begin; e != end; ++e) {
            const size_t field = *e >> FacetTable::ORDINAL_BITS;
            const std::uint32_t ord = *e & ORDINAL_MASK;
            if (by_ordinal_[field][ord]++ == 0) touched_[field].push_back(ord);
        }
        return;
    }
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
    // Only real YYYYMMDD keys: an index of an older layout can hold other text in this slot, and a
    // malformed key must not end the search.
    auto is_day = [](const std::string& key) {
        if (key.size() != 8 || !std::all_of(key.begin(), key.end(), [](unsigned char c) { return std::isdigit(c); })) return false;
        const int month = std::stoi(key.substr(4, 2)), day = std::stoi(key.substr(6, 2));
        return month >= 1 && month <= 12 && day >= 1 && day <= 31;
    };
    for (const auto& [day, n] : days)
        if (is_day(day)) by_day[day] = n;
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
