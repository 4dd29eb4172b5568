// HTML templates as code: small, escaped at every insertion point, no template engine to get wrong.
#include "web/html_renderer.h"

#include "schema/language.h"
#include "schema/timestamp.h"
#include "searcher/snippeter.h"
#include "web/assets.h"

#include <algorithm>
#include <sstream>
#include <cstdio>

namespace newshound::web {

namespace {

using searcher::html_escape;
using searcher::SearchRequest;

constexpr const char* MONTHS[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// "2025-08-27T22:57:00+05:30" → "27 Aug 2025, 22:57 (UTC+05:30)": the time as the source printed it.
std::string display_date(const std::string& iso) {
    if (iso.size() < 16) return iso;
    const int month = std::atoi(iso.substr(5, 2).c_str());
    if (month < 1 || month > 12) return iso;
    std::string zone = iso.size() > 19 ? iso.substr(19) : "";
    zone = zone == "Z" ? "UTC" : "UTC" + zone;
    return std::to_string(std::atoi(iso.substr(8, 2).c_str())) + " " + MONTHS[month - 1] + " " + iso.substr(0, 4) + ", " +
           iso.substr(11, 5) + " (" + zone + ")";
}

std::string as_is(const std::string& value) { return value; }


// "de" → "German": the registry's name, or the code itself for languages we do not list.
std::string language_label(const std::string& code) {
    const auto* info = schema::find_language(code);
    return info ? std::string(info->name) : code;
}

// `main_id`: the id of the page's <main>, the skip link's target.
std::string page_head(const std::string& title, const char* main_id = "content") {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
           "<title>" +
           html_escape(title) + "</title><link rel=\"stylesheet\" href=\"" + asset_url("style.css") +
           "\"><link rel=\"icon\" type=\"image/svg+xml\" href=\"" + asset_url("icon.svg") +
           "\"><link rel=\"search\" type=\"application/opensearchdescription+xml\" href=\"/opensearch.xml\" title=\"newshound\">"
           "<script src=\"" +
           asset_url("app.js") +
           "\" defer></script></head><body>\n"
           "<a class=\"skip\" href=\"#" + std::string(main_id) + "\">Skip to content</a>"
           "<header class=\"top\"><a class=\"brand\" href=\"/\">newshound</a>"
           "<nav aria-label=\"Site\"><a href=\"/help\">Search help</a><a href=\"/api/openapi.json\">API</a></nav></header>\n";
}

const char* PAGE_FOOT = "</body></html>\n";

std::string search_form(const SearchRequest& r) {
    std::string h = "<form class=\"search\" role=\"search\" method=\"get\" action=\"/\">"
                    "<label for=\"q\" class=\"visually-hidden\">Search news</label>"
                    "<input id=\"q\" name=\"q\" type=\"search\" placeholder=\"Search news\" value=\"" +
                    html_escape(r.query) + "\" maxlength=\"" + std::to_string(SearchRequest::MAX_QUERY_BYTES) +
                    "\" list=\"suggestions\" autocomplete=\"off\"><datalist id=\"suggestions\"></datalist>";
    for (const auto& t : r.topics) h += "<input type=\"hidden\" name=\"topic\" value=\"" + html_escape(t) + "\">";
    for (const auto& s : r.sources) h += "<input type=\"hidden\" name=\"source\" value=\"" + html_escape(s) + "\">";
    for (const auto& p : r.places) h += "<input type=\"hidden\" name=\"place\" value=\"" + html_escape(p) + "\">";
    for (const auto& p : r.people) h += "<input type=\"hidden\" name=\"person\" value=\"" + html_escape(p) + "\">";
    if (r.filter_mode != searcher::FilterMode::ALL) h += "<input type=\"hidden\" name=\"match\" value=\"any\">";
    for (const auto& l : r.languages) h += "<input type=\"hidden\" name=\"lang\" value=\"" + html_escape(l) + "\">";
    h += "<label>From <input name=\"from\" type=\"date\" value=\"" + html_escape(r.from) + "\"></label>";
    h += "<label>To <input name=\"to\" type=\"date\" value=\"" + html_escape(r.to) + "\"></label>";
    h += "<label>Sort <select name=\"sort\">";
    for (auto s : {searcher::SortOrder::RELEVANCE, searcher::SortOrder::FRESHNESS, searcher::SortOrder::DATE}) {
        h += std::string("<option value=\"") + searcher::to_string(s) + "\"" + (r.sort == s ? " selected" : "") + ">" +
             (s == searcher::SortOrder::DATE        ? "newest first"
              : s == searcher::SortOrder::FRESHNESS ? "best match, fresher first"
                                                    : "best match") +
             "</option>";
    }
    h += "</select></label><button type=\"submit\">Search</button></form>\n";
    return h;
}

template <class Mutate>
std::string url_with(const SearchRequest& r, Mutate mutate) {
    SearchRequest copy = r;
    mutate(copy);
    return search_url(copy);
}

std::string active_filters(const SearchRequest& r) {
    std::string h;
    auto chip = [&](const std::string& label, const std::string& href) {
        h += "<li><a class=\"chip\" href=\"" + html_escape(href) + "\" aria-label=\"Remove filter " + html_escape(label) +
             "\">" + html_escape(label) + " \xC3\x97</a></li>";
    };
    for (size_t i = 0; i < r.topics.size(); ++i)
        chip("topic: " + r.topics[i], url_with(r, [&](SearchRequest& c) { c.topics.erase(c.topics.begin() + static_cast<long>(i)); }));
    for (size_t i = 0; i < r.sources.size(); ++i)
        chip("source: " + r.sources[i], url_with(r, [&](SearchRequest& c) { c.sources.erase(c.sources.begin() + static_cast<long>(i)); }));
    for (size_t i = 0; i < r.places.size(); ++i)
        chip("place: " + r.places[i], url_with(r, [&](SearchRequest& c) { c.places.erase(c.places.begin() + static_cast<long>(i)); }));
    for (size_t i = 0; i < r.people.size(); ++i)
        chip("person: " + r.people[i], url_with(r, [&](SearchRequest& c) { c.people.erase(c.people.begin() + static_cast<long>(i)); }));
    for (size_t i = 0; i < r.languages.size(); ++i)
        chip("language: " + language_label(r.languages[i]),
             url_with(r, [&](SearchRequest& c) { c.languages.erase(c.languages.begin() + static_cast<long>(i)); }));
    if (!r.from.empty()) chip("from " + r.from, url_with(r, [](SearchRequest& c) { c.from.clear(); }));
    if (!r.to.empty()) chip("to " + r.to, url_with(r, [](SearchRequest& c) { c.to.clear(); }));
    if (h.empty()) return "";
    h = "<ul class=\"filters\" aria-label=\"Active filters\">" + h + "</ul>\n";
    // With two or more topic, place or person filters, the reader chooses whether all or any must match.
    if (r.topics.size() + r.places.size() + r.people.size() >= 2) {
        const bool any = r.filter_mode == searcher::FilterMode::ANY;
        h += "<p class=\"mode\">" + std::string(any ? "Articles with any of these topics, places or people. "
                                                       : "Articles with all of these topics, places and people. ") +
             "<a href=\"" +
             html_escape(url_with(r, [&](SearchRequest& c) { c.filter_mode = any ? searcher::FilterMode::ALL : searcher::FilterMode::ANY; })) +
             "\">" + (any ? "Require all" : "Match any") + "</a></p>\n";
    }
    return h;
}

// A histogram bucket ("2025", "2025-08" or "2025-08-14") as the first and last day it covers.
std::pair<std::string, std::string> bucket_days(const std::string& value) {
    const int y = std::stoi(value.substr(0, 4));
    const int m = value.size() >= 7 ? std::stoi(value.substr(5, 2)) : 0;
    if (m == 0) return {value + "-01-01", value + "-12-31"};
    if (value.size() > 7) return {value, value};
    const auto days = schema::days_from_civil(m == 12 ? y + 1 : y, static_cast<unsigned>(m == 12 ? 1 : m + 1), 1) -
                      schema::days_from_civil(y, static_cast<unsigned>(m), 1);
    return {value + "-01", value + "-" + (days < 10 ? "0" : "") + std::to_string(days)};
}

// The bucket's position on a time axis in units of its granularity (days, months or years).
long long bucket_ordinal(const std::string& value) {
    const int y = std::stoi(value.substr(0, 4));
    if (value.size() == 4) return y;
    const int m = std::stoi(value.substr(5, 2));
    if (value.size() == 7) return y * 12LL + m - 1;
    return schema::days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(std::stoi(value.substr(8, 2))));
}

// The date histogram as an SVG bar chart on a time axis (empty days or months are gaps). Each bar is a
// link to its days as a from/to filter, so it works without JavaScript; the page script adds brushing
// (drag across bars to set a range). Sizes are SVG attributes, not styles: the CSP forbids inline styles.
std::string date_facet(const searcher::SearchResponse& resp, const SearchRequest& r) {
    if (resp.dates.size() < 2) return "";
    constexpr int WIDTH = 260, CHART_HEIGHT = 80, LABEL_HEIGHT = 16, MIN_BAR_HEIGHT = 2;
    const long long first = bucket_ordinal(resp.dates.front().value);
    const long long slots = bucket_ordinal(resp.dates.back().value) - first + 1;
    const double slot_width = static_cast<double>(WIDTH) / static_cast<double>(slots);
    const double gap = slot_width > 4 ? 1 : 0;
    Xapian::doccount peak = 1;
    for (const auto& b : resp.dates) peak = std::max(peak, b.count);
    const char* unit = resp.date_granularity == "day" ? "day" : resp.date_granularity == "month" ? "month" : "year";
    std::string h = "<section class=\"facet histogram\" aria-labelledby=\"dates-heading\"><h2 id=\"dates-heading\">Dates</h2>"
                    "<svg viewBox=\"0 0 " + std::to_string(WIDTH) + " " + std::to_string(CHART_HEIGHT + LABEL_HEIGHT) +
                    "\" role=\"group\" aria-label=\"Articles by " + unit + "\">";
    char number[32];
    auto fmt = [&](double v) {
        std::snprintf(number, sizeof number, "%.2f", v);
        return std::string(number);
    };
    for (const auto& b : resp.dates) {
        const auto [from, to] = bucket_days(b.value);
        const std::string href = url_with(r, [&](SearchRequest& c) {
            c.from = from;
            c.to = to;
            c.page = 1;
        });
        const bool on = !r.from.empty() && !r.to.empty() && from >= r.from && to <= r.to;
        const double height = std::max<double>(MIN_BAR_HEIGHT, static_cast<double>(b.count) * CHART_HEIGHT / peak);
        const double x = static_cast<double>(bucket_ordinal(b.value) - first) * slot_width;
        const std::string label = b.value + ": " + std::to_string(b.count) + (b.count == 1 ? " article" : " articles");
        h += "<a href=\"" + html_escape(href) + "\" data-from=\"" + html_escape(from) + "\" data-to=\"" + html_escape(to) + "\" aria-label=\"" +
             html_escape(label) + "\"><title>" + html_escape(label) + "</title><rect class=\"bar" + (on ? " on" : "") +
             "\" x=\"" + fmt(x) + "\" y=\"" + fmt(CHART_HEIGHT - height) + "\" width=\"" + fmt(std::max(1.0, slot_width - gap)) +
             "\" height=\"" + fmt(height) + "\"/></a>";
    }
    const std::string baseline = std::to_string(CHART_HEIGHT + LABEL_HEIGHT - 4);
    h += "<text x=\"0\" y=\"" + baseline + "\" aria-hidden=\"true\">" + html_escape(resp.dates.front().value) + "</text>";
    h += "<text x=\"" + std::to_string(WIDTH) + "\" y=\"" + baseline + "\" text-anchor=\"end\" aria-hidden=\"true\">" +
         html_escape(resp.dates.back().value) + "</text></svg>";
    h += "<p class=\"hint\">Choose a bar, or drag across bars for a range.</p></section>\n";
    return h;
}

// A facet's values as links that add (or, when active, remove) the value in the request's `field`.
std::string facet_list(const char* heading, const std::vector<searcher::FacetCount>& values, const SearchRequest& r,
                       std::vector<std::string> SearchRequest::*field, std::string (*label)(const std::string&)) {
    if (values.empty()) return "";
    const auto& active = r.*field;
    std::string h = std::string("<section class=\"facet\"><h2>") + heading + "</h2><ul>";
    for (const auto& f : values) {
        const bool on = std::find(active.begin(), active.end(), f.value) != active.end();
        const std::string href = url_with(r, [&](SearchRequest& c) {
            auto& list = c.*field;
            if (on) list.erase(std::find(list.begin(), list.end(), f.value));
            else list.push_back(f.value);
        });
        h += "<li><a href=\"" + html_escape(href) + "\"" + (on ? " aria-current=\"true\" class=\"on\"" : "") + ">" +
             html_escape(label(f.value)) + "</a> <span class=\"count\">" + std::to_string(f.count) + "</span></li>";
    }
    return h + "</ul></section>\n";
}

std::string hit_html(const searcher::Hit& hit, const searcher::SearchRequest& request) {
    // lang + dir=auto: the browser picks fonts for the script and lays right-to-left text out right to left.
    const std::string lang_attr = hit.language.empty() ? "" : " lang=\"" + html_escape(hit.language) + "\"";
    std::string h = "<article class=\"hit\"><h3" + lang_attr + " dir=\"auto\"><a href=\"/article/" +
                    html_escape(url_encode(hit.id)) + "\">" +
                    searcher::to_html(hit.title_highlighted) + "</a></h3><p class=\"meta\">";
    if (!hit.source.empty()) h += "<span class=\"source\">" + html_escape(hit.source) + "</span>";
    if (!hit.byline.empty()) h += "<span class=\"byline\" dir=\"auto\">" + html_escape(hit.byline) + "</span>";
    if (!hit.published.empty())
        h += "<time datetime=\"" + html_escape(hit.published) + "\">" + html_escape(display_date(hit.published)) + "</time>";
    if (!hit.language.empty())
        h += "<abbr class=\"lang\" title=\"" + html_escape(language_label(hit.language)) + "\">" + html_escape(hit.language) +
             "</abbr>";
    if (is_web_url(hit.url))
        h += "<a class=\"original\" rel=\"noopener noreferrer\" href=\"" + html_escape(hit.url) + "\">original</a>";
    if (hit.similar > 0) {
        searcher::SearchRequest cluster_request = request;
        cluster_request.cluster = hit.cluster;
        h += "<a class=\"similar\" href=\"" + html_escape(search_url(cluster_request)) + "\">" + std::to_string(hit.similar) +
             (hit.similar == 1 ? " similar story" : " similar stories") + "</a>";
    }
    h += "</p><p class=\"snippet\"" + lang_attr + " dir=\"auto\">" + searcher::to_html(hit.snippet) + "</p></article>\n";
    return h;
}

std::string pagination(const SearchRequest& r, const searcher::SearchResponse& resp) {
    const long long total = resp.total;
    const int last_page = static_cast<int>(std::min<long long>((total + r.page_size - 1) / r.page_size,
                                                               SearchRequest::MAX_RESULT_RANK / r.page_size));
    if (last_page <= 1) return "";
    std::string h = "<nav class=\"pages\" aria-label=\"Result pages\"><ul>";
    if (r.page > 1) h += "<li><a rel=\"prev\" href=\"" + html_escape(search_url(r, r.page - 1)) + "\">Previous</a></li>";
    const int lo = std::max(1, r.page - 4), hi = std::min(last_page, r.page + 4);
    for (int p = lo; p <= hi; ++p) {
        if (p == r.page) h += "<li><span aria-current=\"page\">" + std::to_string(p) + "</span></li>";
        else h += "<li><a href=\"" + html_escape(search_url(r, p)) + "\">" + std::to_string(p) + "</a></li>";
    }
    if (r.page < last_page) h += "<li><a rel=\"next\" href=\"" + html_escape(search_url(r, r.page + 1)) + "\">Next</a></li>";
    return h + "</ul></nav>\n";
}

}  // namespace

bool is_web_url(const std::string& url) { return url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0; }

std::string url_encode(std::string_view text) {
    static constexpr char HEX[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += HEX[c >> 4];
            out += HEX[c & 15];
        }
    }
    return out;
}

