// The indexer's RE2 wrapper: groups as views, the std::regex behaviours its callers relied on.
#include "indexer/extract/regex.h"

#include <catch2/catch.hpp>

#include <stdexcept>

using newshound::indexer::Case;
using newshound::indexer::Encoding;
using newshound::indexer::Regex;
using newshound::indexer::RegexMatch;

TEST_CASE("a pattern that does not compile is thrown where it is built", "[regex]") {
    CHECK_THROWS_AS(Regex("(unclosed"), std::logic_error);
    // RE2 has no backreferences or lookahead; a pattern using them is a programming error, not a no-match.
    CHECK_THROWS_AS(Regex(R"((a)\1)"), std::logic_error);
    CHECK_THROWS_AS(Regex("a(?!b)"), std::logic_error);
}

TEST_CASE("a match gives its groups as positions and views of the text", "[regex]") {
    const Regex re(R"((\d{4})-(\d{2})(?:-(\d{2}))?)");
    RegexMatch m;
    REQUIRE(m.search(re, "on 2025-08 and 2026-01-02"));
    CHECK(m[0] == "2025-08");
    CHECK(m.position(1) == 3);
    CHECK(m.end(2) == 10);
    CHECK(m.number(1) == 2025);
    CHECK(m.number(2) == 8);
    CHECK_FALSE(m.matched(3));
    CHECK(m[3].empty());

    CHECK(m.full(re, "2026-01-02"));
    CHECK(m.number(3) == 2);
    CHECK_FALSE(m.full(re, "2026-01-02 "));
    CHECK_FALSE(m.search(re, "no date"));
    CHECK_FALSE(m.matched(0));
}

TEST_CASE("case-insensitive patterns fold Unicode case", "[regex]") {
    const Regex re("märz|août", Case::INSENSITIVE);
    RegexMatch m;
    CHECK(m.search(re, "3 MÄRZ"));
    CHECK(m.search(re, "27 Août"));
    CHECK_FALSE(m.search(Regex("märz"), "3 MÄRZ"));
}

TEST_CASE("a byte pattern reads text of any encoding", "[regex]") {
    // Latin-1 "é" (0xE9) is not UTF-8; a UTF-8 pattern's [^>] does not match it, a byte pattern's does.
    const std::string latin1 = "<meta name=\"d\xE9\" charset=latin1>";
    RegexMatch m;
    CHECK_FALSE(m.search(Regex("<meta[^>]+charset=([a-z0-9]+)"), latin1));
    REQUIRE(m.search(Regex("<meta[^>]+charset=([a-z0-9]+)", Case::SENSITIVE, Encoding::BYTES), latin1));
    CHECK(m[1] == "latin1");
}

TEST_CASE("split_on gives the parts between separators, as sregex_token_iterator did", "[regex]") {
    using newshound::indexer::split_on;
    const Regex bar(R"(\s+\|\s+)");
    CHECK(split_on(bar, "Markets | Economy |  World") == std::vector<std::string_view>{"Markets", "Economy", "World"});
    CHECK(split_on(bar, "no separator") == std::vector<std::string_view>{"no separator"});
    CHECK(split_on(bar, " | lead") == std::vector<std::string_view>{"", "lead"});
    CHECK(split_on(bar, "trail | ") == std::vector<std::string_view>{"trail"});
    CHECK(split_on(bar, "").empty());
    // A pattern that can match nothing splits nothing.
    CHECK(split_on(Regex("x*"), "abc") == std::vector<std::string_view>{"abc"});
}

TEST_CASE("remove_all removes every match, anchors only where they hold", "[regex]") {
    using newshound::indexer::remove_all;
    const Regex year_or_word(R"(^\s*(?:copyright\s+)?|\s+(?:19|20)\d{2}\s*$)", Case::INSENSITIVE);
    CHECK(remove_all(year_or_word, "  Copyright Gazzetta del Nord") == "Gazzetta del Nord");
    CHECK(remove_all(year_or_word, "Allgäuer Bote 2025") == "Allgäuer Bote");
    CHECK(remove_all(year_or_word, "Bote copyright 2025 Nord") == "Bote copyright 2025 Nord");
}

TEST_CASE("an escape in a UTF-8 pattern is a code point, not a byte", "[regex]") {
    RegexMatch m;
    CHECK(m.search(Regex(R"(\x{A9} 2025)"), "\xC2\xA9 2025"));
    // The bytes of "©" written as escapes are two characters, "Â©".
    CHECK_FALSE(m.search(Regex(R"(\xC2\xA9 2025)"), "\xC2\xA9 2025"));
}
