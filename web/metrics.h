// Server metrics in the Prometheus text format: requests by route and status, a latency histogram per
// route, and the index's document count and last update.
#pragma once

#include <array>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace newshound::web {

/// The route a path belongs to, with ids replaced ("/api/articles/:id"), so labels stay few.
[[nodiscard]] std::string route_label(const std::string& path);

/// Thread-safe: every worker thread records into one instance.
class Metrics {
public:
    /// Upper bounds of the latency buckets, in seconds (Prometheus `le`).
    static constexpr std::array<double, 10> LATENCY_BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5};

    void record(const std::string& route, int status, double seconds);

    /// The exposition text. `documents` and `last_update_seconds` (0 when unknown) describe the index.
    [[nodiscard]] std::string render(unsigned long documents, double last_update_seconds) const;

private:
    struct Latency {
        std::array<unsigned long, LATENCY_BUCKETS.size()> buckets{};
        unsigned long count = 0;
        double sum = 0;
    };
    mutable std::mutex mutex_;
    std::map<std::pair<std::string, int>, unsigned long> requests_;
    std::map<std::string, Latency> latency_;
};

}  // namespace newshound::web
