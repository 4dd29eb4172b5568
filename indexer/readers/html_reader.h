// HTML article pages: structured data first (JSON-LD NewsArticle, OpenGraph / article: meta tags,
// <time datetime>), then the page-text line classifier over the DOM's visible text for the rest.
#pragma once

#include "indexer/readers/read_result.h"

#include <optional>
#include <string>
#include <string_view>

namespace newshound::indexer {

/// Parses one HTML page (any charset declared in a BOM or <meta>, else UTF-8, else Windows-1252) with an
/// HTML5 parser and returns the article, or a SkipReason when it has neither headline nor text.
/// `saved_at` resolves relative dates in the page text ("3 hours ago").
[[nodiscard]] ReadResult read_html(std::string_view bytes, const std::string& origin,
                                   std::optional<schema::Timestamp> saved_at = std::nullopt);

/// The visible text of an HTML fragment (a feed item's description), paragraphs separated by "\n\n".
/// Plain text comes back trimmed.
[[nodiscard]] std::string html_fragment_to_text(std::string_view html);

/// The charset a page declares (BOM, <meta charset>, <meta http-equiv content-type>) in its first bytes,
/// lower-cased, or "" when none is declared.
[[nodiscard]] std::string declared_charset(std::string_view bytes);

}  // namespace newshound::indexer
