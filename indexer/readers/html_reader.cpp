// HTML reader on gumbo (HTML5 parsing, so broken markup parses like a browser would parse it) and ICU
// (charset conversion).
#include "indexer/readers/html_reader.h"

#include "indexer/extract/date_parser.h"
#include "indexer/extract/page_text_extractor.h"
#include "indexer/extract/regex.h"
#include "indexer/readers/page_text_reader.h"

#include <algorithm>
#include <cctype>
#include <gumbo.h>
#include <map>
#include <optional>
#include <memory>
#include <nlohmann/json.hpp>
#include <unicode/unistr.h>

namespace newshound::indexer {

namespace {

// The charset declaration must be in the first 1024 bytes (HTML5 prescan); a little slack for real pages.
constexpr size_t CHARSET_PRESCAN_BYTES = 2048;
// An articleBody shorter than this is a teaser; the page text is better then.
constexpr size_t MIN_STRUCTURED_BODY_BYTES = 200;

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string trim_copy(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r\n\f\v");
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(" \t\r\n\f\v");
    return std::string(s.substr(b, e - b + 1));
}

// Bytes → UTF-8 by the declared charset; undeclared or unknown: UTF-8 if valid, else Windows-1252.
std::string to_utf8(std::string_view bytes) {
    const std::string charset = declared_charset(bytes);
    if (charset.empty() || charset == "utf-8" || charset == "utf8") {
        if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
        return is_valid_utf8(bytes) ? std::string(bytes) : windows1252_to_utf8(bytes);
    }
    if (charset == "windows-1252" || charset == "iso-8859-1" || charset == "latin1" || charset == "us-ascii")
        return windows1252_to_utf8(bytes);
    const icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), charset.c_str());
    if (text.isBogus()) return is_valid_utf8(bytes) ? std::string(bytes) : windows1252_to_utf8(bytes);
    std::string out;
    text.toUTF8String(out);
    return out;
}

struct GumboDeleter {
    void operator()(GumboOutput* o) const { gumbo_destroy_output(&kGumboDefaultOptions, o); }
};

const char* attr(const GumboNode* n, const char* name) {
    const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
    return a ? a->value : nullptr;
}

// Everything the page says about itself in markup, before any text heuristics.
struct PageMeta {
    std::string html_lang, title_tag, canonical, first_time;
    std::map<std::string, std::string> meta;  // og:title, article:published_time, description, …
    std::vector<std::string> article_tags;
    std::vector<std::string> json_ld;
    std::map<std::string, std::string> microdata;  // itemprop → content, datetime or text (first wins)
    std::string h1;
};

bool is_block(GumboTag t) {
    switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_UL:
    case GUMBO_TAG_OL: case GUMBO_TAG_TR: case GUMBO_TAG_TABLE: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_BR: case GUMBO_TAG_HR: case GUMBO_TAG_DD: case GUMBO_TAG_DT:
    case GUMBO_TAG_PRE: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_MAIN: case GUMBO_TAG_TIME:
        return true;
    default:
        return false;
    }
}

// Elements whose text is never article text: code, embedded objects, and the page's navigation and
// furniture landmarks.
bool is_skipped(GumboTag t) {
    switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT:
        return true;
    default:
        return false;
    }
}

// Class and id words of page furniture (as in readability-style boilerplate removal). An element so named
// still gives its metadata (a <time> or itemprop inside), but none of its text reaches the article.
bool is_furniture_element(const GumboNode* n) {
    static const Regex furniture(
        R"((?:^|[\s_-])(comments?|share|sharing|social|newsletter|related|promo|advert|advertisement|ads?|banner|)"
        R"(cookies?|subscribe|subscription|paywall|popup|sidebar|breadcrumbs?|outbrain|taboola|recommended|popular|)"
        R"(most-read|ranking|disqus)(?:$|[\s_-]))",
        Case::INSENSITIVE);
    // Names that also say "content" are the article's own wrappers ("article-body has-comments").
    static const Regex content(R"(article|body|content|main|story|text|entry)", Case::INSENSITIVE);
    const GumboTag tag = n->v.element.tag;
    if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN) return false;
    bool furniture_named = false;
    for (const char* name : {"class", "id"}) {
        const char* v = attr(n, name);
        if (!v) continue;
        if (RE2::PartialMatch(v, content.re2())) return false;
        furniture_named = furniture_named || RE2::PartialMatch(v, furniture.re2());
    }
    return furniture_named;
}

