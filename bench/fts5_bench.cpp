// SQLite FTS5 for bench/: Debian's libsqlite3, porter + unicode61 tokenizer, bm25 ranking.
//
//   fts5_bench index DB ARTICLES.jsonl
//   fts5_bench query DB QUERIES [--snippets]
//
// Queries go in as FTS5 query strings: bare words are all required, "phrases" match in order.
#include "bench_common.h"

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

namespace {

using namespace newshound::bench;

struct Db {
    explicit Db(const std::string& path) {
        if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) throw std::runtime_error("cannot open " + path);
    }
    ~Db() { sqlite3_close(db); }
    void exec(const char* sql) {
        char* err = nullptr;
        if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
            std::string message = err ? err : "?";
            sqlite3_free(err);
            throw std::runtime_error(message);
        }
    }
    sqlite3_stmt* prepare(const char* sql) {
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK) throw std::runtime_error(sqlite3_errmsg(db));
        return st;
    }
    sqlite3* db = nullptr;
};

int index(const std::string& path, const std::string& jsonl) {
    std::remove(path.c_str());
    Db db(path);
    db.exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;");
    db.exec("CREATE VIRTUAL TABLE articles USING fts5(id UNINDEXED, title, body, tokenize='porter unicode61')");
    db.exec("BEGIN");
    sqlite3_stmt* insert = db.prepare("INSERT INTO articles(id, title, body) VALUES (?, ?, ?)");
    std::ifstream in(jsonl);
    if (!in) throw std::runtime_error("cannot read " + jsonl);
    long long docs = 0;
    for (std::string line; std::getline(in, line);) {
        const auto j = nlohmann::json::parse(line);
        const std::string id = j.value("id", ""), title = j.value("title", ""), body = j.value("body", "");
        sqlite3_bind_text(insert, 1, id.c_str(), static_cast<int>(id.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 2, title.c_str(), static_cast<int>(title.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 3, body.c_str(), static_cast<int>(body.size()), SQLITE_TRANSIENT);
        if (sqlite3_step(insert) != SQLITE_DONE) throw std::runtime_error(sqlite3_errmsg(db.db));
        sqlite3_reset(insert);
        ++docs;
    }
    sqlite3_finalize(insert);
    db.exec("COMMIT");
    // FTS5's own finishing step: merge the index segments so queries read one b-tree.
    db.exec("INSERT INTO articles(articles) VALUES('optimize')");
    std::cout << "{\"engine\":\"fts5\",\"mode\":\"index\",\"documents\":" << docs << "}\n";
    return 0;
}

int query(const std::string& path, const std::string& queries_path, bool snippets) {
    Db db(path);
    const auto queries = read_queries(queries_path);
    sqlite3_stmt* top = db.prepare(snippets ? "SELECT id, snippet(articles, 2, '<mark>', '</mark>', '…', 24) FROM articles "
                                              "WHERE articles MATCH ? ORDER BY bm25(articles) LIMIT 10"
                                            : "SELECT id FROM articles WHERE articles MATCH ? ORDER BY bm25(articles) LIMIT 10");
    sqlite3_stmt* count = db.prepare("SELECT count(*) FROM articles WHERE articles MATCH ?");
    size_t snippet_bytes = 0;
    std::vector<long long> counts;
    auto ms = time_queries(
        queries,
        [&](const std::string& q) -> long long {
            sqlite3_bind_text(top, 1, q.c_str(), static_cast<int>(q.size()), SQLITE_TRANSIENT);
            long long n = 0;
            while (sqlite3_step(top) == SQLITE_ROW) {
                ++n;
                if (snippets) snippet_bytes += static_cast<size_t>(sqlite3_column_bytes(top, 1));
            }
            sqlite3_reset(top);
            return n;
        },
        counts);
    for (size_t i = 0; i < queries.size(); ++i) {
        sqlite3_bind_text(count, 1, queries[i].c_str(), static_cast<int>(queries[i].size()), SQLITE_TRANSIENT);
        counts[i] = sqlite3_step(count) == SQLITE_ROW ? sqlite3_column_int64(count, 0) : -1;
        sqlite3_reset(count);
    }
    sqlite3_finalize(top);
    sqlite3_finalize(count);
    std::cout << latency_json("fts5", snippets ? "query+snippets" : "query", ms, counts) << "\n";
    return snippets && snippet_bytes == 0 ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const std::string mode = argc > 1 ? argv[1] : "";
        if (mode == "index" && argc == 4) return index(argv[2], argv[3]);
        if (mode == "query" && (argc == 4 || argc == 5)) return query(argv[2], argv[3], argc == 5 && std::string(argv[4]) == "--snippets");
        std::cerr << "usage: fts5_bench index DB ARTICLES.jsonl | query DB QUERIES [--snippets]\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "fts5_bench: " << e.what() << "\n";
        return 1;
    }
}
