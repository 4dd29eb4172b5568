// Snippets: the passage of a stored text that best shows the query words, with those words marked.
#pragma once

#include "schema/analyzer.h"
#include "schema/word_offsets.h"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>
#include <xapian.h>

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
/// Cuts fall on word boundaries, so no UTF-8 character is split. Analyses the first
/// MAX_SNIPPET_SOURCE_BYTES of the text: for records stored without a word offset table.
[[nodiscard]] Highlighted make_snippet(std::string_view text, std::string_view language, const HighlightSet& highlight,
                                       schema::Analyzer& analyzer, size_t window_words = 30);

/// The words that mark a query word in articles of a language, as the index folds them: the query's words,
/// the word forms the indexer listed under the query's match keys (schema::word_forms_key, from the
/// synonym table), the key itself when it is such a word, and words starting with a query prefix. Made
/// once per results page; holds references to its arguments. Not thread-safe.
class QueryWords {
public:
    struct Language {
        std::string code;
        std::vector<std::pair<std::string, std::uint32_t>> words;  ///< sorted folded words and their keys
        std::uint64_t lengths = 0;                                 ///< length_bit of every word's byte length
        std::unordered_map<std::string, std::optional<std::uint32_t>> folded;  ///< non-ASCII words met so far
    };
    QueryWords(const Xapian::Database& db, const HighlightSet& highlight, schema::Analyzer& analyzer);
    [[nodiscard]] Language& in(std::string_view language);
    /// Which query word (a key index: distinct keys score a snippet window) the word `word` of a stored
    /// text is, or nullopt. ASCII words are compared without ICU.
    [[nodiscard]] std::optional<std::uint32_t> match(std::string_view word, Language& language);
    [[nodiscard]] bool has_prefixes() const { return highlight_.prefixes && !highlight_.prefixes->empty(); }
    [[nodiscard]] size_t key_count() const { return keys_.size(); }

private:
    static constexpr std::uint64_t length_bit(size_t bytes) { return std::uint64_t{1} << (bytes < 63 ? bytes : 63); }
    /// Bounds the per-page cache of folded non-ASCII words.
    static constexpr size_t MAX_FOLDED_WORDS = 100000;
    std::optional<std::uint32_t> key_of(const std::string& folded, Language& language);

    const Xapian::Database& db_;
    HighlightSet highlight_;
    schema::Analyzer& analyzer_;
    std::vector<std::string> keys_;
    std::map<std::string, Language, std::less<>> by_language_;
    std::string lowered_;  // reused by match()
};

/// The same snippet without analysing the text: the words' places come from `offsets`, the table stored
/// with `text` at index time, so only the words themselves are compared with the query's (ASCII ones byte
/// for byte). nullopt when `offsets` does not fit `text`.
[[nodiscard]] std::optional<Highlighted> make_snippet(std::string_view text, const schema::WordOffsets& offsets,
                                                      std::string_view language, QueryWords& words,
                                                      size_t window_words = 30);

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