// Element nesting deeper than this is not followed: no real page nests so deep, and recursion over a
// hostile page must not exhaust the stack.
constexpr int MAX_DOM_DEPTH = 512;

void text_of(const GumboNode* n, std::string& out, int depth = 0) {
    if (depth > MAX_DOM_DEPTH) return;
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
        out += n->v.text.text;
        return;
    }
    if (n->type != GUMBO_NODE_ELEMENT) return;
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) text_of(static_cast<const GumboNode*>(kids.data[i]), out, depth + 1);
}

// One pass over the tree: metadata into `meta`, visible text into `lines` (a line per block element).
void walk(const GumboNode* n, PageMeta& meta, std::string& lines, int depth, bool silent = false) {
    if (depth > MAX_DOM_DEPTH) return;
    if (silent && n->type != GUMBO_NODE_ELEMENT) return;
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA) {
        std::string t = n->v.text.text;
        std::replace(t.begin(), t.end(), '\n', ' ');
        lines += t;
        return;
    }
    if (n->type == GUMBO_NODE_WHITESPACE) {
        lines += ' ';
        return;
    }
    if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE) return;
    const GumboTag tag = n->v.element.tag;
    switch (tag) {
    case GUMBO_TAG_HTML:
        if (const char* l = attr(n, "lang")) meta.html_lang = l;
        break;
    case GUMBO_TAG_TITLE:
        text_of(n, meta.title_tag);
        return;
    case GUMBO_TAG_META: {
        const char* key = attr(n, "property");
        if (!key) key = attr(n, "name");
        const char* content = attr(n, "content");
        if (key && content) {
            const std::string k = lower(key);
            if (k == "article:tag") meta.article_tags.emplace_back(content);
            else if (!meta.meta.count(k)) meta.meta[k] = content;
        }
        return;
    }
    case GUMBO_TAG_LINK:
        if (const char* rel = attr(n, "rel"); rel && lower(rel) == "canonical")
            if (const char* href = attr(n, "href")) meta.canonical = href;
        return;
    case GUMBO_TAG_SCRIPT:
        if (const char* type = attr(n, "type"); type && lower(type) == "application/ld+json") {
            std::string json;
            text_of(n, json);
            meta.json_ld.push_back(std::move(json));
        }
        return;
    case GUMBO_TAG_TIME:
        if (const char* dt = attr(n, "datetime"); dt && meta.first_time.empty()) meta.first_time = dt;
        break;
    case GUMBO_TAG_H1:
        if (meta.h1.empty()) text_of(n, meta.h1);
        break;
    default:
        break;
    }
    if (const char* prop = attr(n, "itemprop"); prop && !meta.microdata.count(prop)) {
        // Microdata: <span itemprop="datePublished" content="…">, <time itemprop=… datetime=…>, or the text.
        std::string value;
        if (const char* c = attr(n, "content")) value = c;
        else if (const char* dt = attr(n, "datetime")) value = dt;
        else if (std::string_view(prop) != "articleBody") text_of(n, value);
        meta.microdata[prop] = trim_copy(value);
    }
    if (is_skipped(tag)) return;
    silent = silent || is_furniture_element(n);
    const bool block = is_block(tag);
    if (block && !silent) lines += '\n';
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i)
        walk(static_cast<const GumboNode*>(kids.data[i]), meta, lines, depth + 1, silent);
    if (block && !silent) lines += '\n';
}

std::string json_text(const nlohmann::json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_object() && v.contains("name")) return json_text(v["name"]);
    if (v.is_array() && !v.empty()) return json_text(v[0]);
    return {};
}

