// Snippets: window choice, marks on original words, ellipses, escaping; stored word offsets against analysis.
#include "searcher/snippeter.h"

#include "indexer/document_builder.h"
#include "indexer/index_writer.h"
#include "schema/stored_record.h"
#include "schema/terms.h"
#include "support/test_support.h"

#include <catch2/catch.hpp>

using namespace newshound;

TEST_CASE("snippet marks query words in their original form", "[snippeter]") {
    schema::Analyzer a;
    const std::set<std::string> terms{"nato", "peskov"}, stems{"nato", "peskov", "troop"};
    const searcher::HighlightSet h{&terms, &stems};
    const std::string text = "Kremlin spokesman Dmitry Peskov said NATO Troops would not be accepted.";
    auto s = searcher::make_snippet(text, "en", h, a);
    CHECK(searcher::to_marked_text(s) == "Kremlin spokesman Dmitry [Peskov] said [NATO] [Troops] would not be accepted.");
}

TEST_CASE("snippet picks the window with the most distinct query words", "[snippeter]") {
    schema::Analyzer a;
    std::string text;
    for (int i = 0; i < 60; ++i) text += "filler" + std::to_string(i) + " ";
    text += "wheat prices rose as the grain corridor reopened. ";
    for (int i = 0; i < 60; ++i) text += "tail" + std::to_string(i) + " ";
    const std::set<std::string> terms{"grain", "corridor"}, stems{"grain", "corridor"};
    auto s = searcher::make_snippet(text, "en", {&terms, &stems}, a, 10);
    const std::string marked = searcher::to_marked_text(s);
    CHECK(marked.find("[grain] [corridor]") != std::string::npos);
    CHECK(marked.rfind("\xE2\x80\xA6", 0) == 0);  // starts with an ellipsis: cut at the front
    CHECK(marked.size() < 200);
}

TEST_CASE("snippet without matches is the start of the text", "[snippeter]") {
    schema::Analyzer a;
    const std::set<std::string> none;
    auto s = searcher::make_snippet("One two three four five.", "en", {&none, &none}, a, 3);
    CHECK(searcher::to_marked_text(s) == "One two three\xE2\x80\xA6");
}

TEST_CASE("snippet HTML escapes text but keeps our marks", "[snippeter]") {
    schema::Analyzer a;
    const std::set<std::string> terms{"script"}, stems{"script"};
    auto s = searcher::highlight_all("<script>alert('x')</script> & more", "en", {&terms, &stems}, a);
    CHECK(searcher::to_html(s) ==
          "&lt;<mark>script</mark>&gt;alert(&#39;x&#39;)&lt;/<mark>script</mark>&gt; &amp; more");
}

TEST_CASE("snippet never splits a multi-byte character", "[snippeter]") {
    schema::Analyzer a;
    const std::set<std::string> terms{"киев"}, stems{"киев"};
    std::string text;
    for (int i = 0; i < 50; ++i) text += "Слово ";
    text += "Киев ";
    for (int i = 0; i < 50; ++i) text += "ещё ";
    auto s = searcher::make_snippet(text, "ru", {&terms, &stems}, a, 8);
    const std::string marked = searcher::to_marked_text(s);
    CHECK(marked.find("[Киев]") != std::string::npos);
    // Every byte sequence is whole: re-folding through ICU would fail on a split character.
    for (const auto& f : s) CHECK(a.fold(f.text).find("\xEF\xBF\xBD") == std::string::npos);
}

namespace {

// Articles indexed the real way (builder, writer with its word forms), one at a time, in a temp dir.
struct Stored {
    test::TempDir dir;
    schema::Analyzer analyzer;
    int next = 0;
};

// The highlight sets of a query's words as the query parser makes them: folded words, their stems, and
// "word*" prefixes.
struct Query {
    std::set<std::string> terms, stems, prefixes;
    Query(schema::Analyzer& a, const std::vector<std::string>& words, const std::string& language) {
        for (const auto& w : words) {
            if (w.ends_with('*')) {
                prefixes.insert(a.fold(w.substr(0, w.size() - 1)));
                continue;
            }
            terms.insert(a.fold(w));
            stems.insert(a.stem(a.fold(w), language));
        }
    }
    searcher::HighlightSet set() const { return {&terms, &stems, &prefixes}; }
};

// Indexes the article and makes its snippet both ways: from the stored word offsets and the index's
// position lists and word forms, and by analysing the text. Returns the stored way's; the two must match.
std::string both_ways(Stored& s, schema::Article a, const std::vector<std::string>& words, size_t window = 30) {
    a.id = "a" + std::to_string(++s.next);
    if (a.language.empty()) a.language = "en";
    const std::string path = (s.dir / ("db" + std::to_string(s.next))).string();
    {
        indexer::IndexWriter writer(path);
        indexer::DocumentBuilder builder(s.analyzer);
        writer.upsert(schema::id_term(a.id), builder.build(a));
    }
    const Xapian::Database db(path);
    const Xapian::Document doc = db.get_document(*db.postlist_begin(schema::id_term(a.id)));
    const std::string data = doc.get_data();
    std::string_view table;
    const auto article = schema::decode_stored_record(data, &table);
    REQUIRE(article);
    const auto offsets = schema::decode_word_offsets(table);
    REQUIRE(offsets);
    const Query q(s.analyzer, words, a.language);
    const auto h = q.set();
    searcher::QueryWords query_words(db, h, s.analyzer);
    const std::string_view text = a.body.empty() ? std::string_view(a.summary) : std::string_view(a.body);
    const auto stored = searcher::make_snippet(text, *offsets, a.language, query_words, window);
    REQUIRE(stored);
    const auto analysed = searcher::make_snippet(text, a.language, h, s.analyzer, window);
    CHECK(searcher::to_marked_text(*stored) == searcher::to_marked_text(analysed));
    return searcher::to_marked_text(*stored);
}

schema::Article article(std::string title, std::string summary, std::string body, std::string language = "en") {
    schema::Article a;
    a.title = std::move(title);
    a.summary = std::move(summary);
    a.body = std::move(body);
    a.language = std::move(language);
    return a;
}

}  // namespace

