// Upserts and commits; Xapian errors become IndexError with the path in the message.
#include "indexer/index_writer.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "indexer/extract/fingerprint.h"
#include "schema/fields.h"
#include "schema/terms.h"

#include <filesystem>
#include <spdlog/spdlog.h>

namespace newshound::indexer {

namespace {

Xapian::WritableDatabase open_writable(const std::string& path) {
    // Xapian creates only the last folder of the path; a new index may be several levels deep.
    std::error_code ec;
    std::filesystem::create_directories(path, ec);
    if (ec) throw IndexError("cannot create index folder " + path + ": " + ec.message());
    try {
        return Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::DatabaseLockError& e) {
        throw IndexError("index " + path + " is locked by another writer: " + e.get_msg());
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot open index " + path + ": " + e.get_description());
    }
}

}  // namespace

IndexWriter::IndexWriter(const std::string& path, size_t batch_size)
    : path_(path), db_(open_writable(path)), batch_size_(batch_size == 0 ? 1 : batch_size) {
    const std::string current = std::to_string(schema::LAYOUT_VERSION);
    const std::string stored = db_.get_metadata(std::string(schema::LAYOUT_VERSION_KEY));
    // An empty index takes the current layout; a filled one written by another version is rewritten.
    same_layout_ = stored == current || db_.get_doccount() == 0;
    if (stored != current) {
        if (!same_layout_)
            spdlog::info("index {} has layout version '{}', current is {}: articles will be rewritten", path, stored, current);
        db_.set_metadata(std::string(schema::LAYOUT_VERSION_KEY), current);
    }
}

IndexWriter::~IndexWriter() {
    // Closing commits what is pending: every pending document is complete, so an operation aborted by an
    // exception still keeps the articles it had already written.
    try {
        flush_spelling();
        db_.close();
    } catch (const Xapian::Error& e) {
        spdlog::error("closing index {}: {}", path_, e.get_description());
    }
}

namespace {

// The terms of `doc` with `prefix`, in order.
std::vector<std::string> terms_with_prefix(Xapian::TermIterator t, const Xapian::TermIterator& end, const std::string& prefix) {
    std::vector<std::string> out;
    for (t.skip_to(prefix); t != end && std::string_view(*t).starts_with(prefix); ++t) out.push_back(*t);
    return out;
}

}  // namespace

std::string IndexWriter::cluster_for(const std::string& id_term, const Xapian::Document& doc, Xapian::docid self) {
    // Looking at more candidates per term than this would only happen for a flood of copies of one story
    // or a phrase every story uses; the first ones are enough to find the cluster.
    constexpr int MAX_EXACT_CANDIDATES = 256;
    constexpr int MAX_CANDIDATES_PER_SHINGLE = 64;
    // SimHash comparisons per article: the candidates sharing the most shingles come first.
    constexpr int MAX_SIMHASH_CANDIDATES = 32;
    const std::string own = to_hex(schema::fnv1a64(id_term));
    const std::string published = doc.get_value(schema::slot(schema::Slot::PUBLISHED));
    // Copies of a story appear within days; a templated report (a weekly tender, a daily price table)
    // repeats its wording weeks apart and is another story each time.
    auto close_in_time = [&](const Xapian::Document& other) {
        const std::string theirs = other.get_value(schema::slot(schema::Slot::PUBLISHED));
        if (published.empty() || theirs.empty()) return true;
        const double seconds = std::abs(Xapian::sortable_unserialise(published) - Xapian::sortable_unserialise(theirs));
        return seconds <= schema::NEAR_DUPLICATE_MAX_DAYS * 86400.0;
    };
    auto cluster_of = [&](Xapian::docid did) -> std::string {
        if (did == self) return {};
        const Xapian::Document other = db_.get_document(did);
        return close_in_time(other) ? other.get_value(schema::slot(schema::Slot::CLUSTER)) : std::string();
    };

    // Only the article's own time window and the nearer neighbouring one (fingerprint.h DuplicateWindows).
    const DuplicateWindows windows = duplicate_windows(
        published.empty() ? std::nullopt : std::optional(static_cast<std::int64_t>(Xapian::sortable_unserialise(published))));

    // 1. An exact copy (same words, any length).
    for (const auto& own_term : terms_with_prefix(doc.termlist_begin(), doc.termlist_end(), std::string(schema::prefix::BODY_HASH))) {
        for (const auto& exact : duplicate_lookup_terms(own_term, windows)) {
            int seen = 0;
            for (auto p = db_.postlist_begin(exact); p != db_.postlist_end(exact) && seen < MAX_EXACT_CANDIDATES; ++p, ++seen)
                if (auto cluster = cluster_of(*p); !cluster.empty()) return cluster;
        }
    }

    // Candidates for 2 and 3: the articles of the window sharing sampled shingles, most shared first.
    const std::string shingle_prefix(schema::prefix::SHINGLE);
    const auto own_shingles = terms_with_prefix(doc.termlist_begin(), doc.termlist_end(), shingle_prefix);
    std::map<Xapian::docid, size_t> shared;
    for (const auto& own_term : own_shingles) {
        for (const auto& term : duplicate_lookup_terms(own_term, windows)) {
            int seen = 0;
            for (auto p = db_.postlist_begin(term); p != db_.postlist_end(term) && seen < MAX_CANDIDATES_PER_SHINGLE; ++p, ++seen)
                if (*p != self) ++shared[*p];
        }
    }
    std::vector<std::pair<size_t, Xapian::docid>> ranked;
    for (const auto& [did, n] : shared) ranked.emplace_back(n, did);
    std::sort(ranked.rbegin(), ranked.rend());

    // 2. Copies with sentences cut or rewritten: most of the shorter text's sampled shingles are shared.
    for (const auto& [n, did] : ranked) {
        if (n < schema::NEAR_DUPLICATE_MIN_SHARED_SHINGLES) break;
        const size_t theirs = terms_with_prefix(db_.termlist_begin(did), db_.termlist_end(did), shingle_prefix).size();
        if (n * 100 < std::min(theirs, own_shingles.size()) * schema::NEAR_DUPLICATE_MIN_SHARED_PERCENT) continue;
        if (auto cluster = cluster_of(did); !cluster.empty()) return cluster;
    }

    // 3. Copies with words edited throughout, which break most shingles but keep the SimHash within
    // NEAR_DUPLICATE_MAX_BITS. Such a copy still shares a sampled shingle or more: SimHashes this close
    // mean most 5-word shingles are the same.
    const auto hash = from_hex(doc.get_value(schema::slot(schema::Slot::SIMHASH)));
    if (!hash) return own;
    int checked = 0;
    for (const auto& [n, did] : ranked) {
        if (++checked > MAX_SIMHASH_CANDIDATES) break;
        const Xapian::Document other = db_.get_document(did);
        const auto other_hash = from_hex(other.get_value(schema::slot(schema::Slot::SIMHASH)));
        if (other_hash && hamming_distance(*hash, *other_hash) <= schema::NEAR_DUPLICATE_MAX_BITS && close_in_time(other)) {
            const std::string cluster = other.get_value(schema::slot(schema::Slot::CLUSTER));
            if (!cluster.empty()) return cluster;
        }
    }
    return own;
}

void IndexWriter::update_spelling(const Xapian::Document& doc, bool add) {
    // The words of title and text (unprefixed terms: prefixes are upper case), once per article, so the
    // spelling data counts in how many articles a word occurs. Figures and very short or long words are
    // never suggestions.
    constexpr size_t MIN_SPELLING_BYTES = 3;
    constexpr size_t MAX_SPELLING_BYTES = 32;
    const std::string title(schema::prefix::TITLE);
    std::set<std::string> words;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        std::string term = *t;
        // Title words carry the title prefix; a word in both title and text counts once.
        if (term.starts_with(title) && term.size() > title.size() && !std::isupper(static_cast<unsigned char>(term[title.size()])))
            term.erase(0, title.size());
        else if (std::isupper(static_cast<unsigned char>(term[0]))) continue;
        if (term.size() < MIN_SPELLING_BYTES || term.size() > MAX_SPELLING_BYTES) continue;
        if (!std::any_of(term.begin(), term.end(), [](unsigned char c) { return std::isalpha(c) || c >= 0x80; })) continue;
        words.insert(std::move(term));
    }
    // Collected per batch and written at commit: one spelling update per distinct word of the batch
    // instead of one per word per article.
    for (auto& w : words) pending_spelling_[std::move(w)] += add ? 1 : -1;
}

