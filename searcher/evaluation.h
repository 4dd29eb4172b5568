// Relevance measures in the trec_eval conventions, over one ranked list and its judgments.
#pragma once

#include <istream>
#include <map>
#include <string>
#include <vector>

namespace newshound::searcher {

/// Relevance grades per query and document: TREC qrels ("query iteration doc grade"). Grade > 0 is relevant.
using Qrels = std::map<std::string, std::map<std::string, int>>;

/// Reads TREC qrels. Throws std::runtime_error naming the line for a malformed one.
[[nodiscard]] Qrels read_qrels(std::istream& in);

/// Queries: "id TAB text" per line (blank lines and lines starting with '#' skipped). Throws
/// std::runtime_error naming the line for one without a tab.
[[nodiscard]] std::vector<std::pair<std::string, std::string>> read_queries(std::istream& in);

struct Measures {
    double ndcg_at_10 = 0;  ///< trec_eval ndcg_cut_10: gain = grade, discount log2(rank + 1)
    double average_precision = 0;  ///< trec_eval map: over every relevant document of the query
    double reciprocal_rank = 0;    ///< trec_eval recip_rank: 1 / rank of the first relevant document
    double recall_at_100 = 0;      ///< trec_eval recall_100
};

/// The measures of one ranked list (best first, no repeats) against one query's judgments. A query
/// without relevant documents scores 0 everywhere; trec_eval leaves such queries out of the mean, and
/// so does the caller.
[[nodiscard]] Measures evaluate(const std::vector<std::string>& ranked, const std::map<std::string, int>& judged);

}  // namespace newshound::searcher
