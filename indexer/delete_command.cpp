// The delete subcommand.
#include "indexer/delete_command.h"

#include "indexer/index_writer.h"
#include "indexer/run_lock.h"
#include "schema/terms.h"

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

namespace newshound::indexer {

void add_delete_options(CLI::App& cmd, DeleteConfig& c) {
    cmd.add_option("--db", c.db, "Index folder")->required();
    cmd.add_option("--id", c.ids, "Article id to delete (repeatable)");
    cmd.add_option("--url", c.urls, "Article url to delete (repeatable; normalized before matching)");
}

DeleteStats run_delete(const DeleteConfig& c) {
    DeleteStats stats;
    const RunLock lock(c.db);
    IndexWriter writer(c.db);
    auto remove = [&](const std::string& key, const std::string& term) {
        const size_t n = writer.remove(term);
        if (n == 0) {
            spdlog::warn("nothing to delete for {}", key);
            stats.not_found.push_back(key);
        }
        stats.deleted += n;
    };
    for (const auto& id : c.ids) remove(id, schema::id_term(id));
    for (const auto& url : c.urls) remove(url, schema::url_term(url));
    writer.commit();
    spdlog::info("deleted {} articles from {}; {} documents remain", stats.deleted, c.db, writer.doc_count());
    return stats;
}

}  // namespace newshound::indexer
