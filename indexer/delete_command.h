// `newshound delete`: remove articles by id or url. The exit code is decided by app/main.cpp.
#pragma once

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace newshound::indexer {

struct DeleteConfig {
    std::string db;
    std::vector<std::string> ids;
    std::vector<std::string> urls;  ///< matched after normalize_url(), so tracking parameters do not matter
};

/// What a delete run did: documents removed, and the ids/urls that matched nothing.
struct DeleteStats {
    size_t deleted = 0;
    std::vector<std::string> not_found;
};

void add_delete_options(CLI::App& cmd, DeleteConfig& config);

/// Deletes and commits. Throws IndexError when the index cannot be opened or written.
DeleteStats run_delete(const DeleteConfig& config);

}  // namespace newshound::indexer
