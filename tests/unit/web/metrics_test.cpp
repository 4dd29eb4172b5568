// Metrics: route labels stay few, and the exposition text counts what was recorded.
#include "web/metrics.h"

#include <catch2/catch.hpp>

using namespace newshound::web;

TEST_CASE("metrics: ids in paths are replaced in route labels", "[metrics]") {
    CHECK(route_label("/api/articles/fx-02") == "/api/articles/:id");
    CHECK(route_label("/api/articles/fx-02/related") == "/api/articles/:id/related");
    CHECK(route_label("/article/abc") == "/article/:id");
    CHECK(route_label("/static/style.css") == "/static");
    CHECK(route_label("/api/search") == "/api/search");
    CHECK(route_label("/wp-admin/setup.php") == "other");
}

TEST_CASE("metrics: counts by route and status, cumulative latency buckets, index gauges", "[metrics]") {
    Metrics m;
    m.record("/api/search", 200, 0.004);
    m.record("/api/search", 200, 0.2);
    m.record("/api/search", 400, 0.0005);
    const std::string text = m.render(42, 1764000000);
    CHECK(text.find("newshound_http_requests_total{route=\"/api/search\",status=\"200\"} 2\n") != std::string::npos);
    CHECK(text.find("newshound_http_requests_total{route=\"/api/search\",status=\"400\"} 1\n") != std::string::npos);
    // Buckets are cumulative: 1 request within 1 ms, 2 within 5 ms, 3 within 0.25 s.
    CHECK(text.find("_bucket{route=\"/api/search\",le=\"0.001\"} 1\n") != std::string::npos);
    CHECK(text.find("_bucket{route=\"/api/search\",le=\"0.005\"} 2\n") != std::string::npos);
    CHECK(text.find("_bucket{route=\"/api/search\",le=\"0.25\"} 3\n") != std::string::npos);
    CHECK(text.find("_count{route=\"/api/search\"} 3\n") != std::string::npos);
    // The longest route label still gets whole lines.
    m.record("/api/articles/:id/related", 200, 0.01);
    CHECK(m.render(0, 0).find("_count{route=\"/api/articles/:id/related\"} 1\n") != std::string::npos);
    CHECK(text.find("newshound_index_documents 42\n") != std::string::npos);
    CHECK(text.find("newshound_index_last_update_seconds 1764000000\n") != std::string::npos);
}