std::string search_url(const SearchRequest& r, int page) {
    std::string u = "/?";
    auto add = [&](const char* name, const std::string& v) {
        if (v.empty()) return;
        if (u.size() > 2) u += '&';
        u += name;
        u += '=';
        u += url_encode(v);
    };
    add(SearchRequest::QUERY_PARAM, r.query);
    for (const auto& t : r.topics) add(SearchRequest::TOPIC_PARAM, t);
    for (const auto& s : r.sources) add(SearchRequest::SOURCE_PARAM, s);
    for (const auto& p : r.places) add(SearchRequest::PLACE_PARAM, p);
    for (const auto& p : r.people) add(SearchRequest::PERSON_PARAM, p);
    if (r.filter_mode != searcher::FilterMode::ALL) add(SearchRequest::FILTER_MODE_PARAM, searcher::to_string(r.filter_mode));
    add(SearchRequest::FROM_PARAM, r.from);
    add(SearchRequest::TO_PARAM, r.to);
    if (r.sort != searcher::SortOrder::RELEVANCE) add(SearchRequest::SORT_PARAM, searcher::to_string(r.sort));
    if (r.half_life_days != SearchRequest::DEFAULT_HALF_LIFE_DAYS) {
        std::ostringstream days;
        days << r.half_life_days;
        add(SearchRequest::HALF_LIFE_PARAM, days.str());
    }
    for (const auto& l : r.languages) add(SearchRequest::LANGUAGE_PARAM, l);
    if (!r.query_language.empty()) add(SearchRequest::QUERY_LANGUAGE_PARAM, r.query_language);
    add(SearchRequest::CLUSTER_PARAM, r.cluster);
    if (!r.collapse) add(SearchRequest::COLLAPSE_PARAM, "0");
    if (r.page_size != SearchRequest::DEFAULT_PAGE_SIZE) add(SearchRequest::PAGE_SIZE_PARAM, std::to_string(r.page_size));
    if (page > 1) add(SearchRequest::PAGE_PARAM, std::to_string(page));
    return u.size() == 2 ? "/" : u;
}

