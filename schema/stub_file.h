// Xapian stub database files: one database a line ("auto PATH", "glass PATH", "remote HOST:PORT",
// "remote :PROGRAM ARGS"), blank lines and # comments. Read by the searcher (which shards a location holds)
// and by the integrity check (which folders xapian-check must see).
#pragma once

#include <string>
#include <vector>

namespace newshound::schema {

/// The stub file Xapian looks for inside a database folder: xapian-replicate's replica folders have one,
/// naming the live copy ("auto replica_0"), rewritten when an update switches copies.
inline constexpr const char* FOLDER_STUB_NAME = "XAPIANDB";

struct StubEntry {
    std::string kind;    ///< "auto", "glass", "remote", …
    std::string target;  ///< the rest of the line; local paths made absolute from the stub's folder
};

/// The entries of the stub file at `path`, in order; empty when it cannot be read.
[[nodiscard]] std::vector<StubEntry> read_stub_file(const std::string& path);

/// True for kinds that name a local database folder.
[[nodiscard]] inline bool is_local_kind(const std::string& kind) { return kind == "auto" || kind == "glass"; }

}  // namespace newshound::schema
