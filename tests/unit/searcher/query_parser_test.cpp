// Query parsing: syntax → Xapian::Query, through the shared analyzer.
#include "searcher/query_parser.h"

#include <catch2/catch.hpp>

using namespace newshound;

namespace {
std::string parse(const std::string& text) {
    schema::Analyzer analyzer;
    searcher::QueryParser parser(analyzer);
    auto r = parser.parse(text, {"en"});
    if (auto* e = std::get_if<searcher::QueryError>(&r)) return "ERROR " + e->message + " @" + std::to_string(e->offset);
    return std::get<searcher::ParsedQuery>(r).query.get_description();
}
}  // namespace

TEST_CASE("query parser builds the documented query shapes", "[query_parser]") {
    struct Row {
        const char* input;
        const char* expected;
    };
    const Row rows[] = {
        {"Peskov NATO", "Query((Zpeskov AND Znato))"},
        {"Running", "Query(Zrun)"},
        {"\"security guarantees\"", "Query(((security PHRASE 2 guarantees) OR (Ssecurity PHRASE 2 Sguarantees)))"},
        {"\"Guarantees\"", "Query((guarantees OR Sguarantees))"},
        {"ukraine -drone", "Query((Zukrain AND_NOT Zdrone))"},
        {"ukraine NOT drone", "Query((Zukrain AND_NOT Zdrone))"},
        {"wheat OR grain", "Query((Zwheat OR Zgrain))"},
        {"(wheat OR grain) odesa", "Query(((Zwheat OR Zgrain) AND Zodesa))"},
        {"talks topic:Ukraine", "Query((Ztalk FILTER Kukraine))"},
        {"topic:\"Offshore Wind\"", "Query(0 * Koffshore wind)"},
        {"title:kremlin", "Query(Skremlin)"},
        {"title:\"peace talks\"", "Query((Speace PHRASE 2 Stalks))"},
        {"U.S.-Russia", "Query(((u.s PHRASE 2 russia) OR (Su.s PHRASE 2 Srussia)))"},
        {"-garena", "Query((<alldocuments> AND_NOT Zgarena))"},
        {"", "Query()"},
        {"   ...   ", "Query()"},
        {"or", "Query(Zor)"},
        {"OR wheat", "Query(Zwheat)"},
        {"\"unclosed phrase", "Query(((unclosed PHRASE 2 phrase) OR (Sunclosed PHRASE 2 Sphrase)))"},
        {"(wheat", "ERROR missing ')' @0"},
        {"wheat)", "ERROR unmatched ')' @5"},
    };
    for (const auto& row : rows) {
        INFO(row.input);
        CHECK(parse(row.input) == row.expected);
    }
}

TEST_CASE("query parser collects highlight words only from positive parts", "[query_parser]") {
    schema::Analyzer analyzer;
    searcher::QueryParser parser(analyzer);
    auto r = parser.parse("Peskov \"NATO troops\" -drone", {"en"});
    const auto& q = std::get<searcher::ParsedQuery>(r);
    CHECK(q.has_positive);
    CHECK(q.highlight_terms == std::set<std::string>{"peskov", "nato", "troops"});
    // Plain words highlight by stem; phrase words by their exact form only.
    CHECK(q.highlight_stems == std::set<std::string>{"peskov"});
}

TEST_CASE("query words match their stems in every candidate language as one synonym", "[query_parser]") {
    schema::Analyzer analyzer;
    searcher::QueryParser parser(analyzer);
    auto r = parser.parse("énergies 2025", {"fr", "en", "de"});
    const auto& q = std::get<searcher::ParsedQuery>(r);
    CHECK(q.query.get_description() == "Query(((Zenerg SYNONYM Zenergi) AND Z2025))");
    CHECK(q.highlight_stems == std::set<std::string>{"energ", "energi", "2025"});
    // Hindi: an inflected form and the base form share a stem.
    auto hi = parser.parse("किसानों", {"hi"});
    CHECK(std::get<searcher::ParsedQuery>(hi).query.get_description() == "Query(Zकिसान)");
}

TEST_CASE("stop words are left out of plain queries but kept in phrases and alone", "[query_parser]") {
    CHECK(parse("the talks in Istanbul") == "Query((Ztalk AND Zistanbul))");
    CHECK(parse("\"talks in Istanbul\"") ==
          "Query(((talks PHRASE 3 in PHRASE 3 istanbul) OR (Stalks PHRASE 3 Sin PHRASE 3 Sistanbul)))");
    CHECK(parse("the who") == "Query((Zthe AND Zwho))");
    CHECK(parse("drone -the") == "Query((Zdrone AND_NOT Zthe))");
}

TEST_CASE("query parser refuses runaway nesting instead of recursing without bound", "[query_parser]") {
    std::string deep(200, '(');
    deep += "x";
    CHECK(parse(deep).rfind("ERROR parentheses nested too deeply", 0) == 0);
}
