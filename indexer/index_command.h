// `newshound index`: its options and what it runs. The exit code is decided by app/main.cpp.
#pragma once

#include "indexer/compaction.h"
#include "indexer/index_writer.h"

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace newshound::indexer {

struct IndexConfig {
    std::string db;
    std::vector<std::string> inputs;
    size_t batch_size = DEFAULT_BATCH_SIZE;
    std::string format = "auto";
    CompactMode compact = CompactMode::AUTO;
    /// Writer threads for a new index (0: one per core, at most MAX_AUTO_WRITERS); see IndexWriter.
    size_t writers = 0;
    /// Changesets kept for xapian-replicate (XAPIAN_MAX_CHANGESETS); 0 leaves the environment's setting.
    /// A replicated master is written by one writer and compacted only when asked (ALWAYS): parallel
    /// building and compaction make a new database, which every replica would then copy whole.
    unsigned changesets = 0;
};

/// Beyond this many shards, merging costs more than the extra writers gain on the machines we measured.
inline constexpr size_t MAX_AUTO_WRITERS = 4;

/// Adds the `index` subcommand's options to `cmd`, bound to `config`.
void add_index_options(CLI::App& cmd, IndexConfig& config);

/// Indexes every input into config.db, logs progress and a summary, returns the stats.
/// Throws IndexError when the database cannot be opened or written.
IndexStats run_index(const IndexConfig& config);

}  // namespace newshound::indexer
