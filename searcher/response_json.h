// SearchResponse → JSON: the one JSON shape of search results, for the API and `newshound search --json`.
#pragma once

#include "searcher/search_response.h"

#include <nlohmann/json_fwd.hpp>

namespace newshound::searcher {

/// Field names are part of the API (docs/api.md) and do not change without a version bump.
[[nodiscard]] nlohmann::json to_json(const SearchResponse& response);

/// One hit, as in the "hits" array of a search response (also the items of related stories).
[[nodiscard]] nlohmann::json hit_json(const Hit& hit);

/// {"error": {"code": code, "message": message[, "parameter": parameter]}}
[[nodiscard]] nlohmann::json error_json(const std::string& code, const std::string& message,
                                        const std::string& parameter = "");

}  // namespace newshound::searcher
