// Parallel building: shards written by several threads, merged into one index that answers like a
// single writer's; copies found across shards and commits; what a crashed run leaves is merged.
#include "indexer/shard_set.h"

#include "indexer/compaction.h"
#include "indexer/index_command.h"
#include "indexer/indexer.h"
#include "schema/fields.h"
#include "schema/terms.h"
#include "searcher/searcher.h"
#include "support/test_support.h"

#include <catch2/catch.hpp>
#include <filesystem>

using namespace newshound;
namespace fs = std::filesystem;

namespace {

indexer::IndexStats build(const std::string& db, size_t writers) {
    indexer::IndexConfig c;
    c.db = db;
    c.inputs = {test::fixture("articles.jsonl").string(), test::fixture("multilingual.jsonl").string()};
    c.writers = writers;
    return indexer::run_index(c);
}

// Every query's total and ranked ids, and the topic facet: what a reader sees.
std::string answers(const std::string& db) {
    searcher::Searcher s(db);
    std::string out;
    for (const char* q : {"ukraine", "grain exports", "\"interest rates\"", "strike", "Москва", "drone OR port"}) {
        searcher::SearchRequest r;
        r.query = q;
        const auto resp = std::get<searcher::SearchResponse>(s.search(r));
        out += std::string(q) + " " + std::to_string(resp.total) + ":";
        for (const auto& h : resp.hits) out += " " + h.id + " (" + searcher::to_marked_text(h.snippet) + ")";
        for (const auto* facet : {&resp.topics, &resp.sources, &resp.languages, &resp.dates})
            for (const auto& v : *facet) out += " " + v.value + "/" + std::to_string(v.count);
        out += "\n";
    }
    return out;
}

// The synonym table's word forms (schema word_forms_key): key, then its words.
std::string word_forms(const std::string& db) {
    const Xapian::Database d(db);
    std::string out;
    const std::string prefix(schema::prefix::WORD_FORMS);
    for (auto k = d.synonym_keys_begin(prefix); k != d.synonym_keys_end(prefix); ++k) {
        out += *k + ":";
        for (auto w = d.synonyms_begin(*k); w != d.synonyms_end(*k); ++w) out += " " + *w;
        out += "\n";
    }
    return out;
}

const std::string STORY =
    "The city council approved a plan on Tuesday to rebuild the old harbour bridge, which has been closed to "
    "lorries since cracks were found in its supports last winter. Work will start in the spring and is expected "
    "to take two years, the council said, while ferries will carry traffic across the river in the meantime. "
    "Shop owners on both banks said they had lost customers since the closure and welcomed the decision.";

schema::Article story(const std::string& id, const std::string& body) {
    schema::Article a;
    a.id = id;
    a.title = "Harbour bridge to be rebuilt";
    a.body = body;
    a.language = "en";
    a.published = schema::parse_iso8601("2025-03-04T10:00:00Z");
    return a;
}

// A parallel build of 9 stories (ids prefix0..prefix8) into two shards, committed, that dies before
// its merge: the writer is closed without merge_shards.
void crashed_parallel_build(const std::string& db, const std::string& prefix) {
    indexer::IndexWriter writer(db, 2, 2);
    indexer::Indexer idx(writer);
    for (int i = 0; i < 9; ++i) idx.add(story(prefix + std::to_string(i), STORY + " Note " + std::to_string(i) + "."), "t");
    writer.commit();
}

std::string cluster_of(const Xapian::Database& d, const std::string& id) {
    auto p = d.postlist_begin(schema::id_term(id));
    REQUIRE(p != d.postlist_end(schema::id_term(id)));
    return d.get_document(*p).get_value(schema::slot(schema::Slot::CLUSTER));
}

}  // namespace

