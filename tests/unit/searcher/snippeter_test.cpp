// Snippets: window choice, marks on original words, ellipses, escaping.
#include "searcher/snippeter.h"

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
