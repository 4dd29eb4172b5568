// Upserts and commits; Xapian errors become IndexError with the path in the message.
#include "indexer/index_writer.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <unordered_map>

#include "indexer/duplicates.h"
#include "indexer/shard_set.h"
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

IndexWriter::IndexWriter(const std::string& path, size_t batch_size, size_t writers)
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
    // Several writers only build a new index: updates need the one index's postings.
    if (writers > 1 && db_.get_doccount() == 0 && ShardSet::existing(path).empty()) {
        try {
            db_.commit();
        } catch (const Xapian::Error& e) {
            throw IndexError("committing index " + path_ + ": " + e.get_description());
        }
        shards_ = std::make_unique<ShardSet>(path, writers, batch_size_);
    }
}

IndexWriter::~IndexWriter() {
    // Closing commits what is pending: every pending document is complete, so an operation aborted by an
    // exception still keeps the articles it had already written.
    shards_.reset();
    try {
        flush_word_data();
        db_.close();
    } catch (const Xapian::Error& e) {
        spdlog::error("closing index {}: {}", path_, e.get_description());
    }
}

void IndexWriter::update_word_data(const Xapian::Document& doc, bool add) {
    // The words of title and text (unprefixed terms: prefixes are upper case), once per article, so the
    // spelling data counts in how many articles a word occurs. Figures and very short or long words are
    // never suggestions.
    constexpr size_t MIN_SPELLING_BYTES = 3;
    constexpr size_t MAX_SPELLING_BYTES = 32;
    const std::string title(schema::prefix::TITLE), language_prefix(schema::prefix::LANGUAGE);
    std::set<std::string> words;
    std::string language;
    body_words_.clear();
    auto has_letter = [](const std::string& w) {
        return std::any_of(w.begin(), w.end(), [](unsigned char c) { return std::isalpha(c) || c >= 0x80; });
    };
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        std::string term = *t;
        const bool prefixed = std::isupper(static_cast<unsigned char>(term[0]));
        if (prefixed && term.starts_with(language_prefix) && !std::isupper(static_cast<unsigned char>(term[language_prefix.size()])))
            language = term.substr(language_prefix.size());
        if (!prefixed && add && has_letter(term)) body_words_.push_back(term);
        // Title words carry the title prefix; a word in both title and text counts once.
        if (term.starts_with(title) && term.size() > title.size() && !std::isupper(static_cast<unsigned char>(term[title.size()])))
            term.erase(0, title.size());
        else if (prefixed) continue;
        if (term.size() < MIN_SPELLING_BYTES || term.size() > MAX_SPELLING_BYTES || !has_letter(term)) continue;
        words.insert(std::move(term));
    }
    // Collected per batch and written at commit: one spelling update per distinct word of the batch
    // instead of one per word per article.
    for (auto& w : words) pending_spelling_[std::move(w)] += add ? 1 : -1;

    // Word forms: each body word that differs from its match key, listed once under the key. Forms stay
    // when their articles go: a stale one only gives a query one more word to compare.
    auto& known = known_forms_[language];
    for (auto& w : body_words_) {
        if (known.size() >= MAX_KNOWN_FORMS) known.clear();
        if (!known.insert(w).second) continue;
        const std::string key = analyzer_.stem(w, language);
        if (key == w) continue;
        if (std::string forms_key = schema::word_forms_key(language, key); !forms_key.empty())
            pending_forms_.emplace_back(std::move(forms_key), std::move(w));
    }
}

void IndexWriter::flush_word_data() {
    for (const auto& [word, delta] : pending_spelling_) {
        if (delta > 0) db_.add_spelling(word, static_cast<Xapian::termcount>(delta));
        else if (delta < 0) db_.remove_spelling(word, static_cast<Xapian::termcount>(-delta));
    }
    pending_spelling_.clear();
    // Xapian's synonym table buffers the entry of one key at a time: grouped by key, each entry is read and
    // written once per batch.
    std::sort(pending_forms_.begin(), pending_forms_.end());
    for (const auto& [key, word] : pending_forms_) db_.add_synonym(key, word);
    pending_forms_.clear();
}

