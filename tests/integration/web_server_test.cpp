// The HTTP server on 127.0.0.1, any free port: page, API, errors, escaping, article pages, health.
#include "indexer/index_writer.h"
#include "indexer/indexer.h"
#include "support/test_support.h"
#include "web/server.h"

#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <thread>

using namespace newshound;

namespace {

struct RunningServer {
    explicit RunningServer(const std::string& db) : server(web::ServerConfig{db, "127.0.0.1", 0, 2}) {
        port = server.bind();
        thread = std::thread([this] { server.run(); });
    }
    ~RunningServer() {
        server.stop();
        thread.join();
    }
    web::Server server;
    int port = 0;
    std::thread thread;
};

}  // namespace

TEST_CASE("web server serves the page, the API and errors", "[web][integration]") {
    test::TempDir dir;
    const auto db = (dir / "db").string();
    {
        indexer::IndexWriter writer(db);
        indexer::Indexer idx(writer);
        idx.add_path(test::fixture("articles.jsonl"));
        writer.commit();
    }
    RunningServer running(db);
    httplib::Client client("127.0.0.1", running.port);

    SECTION("the HTML page lists hits with snippets, topic facets and filters") {
        auto res = client.Get("/?q=drone&topic=Ukraine");
        REQUIRE(res);
        CHECK(res->status == 200);
        CHECK(res->get_header_value("Content-Type").find("text/html") == 0);
        CHECK(res->get_header_value("Content-Security-Policy").find("default-src 'none'") == 0);
        CHECK(res->body.find("<mark>Drone</mark> strike hits refinery near the border") != std::string::npos);
        CHECK(res->body.find("<mark>drone</mark>") != std::string::npos);
        CHECK(res->body.find("href=\"/?q=drone&amp;topic=Ukraine&amp;topic=Energy\"") != std::string::npos);
        CHECK(res->body.find("2 articles") != std::string::npos);
        CHECK(res->body.find("<h2>Languages</h2>") != std::string::npos);
        CHECK(res->body.find(">English</a>") != std::string::npos);
    }
    SECTION("the JSON API returns hits, total, facets and timing") {
        auto res = client.Get("/api/search?q=ukraine&topic=Europe&sort=date");
        REQUIRE(res);
        CHECK(res->status == 200);
        auto j = nlohmann::json::parse(res->body);
        CHECK(j["total"] == 2);
        CHECK(j["hits"][0]["id"] == "fx-07");  // newer of fx-03 and fx-07
        CHECK(j["hits"][0]["snippet_html"].get<std::string>().find("<mark>Ukraine</mark>") != std::string::npos);
        CHECK(j["facets"]["topic"].size() >= 2);
        CHECK(j["facets"]["lang"][0]["value"] == "en");
        CHECK(nlohmann::json::parse(client.Get("/api/search?q=ukraine&lang=fr")->body)["total"] == 0);
        CHECK(j.contains("took_ms"));
        CHECK(j["facets"]["date"]["granularity"] == "day");
        CHECK(j["facets"]["date"]["buckets"].size() == 2);
        CHECK(j["facets"].contains("place"));
        CHECK(j["facets"].contains("person"));
        // Places filter, any of two.
        auto places = nlohmann::json::parse(client.Get("/api/search?place=Odesa&place=Istanbul&match=any")->body);
        CHECK(places["total"] == 2);
        CHECK(places["filters"]["match"] == "any");
        CHECK(client.Get("/api/search?match=some")->status == 400);
        auto page = client.Get("/?q=ukraine");
        CHECK(page->body.find("<h2>Dates</h2>") != std::string::npos);
        CHECK(page->body.find("<h2>Places</h2>") != std::string::npos);
    }
    SECTION("bad parameters are 400 with a JSON error") {
        for (const char* path : {"/api/search?page=abc", "/api/search?from=2025-99-01", "/api/search?sort=random",
                                 "/api/search?page_size=100000", "/api/search?q=(unclosed"}) {
            INFO(path);
            auto res = client.Get(path);
            REQUIRE(res);
            CHECK(res->status == 400);
            auto j = nlohmann::json::parse(res->body);
            CHECK(j["error"]["message"].get<std::string>().size() > 0);
        }
        auto page = client.Get("/?page=0");
        REQUIRE(page);
        CHECK(page->status == 400);
        CHECK(page->body.find("role=\"alert\"") != std::string::npos);
    }
    SECTION("a query containing a script tag comes back escaped") {
        auto res = client.Get("/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        REQUIRE(res);
        CHECK(res->status == 200);
        CHECK(res->body.find("<script>") == std::string::npos);
        CHECK(res->body.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
        auto api = client.Get("/api/search?q=%3Cscript%3E");
        REQUIRE(api);
        CHECK(nlohmann::json::parse(api->body)["query"] == "<script>");
    }
    SECTION("unknown routes are 404; article pages and health work") {
        auto missing = client.Get("/no/such/route");
        REQUIRE(missing);
        CHECK(missing->status == 404);
        auto api_missing = client.Get("/api/nothing");
        REQUIRE(api_missing);
        CHECK(api_missing->status == 404);
        CHECK(nlohmann::json::parse(api_missing->body)["error"]["code"] == "not_found");
        auto article = client.Get("/article/fx-03");
        REQUIRE(article);
        CHECK(article->status == 200);
        CHECK(article->body.find("European leaders weigh security guarantees for Ukraine") != std::string::npos);
        CHECK(client.Get("/article/unknown")->status == 404);
        auto json_article = client.Get("/api/articles/fx-03");
        REQUIRE(json_article);
        CHECK(nlohmann::json::parse(json_article->body)["places"][0] == "Brussels");
        // Related stories: in the API and on the article page, never the article itself.
        auto related = client.Get("/api/articles/fx-02/related");
        REQUIRE(related);
        CHECK(related->status == 200);
        const auto rj = nlohmann::json::parse(related->body);
        REQUIRE(!rj["related"].empty());
        for (const auto& h : rj["related"]) CHECK(h["id"] != "fx-02");
        CHECK(article->body.find("Related stories") != std::string::npos);
        CHECK(client.Get("/api/articles/unknown/related")->status == 404);
        auto health = client.Get("/healthz");
        REQUIRE(health);
        CHECK(nlohmann::json::parse(health->body)["documents"] == 10);
        CHECK(client.Get("/static/style.css")->status == 200);
        CHECK(client.Get("/static/suggest.js")->status == 200);
        // Every search is an Atom feed; the OpenSearch description points at the page, feed and suggestions.
        auto feed = client.Get("/feed?q=drone");
        REQUIRE(feed);
        CHECK(feed->status == 200);
        CHECK(feed->get_header_value("Content-Type").find("application/atom+xml") == 0);
        CHECK(feed->body.find("<feed xmlns=\"http://www.w3.org/2005/Atom\">") != std::string::npos);
        CHECK(feed->body.find("<title>Drone strike hits refinery near the border</title>") != std::string::npos);
        CHECK(feed->body.find("/article/fx-02</id>") != std::string::npos);
        CHECK(client.Get("/feed?page=0")->status == 400);
        const auto hostile = client.Get("/feed?q=%3Cscript%3Ealert(1)%3C/script%3E")->body;
        CHECK(hostile.find("<script>") == std::string::npos);
        CHECK(hostile.find("&lt;script&gt;") != std::string::npos);
        CHECK(client.Get("/?q=drone")->body.find("href=\"/feed?q=drone\"") != std::string::npos);
        auto opensearch = client.Get("/opensearch.xml");
        REQUIRE(opensearch);
        CHECK(opensearch->body.find("/feed?q={searchTerms}") != std::string::npos);
        // Prometheus metrics: the requests made so far, by route and status, their latency, the index.
        auto metrics = client.Get("/metrics");
        REQUIRE(metrics);
        CHECK(metrics->status == 200);
        CHECK(metrics->body.find("newshound_http_requests_total{route=\"/feed\",status=\"200\"}") != std::string::npos);
        CHECK(metrics->body.find("newshound_http_requests_total{route=\"/api/articles/:id\",status=\"404\"}") == std::string::npos);
        CHECK(metrics->body.find("newshound_http_request_duration_seconds_bucket{route=\"/feed\",le=\"+Inf\"}") != std::string::npos);
        CHECK(metrics->body.find("newshound_index_documents 10") != std::string::npos);
        const std::string gauge = "\nnewshound_index_last_update_seconds ";
        const auto last_update = metrics->body.find(gauge);
        REQUIRE(last_update != std::string::npos);
        CHECK(std::stod(metrics->body.substr(last_update + gauge.size())) > 1.7e9);  // the index was written just now
        auto help = client.Get("/help");
        REQUIRE(help);
        CHECK(help->status == 200);
        CHECK(help->body.find("NEAR/3") != std::string::npos);
        // Autocomplete: words of titles and texts, then topics, as whole queries.
        auto suggest = client.Get("/api/suggest?q=drone%20ref");
        REQUIRE(suggest);
        CHECK(suggest->status == 200);
        const auto sj = nlohmann::json::parse(suggest->body);
        REQUIRE(!sj["suggestions"].empty());
        CHECK(sj["suggestions"][0]["query"] == "drone refinery");
        CHECK(sj["suggestions"][0]["kind"] == "word");
        const auto topics = nlohmann::json::parse(client.Get("/api/suggest?q=ukr")->body)["suggestions"];
        bool topic = false;
        for (const auto& sg : topics) topic = topic || (sg["kind"] == "topic" && sg["query"] == "topic:\"ukraine\"");
        CHECK(topic);
        CHECK(nlohmann::json::parse(client.Get("/api/suggest?q=")->body)["suggestions"].empty());
    }
    SECTION("the empty query browses everything, newest first") {
        auto res = client.Get("/api/search");
        REQUIRE(res);
        auto j = nlohmann::json::parse(res->body);
        CHECK(j["total"] == 10);
        CHECK(j["hits"][0]["id"] == "fx-10");
    }
}