TEST_CASE("a parallel build answers exactly like one writer and leaves no shard behind", "[shards]") {
    test::TempDir dir;
    const auto one = (dir / "one").string(), two = (dir / "two").string();
    const auto s1 = build(one, 1);
    const auto s2 = build(two, 2);
    CHECK(s2.added == s1.added);
    CHECK(s2.near_duplicates == s1.near_duplicates);
    CHECK(indexer::ShardSet::existing(two).empty());
    CHECK(test::check_index(two) == "");
    CHECK(Xapian::Database(two).get_doccount() == Xapian::Database(one).get_doccount());
    CHECK(answers(two) == answers(one));
    // The shards' word forms are merged: snippets find the same words.
    CHECK(word_forms(one).find("XFen:export: exports\n") != std::string::npos);
    CHECK(word_forms(two) == word_forms(one));
    // The spelling data of the shards is summed into the index.
    CHECK(Xapian::Database(two).get_spelling_suggestion("ukrane") == Xapian::Database(one).get_spelling_suggestion("ukrane"));
    CHECK_FALSE(Xapian::Database(two).get_spelling_suggestion("ukrane").empty());

    // A second run over an index that has articles writes with one writer, in place.
    const auto again = build(two, 2);
    CHECK(again.unchanged == s1.added);
    CHECK(indexer::ShardSet::existing(two).empty());
}

TEST_CASE("a copy is found in the shards' commits once its original is no longer pending", "[shards]") {
    test::TempDir dir;
    const auto db = (dir / "db").string();
    {
        indexer::IndexWriter writer(db, 1, 2);  // every article committed at once
        indexer::Indexer idx(writer);
        idx.add(story("original", STORY), "t");
        writer.commit();  // the original is only readable from its shard's commit now
        idx.add(story("copy", STORY + " (Reporting by the city desk.)"), "t");
        idx.add(story("other", "A different story entirely: the football club signed a new goalkeeper from a rival team in "
                               "the north for a record fee on Monday, and the manager said the squad was complete for the "
                               "season ahead, although two young players could still leave on loan before the window closes."),
                "t");
        writer.commit();
        CHECK(writer.stats().near_duplicates == 1);
        CHECK(writer.doc_count() == 3);
    }
    REQUIRE(indexer::merge_shards(db));
    Xapian::Database d(db);
    CHECK(d.get_doccount() == 3);
    CHECK(cluster_of(d, "copy") == cluster_of(d, "original"));
    CHECK(cluster_of(d, "other") != cluster_of(d, "original"));
}

TEST_CASE("removing during a parallel build removes from the shard that has the article", "[shards]") {
    test::TempDir dir;
    const auto db = (dir / "db").string();
    {
        indexer::IndexWriter writer(db, 100, 3);
        indexer::Indexer idx(writer);
        for (int i = 0; i < 12; ++i) idx.add(story("a" + std::to_string(i), STORY + " Item " + std::to_string(i) + "."), "t");
        CHECK(writer.remove(schema::id_term("a7")) == 1);
        CHECK(writer.remove(schema::id_term("missing")) == 0);
        CHECK(writer.doc_count() == 11);
    }
    REQUIRE(indexer::merge_shards(db));
    Xapian::Database d(db);
    CHECK(d.get_doccount() == 11);
    CHECK(d.get_termfreq(schema::id_term("a7")) == 0);
    CHECK(d.get_termfreq(schema::id_term("a8")) == 1);
}

TEST_CASE("the shards a crashed parallel run committed are merged by the next run, without duplicates", "[shards]") {
    test::TempDir dir;
    const auto db = (dir / "db").string();
    crashed_parallel_build(db, "c");
    REQUIRE(indexer::ShardSet::existing(db).size() == 2);
    CHECK(Xapian::Database(db).get_doccount() == 0);

    // The next run's recovery merges them before it writes, then adds its own articles once.
    indexer::IndexConfig c;
    c.db = db;
    c.inputs = {test::fixture("articles.jsonl").string()};
    c.writers = 2;
    const auto s = indexer::run_index(c);
    CHECK(indexer::ShardSet::existing(db).empty());
    Xapian::Database d(db);
    CHECK(d.get_doccount() == 9 + s.added);
    for (int i = 0; i < 9; ++i) CHECK(d.get_termfreq(schema::id_term("c" + std::to_string(i))) == 1);
    CHECK(test::check_index(db) == "");
}

