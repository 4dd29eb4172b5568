// Multilingual search end to end: languages detected at index time, query words analysed the same way,
// stems matched across inflections, unspaced scripts segmented, snippets marking exactly the query words.
#include "indexer/index_writer.h"
#include "indexer/indexer.h"
#include "searcher/searcher.h"
#include "support/test_support.h"

#include <catch2/catch.hpp>

using namespace newshound;

namespace {

struct Found {
    std::vector<std::string> ids;
    std::string marked;  // first hit's snippet with [marks]
    std::string language;
};

Found find(searcher::Searcher& s, const std::string& q, std::vector<std::string> lang = {}) {
    searcher::SearchRequest r;
    r.query = q;
    r.languages = std::move(lang);
    auto result = s.search(r);
    REQUIRE(std::holds_alternative<searcher::SearchResponse>(result));
    const auto& resp = std::get<searcher::SearchResponse>(result);
    Found f;
    for (const auto& h : resp.hits) f.ids.push_back(h.id);
    if (!resp.hits.empty()) {
        f.marked = searcher::to_marked_text(resp.hits[0].snippet);
        f.language = resp.hits[0].language;
    }
    return f;
}

}  // namespace

TEST_CASE("every script is searchable with the same analysis as at index time", "[integration][multilingual]") {
    test::TempDir dir;
    const auto db = dir / "db";
    {
        indexer::IndexWriter writer(db.string());
        indexer::Indexer idx(writer);
        idx.add_path(test::fixture("multilingual.jsonl"));
        idx.add_path(test::fixture("articles.jsonl"));
        writer.commit();
    }
    searcher::Searcher s(db.string());

    SECTION("did you mean works in other scripts and with accents") {
        auto suggestion = [&](const std::string& q) {
            searcher::SearchRequest r;
            r.query = q;
            return std::get<searcher::SearchResponse>(s.search(r)).suggestion;
        };
        CHECK(suggestion("кимиссия") == "комиссия");  // Russian, one letter wrong
        // A misspelling the stemmer already forgives finds the article: nothing to suggest.
        CHECK(suggestion("избирательнная").empty());
        CHECK(suggestion("renouvelabels") == "renouvelables");    // French, two letters swapped
    }
    SECTION("languages are detected and filterable") {
        CHECK(find(s, "", {"hi"}).ids == std::vector<std::string>{"ml-hi"});
        CHECK(find(s, "", {"zh"}).ids == std::vector<std::string>{"ml-zh"});
        CHECK(find(s, "", {"ja"}).ids == std::vector<std::string>{"ml-ja"});
        CHECK(find(s, "", {"ru"}).ids == std::vector<std::string>{"ml-ru"});
        CHECK(find(s, "", {"th"}).ids == std::vector<std::string>{"ml-th"});
    }
    SECTION("Hindi: an inflected query form finds the other form, and the snippet marks it") {
        // The article has "किसानों" (oblique plural) and "किसान"; the query uses only the plain form.
        auto f = find(s, "किसान");
        CHECK(f.ids == std::vector<std::string>{"ml-hi"});
        CHECK(f.marked.find("[किसानों]") != std::string::npos);
        CHECK(f.marked.find("[किसान]") != std::string::npos);
    }
    SECTION("Chinese: two words find text that has them without spaces; only they are marked") {
        auto f = find(s, "北京 学生");
        CHECK(f.ids == std::vector<std::string>{"ml-zh"});
        CHECK(f.marked.find("[北京]大学的[学生]") != std::string::npos);
        CHECK(find(s, "北京大学").ids == std::vector<std::string>{"ml-zh"});  // one unspaced query word
    }
    SECTION("Japanese: two words without spaces in the text") {
        auto f = find(s, "交通 政策");
        CHECK(f.ids == std::vector<std::string>{"ml-ja"});
        CHECK(f.marked.find("[交通][政策]") != std::string::npos);
    }
    SECTION("Thai, Arabic and Russian") {
        CHECK(find(s, "เลือกตั้ง").ids == std::vector<std::string>{"ml-th"});
        CHECK(find(s, "انتخاب").ids == std::vector<std::string>{"ml-ar"});  // the stem of الانتخابات
        auto ru = find(s, "выборах");  // another case of "выборы"
        CHECK(ru.ids == std::vector<std::string>{"ml-ru"});
        CHECK(ru.marked.find("[Выборы]") != std::string::npos);
    }
    SECTION("French without accents finds accented text; phrases stay exact") {
        CHECK(find(s, "energies renouvelables").ids == std::vector<std::string>{"ml-fr"});
        CHECK(find(s, "\"énergies renouvelables\"").ids == std::vector<std::string>{"ml-fr"});
        CHECK(find(s, "electricite").ids == std::vector<std::string>{"ml-fr"});
    }
    CHECK(test::check_index(db).empty());
}
