#include "web/feed_renderer.h"

#include "searcher/snippeter.h"
#include "web/html_renderer.h"

#include <chrono>
#include <ctime>

namespace newshound::web {

namespace {

std::string now_rfc3339() {
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

}  // namespace

std::string xml_escape(std::string_view text) { return searcher::html_escape(text); }

std::string render_atom_feed(const searcher::SearchResponse& response, const std::string& base) {
    // The same parameters as the search page, so the feed follows every filter of the search.
    const std::string page_path = search_url(response.request, 1);  // "/?q=…" or "/"
    const std::string feed_url = base + "/feed" + page_path.substr(1);
    const std::string page_url = base + page_path;
    const auto& r = response.request;
    // The feed's updated time: its newest entry, else now.
    std::string updated;
    for (const auto& h : response.hits)
        if (!h.published.empty() && h.published > updated) updated = h.published;
    if (updated.empty()) updated = now_rfc3339();

    std::string x = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
    x += "<title>" + xml_escape(r.query.empty() ? "newshound: latest" : "newshound: " + r.query) + "</title>\n";
    x += "<id>" + xml_escape(feed_url) + "</id>\n";
    x += "<link rel=\"self\" type=\"application/atom+xml\" href=\"" + xml_escape(feed_url) + "\"/>\n";
    x += "<link rel=\"alternate\" type=\"text/html\" href=\"" + xml_escape(page_url) + "\"/>\n";
    x += "<updated>" + xml_escape(updated) + "</updated>\n<generator>newshound</generator>\n";
    for (const auto& h : response.hits) {
        const std::string article = base + "/article/" + url_encode(h.id);
        x += "<entry>\n<title>" + xml_escape(h.title) + "</title>\n";
        x += "<id>" + xml_escape(article) + "</id>\n";
        x += "<link rel=\"alternate\" type=\"text/html\" href=\"" + xml_escape(article) + "\"/>\n";
        if (is_web_url(h.url))
            x += "<link rel=\"related\" type=\"text/html\" href=\"" + xml_escape(h.url) + "\"/>\n";
        x += "<updated>" + xml_escape(h.published.empty() ? updated : h.published) + "</updated>\n";
        if (!h.published.empty()) x += "<published>" + xml_escape(h.published) + "</published>\n";
        x += "<author><name>" + xml_escape(h.source.empty() ? "unknown" : h.source) + "</name></author>\n";
        for (const auto& t : h.topics) x += "<category term=\"" + xml_escape(t) + "\"/>\n";
        x += "<summary type=\"text\">" + xml_escape(searcher::to_marked_text(h.snippet, "", "")) + "</summary>\n</entry>\n";
    }
    return x + "</feed>\n";
}

std::string render_opensearch_description(const std::string& base) {
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
           "<OpenSearchDescription xmlns=\"http://a9.com/-/spec/opensearch/1.1/\">\n"
           "<ShortName>newshound</ShortName>\n<Description>Search the news archive</Description>\n"
           "<InputEncoding>UTF-8</InputEncoding>\n"
           "<Url type=\"text/html\" template=\"" + xml_escape(base) + "/?q={searchTerms}\"/>\n"
           "<Url type=\"application/atom+xml\" template=\"" + xml_escape(base) + "/feed?q={searchTerms}\"/>\n"
           "<Url type=\"application/x-suggestions+json\" template=\"" + xml_escape(base) + "/api/suggest?q={searchTerms}\"/>\n"
           "</OpenSearchDescription>\n";
}

}  // namespace newshound::web
