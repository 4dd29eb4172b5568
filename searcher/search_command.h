// `newshound search`: its options and what it runs. The exit code is decided by app/main.cpp.
#pragma once

#include "searcher/search_request.h"

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace newshound::searcher {

struct SearchConfig {
    std::vector<std::string> db;  ///< one index folder, or shards searched as one
    std::vector<std::string> query_words;
    std::vector<std::string> topics;
    std::vector<std::string> sources;
    std::vector<std::string> places;
    std::vector<std::string> people;
    std::string match = "all";
    double half_life_days = SearchRequest::DEFAULT_HALF_LIFE_DAYS;
    std::string from;
    std::string to;
    std::string sort = "relevance";
    std::vector<std::string> languages;
    std::string query_language;
    int page = 1;
    int page_size = SearchRequest::DEFAULT_PAGE_SIZE;
    bool json = false;
    bool all_copies = false;
};

/// Query words that look like options ("-drone") are taken as query words too, so exclusions work
/// without a "--" separator.
void add_search_options(CLI::App& cmd, SearchConfig& config);

/// Appends the words CLI11 did not recognise as options (exclusions like "-drone") to the query.
void take_extra_words(CLI::App& cmd, SearchConfig& config);

/// Runs the search and prints the result to `out` (text, or JSON with config.json). Returns the request
/// or query error for the user, if any. Throws SearchUnavailable when the index cannot be read.
[[nodiscard]] std::optional<RequestError> run_search(const SearchConfig& config, std::ostream& out);

}  // namespace newshound::searcher
