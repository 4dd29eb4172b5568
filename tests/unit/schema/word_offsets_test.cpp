// Word offset table: round trip from analyzer tokens, unindexed words, the size cap, corrupt tables.
#include "schema/word_offsets.h"

#include "schema/analyzer.h"
#include "schema/fields.h"

#include <catch2/catch.hpp>

using namespace newshound::schema;

namespace {
// The table's ranges, checked against the tokens they came from: same positions, same bytes.
void check_round_trip(const std::string& text, Xapian::termpos first) {
    Analyzer a;
    std::vector<Token> tokens;
    const Xapian::termpos end = a.analyze(text, "en", tokens, first);
    const auto w = decode_word_offsets(encode_word_offsets(tokens, first, text.size()));
    REQUIRE(w);
    CHECK(w->first_position == first);
    CHECK(w->complete);
    REQUIRE(w->ranges.size() == end - first);
    for (const auto& t : tokens) {
        const auto& r = w->ranges[t.position - first];
        CHECK(r.begin == t.byte_begin);
        CHECK(r.end == t.byte_end);
    }
}
}  // namespace

TEST_CASE("word offsets give every token's bytes back by position", "[word_offsets]") {
    check_round_trip("Kremlin spokesman Dmitry Peskov said NATO troops would not be accepted.", 1);
    check_round_trip("Київ,  l'Europe — 東京で会議 \n\n\t  1,234.5 dell'anno", 107);
    // Long gaps and long words take the long form.
    check_round_trip("a" + std::string(300, ' ') + "supercalifragilisticexpialidociouslyextraordinary b", 5);
    check_round_trip("", 1);
}

TEST_CASE("a word too long to index keeps its position with an empty range", "[word_offsets]") {
    Analyzer a;
    std::vector<Token> tokens;
    const std::string text = "before " + std::string(MAX_WORD_BYTES + 10, 'x') + " after";
    a.analyze(text, "en", tokens, 1);
    REQUIRE(tokens.size() == 2);
    REQUIRE(tokens[1].position == 3);
    const auto w = decode_word_offsets(encode_word_offsets(tokens, 1, text.size()));
    REQUIRE(w);
    REQUIRE(w->ranges.size() == 3);
    CHECK(w->ranges[1].begin == w->ranges[1].end);
    CHECK(w->ranges[1].begin == w->ranges[2].begin);
    CHECK(text.substr(w->ranges[2].begin, w->ranges[2].end - w->ranges[2].begin) == "after");
}

TEST_CASE("word offsets stop at the snippet source limit", "[word_offsets]") {
    Analyzer a;
    std::string text;
    while (text.size() < MAX_SNIPPET_SOURCE_BYTES + 1000) text += "word ";
    std::vector<Token> tokens;
    a.analyze(text, "en", tokens, 1);
    const auto w = decode_word_offsets(encode_word_offsets(tokens, 1, text.size()));
    REQUIRE(w);
    CHECK_FALSE(w->complete);
    REQUIRE_FALSE(w->ranges.empty());
    CHECK(w->ranges.back().end <= MAX_SNIPPET_SOURCE_BYTES);
    CHECK(w->ranges.size() < tokens.size());
    // About a byte per word.
    CHECK(encode_word_offsets(tokens, 1, text.size()).size() < w->ranges.size() + 16);
}

TEST_CASE("a corrupt word offset table is refused, never read past its end", "[word_offsets]") {
    Analyzer a;
    std::vector<Token> tokens;
    const std::string text = "one two " + std::string(40, 'z') + "   three";
    a.analyze(text, "en", tokens, 1);
    const std::string full = encode_word_offsets(tokens, 1, text.size());
    REQUIRE(decode_word_offsets(full));
    for (size_t n = 0; n < full.size(); ++n) CHECK_FALSE(decode_word_offsets(std::string_view(full).substr(0, n)));
    CHECK_FALSE(decode_word_offsets(full + "x"));
    CHECK_FALSE(decode_word_offsets(std::string("\x01\x01\x02", 3) + "\x05"));           // a bad complete flag
    CHECK_FALSE(decode_word_offsets(std::string("\x01\x01\x01", 3) + "\xE5"));           // an unknown entry byte
    CHECK_FALSE(decode_word_offsets(std::string("\x01\x05\x01", 3) + "\x01"));           // fewer entries than counted
    CHECK_FALSE(decode_word_offsets(std::string("\x01\x01\x01\xE0\xFF\xFF\xFF\xFF\x7F\x01", 10)));  // past 4 GB
}
