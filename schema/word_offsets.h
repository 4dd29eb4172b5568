// Where each word of an article's snippet text sits, by position: stored at index time so that a results
// page marks words from the index's position lists instead of re-analysing every hit's text.
#pragma once

#include "schema/token.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>
#include <xapian.h>

namespace newshound::schema {

/// Only the words in the first this many bytes of a text are stored: the table costs about a byte per
/// word, and the lead of a news story is where its best passage usually is. Also the limit of the text a
/// snippet is made from when a record has no table (re-analysing a whole book-length body per hit would
/// make the per-hit cost unbounded).
inline constexpr size_t MAX_SNIPPET_SOURCE_BYTES = 64 * 1024;

/// The bytes [begin, end) of one word in the text; empty, at the start of the next word, for a position
/// whose word was not indexed (longer than a term can be).
struct WordRange {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
};

/// The decoded table: the word at position first_position + i is ranges[i]. `complete` when the table
/// reaches the end of the text (it stops at MAX_SNIPPET_SOURCE_BYTES otherwise).
struct WordOffsets {
    Xapian::termpos first_position = 0;
    std::vector<WordRange> ranges;
    bool complete = true;
};

/// Encodes the ranges of `tokens` (one text's tokens from Analyzer::analyze, positions ascending from
/// `first_position`; a position without a token gets an empty range) for a text of `text_bytes` bytes.
/// About one byte per word: each is its gap after the previous word and its length, in one byte when
/// both are small.
[[nodiscard]] std::string encode_word_offsets(std::span<const Token> tokens, Xapian::termpos first_position,
                                              size_t text_bytes);

/// Decodes a table; nullopt when it is corrupt.
[[nodiscard]] std::optional<WordOffsets> decode_word_offsets(std::string_view encoded);

}  // namespace newshound::schema
