#include "indexer/duplicates.h"

#include "indexer/extract/fingerprint.h"
#include "schema/fields.h"
#include "schema/terms.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <stdexcept>

namespace newshound::indexer {

namespace {

// Looking at more candidates per term than this would only happen for a flood of copies of one story
// or a phrase every story uses; the first ones are enough to find the cluster.
constexpr size_t MAX_EXACT_CANDIDATES = 256;
constexpr size_t MAX_CANDIDATES_PER_SHINGLE = 64;
// SimHash comparisons per article: the candidates sharing the most shingles come first.
constexpr size_t MAX_SIMHASH_CANDIDATES = 32;

// The terms of `doc` with `prefix`, in order.
std::vector<std::string> terms_with_prefix(Xapian::TermIterator t, const Xapian::TermIterator& end, const std::string& prefix) {
    std::vector<std::string> out;
    for (t.skip_to(prefix); t != end && std::string_view(*t).starts_with(prefix); ++t) out.push_back(*t);
    return out;
}

std::optional<std::int64_t> published_of(const std::string& value) {
    if (value.empty()) return std::nullopt;
    return static_cast<std::int64_t>(Xapian::sortable_unserialise(value));
}

// Copies of a story appear within days; a templated report (a weekly tender, a daily price table)
// repeats its wording weeks apart and is another story each time.
bool close_in_time(const DuplicateInfo& a, const DuplicateInfo& b) {
    if (!a.published || !b.published) return true;
    return std::llabs(*a.published - *b.published) <= std::int64_t{schema::NEAR_DUPLICATE_MAX_DAYS} * 86400;
}

}  // namespace

DuplicateProbe probe_of(const std::string& id_term, const Xapian::Document& doc) {
    DuplicateProbe p;
    p.own_cluster = to_hex(schema::fnv1a64(id_term));
    p.info.published = published_of(doc.get_value(schema::slot(schema::Slot::PUBLISHED)));
    p.info.simhash = from_hex(doc.get_value(schema::slot(schema::Slot::SIMHASH)));
    p.exact_terms = terms_with_prefix(doc.termlist_begin(), doc.termlist_end(), std::string(schema::prefix::BODY_HASH));
    p.shingle_terms = terms_with_prefix(doc.termlist_begin(), doc.termlist_end(), std::string(schema::prefix::SHINGLE));
    return p;
}

void set_cluster(Xapian::Document& doc, const std::string& cluster, bool shared) {
    doc.add_value(schema::slot(schema::Slot::CLUSTER), cluster);
    if (shared) doc.add_value(schema::slot(schema::Slot::COLLAPSE), cluster);
    doc.add_boolean_term(std::string(schema::prefix::CLUSTER) + cluster);
}

void mark_shared_cluster(Xapian::WritableDatabase& db, const std::string& cluster, bool founder_only) {
    const std::string term = std::string(schema::prefix::CLUSTER) + cluster;
    std::vector<Xapian::docid> unmarked;
    for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
        if (db.get_document(*p).get_value(schema::slot(schema::Slot::COLLAPSE)).empty()) unmarked.push_back(*p);
        if (founder_only) break;
    }
    for (const Xapian::docid did : unmarked) {
        Xapian::Document doc = db.get_document(did);
        doc.add_value(schema::slot(schema::Slot::COLLAPSE), cluster);
        db.replace_document(did, doc);
    }
}

void DatabaseCandidates::postings(const std::string& term, size_t max, std::vector<std::uint64_t>& out) {
    size_t seen = 0;
    for (auto p = db_.postlist_begin(term); p != db_.postlist_end(term) && seen < max; ++p, ++seen)
        if (*p != self_) out.push_back(*p);
}

DuplicateInfo DatabaseCandidates::info(std::uint64_t key) {
    const Xapian::Document doc = db_.get_document(static_cast<Xapian::docid>(key));
    return {published_of(doc.get_value(schema::slot(schema::Slot::PUBLISHED))), doc.get_value(schema::slot(schema::Slot::CLUSTER)),
            from_hex(doc.get_value(schema::slot(schema::Slot::SIMHASH)))};
}

size_t DatabaseCandidates::shingle_count(std::uint64_t key) {
    const auto did = static_cast<Xapian::docid>(key);
    return terms_with_prefix(db_.termlist_begin(did), db_.termlist_end(did), std::string(schema::prefix::SHINGLE)).size();
}

void RecentCandidates::add(std::uint64_t sequence, std::size_t tag, const DuplicateProbe& probe, const std::string& cluster) {
    if (!entries_.empty() && sequence <= entries_.back().sequence) throw std::logic_error("RecentCandidates: sequence must increase");
    Entry e{sequence, tag, probe.info, probe.exact_terms, probe.shingle_terms.size()};
    e.info.cluster = cluster;
    e.terms.insert(e.terms.end(), probe.shingle_terms.begin(), probe.shingle_terms.end());
    for (const auto& t : e.terms) by_term_[t].push_back(sequence);
    entries_.push_back(std::move(e));
}

