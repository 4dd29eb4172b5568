// All routes in one place; handlers parse, call the searcher, render. Errors become HTTP statuses only
// here: bad parameters 400, unknown routes 404, an unreadable index 503, anything else 500.
#include "web/server.h"

#include "schema/article_json.h"
#include "schema/utf8.h"
#include "searcher/response_json.h"
#include "web/feed_renderer.h"
#include "web/metrics.h"
#include "searcher/searcher.h"
#include "web/html_renderer.h"
#include "web/assets.h"
#include "web/rate_limiter.h"

#include <charconv>
#include <chrono>
#include <httplib.h>
#include <map>
#include <nlohmann/json.hpp>
#include <filesystem>
#include <sys/socket.h>
#include <sys/stat.h>
#include <spdlog/spdlog.h>
#include <thread>
#include <variant>

namespace newshound::web {

namespace {

using searcher::RequestError;
using searcher::SearchRequest;

constexpr const char* HTML = "text/html; charset=utf-8";
constexpr const char* JSON = "application/json; charset=utf-8";
// Requests carry only a query string; a large body is an abuse, not a search.
constexpr size_t MAX_REQUEST_BODY_BYTES = 64 * 1024;
// A request arrives at once; a client that sends nothing for this long holds a worker for nothing.
constexpr time_t READ_TIMEOUT_SECONDS = 5;
constexpr time_t WRITE_TIMEOUT_SECONDS = 10;
// With --keep-alive, an idle connection still holds a worker thread (cpp-httplib serves a connection per
// thread), so it is closed soon: a browser's spare connections must not starve other readers.
constexpr time_t KEEP_ALIVE_SECONDS = 2;
// Connections the kernel holds for us while the accept loop is busy (capped by net.core.somaxconn).
// cpp-httplib listens with a queue of 5, fixed in Debian's compiled library: a burst of eight clients
// (the soak test) overflowed it about a hundred times a run, and each dropped connection waited a
// second for its SYN to be sent again.
constexpr int LISTEN_BACKLOG = 1024;

// Without an explicit burst, a client may send a page's worth of requests at once (the page, its
// stylesheet and script, autocomplete as the reader types), then the rate.
double default_burst(double per_second) { return std::max(10.0, 2 * per_second); }

// One Searcher per worker thread and index: Xapian::Database is not thread-safe.
searcher::Searcher& thread_searcher(const std::vector<std::string>& db) {
    thread_local std::map<std::vector<std::string>, std::unique_ptr<searcher::Searcher>> searchers;
    auto& s = searchers[db];
    if (!s) s = std::make_unique<searcher::Searcher>(db);
    return *s;
}

std::string dump(const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

std::optional<int> parse_int(const std::string& s) {
    int v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
    return v;
}

std::vector<std::string> values(const httplib::Request& req, const char* name) {
    std::vector<std::string> out;
    const size_t n = req.get_param_value_count(name);
    for (size_t i = 0; i < n; ++i) {
        std::string v = req.get_param_value(name, i);
        if (!v.empty()) out.push_back(std::move(v));
    }
    return out;
}

std::variant<SearchRequest, RequestError> request_from(const httplib::Request& req) {
    SearchRequest r;
    r.query = req.get_param_value(SearchRequest::QUERY_PARAM);
    r.topics = values(req, SearchRequest::TOPIC_PARAM);
    r.sources = values(req, SearchRequest::SOURCE_PARAM);
    r.places = values(req, SearchRequest::PLACE_PARAM);
    r.people = values(req, SearchRequest::PERSON_PARAM);
    const auto mode = searcher::parse_filter_mode(req.get_param_value(SearchRequest::FILTER_MODE_PARAM));
    if (!mode) return RequestError{SearchRequest::FILTER_MODE_PARAM, "expected 'all' or 'any'"};
    r.filter_mode = *mode;
    r.from = req.get_param_value(SearchRequest::FROM_PARAM);
    r.to = req.get_param_value(SearchRequest::TO_PARAM);
    r.languages = values(req, SearchRequest::LANGUAGE_PARAM);
    r.query_language = req.get_param_value(SearchRequest::QUERY_LANGUAGE_PARAM);
    r.cluster = req.get_param_value(SearchRequest::CLUSTER_PARAM).substr(0, 64);
    if (const auto c = req.get_param_value(SearchRequest::COLLAPSE_PARAM); !c.empty()) {
        if (c != "0" && c != "1") return RequestError{SearchRequest::COLLAPSE_PARAM, "expected 0 or 1"};
        r.collapse = c == "1";
    }
    const auto sort = searcher::parse_sort(req.get_param_value(SearchRequest::SORT_PARAM));
    if (!sort) return RequestError{SearchRequest::SORT_PARAM, "expected 'relevance', 'date' or 'freshness'"};
    if (const auto h = req.get_param_value(SearchRequest::HALF_LIFE_PARAM); !h.empty()) {
        try {
            size_t used = 0;
            r.half_life_days = std::stod(h, &used);
            if (used != h.size()) throw std::invalid_argument(h);
        } catch (const std::exception&) {
            return RequestError{SearchRequest::HALF_LIFE_PARAM, "expected a number of days"};
        }
    }
    r.sort = *sort;
    for (auto [name, field] : {std::pair{SearchRequest::PAGE_PARAM, &r.page}, std::pair{SearchRequest::PAGE_SIZE_PARAM, &r.page_size}}) {
        if (!req.has_param(name) || req.get_param_value(name).empty()) continue;
        const auto v = parse_int(req.get_param_value(name));
        if (!v) return RequestError{name, "expected a whole number"};
        *field = *v;
    }
    if (auto err = searcher::validate(r)) return *err;
    return r;
}

// Sent with every response, errors included.
httplib::Headers security_headers() {
    return {{"Content-Security-Policy",
             "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; connect-src 'self'; "
             "form-action 'self'; base-uri 'none'; "
             "frame-ancestors 'none'"},
            {"X-Content-Type-Options", "nosniff"},
            {"Referrer-Policy", "no-referrer"},
            {"X-Frame-Options", "DENY"}};
}

bool is_api(const httplib::Request& req) { return req.path.rfind("/api/", 0) == 0 || req.path == "/healthz"; }

void send_error(const httplib::Request& req, httplib::Response& res, int status, const std::string& code,
                const std::string& message, const std::string& parameter = "") {
    res.status = status;
    if (is_api(req)) res.set_content(dump(searcher::error_json(code, message, parameter)), JSON);
    else res.set_content(render_error_page(status, message), HTML);
}

}  // namespace

namespace {

// The origin clients reach us at, for absolute links in feeds: the Host header when it is a plain
// host[:port], else the loopback address.
std::string site_base(const httplib::Request& req) {
    const std::string host = req.get_header_value("Host");
    const bool plain = !host.empty() && host.size() <= 255 &&
                       std::all_of(host.begin(), host.end(), [](unsigned char c) { return std::isalnum(c) || c == '.' || c == '-' || c == ':' || c == '[' || c == ']'; });
    return "http://" + (plain ? host : std::string("127.0.0.1"));
}

}  // namespace

Server::Server(ServerConfig config)
    : config_(std::move(config)), metrics_(std::make_shared<Metrics>()), http_(std::make_unique<httplib::Server>()) {
    const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    const size_t threads = static_cast<size_t>(config_.threads > 0 ? config_.threads : std::max(MIN_AUTO_THREADS, AUTO_THREADS_PER_CORE * cores));
    http_->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    if (!config_.keep_alive) http_->set_keep_alive_max_count(1);
    http_->set_payload_max_length(MAX_REQUEST_BODY_BYTES);
    http_->set_read_timeout(READ_TIMEOUT_SECONDS, 0);
    http_->set_write_timeout(WRITE_TIMEOUT_SECONDS, 0);
    http_->set_keep_alive_timeout(KEEP_ALIVE_SECONDS);
    // The listening socket, kept to lengthen its queue once bound (see bind()).
    http_->set_socket_options([this](socket_t sock) {
        httplib::default_socket_options(sock);
        listen_socket_ = sock;
    });
    register_routes();
}

Server::~Server() = default;

void Server::register_routes() {
    const std::vector<std::string> db = config_.db;
    auto& http = *http_;

    http.Get("/", [db](const httplib::Request& req, httplib::Response& res) {
        auto parsed = request_from(req);
        if (auto* err = std::get_if<RequestError>(&parsed)) {
            SearchRequest shown;
            shown.query = req.get_param_value(SearchRequest::QUERY_PARAM).substr(0, SearchRequest::MAX_QUERY_BYTES);
            res.status = 400;
            res.set_content(render_search_page(shown, std::nullopt, err->parameter + ": " + err->message), HTML);
            return;
        }
        const auto& r = std::get<SearchRequest>(parsed);
        auto result = thread_searcher(db).search(r);
        if (auto* qe = std::get_if<searcher::QueryError>(&result)) {
            res.status = 400;
            res.set_content(render_search_page(r, std::nullopt, "Query: " + qe->message), HTML);
            return;
        }
        res.set_content(render_search_page(r, std::get<searcher::SearchResponse>(result), ""), HTML);
    });

    // A saved search as an Atom feed, newest first unless the request sorts otherwise.
    http.Get("/feed", [db](const httplib::Request& req, httplib::Response& res) {
        auto parsed = request_from(req);
        if (auto* err = std::get_if<RequestError>(&parsed))
            return send_error(req, res, 400, "bad_parameter", err->message, err->parameter);
        auto r = std::get<SearchRequest>(parsed);
        if (!req.has_param(SearchRequest::SORT_PARAM)) r.sort = searcher::SortOrder::DATE;
        auto result = thread_searcher(db).search(r);
        if (auto* qe = std::get_if<searcher::QueryError>(&result))
            return send_error(req, res, 400, "bad_query", qe->message, SearchRequest::QUERY_PARAM);
        res.set_content(render_atom_feed(std::get<searcher::SearchResponse>(result), site_base(req)),
                        "application/atom+xml; charset=utf-8");
    });
    http.Get("/opensearch.xml", [](const httplib::Request& req, httplib::Response& res) {
        res.set_content(render_opensearch_description(site_base(req)), "application/opensearchdescription+xml; charset=utf-8");
    });

    http.Get("/api/search", [db](const httplib::Request& req, httplib::Response& res) {
        auto parsed = request_from(req);
        if (auto* err = std::get_if<RequestError>(&parsed))
            return send_error(req, res, 400, "bad_parameter", err->message, err->parameter);
        auto result = thread_searcher(db).search(std::get<SearchRequest>(parsed));
        if (auto* qe = std::get_if<searcher::QueryError>(&result))
            return send_error(req, res, 400, "bad_query", qe->message, SearchRequest::QUERY_PARAM);
        res.set_content(dump(searcher::to_json(std::get<searcher::SearchResponse>(result))), JSON);
    });

    http.Get(R"(/article/([^/]+))", [db](const httplib::Request& req, httplib::Response& res) {
        auto& searcher = thread_searcher(db);
        auto article = searcher.article(req.matches[1]);
        if (!article) return send_error(req, res, 404, "not_found", "No article with this id.");
        const auto related = searcher.related(req.matches[1]);
        res.set_content(render_article_page(*article, related ? *related : std::vector<searcher::Hit>{}), HTML);
    });

    http.Get(R"(/api/articles/([^/]+)/related)", [db](const httplib::Request& req, httplib::Response& res) {
        const auto related = thread_searcher(db).related(req.matches[1]);
        if (!related) return send_error(req, res, 404, "not_found", "No article with this id.");
        nlohmann::json hits = nlohmann::json::array();
        for (const auto& h : *related) hits.push_back(searcher::hit_json(h));
        res.set_content(dump({{"id", std::string(req.matches[1])}, {"related", std::move(hits)}}), JSON);
    });
    http.Get(R"(/api/articles/([^/]+))", [db](const httplib::Request& req, httplib::Response& res) {
        auto article = thread_searcher(db).article(req.matches[1]);
        if (!article) return send_error(req, res, 404, "not_found", "No article with this id.");
        res.set_content(dump(schema::article_to_json(*article)), JSON);
    });

    http.Get("/help", [](const httplib::Request&, httplib::Response& res) { res.set_content(render_help_page(), HTML); });

    http.Get("/api/suggest", [db](const httplib::Request& req, httplib::Response& res) {
        const std::string typed = req.get_param_value(searcher::SearchRequest::QUERY_PARAM);
        if (typed.size() > searcher::SearchRequest::MAX_QUERY_BYTES)
            return send_error(req, res, 400, "bad_parameter", "q is longer than the query limit", "q");
        if (!schema::is_valid_utf8(typed)) return send_error(req, res, 400, "bad_parameter", "q is not valid UTF-8", "q");
        nlohmann::json list = nlohmann::json::array();
        for (const auto& sg : thread_searcher(db).suggest(typed))
            list.push_back({{"query", sg.query}, {"kind", sg.kind}, {"articles", sg.articles}});
        res.set_content(dump({{"q", typed}, {"suggestions", std::move(list)}}), JSON);
    });

    auto metrics = metrics_;
    http.Get("/metrics", [db, metrics](const httplib::Request&, httplib::Response& res) {
        // The index changes when a writer commits; its version file's time says when (the latest of the
        // local shards').
        double updated = 0;
        for (const auto& location : db) {
            struct stat st {};
            if (::stat((std::filesystem::path(location) / "iamglass").c_str(), &st) == 0)
                updated = std::max(updated, static_cast<double>(st.st_mtime));
        }
        res.set_content(metrics->render(thread_searcher(db).doc_count(), updated), "text/plain; version=0.0.4; charset=utf-8");
    });

    http.Get("/healthz", [db](const httplib::Request&, httplib::Response& res) {
        res.set_content(dump({{"status", "ok"}, {"documents", thread_searcher(db).doc_count()}}), JSON);
    });

    // Only embedded assets, looked up by exact name: no request can name a file on disk.
    http.Get(R"(/static/([^/]+))", [](const httplib::Request& req, httplib::Response& res) {
        const Asset* asset = find_asset(req.matches[1].str());
        if (!asset) return send_error(req, res, 404, "not_found", "No such file.");
        // A URL carrying the content hash (what pages link) never changes meaning: cache it for good.
        const bool versioned = req.get_param_value("v") == asset->hash;
        res.set_header("Cache-Control", versioned ? "public, max-age=31536000, immutable" : "public, max-age=300");
        res.set_header("ETag", "\"" + std::string(asset->hash) + "\"");
        res.set_content(std::string(asset->body), std::string(asset->content_type));
    });
    http.Get("/api/openapi.json", [](const httplib::Request& req, httplib::Response& res) {
        const Asset* spec = find_asset("openapi.json");
        if (!spec) return send_error(req, res, 404, "not_found", "This build has no API description.");
        res.set_header("Cache-Control", "public, max-age=300");
        res.set_content(std::string(spec->body), std::string(spec->content_type));
    });

    // A handler that set no content and a status >= 400 (httplib's own 404 for unknown routes) gets a body.
    http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return;
        switch (res.status) {
            case 404: return send_error(req, res, 404, "not_found", "No such page: " + req.path.substr(0, 200));
            case 413: return send_error(req, res, 413, "payload_too_large", "Requests carry only a query string; the body is too large.");
            case 414: return send_error(req, res, 414, "uri_too_long", "The address is too long.");
            default: return send_error(req, res, res.status, "http_error", "Request failed.");
        }
    });