std::vector<std::string> json_list(const nlohmann::json& v) {
    std::vector<std::string> out;
    if (v.is_string()) {
        // "keywords": "Ukraine, Europe"
        std::string s = v.get<std::string>();
        size_t start = 0;
        while (start <= s.size()) {
            size_t comma = s.find(',', start);
            if (comma == std::string::npos) comma = s.size();
            std::string item = trim_copy(std::string_view(s).substr(start, comma - start));
            if (!item.empty()) out.push_back(item);
            start = comma + 1;
        }
    } else if (v.is_array()) {
        for (const auto& x : v)
            if (auto t = json_text(x); !t.empty()) out.push_back(t);
    }
    return out;
}

bool is_article_type(const nlohmann::json& type) {
    static const Regex re("(News|Reportage|Analysis|Opinion|Review|Background|Report|Blog)?(Article|Posting)$");
    if (type.is_array()) return std::any_of(type.begin(), type.end(), is_article_type);
    return type.is_string() && RE2::PartialMatch(type.get<std::string>(), re.re2());
}

// The first Article-like object in a JSON-LD block (top level, array, or @graph).
const nlohmann::json* find_article(const nlohmann::json& j, int depth = 0) {
    if (depth > 8) return nullptr;
    if (j.is_object()) {
        if (j.contains("@type") && is_article_type(j["@type"])) return &j;
        if (j.contains("@graph")) return find_article(j["@graph"], depth + 1);
    } else if (j.is_array()) {
        for (const auto& x : j)
            if (auto* a = find_article(x, depth + 1)) return a;
    }
    return nullptr;
}

std::optional<schema::Timestamp> parse_time(const std::string& s) {
    if (s.empty()) return std::nullopt;
    if (auto t = schema::parse_iso8601(s)) return t;
    return parse_news_date(s);
}

void fill_from_json_ld(const nlohmann::json& a, schema::Article& out) {
    auto str = [&](const char* k) { return a.contains(k) ? trim_copy(json_text(a[k])) : std::string(); };
    if (auto v = str("headline"); !v.empty()) out.title = v;
    if (auto v = str("description"); !v.empty()) out.summary = v;
    if (auto v = str("articleBody"); v.size() >= MIN_STRUCTURED_BODY_BYTES) out.body = v;
    if (auto t = parse_time(str("datePublished"))) out.published = t;
    if (auto t = parse_time(str("dateModified"))) out.updated = t;
    if (auto v = str("author"); !v.empty()) out.byline = v;
    if (auto v = str("inLanguage"); !v.empty()) out.language = lower(v.substr(0, v.find('-')));
    if (auto v = str("publisher"); !v.empty()) out.source = v;
    if (auto v = str("url"); !v.empty()) out.url = v;
    if (a.contains("keywords")) {
        if (auto k = json_list(a["keywords"]); !k.empty()) out.topics = k;
    }
    if (out.topics.empty() && a.contains("articleSection")) out.topics = json_list(a["articleSection"]);
}

// "Grid link opens | Continental Daily" → "Grid link opens": the longest part between site separators.
std::string headline_from_title_tag(const std::string& title) {
    static const Regex separators(R"(\s+(?:\||-|\x{2013}|\x{2014}|::|\x{BB})\s+)");
    std::string best;
    for (const std::string_view piece : split_on(separators, title)) {
        std::string part = trim_copy(piece);
        if (part.size() > best.size()) best = std::move(part);
    }
    return best;
}

}  // namespace

std::string html_fragment_to_text(std::string_view html) {
    if (html.find('<') == std::string_view::npos && html.find('&') == std::string_view::npos) return trim_copy(html);
    std::unique_ptr<GumboOutput, GumboDeleter> doc(gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()));
    if (!doc) return trim_copy(html);
    PageMeta ignored;
    std::string lines;
    walk(doc->root, ignored, lines, 0);
    // Blocks become paragraphs; runs of spaces inside a paragraph become one space.
    std::string out, para;
    auto flush = [&] {
        std::string t = trim_copy(para);
        if (!t.empty()) out += (out.empty() ? "" : "\n\n") + t;
        para.clear();
    };
    for (char c : lines) {
        if (c == '\n') flush();
        else if (c == ' ' && !para.empty() && para.back() == ' ') continue;
        else para += c;
    }
    flush();
    return out;
}

