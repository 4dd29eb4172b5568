// newshound's side of the query benchmark: the full search a reader gets (top 10, highlighted snippets,
// exact totals, topic/source/language/place/person facets and the date histogram), in process.
//
//   query_bench DB QUERIES
//
// Prints one JSON line like the peers' (bench_common.h). Hit counts come from an untimed pass with
// duplicates not collapsed, so they compare with engines that do not collapse. Before it, a "snippet-cost"
// line: the time per hit of a snippet made from the stored word offsets against one made by analysing the
// text (the way records without offsets still get theirs), on the same hits, and how many came out equal.
#include "bench_common.h"
#include "schema/stored_record.h"
#include "schema/terms.h"
#include "searcher/searcher.h"
#include "searcher/snippeter.h"

#include <chrono>
#include <cstdio>
#include <iostream>
#include <variant>

namespace {

using namespace newshound;

// Each snippet is made this many times per way so one hit's time is well above the clock's resolution.
constexpr int SNIPPET_REPEATS = 20;

std::string snippet_cost_json(searcher::Searcher& searcher, const std::string& db_path, const std::vector<std::string>& queries) {
    Xapian::Database db(db_path);
    schema::Analyzer analyzer;
    searcher::QueryParser parser(analyzer);
    using clock = std::chrono::steady_clock;
    clock::duration stored_time{}, analysed_time{};
    size_t hits = 0, equal = 0;
    for (const auto& q : queries) {
        searcher::SearchRequest r;
        r.query = q;
        r.collapse = false;
        auto result = searcher.search(r);
        auto* resp = std::get_if<searcher::SearchResponse>(&result);
        if (!resp) continue;
        for (const auto& hit : resp->hits) {
            auto posting = db.postlist_begin(schema::id_term(hit.id));
            if (posting == db.postlist_end(schema::id_term(hit.id))) continue;
            const Xapian::Document doc = db.get_document(*posting);
            const std::string data = doc.get_data();
            std::string_view table;
            const auto article = schema::decode_stored_record(data, &table);
            auto parsed = parser.parse(q, {article && !article->language.empty() ? article->language : "en"});
            auto* p = std::get_if<searcher::ParsedQuery>(&parsed);
            if (!article || !p || table.empty()) continue;
            const searcher::HighlightSet h{&p->highlight_terms, &p->highlight_stems, &p->highlight_prefixes};
            searcher::QueryWords words(db, h, analyzer);
            const std::string_view text = article->body.empty() ? std::string_view(article->summary) : std::string_view(article->body);
            std::optional<searcher::Highlighted> stored;
            searcher::Highlighted analysed;
            const auto t0 = clock::now();
            for (int i = 0; i < SNIPPET_REPEATS; ++i)
                if (const auto offsets = schema::decode_word_offsets(table))
                    stored = searcher::make_snippet(text, *offsets, article->language, words);
            const auto t1 = clock::now();
            for (int i = 0; i < SNIPPET_REPEATS; ++i) analysed = searcher::make_snippet(text, article->language, h, analyzer);
            const auto t2 = clock::now();
            stored_time += t1 - t0;
            analysed_time += t2 - t1;
            ++hits;
            if (stored && searcher::to_marked_text(*stored) == searcher::to_marked_text(analysed)) ++equal;
        }
    }
    auto us = [&](clock::duration d) {
        return hits ? std::chrono::duration<double, std::micro>(d).count() / (static_cast<double>(hits) * SNIPPET_REPEATS) : 0.0;
    };
    char line[256];
    std::snprintf(line, sizeof line,
                  R"({"engine":"newshound","mode":"snippet-cost","hits":%zu,"equal":%zu,"stored_us":%.3f,"analysed_us":%.3f})",
                  hits, equal, us(stored_time), us(analysed_time));
    return line;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: query_bench DB QUERIES\n";
        return 2;
    }
    try {
        searcher::Searcher searcher(argv[1]);
        const auto queries = bench::read_queries(argv[2]);
        size_t snippet_parts = 0;
        auto run = [&](const std::string& q, bool collapse) -> long long {
            searcher::SearchRequest r;
            r.query = q;
            r.collapse = collapse;
            auto result = searcher.search(r);
            if (auto* err = std::get_if<searcher::QueryError>(&result)) throw std::runtime_error(q + ": " + err->message);
            const auto& resp = std::get<searcher::SearchResponse>(result);
            for (const auto& h : resp.hits) snippet_parts += h.snippet.size();
            return resp.relaxed ? 0 : static_cast<long long>(resp.total);
        };
        std::vector<long long> counts;
        auto ms = bench::time_queries(queries, [&](const std::string& q) { return run(q, true); }, counts);
        for (size_t i = 0; i < queries.size(); ++i) counts[i] = run(queries[i], false);
        std::cout << snippet_cost_json(searcher, argv[1], queries) << "\n";
        std::cout << bench::latency_json("newshound", "search", ms, counts) << "\n";
        return snippet_parts > 0 ? 0 : 1;
    } catch (const std::exception& e) {
        std::cerr << "query_bench: " << e.what() << "\n";
        return 1;
    }
}
