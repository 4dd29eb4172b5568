// Snippets: the passage of a stored text that best shows the query words, with those words marked.
#pragma once

#include "schema/analyzer.h"

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace newshound::searcher {

/// A run of original text; `highlighted` runs are query words. Renderers escape `text` for their output.
struct Fragment {
    std::string text;
    bool highlighted = false;
};
using Highlighted = std::vector<Fragment>;

/// What to mark: a token is marked when its normalized form is in `terms` or its stem in `stems`.
struct HighlightSet {
    const std::set<std::string>* terms = nullptr;
    const std::set<std::string>* stems = nullptr;
    const std::set<std::string>* prefixes = nullptr;  ///< words starting with one of these ("ukrain*")
};

/// The best window of about `window_words` words of `text` (most distinct query words, then most
/// occurrences, then earliest); "…" marks cut ends. Without any query word, the start of the text.
/// Cuts fall on word boundaries, so no UTF-8 character is split.
[[nodiscard]] Highlighted make_snippet(std::string_view text, std::string_view language, const HighlightSet& highlight,
                                       schema::Analyzer& analyzer, size_t window_words = 30);

/// The whole of `text` (a title) with query words marked.
[[nodiscard]] Highlighted highlight_all(std::string_view text, std::string_view language, const HighlightSet& highlight,
                                        schema::Analyzer& analyzer);

/// Escapes &, <, >, " and ' for HTML text and attribute values.
[[nodiscard]] std::string html_escape(std::string_view text);

/// Safe HTML: every fragment escaped, highlighted ones wrapped in <mark>…</mark>.
[[nodiscard]] std::string to_html(const Highlighted& h);

/// Plain text of a snippet, with marks as [[word]] (for terminals and logs).
[[nodiscard]] std::string to_marked_text(const Highlighted& h, std::string_view open = "[", std::string_view close = "]");

}  // namespace newshound::searcher
