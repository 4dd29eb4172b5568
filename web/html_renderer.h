// Server-rendered HTML: the search page and the article page. Works without JavaScript; every value is
// escaped for its context (text, attribute, URL).
#pragma once

#include "schema/article.h"
#include "searcher/search_request.h"
#include "searcher/search_response.h"

#include <optional>
#include <string>
#include <string_view>

namespace newshound::web {

/// Percent-encodes a query-string component (RFC 3986 unreserved characters stay).
[[nodiscard]] std::string url_encode(std::string_view text);

/// "/?q=..&topic=..": the page URL for a request, with page 1 unless `page` is given. Default values
/// are left out so links stay short.
[[nodiscard]] std::string search_url(const searcher::SearchRequest& request, int page = 1);

/// The search page. `response` is empty when there is an error to show instead (`error_message`).
[[nodiscard]] std::string render_search_page(const searcher::SearchRequest& request,
                                             const std::optional<searcher::SearchResponse>& response,
                                             const std::string& error_message);

/// The article page: full cleaned text, metadata and topics (each a link to a topic search).
[[nodiscard]] std::string render_article_page(const schema::Article& article,
                                              const std::vector<searcher::Hit>& related = {});

/// A minimal page for 404 and other errors.
[[nodiscard]] std::string render_error_page(int status, const std::string& message);

/// The query syntax, for readers of the page.
[[nodiscard]] std::string render_help_page();

/// True for http: and https: addresses, the only stored urls rendered as links (a "javascript:" or
/// "data:" url stays inert text).
[[nodiscard]] bool is_web_url(const std::string& url);

}  // namespace newshound::web
