// The search subcommand: request from options, text or JSON output.
#include "searcher/search_command.h"

#include "searcher/response_json.h"
#include "searcher/searcher.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

namespace newshound::searcher {

void add_search_options(CLI::App& cmd, SearchConfig& c) {
    cmd.add_option("--db", c.db, "Index folder; repeat to search shards as one (folders, stub files, tcp://host:port)")
        ->required()
        ->allow_extra_args(false);
    cmd.add_option("query", c.query_words, "Query: words, \"phrases\", -excluded, OR, topic:/source:/title: scopes");
    cmd.add_option("--topic", c.topics, "Only articles with this topic (repeat: all must match)");
    cmd.add_option("--source", c.sources, "Only articles from this source (repeat: any may match)");
    cmd.add_option("--place", c.places, "Only articles about this place (repeat: all must match, see --match)");
    cmd.add_option("--person", c.people, "Only articles about this person (repeat: all must match, see --match)");
    cmd.add_option("--match", c.match, "How several topics, places or people combine: all (default) or any");
    cmd.add_option("--from", c.from, "Published on or after YYYY-MM-DD");
    cmd.add_option("--to", c.to, "Published on or before YYYY-MM-DD");
    cmd.add_option("--sort", c.sort, "relevance, freshness (best match with a bonus halving every --half-life days) or date")
        ->capture_default_str();
    cmd.add_option("--half-life", c.half_life_days, "Days after which the freshness bonus halves")->capture_default_str();
    cmd.add_option("--lang", c.languages, "Only articles in this language, ISO 639-1 (repeat: any may match)");
    cmd.add_option("--query-lang", c.query_language, "Language of the query words (ISO 639-1), for stemming");
    cmd.add_option("--page", c.page, "Result page, from 1")->capture_default_str();
    cmd.add_option("--page-size", c.page_size, "Hits per page")->capture_default_str();
    cmd.add_flag("--json", c.json, "Print the JSON API response instead of text");
    cmd.add_flag("--all-copies", c.all_copies, "List every near-duplicate copy instead of one hit per story");
    cmd.allow_extras();
}

void take_extra_words(CLI::App& cmd, SearchConfig& c) {
    for (auto& w : cmd.remaining()) c.query_words.push_back(std::move(w));
}

std::optional<RequestError> run_search(const SearchConfig& c, std::ostream& out) {
    SearchRequest req;
    for (const auto& w : c.query_words) req.query += (req.query.empty() ? "" : " ") + w;
    req.topics = c.topics;
    req.sources = c.sources;
    req.places = c.places;
    req.people = c.people;
    const auto mode = parse_filter_mode(c.match);
    if (!mode) return RequestError{SearchRequest::FILTER_MODE_PARAM, "expected 'all' or 'any', got '" + c.match + "'"};
    req.filter_mode = *mode;
    req.from = c.from;
    req.to = c.to;
    req.languages = c.languages;
    req.query_language = c.query_language;
    req.page = c.page;
    req.page_size = c.page_size;
    req.collapse = !c.all_copies;
    const auto sort = parse_sort(c.sort);
    if (!sort) return RequestError{SearchRequest::SORT_PARAM, "expected 'relevance', 'freshness' or 'date', got '" + c.sort + "'"};
    req.sort = *sort;
    req.half_life_days = c.half_life_days;
    if (auto err = validate(req)) return err;

    Searcher searcher(c.db);
    auto result = searcher.search(req);
    if (auto* qe = std::get_if<QueryError>(&result))
        return RequestError{SearchRequest::QUERY_PARAM, qe->message + " (at character " + std::to_string(qe->offset + 1) + ")"};
    const auto& resp = std::get<SearchResponse>(result);
    if (c.json) {
        out << to_json(resp).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        return std::nullopt;
    }
    out << (resp.total_exact ? "" : "about ") << resp.total << " results";
    out << " (page " << req.page << ", " << resp.elapsed_ms << " ms)\n\n";
    for (const auto& h : resp.hits) {
        out << h.rank << ". " << h.title << "\n   " << h.source << (h.source.empty() ? "" : " | ")
            << (h.published.empty() ? "undated" : h.published) << (h.url.empty() ? "" : " | " + h.url) << "\n   "
            << to_marked_text(h.snippet) << "\n\n";
    }
    auto facet_line = [&](const char* name, const std::vector<FacetCount>& values) {
        if (values.empty()) return;
        out << name << ":";
        for (const auto& f : values) out << "  " << f.value << " (" << f.count << ")";
        out << '\n';
    };
    facet_line("topics", resp.topics);
    facet_line("sources", resp.sources);
    facet_line("languages", resp.languages);
    facet_line("places", resp.places);
    facet_line("people", resp.people);
    if (!resp.date_granularity.empty()) facet_line(("dates by " + resp.date_granularity).c_str(), resp.dates);
    return std::nullopt;
}

}  // namespace newshound::searcher
