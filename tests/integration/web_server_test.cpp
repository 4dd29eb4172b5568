// The HTTP server on 127.0.0.1, any free port: page, API, errors, escaping, article pages, health.
#include "indexer/index_writer.h"
#include "indexer/indexer.h"
#include "support/html_check.h"
#include "support/test_support.h"
#include "web/assets.h"
#include "web/html_renderer.h"
#include "web/server.h"
#include "searcher/search_request.h"

#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <thread>

using namespace newshound;

namespace {

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& i : items) out += i + "\n";
    return out;
}

struct RunningServer {
    explicit RunningServer(const std::string& db) : RunningServer(web::ServerConfig{{db}, "127.0.0.1", 0, 2}) {}
    explicit RunningServer(web::ServerConfig config) : server(std::move(config)) {
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
    test::index_fixture(db, "articles.jsonl");
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
        // The date histogram: an SVG bar per day, each a link to its day as a from/to filter.
        CHECK(page->body.find("<h2 id=\"dates-heading\">Dates</h2><svg") != std::string::npos);
        CHECK(page->body.find("data-from=\"2025-08-21\" data-to=\"2025-08-21\"") != std::string::npos);
        CHECK(page->body.find("from=2025-08-21&amp;to=2025-08-21") != std::string::npos);
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
        CHECK(client.Get("/static/app.js")->status == 200);
        CHECK(client.Get("/?q=drone")->body.find("<script src=\"" + web::asset_url("app.js") + "\" defer>") != std::string::npos);
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

TEST_CASE("a stored hostile article renders inert on every route", "[web][integration][escaping]") {
    // Title, body, source, byline, topics, places, people and urls carry <script>, "onmouseover=,
    // javascript: and data: urls; one id is itself markup.
    test::TempDir dir;
    const auto db = (dir / "db").string();
    test::index_fixture(db, "hostile.jsonl");
    RunningServer running(db);
    httplib::Client client("127.0.0.1", running.port);
    const std::string evil_id = "x\"><svg onload=alert('id')>";

    SECTION("HTML pages: no script, handler or script url survives") {
        const std::string paths[] = {"/?q=harbour+cranes",
                                     "/?q=alert",
                                     "/?q=%3Cscript%3Ealert(1)%3C/script%3E",
                                     "/?topic=%3Cb%20onmouseover%3Dalert('topic')%3EHarbour%3C/b%3E",
                                     "/?q=harbour&place=%22%3E%3Csvg%20onload%3Dalert('place')%3E",
                                     "/?q=harbour&sort=date",
                                     "/article/evil-1",
                                     "/article/" + web::url_encode(evil_id),
                                     "/article/%3Cscript%3E"};
        for (const auto& path : paths) {
            INFO(path);
            auto res = client.Get(path);
            REQUIRE(res);
            CHECK(res->status < 500);
            CHECK(joined(test::active_content(res->body)) == "");
        }
        // The text is shown, as text.
        const auto article = client.Get("/article/evil-1")->body;
        CHECK(article.find("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; &quot;onmouseover=&quot;alert(&#39;title&#39;)") !=
              std::string::npos);
        CHECK(article.find("javascript:alert(document.cookie)") == std::string::npos);  // not even as text in a link
        const auto results = client.Get("/?q=harbour+cranes")->body;
        CHECK(results.find("&lt;img src=x onerror=alert(&#39;byline&#39;)&gt;") != std::string::npos);
        CHECK(results.find("href=\"/article/x%22%3E%3Csvg%20onload%3Dalert%28%27id%27%29%3E\"") != std::string::npos);
    }
    SECTION("the Atom feed and the OpenSearch description stay well-formed text") {
        const auto feed = client.Get("/feed?q=harbour");
        REQUIRE(feed);
        CHECK(feed->status == 200);
        CHECK(feed->body.find("<script") == std::string::npos);
        CHECK(feed->body.find("<svg") == std::string::npos);
        CHECK(feed->body.find("href=\"javascript:") == std::string::npos);
        CHECK(feed->body.find("href=\"data:") == std::string::npos);
        CHECK(feed->body.find("&lt;script&gt;alert(&#39;title&#39;)") != std::string::npos);
    }
    SECTION("JSON keeps the stored text exactly and its *_html fields are escaped") {
        const auto res = client.Get("/api/search?q=harbour+cranes&page_size=5");
        REQUIRE(res);
        CHECK(res->get_header_value("Content-Type").find("application/json") == 0);
        CHECK(res->get_header_value("X-Content-Type-Options") == "nosniff");
        const auto j = nlohmann::json::parse(res->body);
        bool saw_evil = false;
        for (const auto& h : j["hits"]) {
            if (h["id"] != "evil-1") continue;
            saw_evil = true;
            CHECK(h["title"] == "<script>alert('title')</script> \"onmouseover=\"alert('title') Harbour cranes idle after storm");
            CHECK(h["url"] == "javascript:alert(document.cookie)");  // data, for the client to treat as data
            CHECK(joined(test::active_content(h["title_html"].get<std::string>())) == "");
            CHECK(joined(test::active_content(h["snippet_html"].get<std::string>())) == "");
        }
        CHECK(saw_evil);
        const auto article = nlohmann::json::parse(client.Get("/api/articles/" + web::url_encode(evil_id))->body);
        CHECK(article["id"] == evil_id);
        const auto related = client.Get("/api/articles/evil-1/related");
        REQUIRE(related);
        CHECK(related->status == 200);
    }
}

TEST_CASE("the server enforces its limits on every route", "[web][integration][limits]") {
    test::TempDir dir;
    const auto db = (dir / "db").string();
    test::index_fixture(db, "articles.jsonl");
    RunningServer running(db);
    httplib::Client client("127.0.0.1", running.port);
    const std::string long_query(searcher::SearchRequest::MAX_QUERY_BYTES + 1, 'a');

    SECTION("query length, page size, result depth and filter counts are 400 with the parameter named") {
        for (const char* route : {"/api/search", "/api/suggest"}) {
            INFO(route);
            const auto res = client.Get(std::string(route) + "?q=" + long_query);
            REQUIRE(res);
            CHECK(res->status == 400);
            CHECK(nlohmann::json::parse(res->body)["error"]["parameter"] == "q");
        }
        CHECK(client.Get("/feed?q=" + long_query)->status == 400);
        const auto page = client.Get("/?q=" + long_query);
        REQUIRE(page);
        CHECK(page->status == 400);
        CHECK(page->body.find("role=\"alert\"") != std::string::npos);
        const std::pair<std::string, std::string> cases[] = {
            {"/api/search?q=%FF%FE", "q"},  // not UTF-8: it used to browse everything
            {"/api/suggest?q=caf%C3", "q"},
            {"/api/search?q=x&topic=%C0%AF", "topic"},
            {"/api/search?page_size=101", "page_size"},
            {"/api/search?page_size=0", "page_size"},
            {"/api/search?page=101&page_size=100", "page"},
            {"/api/search?half_life=0", "half_life"},
            {"/api/search?collapse=2", "collapse"},
        };
        for (const auto& [path, parameter] : cases) {
            INFO(path);
            const auto res = client.Get(path);
            REQUIRE(res);
            CHECK(res->status == 400);
            CHECK(nlohmann::json::parse(res->body)["error"]["parameter"] == parameter);
        }
        // 21 values of one filter: the error names that filter (it used to say "topic" for every one).
        for (const char* filter : {"topic", "source", "lang", "place", "person"}) {
            INFO(filter);
            std::string path = "/api/search?q=x";
            for (int i = 0; i <= static_cast<int>(searcher::SearchRequest::MAX_FILTER_VALUES); ++i)
                path += std::string("&") + filter + "=v" + std::to_string(i);
            const auto res = client.Get(path);
            REQUIRE(res);
            CHECK(res->status == 400);
            CHECK(nlohmann::json::parse(res->body)["error"]["parameter"] == filter);
        }
    }
    SECTION("a large request body is 413 and a huge URL 414, both as JSON errors on the API") {
        const auto big = client.Post("/api/search", std::string(128 * 1024, 'x'), "text/plain");
        REQUIRE(big);
        CHECK(big->status == 413);
        CHECK(nlohmann::json::parse(big->body)["error"]["code"] == "payload_too_large");
        const auto huge = client.Get("/api/search?q=" + std::string(10000, 'a'));
        REQUIRE(huge);
        CHECK(huge->status == 414);
        // The server is still serving.
        CHECK(client.Get("/healthz")->status == 200);
    }
    SECTION("only embedded assets are served: no path reaches the disk") {
        for (const char* path : {"/static/../CMakeLists.txt", "/static/%2e%2e/CMakeLists.txt", "/static/..%2fCMakeLists.txt",
                                 "/static/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/static/", "/static/style.css/", "/static/nope.js",
                                 "/static//etc/passwd", "/../../etc/passwd", "/static/openapi.json/../../web/server.cpp"}) {
            INFO(path);
            const auto res = client.Get(path);
            REQUIRE(res);
            CHECK(res->status == 404);
            CHECK(res->body.find("root:") == std::string::npos);
            CHECK(res->body.find("cmake_minimum_required") == std::string::npos);
        }
        const auto versioned = client.Get(web::asset_url("style.css"));
        REQUIRE(versioned);
        CHECK(versioned->status == 200);
        CHECK(versioned->get_header_value("Cache-Control").find("immutable") != std::string::npos);
        CHECK(client.Get("/static/style.css?v=old")->get_header_value("Cache-Control").find("immutable") == std::string::npos);
    }
    SECTION("every response carries the security headers") {
        for (const char* path : {"/", "/api/search?q=drone", "/no/such", "/static/app.js", "/feed", "/healthz"}) {
            INFO(path);
            const auto res = client.Get(path);
            REQUIRE(res);
            const auto csp = res->get_header_value("Content-Security-Policy");
            CHECK(csp.find("default-src 'none'") == 0);
            CHECK(csp.find("script-src 'self'") != std::string::npos);
            CHECK(csp.find("unsafe-inline") == std::string::npos);
            CHECK(res->get_header_value("X-Content-Type-Options") == "nosniff");
            CHECK(res->get_header_value("X-Frame-Options") == "DENY");
            CHECK(res->get_header_value("Referrer-Policy") == "no-referrer");
        }
    }
}

TEST_CASE("per-client rate limiting is off by default and answers 429 when on", "[web][integration][limits]") {
    test::TempDir dir;
    const auto db = (dir / "db").string();
    test::index_fixture(db, "articles.jsonl");
    SECTION("off: a burst of requests is served") {
        RunningServer running(db);
        httplib::Client client("127.0.0.1", running.port);
        for (int i = 0; i < 40; ++i) REQUIRE(client.Get("/api/search?q=drone")->status == 200);
    }
    SECTION("on: past the burst a client gets 429 with Retry-After; health and metrics stay reachable") {
        web::ServerConfig config{{db}, "127.0.0.1", 0, 2};
        config.rate_limit = 0.5;  // one request every 2 s after the burst: the test cannot refill in time
        config.rate_burst = 3;
        RunningServer running(config);
        httplib::Client client("127.0.0.1", running.port);
        for (int i = 0; i < 3; ++i) CHECK(client.Get("/api/search?q=drone")->status == 200);
        const auto limited = client.Get("/api/search?q=drone");
        REQUIRE(limited);
        CHECK(limited->status == 429);
        CHECK(std::stoi(limited->get_header_value("Retry-After")) >= 1);
        CHECK(nlohmann::json::parse(limited->body)["error"]["code"] == "rate_limited");
        const auto page = client.Get("/");
        REQUIRE(page);
        CHECK(page->status == 429);
        CHECK(page->get_header_value("Content-Type").find("text/html") == 0);
        CHECK(client.Get("/healthz")->status == 200);
        const auto metrics = client.Get("/metrics");
        REQUIRE(metrics);
        CHECK(metrics->body.find("status=\"429\"") != std::string::npos);
    }
}

TEST_CASE("every route in the OpenAPI file is served and described in docs/api.md", "[web][integration][docs]") {
    test::TempDir dir;
    const auto db = (dir / "db").string();
    test::index_fixture(db, "articles.jsonl");
    RunningServer running(db);
    httplib::Client client("127.0.0.1", running.port);
    const auto served = client.Get("/api/openapi.json");
    REQUIRE(served);
    REQUIRE(served->status == 200);
    const auto spec = nlohmann::json::parse(served->body);
    CHECK(spec["openapi"].get<std::string>().rfind("3.", 0) == 0);
    CHECK(nlohmann::json::parse(test::read_file(std::filesystem::path(NEWSHOUND_SOURCE_DIR) / "docs/openapi.json")) == spec);
    const std::string api_md = test::read_file(std::filesystem::path(NEWSHOUND_SOURCE_DIR) / "docs/api.md");
    REQUIRE(spec["paths"].size() >= 13);
    for (const auto& [path, item] : spec["paths"].items()) {
        INFO(path);
        CHECK(api_md.find("`GET " + path) != std::string::npos);
        std::string concrete = path;
        for (const auto& [name, value] : {std::pair<std::string, std::string>{"{id}", "fx-03"}, {"{name}", "style.css"}})
            if (const auto at = concrete.find(name); at != std::string::npos) concrete.replace(at, name.size(), value);
        const auto res = client.Get(concrete);
        REQUIRE(res);
        CHECK(res->status == 200);
        const auto& responses = item["get"]["responses"]["200"]["content"];
        bool type_listed = false;
        for (const auto& [type, schema] : responses.items())
            type_listed = type_listed || res->get_header_value("Content-Type").rfind(type, 0) == 0;
        CHECK(type_listed);
        // JSON answers carry every field the spec requires.
        if (const auto& schema = responses.value("application/json", nlohmann::json::object()).value("schema", nlohmann::json::object());
            schema.contains("$ref") || schema.contains("required")) {
            const auto body = nlohmann::json::parse(res->body);
            auto required = schema.contains("$ref")
                                ? spec["components"]["schemas"][schema["$ref"].get<std::string>().substr(21)].value("required", nlohmann::json::array())
                                : schema["required"];
            for (const auto& field : required) CHECK(body.contains(field.get<std::string>()));
        }
    }
    // And the hit fields the spec requires are in every hit.
    const auto hits = nlohmann::json::parse(client.Get("/api/search?q=ukraine")->body)["hits"];
    REQUIRE(!hits.empty());
    for (const auto& field : spec["components"]["schemas"]["Hit"]["required"]) CHECK(hits[0].contains(field.get<std::string>()));
}