void IndexWriter::upsert(const std::string& id_term, Xapian::Document doc) {
    if (shards_) return shards_->write(id_term, std::move(doc));
    try {
        Xapian::PostingIterator existing = db_.postlist_begin(id_term);
        const bool exists = existing != db_.postlist_end(id_term);
        // Re-running over the same inputs must change nothing, and is much faster if it writes nothing.
        if (exists && same_layout_ && db_.get_document(*existing).get_data() == doc.get_data()) {
            ++stats_.unchanged;
            return;
        }
        const DuplicateProbe probe = probe_of(id_term, doc);
        DatabaseCandidates indexed(db_, exists ? *existing : 0);
        const std::string cluster = find_cluster(probe, {&indexed});
        const bool copy = cluster != probe.own_cluster;
        set_cluster(doc, cluster, copy);
        if (copy) ++stats_.near_duplicates;
        write_document(id_term, std::move(doc), exists ? std::optional(*existing) : std::nullopt);
        // The cluster's first article gets the collapse value once a copy joins (or when it is itself
        // re-written while it has copies).
        if (copy || db_.get_termfreq(std::string(schema::prefix::CLUSTER) + cluster) > 1) mark_shared_cluster(db_, cluster, true);
    } catch (const Xapian::Error& e) {
        throw IndexError("writing to index " + path_ + ": " + e.get_description());
    }
}

void IndexWriter::write_clustered(const std::string& id_term, Xapian::Document doc) {
    try {
        Xapian::PostingIterator existing = db_.postlist_begin(id_term);
        const bool exists = existing != db_.postlist_end(id_term);
        if (exists && same_layout_ && db_.get_document(*existing).get_data() == doc.get_data()) {
            ++stats_.unchanged;
            return;
        }
        write_document(id_term, std::move(doc), exists ? std::optional(*existing) : std::nullopt);
    } catch (const Xapian::Error& e) {
        throw IndexError("writing to index " + path_ + ": " + e.get_description());
    }
}

void IndexWriter::write_document(const std::string& id_term, Xapian::Document doc, std::optional<Xapian::docid> existing) {
    if (existing) update_word_data(db_.get_document(*existing), false);
    update_word_data(doc, true);
    db_.replace_document(id_term, doc);
    ++(existing ? stats_.updated : stats_.added);
    if (++pending_ >= batch_size_) commit();
}

size_t IndexWriter::remove(const std::string& term) {
    if (shards_) return shards_->remove(term);
    try {
        const size_t n = db_.get_termfreq(term);
        if (n > 0) {
            for (auto p = db_.postlist_begin(term); p != db_.postlist_end(term); ++p) update_word_data(db_.get_document(*p), false);
            db_.delete_document(term);
            pending_ += n;
        }
        return n;
    } catch (const Xapian::Error& e) {
        throw IndexError("deleting from index " + path_ + ": " + e.get_description());
    }
}

void IndexWriter::mark_shared_clusters(const std::vector<std::string>& clusters) {
    try {
        for (const auto& cluster : clusters) mark_shared_cluster(db_, cluster, false);
        commit();
    } catch (const Xapian::Error& e) {
        throw IndexError("marking duplicate clusters in " + path_ + ": " + e.get_description());
    }
}

IndexStats IndexWriter::stats() const {
    IndexStats s = stats_;
    if (shards_) shards_->add_stats(s);
    return s;
}

Xapian::doccount IndexWriter::doc_count() const { return db_.get_doccount() + (shards_ ? shards_->doc_count() : 0); }

void IndexWriter::count_skip(const std::string& reason) {
    ++stats_.skipped;
    ++stats_.skipped_by_reason[reason];
}

void IndexWriter::commit() {
    if (shards_) shards_->commit();
    try {
        flush_word_data();
        db_.commit();
        pending_ = 0;
    } catch (const Xapian::Error& e) {
        throw IndexError("committing index " + path_ + ": " + e.get_description());
    }
}

}  // namespace newshound::indexer
