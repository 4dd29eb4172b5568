// Line by line: the first word is the kind, the rest (trimmed) the target.
#include "schema/stub_file.h"

#include <filesystem>
#include <fstream>

namespace newshound::schema {

std::vector<StubEntry> read_stub_file(const std::string& path) {
    std::vector<StubEntry> out;
    std::ifstream stub(path);
    for (std::string line; std::getline(stub, line);) {
        const size_t start = line.find_first_not_of(" \t\r");
        if (start == std::string::npos || line[start] == '#') continue;
        const size_t kind_end = std::min(line.find_first_of(" \t", start), line.size());
        StubEntry e{line.substr(start, kind_end - start), ""};
        const size_t target_start = line.find_first_not_of(" \t", kind_end);
        if (target_start != std::string::npos) e.target = line.substr(target_start, line.find_last_not_of(" \t\r") + 1 - target_start);
        if (is_local_kind(e.kind) && !e.target.empty()) {
            const std::filesystem::path folder(e.target);
            if (folder.is_relative()) e.target = (std::filesystem::path(path).parent_path() / folder).string();
        }
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace newshound::schema
