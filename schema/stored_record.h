// The record kept in a Xapian document's data: the article as shown in results and article pages.
#pragma once

#include "schema/article.h"

#include <optional>
#include <string>
#include <string_view>

namespace newshound::schema {

/// Bumped whenever the encoding changes; decode() accepts every version up to this one.
inline constexpr int STORED_RECORD_VERSION = 1;

/// Encodes the article as compact JSON {"v":1, ...article fields}.
[[nodiscard]] std::string encode_stored_record(const Article& article);

/// Decodes a record written by encode_stored_record. nullopt for a corrupt record or a newer version.
[[nodiscard]] std::optional<Article> decode_stored_record(std::string_view data);

}  // namespace newshound::schema
