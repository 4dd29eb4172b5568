// The index subcommand: options, the run, the summary line.
#include "indexer/index_command.h"

#include "indexer/indexer.h"
#include "indexer/run_lock.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <map>
#include <optional>
#include <spdlog/spdlog.h>
#include <thread>

namespace newshound::indexer {

void add_index_options(CLI::App& cmd, IndexConfig& config) {
    cmd.add_option("--db", config.db, "Index folder (created if missing)")->required();
    cmd.add_option("inputs", config.inputs,
                   "Files or folders: JSONL articles, saved page text, HTML pages (folders: .jsonl .ndjson .txt .html .htm)")
        ->required();
    cmd.add_option("--batch-size", config.batch_size, "Articles per commit")
        ->capture_default_str()
        ->check(CLI::Range(size_t{1}, size_t{1000000}));
    cmd.add_option("--format", config.format, "Input format: auto (by content), jsonl, text, html, feed or reuters (Reuters-21578 SGML)")
        ->capture_default_str()
        ->check(CLI::IsMember({"auto", "jsonl", "text", "html", "feed", "reuters"}));
    cmd.add_option("--compact", config.compact,
                   "Compact the index when done: auto (when the run wrote at least half of its articles, and not with "
                   "--changesets), always or never")
        ->transform(CLI::CheckedTransformer(
            std::map<std::string, CompactMode>{{"auto", CompactMode::AUTO}, {"always", CompactMode::ALWAYS}, {"never", CompactMode::NEVER}}))
        ->default_str("auto");
    cmd.add_option("--changesets", config.changesets,
                   "Keep this many changesets for xapian-replicate (a replicated master: one writer, and auto "
                   "compaction off, so replicas receive changes rather than whole copies)")
        ->check(CLI::Range(0u, 1000000u));
    cmd.add_option("--writers", config.writers,
                   "Writer threads when building a new index, merged at the end (0: one per core, at most 4; 1: one writer)")
        ->capture_default_str()
        ->check(CLI::Range(size_t{0}, size_t{64}));
}

namespace {

size_t writer_count(const IndexConfig& config) {
    // The shards are merged by compaction, which makes a new database: with compaction turned off, and for a
    // replicated master (whose replicas would then copy it whole), one writer.
    if (config.compact == CompactMode::NEVER || config.changesets > 0) return 1;
    if (config.writers > 0) return config.writers;
    return std::clamp<size_t>(std::thread::hardware_concurrency(), 1, MAX_AUTO_WRITERS);
}

/// XAPIAN_MAX_CHANGESETS for the run's writers (Xapian reads it when a database is opened for writing),
/// then back as it was.
class ChangesetsSetting {
public:
    explicit ChangesetsSetting(unsigned changesets) {
        if (changesets == 0) return;
        if (const char* old = std::getenv(VARIABLE)) previous_ = old;
        ::setenv(VARIABLE, std::to_string(changesets).c_str(), 1);
        set_ = true;
    }
    ~ChangesetsSetting() {
        if (!set_) return;
        if (previous_) ::setenv(VARIABLE, previous_->c_str(), 1);
        else ::unsetenv(VARIABLE);
    }
    ChangesetsSetting(const ChangesetsSetting&) = delete;
    ChangesetsSetting& operator=(const ChangesetsSetting&) = delete;

private:
    static constexpr const char* VARIABLE = "XAPIAN_MAX_CHANGESETS";
    std::optional<std::string> previous_;
    bool set_ = false;
};

}  // namespace

IndexStats run_index(const IndexConfig& config) {
    const auto start = std::chrono::steady_clock::now();
    const RunLock lock(config.db);
    const ChangesetsSetting changesets(config.changesets);
    recover_compaction(config.db);
    IndexStats s;
    Xapian::doccount documents = 0;
    {
        IndexWriter writer(config.db, config.batch_size, writer_count(config));
        Indexer indexer(writer, parse_format(config.format).value_or(InputFormat::AUTO));
        for (const auto& input : config.inputs) {
            spdlog::info("indexing {}", input);
            indexer.add_path(input);
        }
        writer.commit();
        s = writer.stats();
        documents = writer.doc_count();
    }  // the writer lets go of the database: compaction needs it closed
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    spdlog::info("indexed into {}: {} read, {} added, {} updated, {} unchanged, {} skipped; {} documents in the index; "
                 "{} near-duplicates; {:.2f} s",
                 config.db, s.read, s.added, s.updated, s.unchanged, s.skipped, documents, s.near_duplicates, seconds);
    for (const auto& [reason, n] : s.skipped_by_reason) spdlog::info("  skipped {}: {}", n, reason);
    if (const auto merged = merge_shards(config.db)) {
        spdlog::info("merged the shards into {}: {:.1f} MB -> {:.1f} MB in {:.2f} s", config.db,
                     static_cast<double>(merged->bytes_before) / 1e6, static_cast<double>(merged->bytes_after) / 1e6, merged->seconds);
        return s;
    }
    const double written = static_cast<double>(s.added + s.updated);
    const bool compact = config.compact == CompactMode::ALWAYS ||
                         (config.compact == CompactMode::AUTO && config.changesets == 0 && written > 0 &&
                          written >= AUTO_COMPACT_WRITTEN_SHARE * static_cast<double>(documents));
    if (compact) {
        const CompactResult c = compact_index(config.db);
        spdlog::info("compacted {}: {:.1f} MB -> {:.1f} MB in {:.2f} s", config.db, static_cast<double>(c.bytes_before) / 1e6,
                     static_cast<double>(c.bytes_after) / 1e6, c.seconds);
    }
    return s;
}

}  // namespace newshound::indexer
