// The index subcommand: options, the run, the summary line.
#include "indexer/index_command.h"

#include "indexer/indexer.h"

#include <CLI/CLI.hpp>
#include <chrono>
#include <spdlog/spdlog.h>

namespace newshound::indexer {

void add_index_options(CLI::App& cmd, IndexConfig& config) {
    cmd.add_option("--db", config.db, "Index folder (created if missing)")->required();
    cmd.add_option("inputs", config.inputs,
                   "Files or folders: JSONL articles, saved page text, HTML pages (folders: .jsonl .ndjson .txt .html .htm)")
        ->required();
    cmd.add_option("--batch-size", config.batch_size, "Articles per commit")
        ->capture_default_str()
        ->check(CLI::Range(size_t{1}, size_t{1000000}));
    cmd.add_option("--format", config.format, "Input format: auto (by content), jsonl, text, html or feed")
        ->capture_default_str()
        ->check(CLI::IsMember({"auto", "jsonl", "text", "html", "feed"}));
}

IndexStats run_index(const IndexConfig& config) {
    const auto start = std::chrono::steady_clock::now();
    IndexWriter writer(config.db, config.batch_size);
    Indexer indexer(writer, parse_format(config.format).value_or(InputFormat::AUTO));
    for (const auto& input : config.inputs) {
        spdlog::info("indexing {}", input);
        indexer.add_path(input);
    }
    writer.commit();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const IndexStats& s = writer.stats();
    spdlog::info("indexed into {}: {} read, {} added, {} updated, {} unchanged, {} skipped; {} documents in the index; "
                 "{} near-duplicates; {:.2f} s",
                 config.db, s.read, s.added, s.updated, s.unchanged, s.skipped, writer.doc_count(), s.near_duplicates, seconds);
    for (const auto& [reason, n] : s.skipped_by_reason) spdlog::info("  skipped {}: {}", n, reason);
    return s;
}

}  // namespace newshound::indexer
