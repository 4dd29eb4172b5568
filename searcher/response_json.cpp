// JSON rendering of responses and errors.
#include "searcher/response_json.h"

#include <nlohmann/json.hpp>

namespace newshound::searcher {

namespace {

nlohmann::json facet_json(const std::vector<FacetCount>& values) {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& f : values) arr.push_back({{"value", f.value}, {"count", f.count}});
    return arr;
}

std::string plain(const Highlighted& h) {
    std::string s;
    for (const auto& f : h) s += f.text;
    return s;
}

}  // namespace

nlohmann::json hit_json(const Hit& h) {
    return {{"rank", h.rank},
                        {"id", h.id},
                        {"url", h.url},
                        {"title", h.title},
                        {"title_html", to_html(h.title_highlighted)},
                        {"source", h.source},
                        {"byline", h.byline},
                        {"published", h.published},
                        {"language", h.language},
                        {"topics", h.topics},
                        {"snippet", plain(h.snippet)},
                        {"snippet_html", to_html(h.snippet)},
                        {"score", h.score},
                        {"cluster", h.cluster},
                        {"similar", h.similar}};
}

nlohmann::json to_json(const SearchResponse& r) {
    nlohmann::json hits = nlohmann::json::array();
    for (const auto& h : r.hits) hits.push_back(hit_json(h));
    return {{"query", r.request.query},
            {"total", r.total},
            {"total_exact", r.total_exact},
            {"relaxed", r.relaxed},
            {"suggestion", r.suggestion},
            {"page", r.request.page},
            {"page_size", r.request.page_size},
            {"sort", to_string(r.request.sort)},
            {"filters",
             {{"topic", r.request.topics},
              {"source", r.request.sources},
              {"lang", r.request.languages},
              {"place", r.request.places},
              {"person", r.request.people},
              {"match", to_string(r.request.filter_mode)},
              {"from", r.request.from},
              {"to", r.request.to}}},
            {"hits", std::move(hits)},
            {"facets",
             {{"topic", facet_json(r.topics)},
              {"source", facet_json(r.sources)},
              {"lang", facet_json(r.languages)},
              {"place", facet_json(r.places)},
              {"person", facet_json(r.people)},
              {"date", {{"granularity", r.date_granularity}, {"buckets", facet_json(r.dates)}}}}},
            {"took_ms", r.elapsed_ms}};
}

nlohmann::json error_json(const std::string& code, const std::string& message, const std::string& parameter) {
    nlohmann::json e = {{"code", code}, {"message", message}};
    if (!parameter.empty()) e["parameter"] = parameter;
    return {{"error", std::move(e)}};
}

}  // namespace newshound::searcher