TEST_CASE("shards a merge took in before it was killed are removed, not merged again", "[shards]") {
    test::TempDir dir;
    const auto db = (dir / "db").string();
    crashed_parallel_build(db, "k");
    const auto shards = indexer::ShardSet::existing(db);
    REQUIRE(shards.size() == 2);
    // Keep copies, merge, then put the copies back: a merge killed after its swap, before removing them.
    for (const auto& s : shards) fs::copy(s, s + ".copy", fs::copy_options::recursive);
    REQUIRE(indexer::merge_shards(db));
    REQUIRE(Xapian::Database(db).get_doccount() == 9);
    for (const auto& s : shards) fs::rename(s + ".copy", s);
    REQUIRE(indexer::ShardSet::existing(db).size() == 2);

    CHECK(indexer::merge_shards(db));  // fails without the merged-shards record: 18 documents
    CHECK(indexer::ShardSet::existing(db).empty());
    Xapian::Database d(db);
    CHECK(d.get_doccount() == 9);
    for (int i = 0; i < 9; ++i) CHECK(d.get_termfreq(schema::id_term("k" + std::to_string(i))) == 1);
}

TEST_CASE("a merge killed while removing its shards leaves nothing the next run keeps", "[shards]") {
    test::TempDir dir;
    const auto db = (dir / "db").string();
    crashed_parallel_build(db, "g");
    const auto shards = indexer::ShardSet::existing(db);
    REQUIRE(shards.size() == 2);
    fs::copy(shards[1], dir / "shard1.copy", fs::copy_options::recursive);
    fs::copy(shards[1], dir / "half.copy", fs::copy_options::recursive);
    REQUIRE(indexer::merge_shards(db));
    // Killed after removing shard 0, before shard 1: a gap, then a whole shard already merged. And a
    // folder half removed under the removing name (a table and the version file gone).
    fs::rename(dir / "shard1.copy", shards[1]);
    const auto half = db + indexer::REMOVING_SUFFIX + "0";
    fs::rename(dir / "half.copy", half);
    fs::remove(fs::path(half) / "iamglass");
    fs::remove(fs::path(half) / "termlist.glass");
    REQUIRE(indexer::ShardSet::existing(db) == std::vector<std::string>{shards[1]});  // was empty: the gap hid it

    // The next run (one writer, the index is not empty) merges nothing twice and leaves no folder.
    indexer::IndexConfig c;
    c.db = db;
    c.inputs = {test::fixture("articles.jsonl").string()};
    const auto s = indexer::run_index(c);
    CHECK(indexer::ShardSet::existing(db).empty());  // failed before: shard 1 stayed beside the index
    CHECK_FALSE(fs::exists(half));
    Xapian::Database d(db);
    CHECK(d.get_doccount() == 9 + s.added);
    for (int i = 0; i < 9; ++i) CHECK(d.get_termfreq(schema::id_term("g" + std::to_string(i))) == 1);
    CHECK(test::check_index(db) == "");
}

TEST_CASE("shard folders are listed by number, past gaps, and only shard names", "[shards]") {
    test::TempDir dir;
    const auto db = (dir / "db").string();
    for (const char* n : {"10", "2", "x", "3.copy", ""}) fs::create_directory(db + indexer::SHARD_SUFFIX + n);
    CHECK(indexer::ShardSet::existing(db) ==
          std::vector<std::string>{db + indexer::SHARD_SUFFIX + "2", db + indexer::SHARD_SUFFIX + "10"});
}

TEST_CASE("a shard folder killed before Xapian wrote into it is removed, the others still merged", "[shards]") {
    test::TempDir dir;
    const auto db = (dir / "db").string();
    crashed_parallel_build(db, "e");
    REQUIRE(indexer::ShardSet::existing(db).size() == 2);
    // A third writer's folder, created just before the kill: no database in it.
    fs::create_directory(db + indexer::SHARD_SUFFIX + "2");
    REQUIRE(indexer::ShardSet::existing(db).size() == 3);

    CHECK(indexer::merge_shards(db));  // threw "cannot read the shards" before
    CHECK(indexer::ShardSet::existing(db).empty());
    Xapian::Database d(db);
    CHECK(d.get_doccount() == 9);
    for (int i = 0; i < 9; ++i) CHECK(d.get_termfreq(schema::id_term("e" + std::to_string(i))) == 1);
}
