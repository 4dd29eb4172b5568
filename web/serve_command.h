// `newshound serve`: its options and what it runs. The exit code is decided by app/main.cpp.
#pragma once

#include "web/server.h"

namespace CLI {
class App;
}

namespace newshound::web {

void add_serve_options(CLI::App& cmd, ServerConfig& config);

/// Binds, logs the address, serves until SIGINT/SIGTERM. Throws if the index or the port is unusable.
void run_serve(const ServerConfig& config);

}  // namespace newshound::web
