// Reuters-21578 SGML (reut2-NNN.sgm): the newswire collection's own format, one file of 1,000 stories.
#pragma once

#include "indexer/readers/read_result.h"

#include <string>
#include <string_view>

namespace newshound::indexer {

/// Hands `sink` one article per <REUTERS> story ("reut2-000.sgm#NEWID" origins): id
/// "reuters21578-NEWID", TITLE, DATELINE, BODY (the wire's indented paragraphs re-joined, the "Reuter"
/// sign-off dropped), DATE as UTC, TOPICS and ORGS as topics, PLACES and PEOPLE as places and people,
/// source and agency "Reuters", language English. Stories without a BODY (UNPROC, BRIEF) keep the rest of
/// their text. Bytes are Latin-1 (Windows-1252); character references are resolved and control characters
/// dropped. A story without a NEWID, or an unclosed one, is a SkipReason; reading goes on after it.
void read_reuters_sgml(std::string_view bytes, const std::string& origin, const ArticleSink& sink);

/// Whether the first bytes of a file look like Reuters-21578 SGML (its DOCTYPE or a <REUTERS> tag).
[[nodiscard]] bool looks_like_reuters_sgml(std::string_view head);

}  // namespace newshound::indexer
