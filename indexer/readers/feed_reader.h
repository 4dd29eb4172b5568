// RSS 2.0 / RSS 1.0 (RDF) and Atom feeds: one article per item or entry.
#pragma once

#include "indexer/readers/read_result.h"

#include <string>
#include <string_view>

namespace newshound::indexer {

/// Parses a whole feed document and hands each item to `sink` ("feed.xml#3" origins). The channel's title
/// becomes the source and its language the articles' language unless an item says otherwise; HTML in
/// descriptions and content is reduced to text. A document that is not well-formed XML yields the items
/// read before the error and then a SkipReason naming the line; an item with neither title nor text is a
/// SkipReason too.
void read_feed(std::string_view bytes, const std::string& origin, const ArticleSink& sink);

}  // namespace newshound::indexer
