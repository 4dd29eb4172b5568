// The serve subcommand: bind, announce, serve, stop on a signal.
#include "web/serve_command.h"

#include <CLI/CLI.hpp>
#include <csignal>
#include <spdlog/spdlog.h>

namespace newshound::web {

namespace {
Server* running = nullptr;
extern "C" void on_signal(int) {
    if (running) running->stop();
}
}  // namespace

void add_serve_options(CLI::App& cmd, ServerConfig& c) {
    cmd.add_option("--db", c.db, "Index folder; repeat to search shards as one (folders, stub files, tcp://host:port)")
        ->required()
        ->allow_extra_args(false);
    cmd.add_option("--host", c.host, "Address to listen on")->capture_default_str();
    cmd.add_option("--port", c.port, "Port (0 = any free port)")->capture_default_str()->check(CLI::Range(0, 65535));
    cmd.add_option("--threads", c.threads, "Worker threads (0 = 2 per core, at least 4)")->capture_default_str()->check(CLI::Range(0, 256));
    cmd.add_flag("--keep-alive", c.keep_alive, "Let a connection carry several requests (each open connection holds a worker thread)");
    cmd.add_option("--rate-limit", c.rate_limit, "Requests a second per client address (0 = no limit)")
        ->capture_default_str()
        ->check(CLI::Range(0.0, 1e6));
    cmd.add_option("--rate-burst", c.rate_burst, "Requests a client may make at once (0 = max(10, 2 x rate))")
        ->capture_default_str()
        ->check(CLI::Range(0.0, 1e6));
}

void run_serve(const ServerConfig& config) {
    Server server(config);
    const int port = server.bind();
    std::string index;
    for (const auto& location : config.db) index += (index.empty() ? "" : ", ") + location;
    spdlog::info("serving {} on http://{}:{}/", index, config.host, port);
    running = &server;
    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);
    server.run();
    running = nullptr;
    spdlog::info("stopped");
}

}  // namespace newshound::web
