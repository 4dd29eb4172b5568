// Compaction as the indexer's finishing step: smaller, same answers, and an open searcher follows the swap.
#include "indexer/compaction.h"

#include "indexer/delete_command.h"
#include "indexer/index_command.h"
#include "indexer/run_lock.h"
#include "indexer/shard_set.h"
#include "searcher/searcher.h"
#include "support/test_support.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>

using namespace newshound;
namespace fs = std::filesystem;

namespace {

Xapian::doccount total(searcher::Searcher& s, const std::string& q) {
    searcher::SearchRequest r;
    r.query = q;
    r.collapse = false;
    auto result = s.search(r);
    REQUIRE(std::holds_alternative<searcher::SearchResponse>(result));
    return std::get<searcher::SearchResponse>(result).total;
}

ino_t inode(const std::string& path) {
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    return st.st_ino;
}

indexer::IndexStats index(const std::string& db, const std::string& input, indexer::CompactMode mode) {
    indexer::IndexConfig c;
    c.db = db;
    c.inputs = {input};
    c.compact = mode;
    return indexer::run_index(c);
}

}  // namespace

TEST_CASE("a compacted index answers the same and an open searcher follows the swap", "[compaction]") {
    test::TempDir dir;
    const auto db = (dir / "db").string();
    index(db, test::fixture("articles.jsonl").string(), indexer::CompactMode::NEVER);
    searcher::Searcher open_before(db);
    const auto drone = total(open_before, "drone");
    const auto ukraine = total(open_before, "ukraine");
    REQUIRE(drone > 0);

    const auto result = indexer::compact_index(db);
    CHECK(result.bytes_after > 0);
    CHECK(result.bytes_after < result.bytes_before);
    CHECK(!fs::exists(db + indexer::OLD_SUFFIX));
    CHECK(!fs::exists(db + indexer::COMPACTING_SUFFIX));
    CHECK(test::check_index(db) == "");
    CHECK(total(open_before, "drone") == drone);  // reopened onto the compacted copy
    CHECK(total(open_before, "ukraine") == ukraine);

    // New articles written (and compacted) by a later run are seen by the searcher opened before it.
    std::ofstream(dir / "more.jsonl") << R"({"id":"m1","title":"Drone maker opens plant","body":"A drone maker opened a plant.","language":"en"})"
                                      << "\n";
    index(db, (dir / "more.jsonl").string(), indexer::CompactMode::ALWAYS);
    CHECK(total(open_before, "drone") == drone + 1);
}

TEST_CASE("auto compaction runs after a large write, not after a small one", "[compaction]") {
    test::TempDir dir;
    const auto db = (dir / "db").string();
    index(db, test::fixture("articles.jsonl").string(), indexer::CompactMode::AUTO);
    // Two new articles into an index of ten: under half, so no compaction (the folder is not replaced).
    std::ofstream(dir / "more.jsonl") << R"({"id":"m1","title":"One","body":"First small addition.","language":"en"})" << "\n"
                                      << R"({"id":"m2","title":"Two","body":"Second small addition.","language":"en"})" << "\n";
    const auto folder_before = inode(db);
    index(db, (dir / "more.jsonl").string(), indexer::CompactMode::AUTO);
    CHECK(inode(db) == folder_before);  // compaction would have swapped in a new folder
    CHECK(test::check_index(db) == "");
}

TEST_CASE("an interrupted swap is repaired before the next run", "[compaction]") {
    test::TempDir dir;
    const auto db = (dir / "db").string();
    index(db, test::fixture("articles.jsonl").string(), indexer::CompactMode::NEVER);
    // The state a kill between the two renames leaves: only the old folder, and a half-written compacted one.
    fs::rename(db, db + indexer::OLD_SUFFIX);
    fs::create_directories(db + indexer::COMPACTING_SUFFIX);
    indexer::recover_compaction(db);
    CHECK(fs::exists(db));
    CHECK(!fs::exists(db + indexer::OLD_SUFFIX));
    CHECK(!fs::exists(db + indexer::COMPACTING_SUFFIX));
    searcher::Searcher s(db);
    CHECK(total(s, "drone") > 0);
}

TEST_CASE("a replicated master keeps changesets and is not compacted unless asked", "[compaction][replica]") {
    test::TempDir dir;
    const auto db = (dir / "db").string();
    indexer::IndexConfig c;
    c.db = db;
    c.inputs = {test::fixture("articles.jsonl").string()};
    c.changesets = 10;
    c.batch_size = 3;
    const auto folder_before = [&] {
        indexer::run_index(c);  // a whole new index: auto would compact it, and build it with parallel shards
        return inode(db);
    }();
    CHECK(indexer::ShardSet::existing(db).empty());
    bool changeset = false;
    for (const auto& e : fs::directory_iterator(db)) changeset = changeset || e.path().filename().string().starts_with("changes");
    CHECK(changeset);
    CHECK(std::getenv("XAPIAN_MAX_CHANGESETS") == nullptr);  // the run's setting is not left behind

    std::ofstream(dir / "more.jsonl") << R"({"id":"r1","title":"Replicated","body":"A new article for the replicas.","language":"en"})"
                                      << "\n";
    c.inputs = {(dir / "more.jsonl").string()};
    indexer::run_index(c);
    CHECK(inode(db) == folder_before);  // changes, not a new database, for the replicas
    c.compact = indexer::CompactMode::ALWAYS;
    indexer::run_index(c);
    CHECK(inode(db) != folder_before);  // asked for: compacted, and the replicas copy it whole
    CHECK(test::check_index(db) == "");
}

TEST_CASE("a second run on the same index is refused while the first holds it", "[compaction][lock]") {
    // A run closes the database to merge shards and compact, then swaps folders: a second writer in that
    // window would lose its commits. The run lock keeps it out for the whole run, with a clear error.
    test::TempDir dir;
    const auto db = (dir / "nested" / "db").string();
    {
        const indexer::RunLock first(db);
        CHECK_THROWS_WITH(indexer::RunLock(db), Catch::Contains("another newshound index or delete is writing"));
        indexer::IndexConfig c;
        c.db = db;
        c.inputs = {test::fixture("articles.jsonl").string()};
        CHECK_THROWS_AS(indexer::run_index(c), indexer::IndexError);
        indexer::DeleteConfig d;
        d.db = db;
        d.ids = {"fx-01"};
        CHECK_THROWS_AS(indexer::run_delete(d), indexer::IndexError);
    }
    const indexer::RunLock after(db);  // released with its holder
}
