// One word as the analyzer emits it, with its place in the original UTF-8 text.
#pragma once

#include <cstdint>
#include <string>
#include <xapian.h>

namespace newshound::schema {

/// `term` is the normalized (NFKC + case-folded) word, `stem` its stem in the text's language (equal to
/// `term` when the language has no stemmer or the token is a number). [byte_begin, byte_end) indexes the
/// original UTF-8 text; token filters never change offsets, so snippets highlight the original words.
struct Token {
    std::string term;
    std::string stem;
    Xapian::termpos position = 0;
    std::uint32_t byte_begin = 0;
    std::uint32_t byte_end = 0;
};

}  // namespace newshound::schema
