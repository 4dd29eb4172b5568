#include "indexer/shard_set.h"

#include "schema/terms.h"

#include <algorithm>
#include <filesystem>
#include <spdlog/spdlog.h>

namespace newshound::indexer {

namespace {

std::string shard_path(const std::string& path, size_t i) { return path + SHARD_SUFFIX + std::to_string(i); }

}  // namespace

std::vector<std::string> ShardSet::existing(const std::string& path) {
    return numbered_beside(path, SHARD_SUFFIX);
}

std::vector<std::string> numbered_beside(const std::string& path, std::string_view suffix) {
    namespace fs = std::filesystem;
    const fs::path db(path);
    const fs::path parent = db.has_parent_path() ? db.parent_path() : fs::path(".");
    const std::string stem = db.filename().string() + std::string(suffix);
    std::vector<std::pair<unsigned long, std::string>> found;
    std::error_code ec;
    for (fs::directory_iterator it(parent, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.size() <= stem.size() || name.compare(0, stem.size(), stem) != 0) continue;
        const std::string_view number = std::string_view(name).substr(stem.size());
        // Digits only, and few enough to read as a number: `db.newshound-shard-1.copy` is not a shard.
        if (number.size() > 9 || number.find_first_not_of("0123456789") != std::string_view::npos) continue;
        found.emplace_back(std::stoul(std::string(number)), path + std::string(suffix) + std::string(number));
    }
    std::sort(found.begin(), found.end());
    std::vector<std::string> out;
    for (auto& [number, folder] : found) out.push_back(std::move(folder));
    return out;
}

ShardSet::ShardSet(const std::string& path, size_t shards, size_t batch_size) {
    for (size_t i = 0; i < shards; ++i) {
        // Only built when no shard folder exists (IndexWriter): nothing here holds an article.
        std::error_code ec;
        std::filesystem::remove_all(shard_path(path, i), ec);
        if (ec) throw IndexError("cannot remove stale shard " + shard_path(path, i) + ": " + ec.message());
        auto shard = std::make_unique<Shard>();
        shard->writer = std::make_unique<IndexWriter>(shard_path(path, i), batch_size);
        shard->writer->commit();  // a first revision, so the view can open it
        shards_.push_back(std::move(shard));
    }
    try {
        for (size_t i = 0; i < shards; ++i) view_.add_database(Xapian::Database(shard_path(path, i)));
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot read back shard of " + path + ": " + e.get_description());
    }
    for (auto& shard : shards_) shard->thread = std::thread([this, s = shard.get()] { run(*s); });
    spdlog::info("building {} with {} writers in parallel", path, shards);
}

ShardSet::~ShardSet() {
    try {
        commit();
        // The first article of each cluster was written before its copies were known, perhaps into
        // another shard. Every writer thread is idle now.
        const std::vector<std::string> shared(shared_clusters_.begin(), shared_clusters_.end());
        for (auto& shard : shards_) shard->writer->mark_shared_clusters(shared);
    } catch (const std::exception& e) {
        spdlog::error("committing shards: {}", e.what());
    }
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    for (auto& shard : shards_) shard->thread.join();
}

void ShardSet::run(Shard& shard) {
    std::unique_lock lock(mutex_);
    while (true) {
        changed_.wait(lock, [&] { return stopping_ || !shard.queue.empty() || shard.commit_requested; });
        if (!shard.queue.empty()) {
            Task task = std::move(shard.queue.front());
            shard.queue.pop_front();
            changed_.notify_all();  // room in the queue
            if (shard.error) continue;  // after a failure, documents are dropped: the run is failing
            lock.unlock();
            std::exception_ptr error;
            bool committed = false;
            IndexStats counts;
            Xapian::doccount documents = 0;
            try {
                shard.writer->write_clustered(task.id_term, std::move(task.doc));
                committed = shard.writer->pending() == 0;
                counts = shard.writer->stats();
                documents = shard.writer->doc_count();
            } catch (...) {
                error = std::current_exception();
            }
            lock.lock();
            shard.written_through = task.sequence;
            if (!error) {
                shard.added = counts.added;
                shard.updated = counts.updated;
                shard.unchanged = counts.unchanged;
                shard.documents = documents;
            }
            if (error) shard.error = error;
            if (committed) {
                shard.committed_through = task.sequence;
                ++commits_;
            }
            continue;
        }
        if (shard.commit_requested) {
            lock.unlock();
            std::exception_ptr error;
            try {
                if (!shard.error) shard.writer->commit();
            } catch (...) {
                error = std::current_exception();
            }
            lock.lock();
            if (error) shard.error = error;
            shard.committed_through = shard.written_through;
            shard.commit_requested = false;
            ++commits_;
            changed_.notify_all();
            continue;
        }
        if (stopping_) return;
    }
}

void ShardSet::rethrow_errors() {
    std::lock_guard lock(mutex_);
    for (auto& shard : shards_)
        if (shard->error) std::rethrow_exception(shard->error);
}

void ShardSet::refresh_view() {
    std::vector<std::uint64_t> committed;
    std::uint64_t commits = 0;
    {
        std::lock_guard lock(mutex_);
        commits = commits_;
        if (commits == view_commits_) return;
        for (const auto& shard : shards_) committed.push_back(shard->committed_through);
    }
    // Reopened after reading what is committed, so the view shows at least that.
    view_.reopen();
    view_commits_ = commits;
    recent_.forget_front_while([&](std::uint64_t sequence, size_t shard) { return sequence <= committed[shard]; });
}

void ShardSet::write(const std::string& id_term, Xapian::Document doc) {
    rethrow_errors();
    const DuplicateProbe probe = probe_of(id_term, doc);
    std::string cluster;
    // A writer may commit twice while the view reads an older revision; reading again from the latest
    // one is the remedy Xapian prescribes.
    constexpr int MAX_ATTEMPTS = 4;
    for (int attempt = 1;; ++attempt) {
        try {
            refresh_view();
            DatabaseCandidates committed(view_);
            cluster = find_cluster(probe, {&committed, &recent_});
            break;
        } catch (const Xapian::DatabaseModifiedError& e) {
            if (attempt == MAX_ATTEMPTS) throw IndexError("reading back the shards: " + e.get_description());
            view_.reopen();
        } catch (const Xapian::Error& e) {
            throw IndexError("reading back the shards: " + e.get_description());
        }
    }
    const bool copy = cluster != probe.own_cluster;
    set_cluster(doc, cluster, copy);
    if (copy) {
        ++near_duplicates_;
        shared_clusters_.insert(cluster);
    }

    const size_t target = schema::fnv1a64(id_term) % shards_.size();
    recent_.add(++sequence_, target, probe, cluster);
    Shard& shard = *shards_[target];
    {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return shard.queue.size() < QUEUE_CAPACITY || shard.error; });
        if (shard.error) std::rethrow_exception(shard.error);
        shard.queue.push_back({sequence_, id_term, std::move(doc)});
    }
    changed_.notify_all();
}

