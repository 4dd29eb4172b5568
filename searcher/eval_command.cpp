#include "searcher/eval_command.h"

#include "searcher/evaluation.h"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>
#include <spdlog/spdlog.h>
#include <stdexcept>

namespace newshound::searcher {

namespace {

std::ifstream open_input(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    return in;
}

}  // namespace

void add_eval_options(CLI::App& cmd, EvalConfig& config) {
    cmd.add_option("--db", config.db, "Index directory")->required();
    cmd.add_option("--queries", config.queries, "Queries: 'id<TAB>text' per line")->required();
    cmd.add_option("--qrels", config.qrels, "Relevance judgments in TREC qrels format")->required();
    cmd.add_option("--run", config.run, "Also write the run here in TREC run format");
    cmd.add_option("--label", config.label, "Name of the run in the output row");
    cmd.add_option("--depth", config.depth, "Documents ranked per query")->check(CLI::Range(1, 10000));
    cmd.add_option("--k1", config.bm25.k1, "BM25 k1 (term frequency saturation)")->check(CLI::Range(0.0, 10.0));
    cmd.add_option("--b", config.bm25.b, "BM25 b (length normalization)")->check(CLI::Range(0.0, 1.0));
}

void run_eval(const EvalConfig& config, std::ostream& out) {
    auto qrels_in = open_input(config.qrels);
    const Qrels qrels = read_qrels(qrels_in);
    auto queries_in = open_input(config.queries);
    const auto queries = read_queries(queries_in);
    std::ofstream run;
    if (!config.run.empty()) {
        run.open(config.run);
        if (!run) throw std::runtime_error("cannot write " + config.run);
    }

    Searcher searcher(config.db, config.bm25);
    Measures sum;
    size_t counted = 0;
    for (const auto& [id, text] : queries) {
        auto ranked_or_error = searcher.rank(text, static_cast<Xapian::doccount>(config.depth));
        std::vector<std::string> ids;
        if (auto* error = std::get_if<QueryError>(&ranked_or_error)) {
            spdlog::warn("query {}: {} (at {}); counted as an empty ranking", id, error->message, error->offset);
        } else {
            const auto& ranked = std::get<std::vector<RankedId>>(ranked_or_error);
            for (size_t i = 0; i < ranked.size(); ++i) {
                ids.push_back(ranked[i].id);
                if (run) run << id << " Q0 " << ranked[i].id << ' ' << i + 1 << ' ' << ranked[i].weight << ' ' << config.label << '\n';
            }
        }
        const auto judged = qrels.find(id);
        if (judged == qrels.end()) continue;  // trec_eval: queries without judgments are not averaged
        const Measures m = evaluate(ids, judged->second);
        sum.ndcg_at_10 += m.ndcg_at_10;
        sum.average_precision += m.average_precision;
        sum.reciprocal_rank += m.reciprocal_rank;
        sum.recall_at_100 += m.recall_at_100;
        ++counted;
    }
    if (counted == 0) throw std::runtime_error("no query of " + config.queries + " has judgments in " + config.qrels);
    const double n = static_cast<double>(counted);
    char row[256];
    std::snprintf(row, sizeof row, "| %s | %.2f | %.2f | %zu | %.4f | %.4f | %.4f | %.4f |\n", config.label.c_str(),
                  config.bm25.k1, config.bm25.b, counted, sum.ndcg_at_10 / n, sum.average_precision / n,
                  sum.reciprocal_rank / n, sum.recall_at_100 / n);
    out << row;
}

}  // namespace newshound::searcher
