// Page text input: the visible text of one article page, as a browser's "save as text" writes it.
#pragma once

#include "schema/utf8.h"

#include "indexer/readers/read_result.h"

#include <optional>
#include <string>
#include <string_view>

namespace newshound::indexer {

/// Turns the bytes of one saved page into an article. Bytes that are not UTF-8 are read as Windows-1252
/// (the usual legacy encoding of Western pages). A page where no title and no body can be found is a
/// SkipReason.
/// `saved_at` resolves relative dates ("3 hours ago").
[[nodiscard]] ReadResult read_page_text(std::string_view bytes, const std::string& origin,
                                        std::optional<schema::Timestamp> saved_at = std::nullopt);

using schema::is_valid_utf8;

/// Windows-1252 → UTF-8 (bytes 0x80–0x9F as Windows-1252 punctuation, the rest as Latin-1).
[[nodiscard]] std::string windows1252_to_utf8(std::string_view bytes);

}  // namespace newshound::indexer
