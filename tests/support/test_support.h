// Helpers every test may use: a temp directory per test, fixture paths, golden files, the index check.
#pragma once

#include <filesystem>
#include <string>

namespace newshound::test {

/// A fresh directory under the system temp dir, removed with everything in it on destruction.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }
    [[nodiscard]] std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

/// tests/fixtures/<name> in the source tree.
[[nodiscard]] std::filesystem::path fixture(const std::string& name);

/// The shared seed page, from $NEWSHOUND_SEEDS or ../shared/seeds beside the source tree; empty path when
/// absent and NEWSHOUND_SEEDS is unset (a developer machine without shared/). Throws when NEWSHOUND_SEEDS
/// is set but the file is missing, so CI cannot silently skip the golden case.
[[nodiscard]] std::filesystem::path seed_page();

[[nodiscard]] std::string read_file(const std::filesystem::path& path);

/// Compares `actual` with tests/expected/<name>. With NEWSHOUND_UPDATE_GOLDEN=1 set, rewrites the file
/// instead and returns true. Returns false (after printing both) on a mismatch.
[[nodiscard]] bool matches_golden(const std::string& name, const std::string& actual);

/// The index checks every test that writes an index ends with: xapian-check passes, every document's
/// record decodes, its id term is unique and matches the record. Returns "" or a description of the problem.
[[nodiscard]] std::string check_index(const std::filesystem::path& db);

/// Indexes tests/fixtures/<name> into `db` (created if missing) and commits.
void index_fixture(const std::string& db, const std::string& name);

}  // namespace newshound::test
