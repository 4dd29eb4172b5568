// The newshound binary: subcommands (index, delete, check, search, eval, serve) registered by their modules; errors become exit codes here only.
#include "indexer/check_command.h"
#include "indexer/delete_command.h"
#include "indexer/index_command.h"
#include "indexer/index_writer.h"
#include "schema/analyzer.h"
#include "searcher/eval_command.h"
#include "searcher/search_command.h"
#include "searcher/searcher.h"
#include "web/serve_command.h"

#include <CLI/CLI.hpp>
#include <iostream>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace {

// Exit codes: 0 success; 1 failure (index unusable, I/O, or a check that found problems); 2 bad usage, bad query or parameter;
// 3 finished, but some inputs were skipped or some ids/urls to delete were not found (see the log).
constexpr int EXIT_OK = 0;
constexpr int EXIT_ERROR = 1;
constexpr int EXIT_USAGE = 2;
constexpr int EXIT_SKIPPED = 3;

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"newshound: full-text search for news archives"};
    app.require_subcommand(1);
    bool verbose = false;
    app.add_flag("-v,--verbose", verbose, "Log debug detail");

    newshound::indexer::IndexConfig index_config;
    auto* index_cmd = app.add_subcommand("index", "Index articles from files or folders");
    newshound::indexer::add_index_options(*index_cmd, index_config);

    newshound::indexer::DeleteConfig delete_config;
    auto* delete_cmd = app.add_subcommand("delete", "Delete articles by id or url");
    newshound::indexer::add_delete_options(*delete_cmd, delete_config);

    newshound::indexer::CheckConfig check_config;
    auto* check_cmd = app.add_subcommand("check", "Check an index: re-analyse every stored article and compare, run xapian-check");
    newshound::indexer::add_check_options(*check_cmd, check_config);

    newshound::searcher::SearchConfig search_config;
    auto* search_cmd = app.add_subcommand("search", "Search an index from the command line");
    newshound::searcher::add_search_options(*search_cmd, search_config);

    newshound::searcher::EvalConfig eval_config;
    auto* eval_cmd = app.add_subcommand("eval", "Measure ranking quality: nDCG@10, MAP, MRR, recall@100 (trec_eval conventions)");
    newshound::searcher::add_eval_options(*eval_cmd, eval_config);

    newshound::web::ServerConfig serve_config;
    auto* serve_cmd = app.add_subcommand("serve", "Serve the search page and JSON API");
    newshound::web::add_serve_options(*serve_cmd, serve_config);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);  // CLI11 prints the message; --help exits 0
    }
    // Logs go to stderr so that stdout carries only results (`search --json | jq`).
    spdlog::set_default_logger(spdlog::stderr_color_mt("newshound"));
    spdlog::set_level(verbose ? spdlog::level::debug : spdlog::level::info);
    spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");

    try {
        if (*index_cmd) {
            const auto stats = newshound::indexer::run_index(index_config);
            return stats.skipped > 0 ? EXIT_SKIPPED : EXIT_OK;
        }
        if (*delete_cmd) {
            const auto stats = newshound::indexer::run_delete(delete_config);
            return stats.not_found.empty() ? EXIT_OK : EXIT_SKIPPED;
        }
        if (*check_cmd) return newshound::indexer::run_check(check_config, std::cout).clean() ? EXIT_OK : EXIT_ERROR;
        if (*search_cmd) {
            newshound::searcher::take_extra_words(*search_cmd, search_config);
            if (auto err = newshound::searcher::run_search(search_config, std::cout)) {
                std::cerr << "newshound search: " << err->parameter << ": " << err->message << '\n';
                return EXIT_USAGE;
            }
            return EXIT_OK;
        }
        if (*eval_cmd) {
            newshound::searcher::run_eval(eval_config, std::cout);
            return EXIT_OK;
        }
        if (*serve_cmd) {
            newshound::web::run_serve(serve_config);
            return EXIT_OK;
        }
    } catch (const newshound::indexer::IndexError& e) {
        spdlog::error("{}", e.what());
    } catch (const newshound::searcher::SearchUnavailable& e) {
        spdlog::error("{}", e.what());
    } catch (const newshound::schema::AnalyzerError& e) {
        spdlog::error("{}", e.what());
    } catch (const std::exception& e) {
        spdlog::error("{}", e.what());
    } catch (...) {
        spdlog::error("unknown error");
    }
    return EXIT_ERROR;
}
