// The index integrity check: every stored record is analysed again and the document it gives is compared
// with what the index holds (terms, wdf, positions, values, record), and xapian-check checks the B-trees.
#pragma once

#include <cstddef>
#include <string>
#include <vector>
#include <xapian.h>

namespace newshound::indexer {

struct CheckOptions {
    /// Also run `xapian-check` (Debian's xapian-tools) on the index folder.
    bool xapian_check = true;
    /// Problems listed in the report; the rest are only counted.
    size_t max_listed = 20;
};

struct CheckReport {
    std::string path;
    int layout_version = 0;  ///< the index's; documents are compared only when it is the current one
    Xapian::doccount documents = 0;
    Xapian::doccount checked = 0;  ///< documents re-analysed and compared
    size_t problem_count = 0;
    std::vector<std::string> problems;  ///< the first max_listed, each naming the docid and article id
    bool xapian_check_run = false;
    bool xapian_check_passed = false;
    std::string xapian_check_output;  ///< its last lines when it failed

    [[nodiscard]] bool clean() const { return problem_count == 0 && (!xapian_check_run || xapian_check_passed); }
};

/// Checks the index at `path`: each document's stored record decodes, its id term is its own and unique,
/// and rebuilding the document from the record gives the same terms (with wdf and positions), values and
/// record; the duplicate-cluster term and values, which depend on the other articles, are compared only
/// for presence. An index of another layout version is not compared (re-indexing rewrites it): the report
/// says so as a problem, and so is an index too damaged to read. Throws IndexError when there is no
/// index at `path`.
[[nodiscard]] CheckReport check_index(const std::string& path, const CheckOptions& options = {});

/// The report as text, for terminals and logs.
[[nodiscard]] std::string to_text(const CheckReport& report);

}  // namespace newshound::indexer
