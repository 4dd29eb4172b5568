// The indexer's finishing step: rewrite the index with full B-tree blocks (Xapian compaction) and swap
// it in place of the one just written. On Reuters-21578 the index halves in size and searches get faster.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace newshound::indexer {

/// When `newshound index` compacts: always, never, or (auto) when the run wrote at least
/// AUTO_COMPACT_WRITTEN_SHARE of the documents now in the index (a fresh build or a large re-index).
/// A run that adds a few articles to a big index leaves it as it is: compaction rewrites every table.
enum class CompactMode { AUTO, ALWAYS, NEVER };
inline constexpr double AUTO_COMPACT_WRITTEN_SHARE = 0.5;

/// Beside the index folder during a compaction. Specific names, because recover_compaction deletes them.
inline constexpr const char* COMPACTING_SUFFIX = ".newshound-compacting";
inline constexpr const char* OLD_SUFFIX = ".newshound-old";
/// A merged shard is renamed to `path` + REMOVING_SUFFIX + its number before it is removed: removing a
/// folder takes many steps, and one killed half-way must not be left under a shard's name, where the next
/// merge would try to read it. Folders under this name are removed by the next merge_shards.
inline constexpr const char* REMOVING_SUFFIX = ".newshound-removing-";

/// Metadata of a merged index: the uuids of the shards it took in. A run killed after the swap but before
/// it removed every shard leaves shards already merged; the next merge removes those instead of merging
/// their articles a second time.
inline constexpr const char* MERGED_SHARDS_KEY = "newshound.merged_shards";

struct CompactResult {
    std::uintmax_t bytes_before = 0;
    std::uintmax_t bytes_after = 0;
    double seconds = 0;
};

/// Compacts the index at `path` (no writer may have it open) into `path` + COMPACTING_SUFFIX, then
/// exchanges the folders atomically (where the filesystem cannot, `path` becomes `path` + OLD_SUFFIX
/// first), and the old folder is removed. A reader that has the old index open keeps reading its files until it reopens.
/// Throws IndexError on failure; the original index stays in place unless the swap itself was
/// interrupted (see recover_compaction).
CompactResult compact_index(const std::string& path);

/// Merges the shard databases a parallel build wrote beside `path` (shard_set.h) into it, compacted, and
/// removes them. nullopt when there are none. No writer may have `path` open. Throws IndexError.
std::optional<CompactResult> merge_shards(const std::string& path);

/// Repairs what an interrupted compaction or parallel build left: a missing `path` with its OLD_SUFFIX
/// folder beside it is moved back, a stale COMPACTING_SUFFIX folder is removed, and shards with
/// committed articles are merged into the index (merge_shards), so no committed batch is lost. A second indexing run started while a
/// first one compacts would delete that copy in progress: the first run then fails its compaction, and
/// the index itself is kept. (Holding the writer lock through compaction would close that gap.)
void recover_compaction(const std::string& path);

}  // namespace newshound::indexer
