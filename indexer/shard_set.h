// Parallel index building: one writer thread per shard database, fed in input order by the thread
// that clusters near-duplicates. Xapian's writing (inverting, merging postings, compressing) is the
// serial part of indexing; shards split it across cores, and compaction merges them (merge_shards).
#pragma once

#include "indexer/duplicates.h"
#include "indexer/index_writer.h"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_set>
#include <vector>
#include <xapian.h>

namespace newshound::indexer {

/// Beside the index folder while it is built in parallel: `path` + SHARD_SUFFIX + number. Committed
/// shards are merged into the index by merge_shards, also after a crash (recover_compaction).
inline constexpr const char* SHARD_SUFFIX = ".newshound-shard-";

/// The folders beside `path` named `path` + `suffix` + a number, in number order.
[[nodiscard]] std::vector<std::string> numbered_beside(const std::string& path, std::string_view suffix);

/// Not thread-safe: write, commit and remove are called from one thread (the IndexWriter's).
class ShardSet {
public:
    /// Documents queued per shard: bounds memory, and lets a writer go on while another commits.
    static constexpr size_t QUEUE_CAPACITY = 128;

    /// Creates `shards` empty shard databases beside `path` and starts their writer threads.
    /// Throws IndexError when a shard cannot be created.
    ShardSet(const std::string& path, size_t shards, size_t batch_size);
    /// Commits what the writers hold and stops them (errors are logged: the shards keep every commit).
    ~ShardSet();
    ShardSet(const ShardSet&) = delete;
    ShardSet& operator=(const ShardSet&) = delete;

    /// Clusters the document against every earlier one of the run and queues it for the shard its id
    /// hashes to (so a repeated id replaces its earlier version). Rethrows a writer's failure.
    void write(const std::string& id_term, Xapian::Document doc);
    /// Waits until every queued document is written and committed.
    void commit();
    /// Commits, then deletes the documents indexed with `term` from every shard.
    size_t remove(const std::string& term);

    /// Adds the shards' counts (added, updated, unchanged, near-duplicates) to `stats`.
    void add_stats(IndexStats& stats) const;
    [[nodiscard]] Xapian::doccount doc_count() const;

    /// The shard folders beside `path` that exist, in number order (a gap left by an interrupted merge
    /// does not hide the folders after it).
    [[nodiscard]] static std::vector<std::string> existing(const std::string& path);

private:
    struct Task {
        std::uint64_t sequence = 0;
        std::string id_term;
        Xapian::Document doc;
    };
    struct Shard {
        std::unique_ptr<IndexWriter> writer;
        std::deque<Task> queue;
        bool commit_requested = false;
        std::uint64_t written_through = 0;    // sequence of the last document written
        std::uint64_t committed_through = 0;  // every document up to this sequence is committed
        std::exception_ptr error;
        // The writer's counts, copied under the lock by its thread (the writer itself is the thread's).
        size_t added = 0;
        size_t updated = 0;
        size_t unchanged = 0;
        Xapian::doccount documents = 0;
        std::thread thread;
    };
    void run(Shard& shard);
    /// Reopens the view of the shards' commits if a writer committed since, and forgets the recent
    /// articles it now shows.
    void refresh_view();
    void rethrow_errors();

    std::vector<std::unique_ptr<Shard>> shards_;
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    std::uint64_t commits_ = 0;  // incremented by the writers at each commit
    bool stopping_ = false;

    // The clustering thread's: what the writers have committed (read-only), and what they have not.
    Xapian::Database view_;
    std::uint64_t view_commits_ = 0;
    RecentCandidates recent_;
    std::uint64_t sequence_ = 0;
    size_t near_duplicates_ = 0;
    /// Clusters that copies joined: their first members get the collapse value at the end. Grows with
    /// the clusters that have copies only (about 3% of Reuters' stories).
    std::unordered_set<std::string> shared_clusters_;
};

}  // namespace newshound::indexer
