// `newshound eval`: ranking quality on a test collection (TREC qrels + queries), trec_eval conventions.
#pragma once

#include "searcher/searcher.h"

#include <ostream>
#include <string>

namespace CLI {
class App;
}

namespace newshound::searcher {

struct EvalConfig {
    std::string db;
    std::string queries;  ///< "id TAB text" per line
    std::string qrels;    ///< TREC qrels
    std::string run;      ///< optional: write the run in TREC run format here
    std::string label = "newshound";
    int depth = 1000;     ///< ranked documents per query, as trec_eval runs usually have
    Bm25Params bm25;
};

void add_eval_options(CLI::App& cmd, EvalConfig& config);

/// Runs every query, prints one Markdown row (label, queries, nDCG@10, MAP, MRR, recall@100; means over
/// the queries with relevant documents) to `out`. Throws std::runtime_error for unreadable or malformed
/// files and SearchUnavailable for the index; a query that does not parse counts as an empty ranking.
void run_eval(const EvalConfig& config, std::ostream& out);

}  // namespace newshound::searcher