std::string render_search_page(const SearchRequest& r, const std::optional<searcher::SearchResponse>& resp,
                               const std::string& error_message) {
    std::string h = page_head(r.query.empty() ? "newshound" : r.query + " – newshound", "results");
    h += search_form(r);
    h += "<div class=\"layout\"><main id=\"results\">\n";
    h += active_filters(r);
    if (!error_message.empty()) h += "<p class=\"error\" role=\"alert\">" + html_escape(error_message) + "</p>\n";
    if (resp) {
        char took[32];
        std::snprintf(took, sizeof took, "%.1f", resp->elapsed_ms);
        h += "<p class=\"summary\">" + std::string(resp->total_exact ? "" : "about ") + std::to_string(resp->total) +
             (resp->total == 1 ? " article" : " articles") + " <span class=\"took\">(" + took + " ms)</span> <a class=\"feed\" href=\"" +
             html_escape("/feed" + search_url(r, 1).substr(1)) + "\">Atom feed of this search</a></p>\n";
        if (!resp->suggestion.empty()) {
            SearchRequest fixed = r;
            fixed.query = resp->suggestion;
            fixed.page = 1;
            h += "<p class=\"notice\" role=\"status\">Did you mean <a href=\"" + html_escape(search_url(fixed, 1)) + "\">" +
                 html_escape(resp->suggestion) + "</a>?</p>\n";
        }
        if (resp->relaxed)
            h += "<p class=\"notice\" role=\"status\">No article has all of the words; these have some of them, "
                 "best matches first.</p>\n";
        if (resp->hits.empty()) h += "<p class=\"empty\">No articles match. Try fewer words or remove a filter.</p>\n";
        for (const auto& hit : resp->hits) h += hit_html(hit, r);
        h += pagination(r, *resp);
    }
    h += "</main><aside class=\"facets\" aria-label=\"Filters\">";
    if (resp) {
        h += facet_list("Topics", resp->topics, r, &SearchRequest::topics, as_is);
        h += facet_list("Sources", resp->sources, r, &SearchRequest::sources, as_is);
        h += facet_list("Languages", resp->languages, r, &SearchRequest::languages, language_label);
        h += facet_list("Places", resp->places, r, &SearchRequest::places, as_is);
        h += facet_list("People", resp->people, r, &SearchRequest::people, as_is);
        h += date_facet(*resp, r);
    }
    h += "</aside></div>\n";
    return h + PAGE_FOOT;
}