    http.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
        try {
            std::rethrow_exception(ep);
        } catch (const searcher::SearchUnavailable& e) {
            spdlog::error("{} {}: {}", req.method, req.path, e.what());
            send_error(req, res, 503, "index_unavailable", "The index cannot be read right now.");
        } catch (const std::exception& e) {
            spdlog::error("{} {}: {}", req.method, req.path, e.what());
            send_error(req, res, 500, "internal", "Internal error.");
        }
    });

    http.set_default_headers(security_headers());

    // Request timing: the routing starts the clock on the worker thread, the logger (same thread, after
    // the response is made) stops it. With a rate limit, a client over it gets 429 before any routing;
    // health checks and metrics scrapes are never limited.
    static thread_local std::chrono::steady_clock::time_point started;
    auto limiter = config_.rate_limit > 0 ? std::make_shared<RateLimiter>(config_.rate_limit, config_.rate_burst > 0
                                                                                                 ? config_.rate_burst
                                                                                                 : default_burst(config_.rate_limit))
                                          : nullptr;
    http.set_pre_routing_handler([limiter](const httplib::Request& req, httplib::Response& res) {
        started = std::chrono::steady_clock::now();
        if (!limiter || req.path == "/healthz" || req.path == "/metrics") return httplib::Server::HandlerResponse::Unhandled;
        if (limiter->allow(req.remote_addr)) return httplib::Server::HandlerResponse::Unhandled;
        res.set_header("Retry-After", std::to_string(limiter->retry_after_seconds(req.remote_addr)));
        send_error(req, res, 429, "rate_limited", "Too many requests from this address; try again shortly.");
        return httplib::Server::HandlerResponse::Handled;
    });
    http.set_logger([metrics](const httplib::Request& req, const httplib::Response& res) {
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        metrics->record(route_label(req.path), res.status, seconds);
        spdlog::info("{} {} {} {}", req.remote_addr, req.method, req.path, res.status);
    });
}

int Server::bind() {
    // Open once in this thread so a missing index fails at start-up, not on the first request.
    searcher::Searcher probe(config_.db);
    (void)probe.doc_count();
    int port = config_.port;
    if (port == 0) {
        port = http_->bind_to_any_port(config_.host);
    } else if (!http_->bind_to_port(config_.host, port)) {
        port = -1;
    }
    if (port < 0) throw std::runtime_error("cannot listen on " + config_.host + ":" + std::to_string(config_.port));
    // listen() again on a listening socket sets its queue length (Linux, BSD).
    if (listen_socket_ < 0 || ::listen(listen_socket_, LISTEN_BACKLOG) != 0)
        spdlog::warn("cannot lengthen the listen queue to {}: bursts of connections may wait a second", LISTEN_BACKLOG);
    return port;
}

void Server::run() { http_->listen_after_bind(); }

void Server::stop() { http_->stop(); }

}  // namespace newshound::web
