#include "indexer/compaction.h"

#include "indexer/index_writer.h"
#include "indexer/shard_set.h"

#include <chrono>
#include <cstdio>
#include <fcntl.h>
#include <filesystem>
#include <spdlog/spdlog.h>
#include <xapian.h>

namespace newshound::indexer {

namespace fs = std::filesystem;

namespace {

std::uintmax_t folder_bytes(const fs::path& dir) {
    std::uintmax_t total = 0;
    std::error_code ec;
    for (const auto& e : fs::recursive_directory_iterator(dir, ec))
        if (e.is_regular_file(ec)) total += e.file_size(ec);
    return total;
}

// The folder swap of an interrupted compaction: the index moved back, a partial copy removed.
void recover_swap(const std::string& path) {
    const fs::path db(path), old(path + OLD_SUFFIX), tmp(path + COMPACTING_SUFFIX);
    std::error_code ec;
    if (!fs::exists(db, ec) && fs::exists(old, ec)) fs::rename(old, db, ec);
    if (ec) throw IndexError("cannot restore " + old.string() + " to " + path + ": " + ec.message());
    if (fs::exists(tmp, ec)) fs::remove_all(tmp, ec);
    if (fs::exists(db, ec) && fs::exists(old, ec)) fs::remove_all(old, ec);
}

// Compacts `sources` (the first is `path`) into `path` + COMPACTING_SUFFIX and swaps it in for `path`.
// `merged` (shard uuids) is recorded in the copy before the swap (MERGED_SHARDS_KEY).
CompactResult compact_into(const std::string& path, const std::vector<std::string>& sources, const std::string& merged = {}) {
    const auto start = std::chrono::steady_clock::now();
    const fs::path db(path), old(path + OLD_SUFFIX), tmp(path + COMPACTING_SUFFIX);
    CompactResult result;
    for (const auto& source : sources) result.bytes_before += folder_bytes(source);
    try {
        Xapian::Database all(path);
        for (size_t i = 1; i < sources.size(); ++i) all.add_database(Xapian::Database(sources[i]));
        all.compact(tmp.string());
        if (!merged.empty()) {
            Xapian::WritableDatabase copy(tmp.string());
            copy.set_metadata(MERGED_SHARDS_KEY, merged);
            copy.commit();
        }
    } catch (const Xapian::Error& e) {
        std::error_code ignored;
        fs::remove_all(tmp, ignored);
        throw IndexError("cannot compact index " + path + ": " + e.get_description());
    }
    std::error_code ec;
    // One atomic exchange of the two folders, so a searcher opening `path` at any moment finds an index
    // there; then the old one, now under the compacting name, goes. Filesystems without the exchange get
    // two renames, and a moment with no folder at `path`.
    if (::renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, db.c_str(), RENAME_EXCHANGE) == 0) {
        fs::remove_all(tmp, ec);  // a leftover is removed by the next recover_compaction
    } else {
        fs::rename(db, old, ec);
        if (ec) throw IndexError("cannot move " + path + " aside to compact it: " + ec.message());
        fs::rename(tmp, db, ec);
        if (ec) {
            std::error_code back;
            fs::rename(old, db, back);
            throw IndexError("cannot move the compacted index into " + path + ": " + ec.message());
        }
        fs::remove_all(old, ec);  // a leftover is removed by the next recover_compaction
    }
    result.bytes_after = folder_bytes(db);
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

}  // namespace

std::optional<CompactResult> merge_shards(const std::string& path) {
    recover_swap(path);
    for (const auto& leftover : numbered_beside(path, REMOVING_SUFFIX)) {
        std::error_code ec;
        fs::remove_all(leftover, ec);
        if (ec) throw IndexError("cannot remove merged shard " + leftover + ": " + ec.message());
    }
    const auto shards = ShardSet::existing(path);
    if (shards.empty()) return std::nullopt;
    std::vector<std::string> sources{path};
    std::string uuids;
    try {
        const std::string already = Xapian::Database(path).get_metadata(MERGED_SHARDS_KEY);
        for (const auto& shard : shards) {
            std::string uuid;
            try {
                uuid = Xapian::Database(shard).get_uuid();
            } catch (const Xapian::DatabaseNotFoundError&) {
                // A run killed between creating a shard's folder and Xapian's first file in it: no
                // database, so no article. It is removed with the others.
                spdlog::info("shard {} holds no database (an interrupted start): removing it", shard);
                continue;
            }
            if (!uuid.empty() && already.find(uuid) != std::string::npos) continue;  // merged, not yet removed
            sources.push_back(shard);
            uuids += uuid + " ";
        }
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot read the shards beside " + path + ": " + e.get_description());
    }
    std::optional<CompactResult> merged;
    if (sources.size() > 1) merged = compact_into(path, sources, uuids);
    else spdlog::info("the shards beside {} were merged before an interruption: removing them", path);
    // Merged: the shards' articles are in the index now. Each leaves its shard name in one rename, so a
    // kill at any point leaves whole shards (recognised by the merged-shards record) and folders under
    // the removing name, which the next merge removes.
    const size_t suffix_at = path.size() + std::string_view(SHARD_SUFFIX).size();
    for (const auto& shard : shards) {
        const std::string removing = path + REMOVING_SUFFIX + shard.substr(suffix_at);
        std::error_code ec;
        fs::rename(shard, removing, ec);
        if (!ec) fs::remove_all(removing, ec);
        if (ec) throw IndexError("cannot remove merged shard " + shard + ": " + ec.message());
    }
    if (merged) return merged;
    return CompactResult{};
}

void recover_compaction(const std::string& path) {
    if (const auto merged = merge_shards(path))  // which repairs an interrupted swap first
        spdlog::info("merged the shards an interrupted run left beside {} into it", path);
}

CompactResult compact_index(const std::string& path) {
    recover_compaction(path);
    return compact_into(path, {path});
}

}  // namespace newshound::indexer