std::string render_article_page(const schema::Article& a, const std::vector<searcher::Hit>& related) {
    std::string h = page_head(a.title.empty() ? "Article" : a.title);
    h += "<main id=\"content\" class=\"article\"><article" + (a.language.empty() ? std::string() : " lang=\"" + html_escape(a.language) + "\"") +
         " dir=\"auto\"><h1>" + html_escape(a.title) + "</h1><p class=\"meta\">";
    if (!a.source.empty()) h += "<span class=\"source\">" + html_escape(a.source) + "</span> ";
    if (!a.byline.empty()) h += "<span class=\"byline\" dir=\"auto\">" + html_escape(a.byline) + "</span> ";
    if (!a.agency.empty()) h += "<span class=\"agency\">" + html_escape(a.agency) + "</span> ";
    if (!a.dateline.empty()) h += "<span class=\"dateline\">" + html_escape(a.dateline) + "</span> ";
    if (a.published) {
        const std::string iso = schema::to_iso8601(*a.published);
        h += "<time datetime=\"" + html_escape(iso) + "\">" + html_escape(display_date(iso)) + "</time> ";
    }
    if (is_web_url(a.url))
        h += "<a class=\"original\" rel=\"noopener noreferrer\" href=\"" + html_escape(a.url) + "\">original</a>";
    h += "</p>";
    if (!a.summary.empty()) h += "<p class=\"standfirst\">" + html_escape(a.summary) + "</p>";
    size_t start = 0;
    while (start < a.body.size()) {
        size_t end = a.body.find("\n\n", start);
        if (end == std::string::npos) end = a.body.size();
        if (end > start) h += "<p>" + html_escape(std::string_view(a.body).substr(start, end - start)) + "</p>";
        start = end + 2;
    }
    if (!a.topics.empty()) {
        h += "<ul class=\"topics\" aria-label=\"Topics\">";
        for (const auto& t : a.topics)
            h += "<li><a href=\"/?topic=" + html_escape(url_encode(t)) + "\">" + html_escape(t) + "</a></li>";
        h += "</ul>";
    }
    h += "</article>";
    if (!related.empty()) {
        h += "<section class=\"related\" aria-labelledby=\"related-title\"><h2 id=\"related-title\">Related stories</h2><ol>";
        for (const auto& r : related) {
            h += "<li><a href=\"/article/" + html_escape(url_encode(r.id)) + "\">" + html_escape(r.title) + "</a>";
            if (!r.source.empty()) h += " <span class=\"source\">" + html_escape(r.source) + "</span>";
            if (!r.published.empty())
                h += " <time datetime=\"" + html_escape(r.published) + "\">" + html_escape(display_date(r.published)) + "</time>";
            h += "</li>";
        }
        h += "</ol></section>";
    }
    h += "</main>\n";
    return h + PAGE_FOOT;
}

