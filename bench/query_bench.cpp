// newshound's side of the query benchmark: the full search a reader gets (top 10, highlighted snippets,
// exact totals, topic/source/language/place/person facets and the date histogram), in process.
//
//   query_bench DB QUERIES
//
// Prints one JSON line like the peers' (bench_common.h). Hit counts come from an untimed pass with
// duplicates not collapsed, so they compare with engines that do not collapse.
#include "bench_common.h"
#include "searcher/searcher.h"

#include <iostream>
#include <variant>

int main(int argc, char** argv) {
    using namespace newshound;
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
        std::cout << bench::latency_json("newshound", "search", ms, counts) << "\n";
        return snippet_parts > 0 ? 0 : 1;
    } catch (const std::exception& e) {
        std::cerr << "query_bench: " << e.what() << "\n";
        return 1;
    }
}
