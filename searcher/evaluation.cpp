#include "searcher/evaluation.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>

namespace newshound::searcher {

namespace {
constexpr size_t NDCG_CUTOFF = 10;
constexpr size_t RECALL_CUTOFF = 100;
}  // namespace

Qrels read_qrels(std::istream& in) {
    Qrels out;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        std::istringstream fields(line);
        std::string query, iteration, doc;
        int grade = 0;
        if (!(fields >> query)) continue;  // blank line
        if (!(fields >> iteration >> doc >> grade))
            throw std::runtime_error("qrels line " + std::to_string(number) + ": expected 'query iteration doc grade'");
        out[query][doc] = grade;
    }
    return out;
}

std::vector<std::pair<std::string, std::string>> read_queries(std::istream& in) {
    std::vector<std::pair<std::string, std::string>> out;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        if (line.empty() || line[0] == '#') continue;
        const auto tab = line.find('\t');
        if (tab == std::string::npos || tab == 0)
            throw std::runtime_error("queries line " + std::to_string(number) + ": expected 'id<TAB>text'");
        out.emplace_back(line.substr(0, tab), line.substr(tab + 1));
    }
    return out;
}

Measures evaluate(const std::vector<std::string>& ranked, const std::map<std::string, int>& judged) {
    Measures m;
    std::vector<int> ideal;
    for (const auto& [doc, grade] : judged)
        if (grade > 0) ideal.push_back(grade);
    if (ideal.empty()) return m;
    std::sort(ideal.rbegin(), ideal.rend());
    const double relevant = static_cast<double>(ideal.size());

    double dcg = 0, idcg = 0, precision_sum = 0;
    size_t found = 0, found_at_100 = 0;
    for (size_t i = 0; i < ranked.size(); ++i) {
        const auto it = judged.find(ranked[i]);
        const int grade = it == judged.end() ? 0 : it->second;
        if (grade <= 0) continue;
        ++found;
        precision_sum += static_cast<double>(found) / static_cast<double>(i + 1);
        if (m.reciprocal_rank == 0) m.reciprocal_rank = 1.0 / static_cast<double>(i + 1);
        if (i < NDCG_CUTOFF) dcg += grade / std::log2(static_cast<double>(i + 2));
        if (i < RECALL_CUTOFF) ++found_at_100;
    }
    for (size_t i = 0; i < ideal.size() && i < NDCG_CUTOFF; ++i) idcg += ideal[i] / std::log2(static_cast<double>(i + 2));
    m.ndcg_at_10 = dcg / idcg;
    m.average_precision = precision_sum / relevant;
    m.recall_at_100 = static_cast<double>(found_at_100) / relevant;
    return m;
}

}  // namespace newshound::searcher
