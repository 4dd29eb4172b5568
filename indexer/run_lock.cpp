#include "indexer/run_lock.h"

#include "indexer/index_writer.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/file.h>
#include <unistd.h>

namespace newshound::indexer {

RunLock::RunLock(const std::string& path) {
    const std::string lock = path + RUN_LOCK_SUFFIX;
    std::error_code ec;  // a new index's parent folder may not exist yet; a failure shows in the open
    if (const auto parent = std::filesystem::path(lock).parent_path(); !parent.empty())
        std::filesystem::create_directories(parent, ec);
    fd_ = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) throw IndexError("cannot open lock file " + lock + ": " + std::strerror(errno));
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        ::close(fd_);
        if (error == EWOULDBLOCK)
            throw IndexError("another newshound index or delete is writing " + path + " (it holds " + lock + ")");
        throw IndexError("cannot lock " + lock + ": " + std::strerror(error));
    }
}

RunLock::~RunLock() {
    // Closing releases the lock. The file stays: removing it would race with a run opening it.
    ::close(fd_);
}

}  // namespace newshound::indexer