std::string declared_charset(std::string_view bytes) {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") return "utf-8";
    if (bytes.substr(0, 2) == "\xFF\xFE") return "utf-16le";
    if (bytes.substr(0, 2) == "\xFE\xFF") return "utf-16be";
    // The bytes are in the encoding this looks for, so each byte is read as one character.
    static const Regex re(R"(<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+))", Case::INSENSITIVE, Encoding::BYTES);
    RegexMatch m;
    if (m.search(re, bytes.substr(0, CHARSET_PRESCAN_BYTES))) return lower(m.str(1));
    return {};
}

ReadResult read_html(std::string_view bytes, const std::string& origin, std::optional<schema::Timestamp> saved_at) {
    if (bytes.size() > MAX_PAGE_BYTES) return SkipReason{origin, "page larger than " + std::to_string(MAX_PAGE_BYTES) + " bytes"};
    const std::string html = to_utf8(bytes);
    std::unique_ptr<GumboOutput, GumboDeleter> doc(gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()));
    if (!doc) return SkipReason{origin, "HTML parser failed"};
    PageMeta meta;
    std::string lines;
    walk(doc->root, meta, lines, 0);

    // The body and whatever else the text shows, by the same rules as saved page text.
    schema::Article a = extract_page_text(lines, saved_at);

    // Markup beats heuristics: meta tags, then JSON-LD (the most specific), field by field.
    auto m = [&](const char* k) {
        auto it = meta.meta.find(k);
        return it == meta.meta.end() ? std::string() : trim_copy(it->second);
    };
    if (auto t = headline_from_title_tag(meta.title_tag); !t.empty()) a.title = t;
    if (!trim_copy(meta.h1).empty()) a.title = trim_copy(meta.h1);
    if (auto v = m("og:title"); !v.empty()) a.title = v;
    if (auto v = m("og:description"); !v.empty()) a.summary = v;
    else if (auto d = m("description"); !d.empty() && a.summary.empty()) a.summary = d;
    if (auto v = m("og:site_name"); !v.empty()) a.source = v;
    if (auto v = m("og:url"); !v.empty()) a.url = v;
    if (!meta.canonical.empty()) a.url = meta.canonical;
    if (auto v = m("author"); !v.empty()) a.byline = v;
    auto micro = [&](const char* k) {
        auto it = meta.microdata.find(k);
        return it == meta.microdata.end() ? std::string() : it->second;
    };
    if (auto v = micro("headline"); !v.empty()) a.title = v;
    // A <time datetime> with a time of day is more exact than a date read from the text.
    if (auto t = parse_time(meta.first_time); t && (!a.published || meta.first_time.find(':') != std::string::npos))
        a.published = t;
    if (auto t = parse_time(micro("datePublished"))) a.published = t;
    if (auto t = parse_time(micro("dateModified"))) a.updated = t;
    if (auto t = parse_time(m("article:published_time"))) a.published = t;
    if (auto t = parse_time(m("article:modified_time"))) a.updated = t;
    if (!meta.article_tags.empty()) a.topics = meta.article_tags;
    else if (auto k = m("keywords"); !k.empty() && a.topics.empty()) a.topics = json_list(nlohmann::json(k));
    if (!meta.html_lang.empty()) a.language = lower(meta.html_lang.substr(0, meta.html_lang.find('-')));
    for (const auto& block : meta.json_ld) {
        const nlohmann::json j = nlohmann::json::parse(block, nullptr, false);
        if (j.is_discarded()) continue;
        if (const auto* article = find_article(j)) {
            fill_from_json_ld(*article, a);
            break;
        }
    }
    if (a.title.empty() && a.body.empty()) return SkipReason{origin, "no headline or article text in the HTML"};
    // dateModified equal to datePublished says the article was never updated.
    if (a.updated && a.published && a.updated->utc_seconds == a.published->utc_seconds) a.updated.reset();
    return a;
}

}  // namespace newshound::indexer
