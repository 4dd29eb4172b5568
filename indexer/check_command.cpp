// The check subcommand: options in, report out.
#include "indexer/check_command.h"

#include <CLI/CLI.hpp>

namespace newshound::indexer {

void add_check_options(CLI::App& cmd, CheckConfig& c) {
    cmd.add_option("--db", c.db, "Index folder")->required();
    cmd.add_flag("--skip-xapian-check", c.skip_xapian_check, "Do not run xapian-check on the B-trees");
    cmd.add_option("--max-listed", c.max_listed, "Problems listed (the rest are counted)")->capture_default_str();
}

CheckReport run_check(const CheckConfig& config, std::ostream& out) {
    CheckOptions options;
    options.xapian_check = !config.skip_xapian_check;
    options.max_listed = config.max_listed;
    CheckReport report = check_index(config.db, options);
    out << to_text(report);
    return report;
}

}  // namespace newshound::indexer
