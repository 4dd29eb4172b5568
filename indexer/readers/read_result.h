// What a reader hands the indexer for each input item: an article, or the reason it was skipped.
#pragma once

#include "schema/article.h"

#include <functional>
#include <string>
#include <variant>

namespace newshound::indexer {

/// An input item that produced no article. `origin` names it ("news.jsonl:17", "page.txt").
struct SkipReason {
    std::string origin;
    std::string reason;
};

using ReadResult = std::variant<schema::Article, SkipReason>;

/// Receives each item a reader produces, in input order, with its origin.
using ArticleSink = std::function<void(ReadResult&& result, const std::string& origin)>;

/// Inputs larger than this are refused whole: a single article page is never this big, and reading one
/// into memory must not be able to exhaust it.
inline constexpr size_t MAX_PAGE_BYTES = 32 * 1024 * 1024;
/// A JSONL line (one article) longer than this is skipped with a reason.
inline constexpr size_t MAX_JSONL_LINE_BYTES = 16 * 1024 * 1024;

}  // namespace newshound::indexer
