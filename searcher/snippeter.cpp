// Snippet selection from analyzer tokens: offsets point into the stored text, so marks land on the
// original words whatever normalization or stemming did.
#include "searcher/snippeter.h"

#include <algorithm>
#include <map>

namespace newshound::searcher {

namespace {

// Snippets come from the start of long texts: analysing a whole book-length body per hit would make
// the per-hit cost unbounded, and the lead of a news story is where its best passage usually is.
constexpr size_t MAX_SNIPPET_SOURCE_BYTES = 64 * 1024;
const std::string ELLIPSIS = "\xE2\x80\xA6";

bool matches(const schema::Token& t, const HighlightSet& h) {
    if ((h.terms && h.terms->count(t.term)) || (h.stems && h.stems->count(t.stem))) return true;
    if (h.prefixes)
        for (const auto& p : *h.prefixes)
            if (t.term.compare(0, p.size(), p) == 0) return true;
    return false;
}

// Appends text[begin,end) to the fragments, marking the tokens that match.
void emit(std::string_view text, size_t begin, size_t end, const std::vector<schema::Token>& tokens, size_t first,
          size_t last, const HighlightSet& h, Highlighted& out) {
    size_t at = begin;
    auto plain = [&](size_t to) {
        if (to <= at) return;
        if (!out.empty() && !out.back().highlighted) out.back().text.append(text.substr(at, to - at));
        else out.push_back({std::string(text.substr(at, to - at)), false});
    };
    for (size_t i = first; i < last; ++i) {
        const auto& t = tokens[i];
        if (!matches(t, h)) continue;
        plain(t.byte_begin);
        out.push_back({std::string(text.substr(t.byte_begin, t.byte_end - t.byte_begin)), true});
        at = t.byte_end;
    }
    plain(end);
}

// Cut before a UTF-8 continuation byte would split a character; step back to its lead byte.
size_t utf8_floor(std::string_view s, size_t n) {
    if (n >= s.size()) return s.size();
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    return n;
}

}  // namespace

Highlighted make_snippet(std::string_view text, std::string_view language, const HighlightSet& h,
                         schema::Analyzer& analyzer, size_t window_words) {
    Highlighted out;
    text = text.substr(0, utf8_floor(text, MAX_SNIPPET_SOURCE_BYTES));
    std::vector<schema::Token> tokens;
    analyzer.analyze(text, language, tokens);
    if (tokens.empty()) return out;
    window_words = std::max<size_t>(1, std::min(window_words, tokens.size()));

    // Slide a window of window_words tokens; score = (distinct matched words, matched occurrences).
    std::map<std::string, int> in_window;
    int occurrences = 0;
    auto add = [&](size_t i, int d) {
        if (!matches(tokens[i], h)) return;
        occurrences += d;
        auto& n = in_window[tokens[i].stem];
        n += d;
        if (n == 0) in_window.erase(tokens[i].stem);
    };
    for (size_t i = 0; i < window_words; ++i) add(i, +1);
    size_t best_start = 0;
    std::pair<size_t, int> best{in_window.size(), occurrences};
    for (size_t start = 1; start + window_words <= tokens.size(); ++start) {
        add(start - 1, -1);
        add(start + window_words - 1, +1);
        const std::pair<size_t, int> score{in_window.size(), occurrences};
        if (score > best) {
            best = score;
            best_start = start;
        }
    }
    // Start a little before the first match so it has some context, when the text allows.
    constexpr size_t LEAD_WORDS = 4;
    if (best.first > 0 && best_start > 0) {
        size_t first_match = best_start;
        while (first_match < best_start + window_words && !matches(tokens[first_match], h)) ++first_match;
        if (first_match - best_start < LEAD_WORDS) best_start = first_match >= LEAD_WORDS ? first_match - LEAD_WORDS : 0;
    }
    const size_t last = std::min(tokens.size(), best_start + window_words);
    const size_t begin = best_start == 0 ? 0 : tokens[best_start].byte_begin;
    const size_t end = last == tokens.size() ? text.size() : tokens[last - 1].byte_end;
    if (begin > 0) out.push_back({ELLIPSIS, false});
    emit(text, begin, end, tokens, best_start, last, h, out);
    if (end < text.size()) {
        if (!out.empty() && !out.back().highlighted) out.back().text.append(ELLIPSIS);
        else out.push_back({ELLIPSIS, false});
    }
    return out;
}

Highlighted highlight_all(std::string_view text, std::string_view language, const HighlightSet& h,
                          schema::Analyzer& analyzer) {
    Highlighted out;
    std::vector<schema::Token> tokens;
    analyzer.analyze(text, language, tokens);
    emit(text, 0, text.size(), tokens, 0, tokens.size(), h, out);
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
