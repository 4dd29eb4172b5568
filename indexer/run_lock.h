// One writing run per index at a time. Xapian's own lock covers an open WritableDatabase, but a run also
// merges shards and compacts with the database closed, then swaps folders: a second run writing in that
// window would have its commits swapped away. The run lock covers the whole run.
#pragma once

#include <string>

namespace newshound::indexer {

/// Beside the index folder: `path` + RUN_LOCK_SUFFIX, locked with flock (released by the kernel when the
/// process dies, so a killed run never leaves it held).
inline constexpr const char* RUN_LOCK_SUFFIX = ".newshound-lock";

class RunLock {
public:
    /// Takes the lock of the index at `path`, or throws IndexError naming it when another run holds it.
    explicit RunLock(const std::string& path);
    ~RunLock();
    RunLock(const RunLock&) = delete;
    RunLock& operator=(const RunLock&) = delete;

private:
    int fd_ = -1;
};

}  // namespace newshound::indexer
