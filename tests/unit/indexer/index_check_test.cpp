// The integrity check: a sound index passes; each kind of damage is found and named.
#include "indexer/index_check.h"

#include "indexer/index_command.h"
#include "schema/fields.h"
#include "support/test_support.h"

#include <catch2/catch.hpp>
#include <fstream>

using namespace newshound;

namespace {

std::string built(const test::TempDir& dir, size_t writers = 1) {
    const std::string db = (dir / "db").string();
    indexer::IndexConfig c;
    c.db = db;
    c.inputs = {test::fixture("articles.jsonl").string(), test::fixture("multilingual.jsonl").string()};
    c.writers = writers;
    indexer::run_index(c);
    return db;
}

bool listed(const indexer::CheckReport& r, const std::string& text) {
    for (const auto& p : r.problems)
        if (p.find(text) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("a freshly built index is sound", "[index_check]") {
    const size_t writers = GENERATE(1, 2);
    test::TempDir dir;
    const auto r = indexer::check_index(built(dir, writers));
    CHECK(r.documents == 17);
    CHECK(r.checked == r.documents);
    CHECK(r.problem_count == 0);
    CHECK(r.xapian_check_run);
    CHECK(r.xapian_check_passed);
    CHECK(r.clean());
    CHECK(indexer::to_text(r).find("the index is sound") != std::string::npos);
}

TEST_CASE("a document that differs from its record is named with what differs", "[index_check]") {
    test::TempDir dir;
    const std::string db = built(dir);
    {
        Xapian::WritableDatabase w(db);
        Xapian::Document changed = w.get_document(1);
        const std::string first_word = [&] {
            for (auto t = changed.termlist_begin(); t != changed.termlist_end(); ++t)
                if (std::islower(static_cast<unsigned char>((*t)[0]))) return *t;
            return std::string();
        }();
        REQUIRE_FALSE(first_word.empty());
        changed.remove_term(first_word);
        w.replace_document(1, changed);
        Xapian::Document extra = w.get_document(2);
        extra.add_term("zzzinjected");
        w.replace_document(2, extra);
        Xapian::Document unreadable = w.get_document(3);
        unreadable.set_data("not a record");
        w.replace_document(3, unreadable);
        w.commit();
    }
    const auto r = indexer::check_index(db);
    CHECK(r.problem_count == 3);
    CHECK(listed(r, "document 1 (id"));
    CHECK(listed(r, "is missing"));
    CHECK(listed(r, "document 2 (id"));
    CHECK(listed(r, "term zzzinjected is not in the record"));
    CHECK(listed(r, "document 3: unreadable stored record"));
    CHECK(r.xapian_check_passed);  // the B-trees are fine: the damage is in the content
    CHECK_FALSE(r.clean());
}

TEST_CASE("two documents with one id and an index of another layout are reported", "[index_check]") {
    test::TempDir dir;
    const std::string db = built(dir);
    {
        Xapian::WritableDatabase w(db);
        w.add_document(w.get_document(1));  // a copy under a new docid, same id term
        w.set_metadata(std::string(schema::LAYOUT_VERSION_KEY), "1");
        w.commit();
    }
    indexer::CheckOptions no_b_tree_check;
    no_b_tree_check.xapian_check = false;
    const auto r = indexer::check_index(db, no_b_tree_check);
    CHECK(listed(r, "2 documents have its id"));
    CHECK(listed(r, "layout version 1"));
    CHECK(r.checked == 0);
    CHECK_FALSE(r.xapian_check_run);
    CHECK_FALSE(r.clean());
}

TEST_CASE("a damaged table is a problem and fails xapian-check", "[index_check]") {
    test::TempDir dir;
    const std::string db = built(dir);
    // Overwrite the record table's blocks with junk.
    const auto table = std::filesystem::path(db) / "docdata.glass";
    const auto size = std::filesystem::file_size(table);
    REQUIRE(size > 0);
    {
        std::fstream f(table, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(0);
        const std::string junk(size, '\x5a');
        f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
    }
    const auto r = indexer::check_index(db);
    CHECK(r.problem_count > 0);
    CHECK(r.xapian_check_run);
    CHECK_FALSE(r.xapian_check_passed);
    CHECK_FALSE(r.xapian_check_output.empty());
    CHECK_FALSE(r.clean());
}

TEST_CASE("checking a folder with no index is an error", "[index_check]") {
    test::TempDir dir;
    CHECK_THROWS_AS(indexer::check_index((dir / "nothing").string()), indexer::IndexError);
}
