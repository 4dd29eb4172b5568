// Relevance measures against values computed by hand in the trec_eval conventions.
#include "searcher/evaluation.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <sstream>

using namespace newshound::searcher;

TEST_CASE("evaluation: nDCG@10, AP, reciprocal rank and recall@100 of one ranking", "[evaluation]") {
    // Judged: a (grade 3), b (grade 1), c (grade 2), d (grade 0: judged, not relevant).
    const std::map<std::string, int> judged{{"a", 3}, {"b", 1}, {"c", 2}, {"d", 0}};
    // Ranking: x, a, d, c — b is not retrieved.
    const Measures m = evaluate({"x", "a", "d", "c"}, judged);
    // AP = (1/2 + 2/4) / 3 relevant.
    CHECK(m.average_precision == Approx((0.5 + 0.5) / 3));
    CHECK(m.reciprocal_rank == Approx(0.5));
    CHECK(m.recall_at_100 == Approx(2.0 / 3));
    // DCG = 3/log2(3) + 2/log2(5); ideal = 3/log2(2) + 2/log2(3) + 1/log2(4).
    const double dcg = 3 / std::log2(3.0) + 2 / std::log2(5.0);
    const double ideal = 3 + 2 / std::log2(3.0) + 0.5;
    CHECK(m.ndcg_at_10 == Approx(dcg / ideal));
    // The perfect ranking scores 1; a query without relevant documents scores 0.
    CHECK(evaluate({"a", "c", "b"}, judged).ndcg_at_10 == Approx(1.0));
    CHECK(evaluate({"a", "c", "b"}, judged).average_precision == Approx(1.0));
    CHECK(evaluate({"a"}, {{"a", 0}}).average_precision == 0);
}

TEST_CASE("evaluation: qrels and query files, and their malformed lines", "[evaluation]") {
    std::istringstream qrels("1 0 cran-184 3\n1 0 cran-29 2\n\n2 0 cran-12 1\n");
    const Qrels q = read_qrels(qrels);
    CHECK(q.at("1").at("cran-184") == 3);
    CHECK(q.at("2").size() == 1);
    std::istringstream bad("1 0 cran-184\n");
    CHECK_THROWS_WITH(read_qrels(bad), Catch::Contains("line 1"));
    std::istringstream queries("# comment\n1\twhat similarity laws\n2\theat conduction\n");
    const auto qs = read_queries(queries);
    REQUIRE(qs.size() == 2);
    CHECK(qs[1] == std::pair<std::string, std::string>{"2", "heat conduction"});
    std::istringstream no_tab("1 what similarity laws\n");
    CHECK_THROWS_WITH(read_queries(no_tab), Catch::Contains("line 1"));
}