TEST_CASE("snippets from stored word offsets equal snippets from analysing the text", "[snippeter]") {
    Stored s;
    std::string filler;
    for (int i = 0; i < 80; ++i) filler += "filler" + std::to_string(i) + (i % 9 == 8 ? ". " : " ");

    // Stems: "troop" finds "Troops"; names and capitals keep their spelling in the mark.
    CHECK(both_ways(s, article("Peskov on NATO", "Summary mentions troops too.",
                               "Kremlin spokesman Dmitry Peskov said NATO Troops would not be accepted."),
                    {"troop", "peskov"}) ==
          "Kremlin spokesman Dmitry [Peskov] said NATO [Troops] would not be accepted.");
    // The window with the most distinct words, deep in a long body; a word only in the title is not marked.
    const std::string windowed = both_ways(
        s, article("Grain deal", "", filler + "wheat prices rose as the grain corridor reopened. " + filler + " grain again"),
        {"grain", "corridor", "deal"}, 10);
    CHECK(windowed.find("[grain] [corridor]") != std::string::npos);
    // Prefixes, numbers, elisions, a word too long to index before the match (positions still line up).
    both_ways(s, article("t", "", filler + " Ukrainian and Ukraine's exports in 1987 " + std::string(300, 'q') +
                                      " l'Europe ukrainische" + filler),
              {"ukrain*", "1987", "europe"});
    // Summary only; a text that starts with its match; no match at all.
    both_ways(s, article("t", "Markets fell sharply on Monday as traders sold.", ""), {"market", "trader"});
    both_ways(s, article("t", "", "Markets " + filler), {"market"});
    CHECK(both_ways(s, article("t", "", filler), {"absent"}).starts_with("filler0 filler1"));
    // Other scripts and languages: Russian stems, German, Chinese words.
    both_ways(s, article("t", "", "Слово " + filler + " в Киеве заявили, что Киев " + filler, "ru"), {"киев"});
    both_ways(s, article("t", "", filler + " Die Regierungen der Länder verhandelten über Getreide.", "de"),
              {"regierung", "lander"});
    both_ways(s, article("t", "", "北京市政府今天宣布了新的交通计划。" + filler, "zh"), {"北京"});
    // A short window at the very end of the text.
    both_ways(s, article("t", "", filler + " the end word"), {"word"}, 5);
}

TEST_CASE("a stored snippet of a text longer than the table ends in an ellipsis", "[snippeter]") {
    Stored s;
    std::string body = "Opening paragraph about the harbour strike. ";
    while (body.size() < schema::MAX_SNIPPET_SOURCE_BYTES + 5000) body += "more words of a very long story ";
    body += "closing harbour";
    const std::string marked = both_ways(s, article("t", "", body), {"harbour"});
    CHECK(marked.starts_with("Opening paragraph about the [harbour] strike."));
    CHECK(marked.ends_with("\xE2\x80\xA6"));
}

TEST_CASE("a word offset table that does not fit the text is not used", "[snippeter]") {
    schema::Analyzer a;
    std::vector<schema::Token> tokens;
    const std::string longer = "a text longer than the one the table is used with";
    a.analyze(longer, "en", tokens, 1);
    const auto offsets = schema::decode_word_offsets(schema::encode_word_offsets(tokens, 1, longer.size()));
    REQUIRE(offsets);
    const std::set<std::string> none;
    const Xapian::Database db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    searcher::QueryWords words(db, {&none, &none}, a);
    CHECK_FALSE(searcher::make_snippet("short", *offsets, "en", words));
}
