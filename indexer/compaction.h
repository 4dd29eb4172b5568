// The indexer's finishing step: rewrite the index with full B-tree blocks (Xapian compaction) and swap
// it in place of the one just written. On Reuters-21578 the index halves in size and searches get faster.
#pragma once

#include <cstdint>
#include <string>

namespace newshound::indexer {

/// When `newshound index` compacts: always, never, or (auto) when the run wrote at least
/// AUTO_COMPACT_WRITTEN_SHARE of the documents now in the index (a fresh build or a large re-index).
/// A run that adds a few articles to a big index leaves it as it is: compaction rewrites every table.
enum class CompactMode { AUTO, ALWAYS, NEVER };
inline constexpr double AUTO_COMPACT_WRITTEN_SHARE = 0.5;

struct CompactResult {
    std::uintmax_t bytes_before = 0;
    std::uintmax_t bytes_after = 0;
    double seconds = 0;
};

/// Compacts the index at `path` (no writer may have it open) into `path`.compacting, then swaps the two
/// folders: `path` → `path`.old, `path`.compacting → `path`, and removes `path`.old. A reader that has
/// the old index open keeps reading its files until it reopens. Throws IndexError on failure; the
/// original index is left in place unless the swap itself was interrupted (see recover_compaction).
CompactResult compact_index(const std::string& path);

/// Repairs what an interrupted compaction left: a missing `path` with a `path`.old beside it is moved
/// back, and a stale `path`.compacting is removed. Safe to call at any time no writer is running.
void recover_compaction(const std::string& path);

}  // namespace newshound::indexer
