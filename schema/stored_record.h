// The record kept in a Xapian document's data: the article as shown in results and article pages.
#pragma once

#include "schema/article.h"

#include <optional>
#include <string>
#include <string_view>

namespace newshound::schema {

/// Bumped whenever the encoding changes; decode() accepts every version up to this one.
///  1: compact JSON {"v":1, ...article fields}.
///  2: binary (this version writes it): the byte 0x02, then every field in a fixed order. Strings are
///     a varint length and the bytes; times are a presence byte and two zigzag varints (UTC seconds,
///     offset minutes); lists are a varint count and their strings. About half the decoding time of
///     JSON, per hit on every results page.
inline constexpr int STORED_RECORD_VERSION = 2;

/// Encodes the article in the current version's format.
[[nodiscard]] std::string encode_stored_record(const Article& article);

/// Decodes a record of any version up to STORED_RECORD_VERSION. nullopt for a corrupt record or a
/// newer version.
[[nodiscard]] std::optional<Article> decode_stored_record(std::string_view data);

}  // namespace newshound::schema
