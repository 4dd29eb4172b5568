// Snippet selection over word ranges: byte offsets into the stored text, so marks land on the original
// words whatever normalization or stemming did. The ranges come from the word offset table stored at index
// time, or from analysing the text for records without one.
#include "searcher/snippeter.h"

#include "schema/terms.h"

#include <algorithm>
#include <map>
#include <span>

namespace newshound::searcher {

namespace {

const std::string ELLIPSIS = "\xE2\x80\xA6";
/// A snippet starts this many words before its first query word when the text allows, for context.
constexpr size_t LEAD_WORDS = 4;

/// One occurrence of a query word: its word index in the text and which query word it is (the index of
/// its match key; distinct keys are what a window is scored on first).
struct WordMatch {
    size_t word = 0;
    std::uint32_t key = 0;
};

bool matches_term(const std::string& term, const HighlightSet& h) {
    if (h.terms && h.terms->count(term)) return true;
    if (h.prefixes)
        for (const auto& p : *h.prefixes)
            if (term.compare(0, p.size(), p) == 0) return true;
    return false;
}

std::uint32_t key_index(std::vector<std::string>& keys, const std::string& key) {
    const auto it = std::find(keys.begin(), keys.end(), key);
    if (it != keys.end()) return static_cast<std::uint32_t>(it - keys.begin());
    keys.push_back(key);
    return static_cast<std::uint32_t>(keys.size() - 1);
}

// Appends text[begin,end) to the fragments, marking the matched words (ascending, all inside).
void emit(std::string_view text, size_t begin, size_t end, const std::vector<schema::WordRange>& ranges,
          std::span<const WordMatch> marked, Highlighted& out) {
    size_t at = begin;
    auto plain = [&](size_t to) {
        if (to <= at) return;
        if (!out.empty() && !out.back().highlighted) out.back().text.append(text.substr(at, to - at));
        else out.push_back({std::string(text.substr(at, to - at)), false});
    };
    for (const auto& m : marked) {
        const auto& r = ranges[m.word];
        plain(r.begin);
        out.push_back({std::string(text.substr(r.begin, r.end - r.begin)), true});
        at = r.end;
    }
    plain(end);
}

// The best window of `window_words` words: most distinct query words, then most occurrences, then
// earliest; started a little before its first match. `matches` ascend by word; `complete` says the
// ranges reach the end of `text`.
Highlighted snippet_of(std::string_view text, const std::vector<schema::WordRange>& ranges, bool complete,
                       const std::vector<WordMatch>& matches, size_t key_count, size_t window_words) {
    Highlighted out;
    const size_t n = ranges.size();
    if (n == 0) return out;
    const size_t w = std::clamp<size_t>(window_words, 1, n);

    // A window's score only rises where a match enters it, so the earliest best window starts at 0 or
    // where some match becomes its last word: only those starts are scored, in ascending order.
    std::vector<int> in_window(key_count, 0);
    size_t distinct = 0, lo = 0, hi = 0;
    size_t best_start = 0;
    std::pair<size_t, size_t> best{0, 0};
    auto score_at = [&](size_t start) {
        for (; hi < matches.size() && matches[hi].word < start + w; ++hi)
            if (in_window[matches[hi].key]++ == 0) ++distinct;
        for (; lo < hi && matches[lo].word < start; ++lo)
            if (--in_window[matches[lo].key] == 0) --distinct;
        const std::pair<size_t, size_t> score{distinct, hi - lo};
        if (score > best) {
            best = score;
            best_start = start;
        }
    };
    score_at(0);
    for (const auto& m : matches)
        if (m.word + 1 > w) score_at(std::min(m.word + 1 - w, n - w));

    const auto first_at_or_after = [&](size_t word) {
        return std::partition_point(matches.begin(), matches.end(), [&](const WordMatch& m) { return m.word < word; });
    };
    if (best.first > 0 && best_start > 0) {
        const size_t first_match = first_at_or_after(best_start)->word;
        if (first_match - best_start < LEAD_WORDS) best_start = first_match >= LEAD_WORDS ? first_match - LEAD_WORDS : 0;
    }
    const size_t last = std::min(n, best_start + w);
    const size_t begin = best_start == 0 ? 0 : ranges[best_start].begin;
    const size_t end = last == n && complete ? text.size() : ranges[last - 1].end;
    if (begin > 0) out.push_back({ELLIPSIS, false});
    const auto from = first_at_or_after(best_start), to = first_at_or_after(last);
    emit(text, begin, end, ranges,
         std::span<const WordMatch>(matches).subspan(static_cast<size_t>(from - matches.begin()), static_cast<size_t>(to - from)),
         out);
    if (end < text.size()) {
        if (!out.empty() && !out.back().highlighted) out.back().text.append(ELLIPSIS);
        else out.push_back({ELLIPSIS, false});
    }
    return out;
}

// Cut before a UTF-8 continuation byte would split a character; step back to its lead byte.
size_t utf8_floor(std::string_view s, size_t n) {
    if (n >= s.size()) return s.size();
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    return n;
}

// The analysed words of `text` as ranges (by word index) and the matches among them.
void analyse_matches(std::string_view text, std::string_view language, const HighlightSet& h, schema::Analyzer& analyzer,
                     std::vector<schema::WordRange>& ranges, std::vector<WordMatch>& matches, std::vector<std::string>& keys) {
    std::vector<schema::Token> tokens;
    constexpr Xapian::termpos FIRST = 1;
    analyzer.analyze(text, language, tokens, FIRST);
    ranges.reserve(tokens.size());
    for (const auto& t : tokens) {
        // A word too long to index still takes its place, as in the stored table (schema/word_offsets.h).
        while (ranges.size() < t.position - FIRST) ranges.push_back({t.byte_begin, t.byte_begin});
        if (matches_term(t.term, h) || (h.stems && h.stems->count(t.stem)))
            matches.push_back({ranges.size(), key_index(keys, t.stem)});
        ranges.push_back({t.byte_begin, t.byte_end});
    }
}

}  // namespace

Highlighted make_snippet(std::string_view text, std::string_view language, const HighlightSet& h,
                         schema::Analyzer& analyzer, size_t window_words) {
    text = text.substr(0, utf8_floor(text, schema::MAX_SNIPPET_SOURCE_BYTES));
    std::vector<schema::WordRange> ranges;
    std::vector<WordMatch> matches;
    std::vector<std::string> keys;
    analyse_matches(text, language, h, analyzer, ranges, matches, keys);
    return snippet_of(text, ranges, true, matches, keys.size(), window_words);
}

QueryWords::QueryWords(const Xapian::Database& db, const HighlightSet& highlight, schema::Analyzer& analyzer)
    : db_(db), highlight_(highlight), analyzer_(analyzer) {}

QueryWords::Language& QueryWords::in(std::string_view language) {
    if (const auto it = by_language_.find(language); it != by_language_.end()) return it->second;
    Language& l = by_language_.emplace(std::string(language), Language{}).first->second;
    l.code = language;
    std::map<std::string, std::uint32_t> words;  // a word found two ways is listed once
    if (highlight_.terms)
        for (const auto& t : *highlight_.terms) words.emplace(t, key_index(keys_, analyzer_.stem(t, l.code)));
    if (highlight_.stems)
        for (const auto& s : *highlight_.stems) {
            const std::uint32_t k = key_index(keys_, s);
            if (analyzer_.stem(s, l.code) == s) words.emplace(s, k);  // the key is itself a word with that key
            const std::string forms_key = schema::word_forms_key(l.code, s);
            if (forms_key.empty()) continue;
            for (auto f = db_.synonyms_begin(forms_key); f != db_.synonyms_end(forms_key); ++f) words.emplace(*f, k);
        }
    for (auto& [word, key] : words) {
        l.lengths |= length_bit(word.size());
        l.words.emplace_back(word, key);
    }
    return l;
}

std::optional<std::uint32_t> QueryWords::key_of(const std::string& folded, Language& l) {
    const auto it = std::lower_bound(l.words.begin(), l.words.end(), folded,
                                     [](const auto& w, const std::string& f) { return w.first < f; });
    if (it != l.words.end() && it->first == folded) return it->second;
    if (highlight_.prefixes)
        for (const auto& p : *highlight_.prefixes)
            if (folded.starts_with(p)) return key_index(keys_, analyzer_.stem(folded, l.code));
    return std::nullopt;
}

std::optional<std::uint32_t> QueryWords::match(std::string_view word, Language& l) {
    const bool ascii = std::all_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (ascii) {
        // Folding ASCII is lower-casing byte for byte: a word of a length no query word has cannot match.
        if (!(l.lengths & length_bit(word.size())) && !has_prefixes()) return std::nullopt;
        lowered_.assign(word);
        for (char& c : lowered_)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
        return key_of(lowered_, l);
    }
    // Other words are folded by ICU once per results page.
    lowered_.assign(word);
    if (const auto it = l.folded.find(lowered_); it != l.folded.end()) return it->second;
    const auto key = key_of(analyzer_.fold(word), l);
    if (l.folded.size() < MAX_FOLDED_WORDS) l.folded.emplace(lowered_, key);
    return key;
}

std::optional<Highlighted> make_snippet(std::string_view text, const schema::WordOffsets& offsets, std::string_view language,
                                        QueryWords& words, size_t window_words) {
    const auto& ranges = offsets.ranges;
    if (!ranges.empty() && ranges.back().end > text.size()) return std::nullopt;  // not this text's table
    QueryWords::Language& l = words.in(language);
    std::vector<WordMatch> matches;
    for (size_t i = 0; i < ranges.size(); ++i) {
        const auto& r = ranges[i];
        if (r.end == r.begin) continue;  // a word too long to be indexed
        if (const auto key = words.match(text.substr(r.begin, r.end - r.begin), l)) matches.push_back({i, *key});
    }
    return snippet_of(text, ranges, offsets.complete, matches, words.key_count(), window_words);
}

Highlighted highlight_all(std::string_view text, std::string_view language, const HighlightSet& h,
                          schema::Analyzer& analyzer) {
    Highlighted out;
    std::vector<schema::WordRange> ranges;
    std::vector<WordMatch> matches;
    std::vector<std::string> keys;
    analyse_matches(text, language, h, analyzer, ranges, matches, keys);
    emit(text, 0, text.size(), ranges, matches, out);
    return out;
}

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string to_html(const Highlighted& h) {
    std::string s;
    for (const auto& f : h) {
        if (f.highlighted) s.append("<mark>").append(html_escape(f.text)).append("</mark>");
        else s.append(html_escape(f.text));
    }
    return s;
}

std::string to_marked_text(const Highlighted& h, std::string_view open, std::string_view close) {
    std::string s;
    for (const auto& f : h) {
        if (f.highlighted) s.append(open).append(f.text).append(close);
        else s.append(f.text);
    }
    return s;
}

}  // namespace newshound::searcher
