#include "indexer/build_pipeline.h"

#include "schema/terms.h"

#include <catch2/catch.hpp>
#include <stdexcept>
#include <vector>

using namespace newshound;

namespace {

schema::Article article(int i) {
    schema::Article a;
    a.id = "a" + std::to_string(i);
    a.title = "Story number " + std::to_string(i);
    a.body = "Grain ships left the port on day " + std::to_string(i) + ".";
    return a;
}

}  // namespace

TEST_CASE("built documents are written in submission order, all of them by finish", "[build_pipeline]") {
    std::vector<std::string> written;
    indexer::BuildPipeline pipeline([&](const std::string& id_term, Xapian::Document doc) {
        CHECK(doc.termlist_count() > 0);
        written.push_back(id_term);
    });
    constexpr int N = 3 * static_cast<int>(indexer::BuildPipeline::CAPACITY) + 7;  // more than the queue holds
    for (int i = 0; i < N; ++i) pipeline.submit(article(i));
    pipeline.finish();
    REQUIRE(written.size() == N);
    for (int i = 0; i < N; ++i) CHECK(written[static_cast<size_t>(i)] == schema::id_term("a" + std::to_string(i)));
    pipeline.finish();  // nothing left: returns at once
    CHECK(written.size() == N);
}

TEST_CASE("a failing write reaches the caller and the pipeline still shuts down", "[build_pipeline]") {
    int writes = 0;
    {
        indexer::BuildPipeline pipeline([&](const std::string&, Xapian::Document) {
            if (++writes == 5) throw std::runtime_error("disk full");
        });
        CHECK_THROWS_WITH(
            [&] {
                for (int i = 0; i < 200; ++i) pipeline.submit(article(i));
                pipeline.finish();
            }(),
            "disk full");
    }  // the destructor joins the builder with articles still queued
    CHECK(writes == 5);
}

TEST_CASE("articles without id or language get them on the builder thread", "[build_pipeline]") {
    std::vector<std::string> written;
    indexer::BuildPipeline pipeline([&](const std::string& id_term, Xapian::Document) { written.push_back(id_term); });
    schema::Article a;
    a.title = "A headline without an id";
    a.body = "The text decides the id and the language.";
    pipeline.submit(a);
    pipeline.finish();
    REQUIRE(written.size() == 1);
    CHECK(written[0] == schema::id_term(schema::derive_article_id("", a.title, a.body)));
}
