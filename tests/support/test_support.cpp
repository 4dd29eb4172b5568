// Test helpers.
#include "support/test_support.h"

#include "indexer/index_writer.h"
#include "indexer/indexer.h"

#include "schema/stored_record.h"
#include "schema/terms.h"

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <unistd.h>
#include <xapian.h>

namespace newshound::test {

namespace fs = std::filesystem;

TempDir::TempDir() {
    static std::atomic<int> counter{0};
    std::random_device rd;
    path_ = fs::temp_directory_path() /
            ("newshound-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" + std::to_string(rd()));
    fs::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

fs::path fixture(const std::string& name) { return fs::path(NEWSHOUND_SOURCE_DIR) / "tests" / "fixtures" / name; }

fs::path seed_page() {
    const char* env = std::getenv("NEWSHOUND_SEEDS");
    const fs::path dir = env && *env ? fs::path(env) : fs::path(NEWSHOUND_SOURCE_DIR) / ".." / "shared" / "seeds";
    const fs::path page = dir / "business-standard-kremlin-ukraine.txt";
    if (fs::exists(page)) return page;
    if (env && *env) throw std::runtime_error("NEWSHOUND_SEEDS is set but " + page.string() + " does not exist");
    return {};
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

bool matches_golden(const std::string& name, const std::string& actual) {
    const fs::path path = fs::path(NEWSHOUND_SOURCE_DIR) / "tests" / "expected" / name;
    const char* update = std::getenv("NEWSHOUND_UPDATE_GOLDEN");
    if (update && std::string(update) == "1") {
        std::ofstream(path, std::ios::binary) << actual;
        return true;
    }
    std::string expected;
    try {
        expected = read_file(path);
    } catch (const std::exception& e) {
        std::cerr << e.what() << " (run with NEWSHOUND_UPDATE_GOLDEN=1 to create it)\n";
        return false;
    }
    if (expected == actual) return true;
    std::cerr << "golden mismatch for " << path << "\n--- expected\n" << expected << "\n--- actual\n" << actual << "\n";
    return false;
}

std::string check_index(const fs::path& db) {
    const std::string cmd = "xapian-check '" + db.string() + "' >/dev/null 2>&1";
    if (std::system(cmd.c_str()) != 0) return "xapian-check failed for " + db.string();
    Xapian::Database d(db.string());
    for (auto it = d.postlist_begin(""); it != d.postlist_end(""); ++it) {
        const auto article = schema::decode_stored_record(d.get_document(*it).get_data());
        if (!article) return "document " + std::to_string(*it) + " has an unreadable record";
        const std::string term = schema::id_term(article->id);
        if (d.get_termfreq(term) != 1) return "id term " + term + " is on " + std::to_string(d.get_termfreq(term)) + " documents";
        auto p = d.postlist_begin(term);
        if (*p != *it) return "id term " + term + " points at another document";
    }
    return {};
}

void index_fixture(const std::string& db, const std::string& name) {
    indexer::IndexWriter writer(db);
    indexer::Indexer idx(writer);
    idx.add_path(fixture(name));
    writer.commit();
}

}  // namespace newshound::test
