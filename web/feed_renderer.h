// Syndication: every search as an Atom feed (a saved search becomes an alert in a feed reader), and the
// OpenSearch description that lets browsers add newshound as a search engine.
#pragma once

#include "searcher/search_response.h"

#include <string>

namespace newshound::web {

/// An Atom 1.0 feed of one page of results. `base` is the site's origin ("http://127.0.0.1:8080"),
/// used for absolute links; the feed links to the search page and each entry to its article page and
/// original url. Every text and attribute is XML-escaped.
[[nodiscard]] std::string render_atom_feed(const searcher::SearchResponse& response, const std::string& base);

/// The OpenSearch 1.1 description: the search page, the Atom feed and the autocomplete API as templates.
[[nodiscard]] std::string render_opensearch_description(const std::string& base);

/// Escapes &, <, >, " and ' for XML text and attribute values.
[[nodiscard]] std::string xml_escape(std::string_view text);

}  // namespace newshound::web
