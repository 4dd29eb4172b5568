// The plain-Xapian floor for bench/: what a program gets from Xapian alone, with no newshound code.
// One writer, TermGenerator with the English stemmer, QueryParser with all words required.
//
//   xapian_floor index DB ARTICLES.jsonl
//   xapian_floor query DB QUERIES [--snippets]
//
// Prints one JSON line: index counts, or latency percentiles and per-query hit counts.
#include "bench_common.h"

#include <chrono>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <xapian.h>

namespace {

using namespace newshound::bench;

constexpr unsigned SNIPPET_BYTES = 200;

int index(const std::string& db_path, const std::string& jsonl) {
    Xapian::WritableDatabase db(db_path, Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator gen;
    gen.set_stemmer(Xapian::Stem("english"));
    std::ifstream in(jsonl);
    if (!in) throw std::runtime_error("cannot read " + jsonl);
    long long docs = 0;
    for (std::string line; std::getline(in, line);) {
        const auto j = nlohmann::json::parse(line);
        const std::string title = j.value("title", ""), body = j.value("body", "");
        Xapian::Document doc;
        gen.set_document(doc);
        gen.index_text(title);
        gen.increase_termpos();
        gen.index_text(body);
        doc.set_data(body);
        const std::string id = "Q" + j.value("id", std::to_string(docs));
        doc.add_boolean_term(id);
        db.replace_document(id, doc);
        ++docs;
    }
    db.commit();
    std::cout << "{\"engine\":\"xapian\",\"mode\":\"index\",\"documents\":" << db.get_doccount() << "}\n";
    return docs == static_cast<long long>(db.get_doccount()) ? 0 : 1;
}

int query(const std::string& db_path, const std::string& queries_path, bool snippets) {
    Xapian::Database db(db_path);
    const auto queries = read_queries(queries_path);
    Xapian::QueryParser qp;
    const Xapian::Stem stem("english");
    qp.set_stemmer(stem);
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp.set_default_op(Xapian::Query::OP_AND);
    qp.set_database(db);
    Xapian::Enquire enquire(db);
    size_t snippet_bytes = 0;
    std::vector<long long> counts;
    auto ms = time_queries(
        queries,
        [&](const std::string& q) -> long long {
            enquire.set_query(qp.parse_query(q, Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_PHRASE));
            const Xapian::MSet mset = enquire.get_mset(0, 10);
            if (snippets)
                for (auto it = mset.begin(); it != mset.end(); ++it)
                    snippet_bytes += mset.snippet(it.get_document().get_data(), SNIPPET_BYTES, stem).size();
            return mset.size();
        },
        counts);
    // Exact totals, untimed: the hit counts compared across engines.
    for (size_t i = 0; i < queries.size(); ++i) {
        enquire.set_query(qp.parse_query(queries[i], Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_PHRASE));
        counts[i] = enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
    }
    std::cout << latency_json("xapian", snippets ? "query+snippets" : "query", ms, counts) << "\n";
    return snippets && snippet_bytes == 0 ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const std::string mode = argc > 1 ? argv[1] : "";
        if (mode == "index" && argc == 4) return index(argv[2], argv[3]);
        if (mode == "query" && (argc == 4 || argc == 5)) return query(argv[2], argv[3], argc == 5 && std::string(argv[4]) == "--snippets");
        std::cerr << "usage: xapian_floor index DB ARTICLES.jsonl | query DB QUERIES [--snippets]\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "xapian_floor: " << e.what() << "\n";
        return 1;
    } catch (const Xapian::Error& e) {
        std::cerr << "xapian_floor: " << e.get_description() << "\n";
        return 1;
    }
}