void IndexWriter::flush_spelling() {
    for (const auto& [word, delta] : pending_spelling_) {
        if (delta > 0) db_.add_spelling(word, static_cast<Xapian::termcount>(delta));
        else if (delta < 0) db_.remove_spelling(word, static_cast<Xapian::termcount>(-delta));
    }
    pending_spelling_.clear();
}

void IndexWriter::upsert(const std::string& id_term, Xapian::Document doc) {
    try {
        Xapian::PostingIterator existing = db_.postlist_begin(id_term);
        const bool exists = existing != db_.postlist_end(id_term);
        // Re-running over the same inputs must change nothing, and is much faster if it writes nothing.
        if (exists && same_layout_ && db_.get_document(*existing).get_data() == doc.get_data()) {
            ++stats_.unchanged;
            return;
        }
        const std::string cluster = cluster_for(id_term, doc, exists ? *existing : 0);
        doc.add_value(schema::slot(schema::Slot::CLUSTER), cluster);
        doc.add_boolean_term(std::string(schema::prefix::CLUSTER) + cluster);
        if (cluster != to_hex(schema::fnv1a64(id_term))) ++stats_.near_duplicates;
        if (exists) update_spelling(db_.get_document(*existing), false);
        update_spelling(doc, true);
        db_.replace_document(id_term, doc);
        ++(exists ? stats_.updated : stats_.added);
        if (++pending_ >= batch_size_) commit();
    } catch (const Xapian::Error& e) {
        throw IndexError("writing to index " + path_ + ": " + e.get_description());
    }
}

size_t IndexWriter::remove(const std::string& term) {
    try {
        const size_t n = db_.get_termfreq(term);
        if (n > 0) {
            for (auto p = db_.postlist_begin(term); p != db_.postlist_end(term); ++p) update_spelling(db_.get_document(*p), false);
            db_.delete_document(term);
            pending_ += n;
        }
        return n;
    } catch (const Xapian::Error& e) {
        throw IndexError("deleting from index " + path_ + ": " + e.get_description());
    }
}

void IndexWriter::count_skip(const std::string& reason) {
    ++stats_.skipped;
    ++stats_.skipped_by_reason[reason];
}

void IndexWriter::commit() {
    try {
        flush_spelling();
        db_.commit();
        pending_ = 0;
    } catch (const Xapian::Error& e) {
        throw IndexError("committing index " + path_ + ": " + e.get_description());
    }
}

}  // namespace newshound::indexer
