// The HTTP server: the search page, the article page, the JSON API and health, on cpp-httplib.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace httplib {
class Server;
}

namespace newshound::web {

class Metrics;

inline constexpr int AUTO_THREADS_PER_CORE = 2;
inline constexpr int MIN_AUTO_THREADS = 4;

struct ServerConfig {
    /// The index: one folder, or shards searched as one (folders, stub files, tcp://host:port remotes).
    std::vector<std::string> db;
    std::string host = "127.0.0.1";
    int port = 8080;  ///< 0 = any free port (tests)
    /// Worker threads; 0 = AUTO_THREADS_PER_CORE per core (at least MIN_AUTO_THREADS). Searching is CPU
    /// work, so more threads than that only add contention.
    int threads = 0;
    /// Whether a connection may carry several requests. Off by default: cpp-httplib serves each
    /// connection on one worker thread, so a kept-alive connection pins a worker while idle. Measured
    /// with wrk (16 connections, 2 cores): 610 requests/s with it off and 4 threads, 430 with it on and
    /// 16 threads. A reverse proxy in front keeps client connections alive where that matters.
    bool keep_alive = false;
    /// Per-client requests a second (by remote address); 0 = no limit. /healthz and /metrics are exempt.
    double rate_limit = 0;
    /// Requests a client may make at once before the rate applies; 0 = max(10, 2 x rate_limit).
    double rate_burst = 0;
};

/// Serves one index. Each worker thread opens its own Xapian::Database (Xapian objects are not
/// thread-safe) and picks up new commits on every request.
class Server {
public:
    explicit Server(ServerConfig config);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    /// Binds the listening socket; returns the port (the chosen one when config.port is 0).
    /// Throws std::runtime_error if it cannot bind. Opens the index once to fail early if it is missing.
    int bind();
    /// Serves until stop(). Call after bind().
    void run();
    /// Stops a running server (thread-safe).
    void stop();

private:
    void register_routes();

    ServerConfig config_;
    std::shared_ptr<Metrics> metrics_;
    std::unique_ptr<httplib::Server> http_;
    int listen_socket_ = -1;  ///< the listening socket, once bind() made it
};

}  // namespace newshound::web
