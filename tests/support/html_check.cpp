#include "support/html_check.h"

#include <algorithm>
#include <cctype>
#include <gumbo.h>
#include <string_view>

namespace newshound::test {

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

// Browsers ignore leading spaces and control characters, and tabs and newlines inside the scheme.
std::string scheme_of(std::string_view url) {
    std::string out;
    for (unsigned char c : url) {
        if (c <= 0x20) continue;
        if (c == ':') return lower(out);
        out += static_cast<char>(c);
        if (out.size() > 16) break;
    }
    return "";
}

std::string tag_name(const GumboElement& e) {
    if (e.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(e.tag);
    GumboStringPiece original = e.original_tag;
    gumbo_tag_from_original_text(&original);
    return lower(std::string(original.data, original.length));
}

void walk(const GumboNode* node, std::vector<std::string>& found) {
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) return;
    if (node->type == GUMBO_NODE_ELEMENT) {
        const GumboElement& e = node->v.element;
        const std::string tag = tag_name(e);
        static constexpr std::string_view NEVER_EMITTED[] = {"img", "iframe", "object", "embed", "b", "i", "style", "base", "frame"};
        if (std::find(std::begin(NEVER_EMITTED), std::end(NEVER_EMITTED), tag) != std::end(NEVER_EMITTED))
            found.push_back("<" + tag + "> element");
        if (tag == "script") {
            const GumboAttribute* src = gumbo_get_attribute(&e.attributes, "src");
            if (!src || std::string_view(src->value).rfind("/static/", 0) != 0 || e.children.length > 0)
                found.push_back("inline or foreign <script>");
        }
        if (tag == "meta") {
            const GumboAttribute* equiv = gumbo_get_attribute(&e.attributes, "http-equiv");
            if (equiv && lower(equiv->value) == "refresh") found.push_back("<meta http-equiv=refresh>");
        }
        for (unsigned i = 0; i < e.attributes.length; ++i) {
            const auto* a = static_cast<const GumboAttribute*>(e.attributes.data[i]);
            const std::string name = lower(a->name);
            if (name.rfind("on", 0) == 0) found.push_back("<" + tag + " " + name + "=...> event handler");
            if (name == "href" || name == "src" || name == "action" || name == "formaction" || name == "xlink:href") {
                const std::string scheme = scheme_of(a->value);
                if (scheme == "javascript" || scheme == "data" || scheme == "vbscript")
                    found.push_back("<" + tag + " " + name + "=\"" + a->value + "\">");
            }
        }
    }
    const GumboVector& children = node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) walk(static_cast<const GumboNode*>(children.data[i]), found);
}

}  // namespace

std::vector<std::string> active_content(const std::string& html) {
    GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
    std::vector<std::string> found;
    walk(out->document, found);
    gumbo_destroy_output(&kGumboDefaultOptions, out);
    return found;
}

}  // namespace newshound::test
