// Feed reader on expat (a streaming XML parser: no tree, bounded memory per item).
#include "indexer/readers/feed_reader.h"

#include "indexer/extract/date_parser.h"
#include "indexer/readers/html_reader.h"

#include <expat.h>
#include <memory>
#include <vector>

namespace newshound::indexer {

namespace {

// An element's text longer than this is cut: no feed item needs more, and it bounds memory.
constexpr size_t MAX_FIELD_BYTES = 4 * 1024 * 1024;

// "http://www.w3.org/2005/Atom entry" → "entry" (expat reports namespaced names with a separator).
std::string local_name(const char* name) {
    std::string n(name);
    const auto sep = n.rfind('|');
    return sep == std::string::npos ? n : n.substr(sep + 1);
}

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

struct State {
    const std::string* origin = nullptr;
    const ArticleSink* sink = nullptr;
    std::string channel_title, channel_language;
    bool in_item = false;
    int item_depth = 0, depth = 0, items = 0;
    std::vector<std::string> path;  // local names from the root
    std::string text;               // character data of the current element
    schema::Article item;
    std::string content_html, description_html, date_text, updated_text, link_alternate, link_any;

    void start(const std::string& name, const char** attrs) {
        ++depth;
        path.push_back(name);
        text.clear();
        if ((name == "item" || name == "entry") && !in_item) {
            in_item = true;
            item_depth = depth;
            item = schema::Article{};
            content_html.clear();
            description_html.clear();
            date_text.clear();
            updated_text.clear();
            link_alternate.clear();
            link_any.clear();
        }
        if (!in_item) return;
        std::string rel, href, term;
        for (int i = 0; attrs[i]; i += 2) {
            const std::string key = local_name(attrs[i]);
            if (key == "rel") rel = attrs[i + 1];
            if (key == "href") href = attrs[i + 1];
            if (key == "term") term = attrs[i + 1];
        }
        if (name == "link" && !href.empty()) {  // Atom <link href=…>
            if (rel.empty() || rel == "alternate") link_alternate = href;
            else if (link_any.empty()) link_any = href;
        }
        if (name == "category" && !term.empty()) item.topics.push_back(term);  // Atom <category term=…>
    }

    void end(const std::string& name) {
        const std::string value = trim(text);
        const bool item_child = in_item && depth == item_depth + 1;
        const bool author_name = in_item && name == "name" && path.size() >= 2 && path[path.size() - 2] == "author";
        if (author_name && item.byline.empty()) {
            item.byline = value;  // Atom <author><name>
        } else if (item_child) {
            if (name == "title") item.title = value;
            else if (name == "link" && !value.empty()) link_alternate = value;  // RSS <link>url</link>
            else if (name == "guid" && item.url.empty() && value.rfind("http", 0) == 0) link_any = value;
            else if (name == "id" && link_any.empty() && value.rfind("http", 0) == 0) link_any = value;
            else if (name == "pubDate" || name == "published" || name == "date" || name == "issued") date_text = value;
            else if (name == "updated" || name == "modified") updated_text = value;
            else if (name == "category" && !value.empty()) item.topics.push_back(value);
            else if (name == "description" || name == "summary") description_html = value;
            else if (name == "encoded" || name == "content") content_html = value;
            else if (name == "creator" && item.byline.empty()) item.byline = value;  // dc:creator
            else if (name == "language") item.language = value;
        } else if (!in_item && name == "title" && channel_title.empty() && depth <= 3) {
            channel_title = value;
        } else if (!in_item && name == "language" && depth <= 3) {
            channel_language = value;
        }
        if (in_item && depth == item_depth) finish_item();
        path.pop_back();
        --depth;
        text.clear();
    }

    void finish_item() {
        in_item = false;
        ++items;
        const std::string where = *origin + "#" + std::to_string(items);
        item.url = !link_alternate.empty() ? link_alternate : link_any;
        item.source = channel_title;
        if (item.language.empty()) item.language = channel_language;
        if (auto dash = item.language.find('-'); dash != std::string::npos) item.language.resize(dash);
        for (char& c : item.language) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (!date_text.empty()) item.published = parse_news_date(date_text);
        if (!updated_text.empty()) item.updated = parse_news_date(updated_text);
        if (!item.published) item.published = item.updated;
        const std::string description = html_fragment_to_text(description_html);
        const std::string content = html_fragment_to_text(content_html);
        if (content.size() > description.size()) {
            item.body = content;
            if (description != content) item.summary = description;
        } else {
            item.body = description;
        }
        if (item.title.empty() && item.body.empty()) {
            (*sink)(SkipReason{where, "feed item has no title and no text"}, where);
            return;
        }
        (*sink)(std::move(item), where);
    }
};

extern "C" void on_start(void* data, const XML_Char* name, const XML_Char** attrs) {
    static_cast<State*>(data)->start(local_name(name), attrs);
}
extern "C" void on_end(void* data, const XML_Char* name) { static_cast<State*>(data)->end(local_name(name)); }
extern "C" void on_text(void* data, const XML_Char* s, int len) {
    auto* st = static_cast<State*>(data);
    if (st->text.size() < MAX_FIELD_BYTES) st->text.append(s, static_cast<size_t>(len));
}

struct ParserDeleter {
    void operator()(XML_Parser p) const { XML_ParserFree(p); }
};

}  // namespace

void read_feed(std::string_view bytes, const std::string& origin, const ArticleSink& sink) {
    if (bytes.size() > MAX_PAGE_BYTES) {
        sink(SkipReason{origin, "feed larger than " + std::to_string(MAX_PAGE_BYTES) + " bytes"}, origin);
        return;
    }
    std::unique_ptr<std::remove_pointer_t<XML_Parser>, ParserDeleter> parser(XML_ParserCreateNS(nullptr, '|'));
    if (!parser) throw std::bad_alloc();
    State state;
    state.origin = &origin;
    state.sink = &sink;
    XML_SetUserData(parser.get(), &state);
    XML_SetElementHandler(parser.get(), on_start, on_end);
    XML_SetCharacterDataHandler(parser.get(), on_text);
    if (XML_Parse(parser.get(), bytes.data(), static_cast<int>(bytes.size()), XML_TRUE) == XML_STATUS_ERROR) {
        const std::string where = origin + ":" + std::to_string(XML_GetCurrentLineNumber(parser.get()));
        sink(SkipReason{where, std::string("feed is not well-formed XML: ") + XML_ErrorString(XML_GetErrorCode(parser.get()))},
             where);
    }
}

}  // namespace newshound::indexer
