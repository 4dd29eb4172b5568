// The record kept in a Xapian document's data: the article as shown in results and article pages.
#pragma once

#include "schema/article.h"

#include <optional>
#include <string>
#include <string_view>

namespace newshound::schema {

/// Bumped whenever the encoding changes; decode() accepts every version up to this one.
///  1: compact JSON {"v":1, ...article fields}.
///  2: binary: the byte 0x02, then every field in a fixed order. Strings are
///     a varint length and the bytes; times are a presence byte and two zigzag varints (UTC seconds,
///     offset minutes); lists are a varint count and their strings. About half the decoding time of
///     JSON, per hit on every results page.
///  3: (this version writes it) version 2 with the byte 0x03 and one more string at the end: the word
///     offset table of the snippet text (schema/word_offsets.h), empty when there is none.
inline constexpr int STORED_RECORD_VERSION = 3;

/// Encodes the article in the current version's format, with the snippet text's word offset table.
[[nodiscard]] std::string encode_stored_record(const Article& article, std::string_view word_offsets = {});

/// Decodes a record of any version up to STORED_RECORD_VERSION. nullopt for a corrupt record or a
/// newer version. `word_offsets`, when given, is set to the record's word offset table (a view into
/// `data`; empty before version 3).
[[nodiscard]] std::optional<Article> decode_stored_record(std::string_view data, std::string_view* word_offsets = nullptr);

}  // namespace newshound::schema
