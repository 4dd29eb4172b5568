// `newshound check`: the index integrity check from the command line. The exit code is decided by
// app/main.cpp (0 sound, 1 problems or an unreadable index).
#pragma once

#include "indexer/index_check.h"

#include <ostream>
#include <string>

namespace CLI {
class App;
}

namespace newshound::indexer {

struct CheckConfig {
    std::string db;
    bool skip_xapian_check = false;
    size_t max_listed = CheckOptions{}.max_listed;
};

void add_check_options(CLI::App& cmd, CheckConfig& config);

/// Checks and prints the report to `out`. Throws IndexError when the index cannot be opened.
CheckReport run_check(const CheckConfig& config, std::ostream& out);

}  // namespace newshound::indexer