std::string render_help_page() {
    // The same forms as docs/query-syntax.md, for readers of the page.
    static const std::pair<const char*, const char*> ROWS[] = {
        {"peskov nato", "articles with both words, in any form (stems); if none has all, any of them, and the page says so"},
        {"\"security guarantees\"", "the exact words in this order"},
        {"ukraine -drone, ukraine NOT drone", "without the word"},
        {"wheat OR grain, (wheat OR grain) odesa", "either word; parentheses group"},
        {"drone NEAR refinery, drone NEAR/3 refinery", "both words within 10 (or 3) words of each other"},
        {"ukrain*", "words starting with ukrain"},
        {"title:kremlin, body:\"put out\"", "words in the headline, or in the text only"},
        {"topic:Ukraine, source:\"Northern Wire\", place:Odesa, person:\"Dmitry Peskov\", lang:de", "filters"},
        {"url:https://example.com/story", "the article with that address"},
        {"date:2025-08, date:2025-08-01..2025-08-31, after:2025-09-01, before:2025-09-30", "publication days, inclusive"},
        {"last 7 days, past 24 hours, last month", "published recently"},
    };
    std::string h = page_head("Search help") + "<main id=\"content\" class=\"help\"><h1>Search help</h1><table><thead><tr><th scope=\"col\">"
                    "Type</th><th scope=\"col\">To find</th></tr></thead><tbody>";
    for (const auto& [typed, finds] : ROWS)
        h += "<tr><td><code>" + html_escape(typed) + "</code></td><td>" + html_escape(finds) + "</td></tr>";
    h += "</tbody></table><p>Sort by best match, by best match with fresher stories first, or newest first. Facets narrow "
         "by topic, source, language, place, person and date; with several topics, places or people, choose whether all or "
         "any must match. Republished copies of one story are shown once, with the number of similar stories.</p>"
         "<h2>Keyboard</h2><table><tbody>"
         "<tr><td><kbd>/</kbd></td><td>go to the search box (<kbd>Esc</kbd> leaves it)</td></tr>"
         "<tr><td><kbd>j</kbd> and <kbd>k</kbd></td><td>next and previous result</td></tr>"
         "<tr><td><kbd>Enter</kbd></td><td>open the current result</td></tr>"
         "</tbody></table><p>On the date chart, choose a bar for its days, or drag across bars for a range.</p>"
         "<p><a href=\"/\">Back to search</a></p></main>\n";
    return h + PAGE_FOOT;
}

std::string render_error_page(int status, const std::string& message) {
    return page_head("Error " + std::to_string(status)) + "<main id=\"content\"><h1>" + std::to_string(status) + "</h1><p>" +
           html_escape(message) + "</p><p><a href=\"/\">Back to search</a></p></main>\n" + PAGE_FOOT;
}

}  // namespace newshound::web