void ShardSet::commit() {
    {
        std::unique_lock lock(mutex_);
        for (auto& shard : shards_) shard->commit_requested = true;
        changed_.notify_all();
        changed_.wait(lock, [&] {
            for (const auto& shard : shards_)
                if (shard->commit_requested || !shard->queue.empty()) return false;
            return true;
        });
    }
    rethrow_errors();
}

size_t ShardSet::remove(const std::string& term) {
    commit();
    // Every writer thread is idle now: its queue is empty and nothing is requested.
    size_t n = 0;
    for (auto& shard : shards_) {
        n += shard->writer->remove(term);
        shard->writer->commit();
        std::lock_guard lock(mutex_);
        shard->documents = shard->writer->doc_count();
    }
    return n;
}

void ShardSet::add_stats(IndexStats& stats) const {
    std::lock_guard lock(mutex_);
    for (const auto& shard : shards_) {
        stats.added += shard->added;
        stats.updated += shard->updated;
        stats.unchanged += shard->unchanged;
    }
    stats.near_duplicates += near_duplicates_;
}

Xapian::doccount ShardSet::doc_count() const {
    std::lock_guard lock(mutex_);
    Xapian::doccount n = 0;
    for (const auto& shard : shards_) n += shard->documents;
    return n;
}

}  // namespace newshound::indexer
