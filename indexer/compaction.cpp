#include "indexer/compaction.h"

#include "indexer/index_writer.h"

#include <chrono>
#include <filesystem>
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

}  // namespace

void recover_compaction(const std::string& path) {
    const fs::path db(path), old(path + OLD_SUFFIX), tmp(path + COMPACTING_SUFFIX);
    std::error_code ec;
    if (!fs::exists(db, ec) && fs::exists(old, ec)) fs::rename(old, db, ec);
    if (ec) throw IndexError("cannot restore " + old.string() + " to " + path + ": " + ec.message());
    if (fs::exists(tmp, ec)) fs::remove_all(tmp, ec);
    if (fs::exists(db, ec) && fs::exists(old, ec)) fs::remove_all(old, ec);
}

CompactResult compact_index(const std::string& path) {
    const auto start = std::chrono::steady_clock::now();
    recover_compaction(path);
    const fs::path db(path), old(path + OLD_SUFFIX), tmp(path + COMPACTING_SUFFIX);
    CompactResult result;
    result.bytes_before = folder_bytes(db);
    try {
        Xapian::Database(path).compact(tmp.string());
    } catch (const Xapian::Error& e) {
        std::error_code ignored;
        fs::remove_all(tmp, ignored);
        throw IndexError("cannot compact index " + path + ": " + e.get_description());
    }
    std::error_code ec;
    fs::rename(db, old, ec);
    if (ec) throw IndexError("cannot move " + path + " aside to compact it: " + ec.message());
    fs::rename(tmp, db, ec);
    if (ec) {
        std::error_code back;
        fs::rename(old, db, back);
        throw IndexError("cannot move the compacted index into " + path + ": " + ec.message());
    }
    fs::remove_all(old, ec);  // a leftover is removed by the next recover_compaction
    result.bytes_after = folder_bytes(db);
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

}  // namespace newshound::indexer
