// JSONL input: one article object per line, in the article schema (schema/article.schema.json).
#pragma once

#include "indexer/readers/read_result.h"

#include <istream>
#include <string>

namespace newshound::indexer {

/// Streams `in` line by line; each non-blank line becomes one ReadResult ("name:LINE" origin). A line
/// that is not valid JSON or not a valid article is a SkipReason; reading goes on with the next line.
void read_jsonl(std::istream& in, const std::string& name, const ArticleSink& sink);

}  // namespace newshound::indexer
