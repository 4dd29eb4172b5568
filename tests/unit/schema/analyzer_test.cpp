// Analyzer: segmentation, normalization, stemming, offsets.
#include "schema/analyzer.h"

#include <catch2/catch.hpp>

using newshound::schema::Analyzer;
using newshound::schema::Token;

namespace {
std::vector<Token> run(Analyzer& a, std::string_view text, std::string_view lang = "en") {
    std::vector<Token> out;
    a.analyze(text, lang, out);
    return out;
}
std::string dump(const std::vector<Token>& tokens) {
    std::string s;
    for (const auto& t : tokens) {
        if (!s.empty()) s += ' ';
        s += t.term + "/" + t.stem + "@" + std::to_string(t.position) + "[" + std::to_string(t.byte_begin) + "," +
             std::to_string(t.byte_end) + ")";
    }
    return s;
}
}  // namespace

TEST_CASE("analyzer folds case, segments words and stems English", "[analyzer]") {
    Analyzer a;
    struct Row {
        const char* input;
        const char* expected;
    };
    const Row rows[] = {
        {"Kremlin Disapproves", "kremlin/kremlin@1[0,7) disapproves/disapprov@2[8,19)"},
        {"NATO troops, said.", "nato/nato@1[0,4) troops/troop@2[5,11) said/said@3[13,17)"},
        {"  ", ""},
        {"40 minutes", "40/40@1[0,2) minutes/minut@2[3,10)"},
        {"Ukraine's allies", "ukraine's/ukrain@1[0,9) allies/alli@2[10,16)"},
    };
    for (const auto& row : rows) {
        INFO(row.input);
        CHECK(dump(run(a, row.input)) == row.expected);
    }
}

TEST_CASE("analyzer offsets point at the original UTF-8 bytes", "[analyzer]") {
    Analyzer a;
    const std::string text = "Ünïcode «Straße» 北京";
    auto tokens = run(a, text, "de");
    REQUIRE(tokens.size() >= 3);
    for (const auto& t : tokens) {
        const std::string original = text.substr(t.byte_begin, t.byte_end - t.byte_begin);
        INFO(original);
        CHECK(a.fold(original) == t.term);
    }
    CHECK(tokens[0].term == "ünïcode");
    CHECK(tokens[1].term == "strasse");  // NFKC case folding maps ß to ss
}

TEST_CASE("analyzer normalizes compatibility forms (NFKC)", "[analyzer]") {
    Analyzer a;
    auto tokens = run(a, "ＮＡＴＯ ﬁnance", "");
    REQUIRE(tokens.size() == 2);
    CHECK(tokens[0].term == "nato");
    CHECK(tokens[1].term == "finance");
}

TEST_CASE("analyzer without a stemmer keeps words as they are", "[analyzer]") {
    Analyzer a;
    auto tokens = run(a, "running talks", "xx");
    REQUIRE(tokens.size() == 2);
    CHECK(tokens[0].stem == "running");
}

TEST_CASE("analyzer positions continue from first_position", "[analyzer]") {
    Analyzer a;
    std::vector<Token> out;
    auto next = a.analyze("one two", "en", out, 101);
    CHECK(next == 103);
    CHECK(out.back().position == 102);
}

TEST_CASE("analyzer survives invalid UTF-8", "[analyzer]") {
    Analyzer a;
    std::vector<Token> out;
    a.analyze(std::string("good \xff\xfe bad\xc3"), "en", out);
    CHECK(!out.empty());
    CHECK(out[0].term == "good");
}
