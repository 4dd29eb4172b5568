// Owns the WritableDatabase: upsert by unique id term, batched commits, counts of what happened.
#pragma once

#include "schema/analyzer.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>
#include <xapian.h>

namespace newshound::indexer {

class ShardSet;

/// Raised when the database cannot be opened or written: the run cannot go on.
class IndexError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// What a run did. `skipped_by_reason` counts skips by reason text.
struct IndexStats {
    size_t read = 0;  ///< input items seen: articles and skips
    size_t added = 0;
    size_t updated = 0;
    size_t unchanged = 0;  ///< already indexed with the same stored record: not rewritten
    size_t near_duplicates = 0;  ///< added or updated into the duplicate cluster of an earlier article
    size_t skipped = 0;
    std::map<std::string, size_t> skipped_by_reason;
};

/// Commit after this many changes: large enough for throughput, small enough that an interrupted run
/// loses little and memory stays bounded.
inline constexpr size_t DEFAULT_BATCH_SIZE = 2000;

/// Not thread-safe. Each committed batch is durable: a crash loses at most the batch in progress.
///
/// With `writers` > 1 and an empty index, the writer builds the index in parallel: documents are
/// clustered here, in input order, and written by `writers` threads into shard databases beside the
/// index (ShardSet), which merge_shards() (compaction.h) merges into it once the writer is closed.
class IndexWriter {
public:
    /// Opens or creates the database at `path`. Throws IndexError (naming the path) on failure, including
    /// when another writer holds the lock.
    IndexWriter(const std::string& path, size_t batch_size = DEFAULT_BATCH_SIZE, size_t writers = 1);
    ~IndexWriter();
    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;

    /// Adds the document, or replaces the one with the same unique id term, or leaves it when the stored
    /// record is identical (and the index has the current layout). Commits when a batch is full.
    /// Throws IndexError on a write failure.
    /// Before writing, puts the document in the duplicate cluster of an indexed copy (duplicates.h
    /// find_cluster), or in a cluster of its own (value CLUSTER, term XCL…).
    void upsert(const std::string& id_term, Xapian::Document doc);

    /// Deletes every document indexed with `term` (an id or url term); returns how many there were.
    /// Throws IndexError on a write failure. The deletion is durable after the next commit().
    size_t remove(const std::string& term);

    /// Counts an input item (article or skip) as read.
    void count_read() { ++stats_.read; }

    /// Records a skipped input item in the stats (the caller logs it).
    void count_skip(const std::string& reason);

    /// Commits pending changes. Throws IndexError on failure.
    void commit();

    /// Writes a document whose cluster is already set (set_cluster), as a shard's writer thread does:
    /// upsert without the clustering. An indexed article with the same stored record is left as it is.
    /// Commits when a batch is full.
    void write_clustered(const std::string& id_term, Xapian::Document doc);
    /// Gives every member of these clusters (ones with copies, perhaps in other shards of a parallel
    /// build) the COLLAPSE value, and commits.
    void mark_shared_clusters(const std::vector<std::string>& clusters);
    /// Changes not committed yet.
    [[nodiscard]] size_t pending() const { return pending_; }

    /// What the run did (in parallel mode, summed over the shards).
    [[nodiscard]] IndexStats stats() const;
    /// Documents in the index (in parallel mode, in the shards).
    [[nodiscard]] Xapian::doccount doc_count() const;

private:
    /// Replaces or adds the document (`existing`: its docid when indexed), updating the spelling data and
    /// counts; commits when a batch is full.
    void write_document(const std::string& id_term, Xapian::Document doc, std::optional<Xapian::docid> existing);
    /// Adds (or removes) the article's words to the spelling data that did-you-mean suggestions use, and
    /// (adding) its body words' forms to the synonym table under their match keys (schema word_forms_key).
    void update_word_data(const Xapian::Document& doc, bool add);
    /// Writes the batch's spelling and word form changes; called before every commit and on close.
    void flush_word_data();

    std::string path_;
    Xapian::WritableDatabase db_;
    size_t batch_size_;
    size_t pending_ = 0;
    std::unordered_map<std::string, int> pending_spelling_;  // word → articles added minus removed, this batch
    /// Per language, the words whose form is already written or pending: each distinct word is stemmed
    /// once per run, not once per article. Starts over past MAX_KNOWN_FORMS (re-adding is harmless).
    static constexpr size_t MAX_KNOWN_FORMS = 1 << 20;
    std::map<std::string, std::unordered_set<std::string>, std::less<>> known_forms_;
    std::vector<std::pair<std::string, std::string>> pending_forms_;  // (word forms key, word), this batch
    std::vector<std::string> body_words_;  // reused by update_word_data
    schema::Analyzer analyzer_;            // the match keys of word forms
    bool same_layout_ = false;  // the index was written with schema::LAYOUT_VERSION: unchanged articles can be skipped
    IndexStats stats_;
    std::unique_ptr<ShardSet> shards_;  // parallel mode only
};

}  // namespace newshound::indexer
