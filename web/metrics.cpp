#include "web/metrics.h"

#include <cstdio>

namespace newshound::web {

std::string route_label(const std::string& path) {
    static const std::pair<const char*, const char*> PREFIXES[] = {
        {"/api/articles/", "/api/articles/:id"}, {"/article/", "/article/:id"}, {"/static/", "/static"}};
    for (const auto& [prefix, label] : PREFIXES) {
        if (path.rfind(prefix, 0) != 0) continue;
        if (std::string(label) == "/api/articles/:id" && path.size() > 8 && path.compare(path.size() - 8, 8, "/related") == 0)
            return "/api/articles/:id/related";
        return label;
    }
    for (const char* exact : {"/", "/api/search", "/api/suggest", "/feed", "/help", "/healthz", "/metrics", "/opensearch.xml", "/api/openapi.json"})
        if (path == exact) return exact;
    return "other";
}

void Metrics::record(const std::string& route, int status, double seconds) {
    std::lock_guard<std::mutex> lock(mutex_);
    ++requests_[{route, status}];
    auto& l = latency_[route];
    for (size_t i = 0; i < LATENCY_BUCKETS.size(); ++i)
        if (seconds <= LATENCY_BUCKETS[i]) ++l.buckets[i];
    ++l.count;
    l.sum += seconds;
}

std::string Metrics::render(unsigned long documents, double last_update_seconds) const {
    std::lock_guard<std::mutex> lock(mutex_);
    std::string out;
    char line[256];
    out += "# HELP newshound_http_requests_total HTTP requests by route and status.\n"
           "# TYPE newshound_http_requests_total counter\n";
    for (const auto& [key, n] : requests_) {
        std::snprintf(line, sizeof line, "newshound_http_requests_total{route=\"%s\",status=\"%d\"} %lu\n", key.first.c_str(),
                      key.second, n);
        out += line;
    }
    out += "# HELP newshound_http_request_duration_seconds Time to handle a request, by route.\n"
           "# TYPE newshound_http_request_duration_seconds histogram\n";
    for (const auto& [route, l] : latency_) {
        for (size_t i = 0; i < LATENCY_BUCKETS.size(); ++i) {
            std::snprintf(line, sizeof line, "newshound_http_request_duration_seconds_bucket{route=\"%s\",le=\"%g\"} %lu\n",
                          route.c_str(), LATENCY_BUCKETS[i], l.buckets[i]);
            out += line;
        }
        std::snprintf(line, sizeof line, "newshound_http_request_duration_seconds_bucket{route=\"%s\",le=\"+Inf\"} %lu\n",
                      route.c_str(), l.count);
        out += line;
        std::snprintf(line, sizeof line, "newshound_http_request_duration_seconds_sum{route=\"%s\"} %.6f\n", route.c_str(), l.sum);
        out += line;
        std::snprintf(line, sizeof line, "newshound_http_request_duration_seconds_count{route=\"%s\"} %lu\n", route.c_str(),
                      l.count);
        out += line;
    }
    out += "# HELP newshound_index_documents Articles in the index.\n# TYPE newshound_index_documents gauge\n";
    std::snprintf(line, sizeof line, "newshound_index_documents %lu\n", documents);
    out += line;
    out += "# HELP newshound_index_last_update_seconds When the index was last changed (Unix time).\n"
           "# TYPE newshound_index_last_update_seconds gauge\n";
    std::snprintf(line, sizeof line, "newshound_index_last_update_seconds %.0f\n", last_update_seconds);
    out += line;
    return out;
}

}  // namespace newshound::web
