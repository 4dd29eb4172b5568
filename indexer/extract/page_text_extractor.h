// Article extraction from a page's visible text ("save as text"): a line classifier with general rules
// (line roles, block headers, link-list density, date cue words), not per-site templates.
#pragma once

#include "schema/article.h"

#include <optional>
#include <string_view>

namespace newshound::indexer {

/// Extracts title, summary, source, agency/byline/dateline, published/updated, topics and body from the
/// text of one article page. Fields it cannot find stay empty; the caller decides whether that is enough.
/// `text` must be valid UTF-8. `saved_at` (when the page was saved, e.g. the file's modification time)
/// resolves relative dates such as "3 hours ago"; without it they are not dates.
[[nodiscard]] schema::Article extract_page_text(std::string_view text,
                                                std::optional<schema::Timestamp> saved_at = std::nullopt);

}  // namespace newshound::indexer