void RecentCandidates::forget_front() {
    const Entry& e = entries_.front();
    for (const auto& t : e.terms) {
        auto it = by_term_.find(t);
        if (it == by_term_.end()) continue;
        auto& keys = it->second;
        keys.erase(std::remove(keys.begin(), keys.end(), e.sequence), keys.end());
        if (keys.empty()) by_term_.erase(it);
    }
    entries_.pop_front();
}

const RecentCandidates::Entry& RecentCandidates::entry(std::uint64_t sequence) const {
    // Sequences increase along the deque: a binary search finds the entry.
    const auto it = std::lower_bound(entries_.begin(), entries_.end(), sequence,
                                     [](const Entry& e, std::uint64_t s) { return e.sequence < s; });
    if (it == entries_.end() || it->sequence != sequence) throw std::logic_error("RecentCandidates: unknown key");
    return *it;
}

void RecentCandidates::postings(const std::string& term, size_t max, std::vector<std::uint64_t>& out) {
    const auto it = by_term_.find(term);
    if (it == by_term_.end()) return;
    for (size_t i = 0; i < it->second.size() && i < max; ++i) out.push_back(it->second[i]);
}

DuplicateInfo RecentCandidates::info(std::uint64_t key) { return entry(key).info; }

size_t RecentCandidates::shingle_count(std::uint64_t key) { return entry(key).shingles; }

std::string find_cluster(const DuplicateProbe& probe, const std::vector<CandidateSource*>& sources) {
    // Only the article's own time window and the nearer neighbouring one (fingerprint.h DuplicateWindows).
    const DuplicateWindows windows = duplicate_windows(probe.info.published);
    // A candidate is (source index, key).
    using Candidate = std::pair<size_t, std::uint64_t>;
    std::map<Candidate, DuplicateInfo> infos;
    auto info_of = [&](const Candidate& c) -> const DuplicateInfo& {
        auto it = infos.find(c);
        if (it == infos.end()) it = infos.emplace(c, sources[c.first]->info(c.second)).first;
        return it->second;
    };
    std::vector<std::uint64_t> keys;

    // 1. An exact copy (same words, any length).
    for (const auto& own_term : probe.exact_terms)
        for (const auto& term : duplicate_lookup_terms(own_term, windows))
            for (size_t s = 0; s < sources.size(); ++s) {
                keys.clear();
                sources[s]->postings(term, MAX_EXACT_CANDIDATES, keys);
                for (const auto key : keys) {
                    const DuplicateInfo& other = info_of({s, key});
                    if (close_in_time(probe.info, other) && !other.cluster.empty()) return other.cluster;
                }
            }

    // Candidates for 2 and 3: the articles of the window sharing sampled shingles, most shared first.
    std::map<Candidate, size_t> shared;
    for (const auto& own_term : probe.shingle_terms)
        for (const auto& term : duplicate_lookup_terms(own_term, windows))
            for (size_t s = 0; s < sources.size(); ++s) {
                keys.clear();
                sources[s]->postings(term, MAX_CANDIDATES_PER_SHINGLE, keys);
                for (const auto key : keys) ++shared[{s, key}];
            }
    std::vector<std::pair<size_t, Candidate>> ranked;
    for (const auto& [c, n] : shared) ranked.emplace_back(n, c);
    std::sort(ranked.rbegin(), ranked.rend());

    // 2. Copies with sentences cut or rewritten: most of the shorter text's sampled shingles are shared.
    for (const auto& [n, c] : ranked) {
        if (n < schema::NEAR_DUPLICATE_MIN_SHARED_SHINGLES) break;
        const size_t theirs = sources[c.first]->shingle_count(c.second);
        if (n * 100 < std::min(theirs, probe.shingle_terms.size()) * schema::NEAR_DUPLICATE_MIN_SHARED_PERCENT) continue;
        const DuplicateInfo& other = info_of(c);
        if (close_in_time(probe.info, other) && !other.cluster.empty()) return other.cluster;
    }

    // 3. Copies with words edited throughout, which break most shingles but keep the SimHash within
    // NEAR_DUPLICATE_MAX_BITS. Such a copy still shares a sampled shingle or more: SimHashes this close
    // mean most 5-word shingles are the same.
    if (!probe.info.simhash) return probe.own_cluster;
    for (size_t i = 0; i < ranked.size() && i < MAX_SIMHASH_CANDIDATES; ++i) {
        const DuplicateInfo& other = info_of(ranked[i].second);
        if (other.simhash && hamming_distance(*probe.info.simhash, *other.simhash) <= schema::NEAR_DUPLICATE_MAX_BITS &&
            close_in_time(probe.info, other) && !other.cluster.empty())
            return other.cluster;
    }
    return probe.own_cluster;
}

}  // namespace newshound::indexer
