// The line classifier. Every line gets features (word count, sentence ending, glued link text, cue words);
// roles follow from the features and from where the line stands relative to the title and the body.
#include "indexer/extract/page_text_extractor.h"

#include "indexer/extract/date_parser.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <optional>
#include <regex>
#include <string>
#include <vector>

namespace newshound::indexer {

namespace {

// A headline has at least this many words; fewer is a section name, a logo or a button.
constexpr int MIN_TITLE_WORDS = 4;
constexpr int MAX_TITLE_WORDS = 30;
// A standfirst is a sentence-sized line; shorter lines after the title are furniture.
constexpr int MIN_SUMMARY_WORDS = 8;
// A paragraph that starts or resumes the body must be a real sentence of this many words; once inside
// the body, shorter sentences (quotes, one-liners) are kept.
constexpr int MIN_OPENING_PROSE_WORDS = 6;
constexpr int MIN_CONTINUING_PROSE_WORDS = 3;
// Without a sentence ending, only a long line with sentence breaks inside counts as prose.
constexpr int MIN_UNTERMINATED_PROSE_WORDS = 15;
// "TodayHappy OnamWishes": link texts pasted together without spaces. Two joins mark a link list.
constexpr int MIN_GLUED_JOINS = 2;
// Block headers and furniture are short; a longer line with the same words is content.
constexpr int MAX_HEADER_WORDS = 6;
// A date line ("2 min read Last Updated : Aug 27 2025 | 10:57 PM IST") is short.
constexpr int MAX_DATE_LINE_WORDS = 16;
// A menu line has at least this many items of at most this many words.
constexpr int MIN_MENU_ITEMS = 3;
constexpr size_t MAX_MENU_ITEM_WORDS = 3;
// A title is looked for among this many non-blank lines from the top.
constexpr size_t TITLE_SEARCH_LINES = 40;

// Headers of blocks that list other stories; the lines after them are links until a real paragraph.
constexpr std::array<std::string_view, 31> BLOCK_HEADERS = {
    "also read",       "read also",          "read more",         "related",           "related stories",
    "related news",    "related articles",   "related content",   "more from this section", "more stories",
    "more news",       "recommended",        "recommended stories", "trending",        "trending now",
    "most read",       "most popular",       "popular",           "explore news",      "you may also like",
    "also watch",      "watch",              "latest news",       "top stories",       "further reading",
    "see also",        "more on this story", "lesen sie auch",    "mehr zum thema",    "à lire aussi",
    "other stories",
};

// Words marking site furniture (prompts, players, sharing) in a short line.
constexpr std::array<std::string_view, 14> FURNITURE_CUES = {
    "listen to this article", "telegram channel", "whatsapp channel", "subscribe", "newsletter",
    "follow us",              "sign up",          "advertisement",    "share this", "download the app",
    "click here",             "notification",     "log in",           "min read",
};

constexpr std::array<std::string_view, 7> PUBLISHED_CUES = {
    "published", "posted", "first published", "ver\xC3\xB6" "ffentlicht", "publi\xC3\xA9", "publicado", "pubblicato",
};
constexpr std::array<std::string_view, 6> UPDATED_CUES = {
    "updated", "modified", "aktualisiert", "mis \xC3\xA0 jour", "actualizado", "aggiornato",
};

constexpr std::array<std::string_view, 21> AGENCIES = {
    "Reuters", "AP", "AFP", "PTI", "IANS", "ANI", "Bloomberg", "dpa", "Xinhua", "TASS", "UNI",
    "EFE",     "ANSA", "Kyodo", "Yonhap", "AAP", "KNA", "APA", "Anadolu", "WAM", "SPA",
};

struct Line {
    std::string text;
    int words = 0;
    bool ends_sentence = false;
    bool inner_sentence_break = false;
    int glued_joins = 0;
    std::string key;  // ASCII lower-cased, punctuation as single spaces, for cue matching
};

std::vector<std::string> split_words(std::string_view s);

std::string_view trim(std::string_view s) {
    auto is_space_at_front = [](std::string_view v) -> size_t {
        if (v.empty()) return 0;
        const unsigned char c = static_cast<unsigned char>(v[0]);
        if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') return 1;
        if (v.size() >= 2 && c == 0xC2 && static_cast<unsigned char>(v[1]) == 0xA0) return 2;  // NBSP
        if (v.size() >= 3 && c == 0xE2 && static_cast<unsigned char>(v[1]) == 0x80 &&
            (static_cast<unsigned char>(v[2]) == 0x8B || static_cast<unsigned char>(v[2]) == 0xAF))
            return 3;  // ZWSP, narrow NBSP
        return 0;
    };
    auto is_space_at_back = [](std::string_view v) -> size_t {
        if (v.empty()) return 0;
        const unsigned char c = static_cast<unsigned char>(v.back());
        if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') return 1;
        if (v.size() >= 2 && c == 0xA0 && static_cast<unsigned char>(v[v.size() - 2]) == 0xC2) return 2;
        if (v.size() >= 3 && static_cast<unsigned char>(v[v.size() - 3]) == 0xE2 &&
            static_cast<unsigned char>(v[v.size() - 2]) == 0x80 && (c == 0x8B || c == 0xAF))
            return 3;
        return 0;
    };
    while (size_t n = is_space_at_front(s)) s.remove_prefix(n);
    while (size_t n = is_space_at_back(s)) s.remove_suffix(n);
    return s;
}

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// True if the line ends like a sentence, looking past closing quotes and brackets.
bool ends_like_sentence(std::string_view s) {
    static constexpr std::array<std::string_view, 9> CLOSERS = {"\"", "'", ")", "]", "\xE2\x80\x9D", "\xE2\x80\x99",
                                                                "\xC2\xBB", "\xE3\x80\x8D", "\xE3\x80\x8F"};
    static constexpr std::array<std::string_view, 10> ENDINGS = {
        ".", "!", "?", "\xE2\x80\xA6", "\xE0\xA5\xA4", "\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F", "\xD8\x9F",
        "\xDB\x94"};  // … । 。 ！ ？ ؟ ۔
    bool stripped = true;
    while (stripped && !s.empty()) {
        stripped = false;
        for (auto c : CLOSERS)
            if (ends_with(s, c)) {
                s.remove_suffix(c.size());
                stripped = true;
            }
        s = trim(s);
    }
    for (auto e : ENDINGS)
        if (ends_with(s, e)) return true;
    return false;
}

Line make_line(std::string_view raw) {
    Line l;
    l.text = std::string(trim(raw));
    bool in_word = false;
    for (size_t i = 0; i < l.text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(l.text[i]);
        const bool space = c == ' ' || c == '\t';
        if (!space && !in_word) ++l.words;
        in_word = !space;
        if (i > 0 && std::islower(static_cast<unsigned char>(l.text[i - 1])) && std::isupper(c)) ++l.glued_joins;
        if ((c == '.' || c == '?' || c == '!') && i + 2 < l.text.size() && l.text[i + 1] == ' ' &&
            std::isupper(static_cast<unsigned char>(l.text[i + 2])))
            l.inner_sentence_break = true;
        // Non-ASCII bytes are kept whole so cue words such as "publié" or "veröffentlicht" match.
        if (std::isalnum(c) || c >= 0x80) l.key += static_cast<char>(std::tolower(c));
        else if (!l.key.empty() && l.key.back() != ' ') l.key += ' ';
    }
    while (!l.key.empty() && l.key.back() == ' ') l.key.pop_back();
    l.ends_sentence = ends_like_sentence(l.text);
    return l;
}

bool contains(std::string_view hay, std::string_view needle) { return hay.find(needle) != std::string_view::npos; }

bool is_block_header(const Line& l) {
    if (l.words == 0 || l.words > MAX_HEADER_WORDS) return false;
    return std::find(BLOCK_HEADERS.begin(), BLOCK_HEADERS.end(), l.key) != BLOCK_HEADERS.end();
}

bool is_furniture(const Line& l) {
    if (l.words > 25) return false;
    return std::any_of(FURNITURE_CUES.begin(), FURNITURE_CUES.end(), [&](auto cue) { return contains(l.key, cue); });
}

bool is_caption(const Line& l) {
    static const std::regex re(R"((^|[\s|(])(Photo|Photos|Image|Picture|Photograph|File photo|Credit|Foto|Bild)\s*:)",
                               std::regex::icase);
    return std::regex_search(l.text, re);
}

bool is_copyright(const Line& l) {
    return contains(l.text, "\xC2\xA9") || l.key.rfind("copyright", 0) == 0 || contains(l.key, "all rights reserved");
}

bool is_link_list(const Line& l) { return l.glued_joins >= MIN_GLUED_JOINS; }

bool is_breadcrumb(const Line& l) {
    return contains(l.text, " / ") || contains(l.text, " > ") || contains(l.text, " \xC2\xBB ");
}

// "Markets | Economy | World": a menu of short items between separators.
bool is_menu(const Line& l) {
    static const std::regex sep(R"(\s+(?:\||\xC2\xB7|\xE2\x80\xA2)\s+)");
    int items = 0;
    for (std::sregex_token_iterator it(l.text.begin(), l.text.end(), sep, -1), end; it != end; ++it) {
        if (split_words(it->str()).size() > MAX_MENU_ITEM_WORDS) return false;
        ++items;
    }
    return items >= MIN_MENU_ITEMS;
}

const std::regex& tags_re() {
    static const std::regex re(
        R"(^(Topics|Tags|Keywords|Related Topics|Filed under|Themen|Schlagw\xC3\xB6rter|Mots-cl\xC3\xA9s)\s*:\s*(.+)$)",
        std::regex::icase);
    return re;
}

enum class DateCue { NONE, PUBLISHED, UPDATED };

DateCue date_cue(const Line& l) {
    const bool published = std::any_of(PUBLISHED_CUES.begin(), PUBLISHED_CUES.end(), [&](auto c) { return contains(l.key, c); });
    const bool updated = std::any_of(UPDATED_CUES.begin(), UPDATED_CUES.end(), [&](auto c) { return contains(l.key, c); });
    // "Published 10:00, updated 12:00" is the publication line; "Last Updated" alone is the update.
    if (published) return DateCue::PUBLISHED;
    return updated ? DateCue::UPDATED : DateCue::NONE;
}

bool is_prose(const Line& l, int min_words) {
    if (is_link_list(l) || is_caption(l) || is_furniture(l) || is_copyright(l)) return false;
    if (l.ends_sentence) return l.words >= min_words;
    return l.words >= MIN_UNTERMINATED_PROSE_WORDS && l.inner_sentence_break;
}

bool is_agency(std::string_view word) {
    return std::find(AGENCIES.begin(), AGENCIES.end(), word) != AGENCIES.end();
}

bool is_all_caps_word(std::string_view w) {
    bool letter = false;
    for (unsigned char c : w) {
        if (std::islower(c)) return false;
        if (std::isupper(c)) letter = true;
    }
    return letter && w.size() >= 2;
}

std::vector<std::string> split_words(std::string_view s) {
    std::vector<std::string> out;
    size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
        size_t j = i;
        while (j < s.size() && s[j] != ' ' && s[j] != '\t') ++j;
        if (j > i) out.emplace_back(s.substr(i, j - i));
        i = j;
    }
    return out;
}

// "Reuters MOSCOW", "By Jane Doe, AFP", "PTI New Delhi": an agency credit with an optional dateline.
bool read_credit_line(const Line& l, schema::Article& a) {
    if (l.words == 0 || l.words > MAX_HEADER_WORDS) return false;
    std::string text = l.text;
    std::replace(text.begin(), text.end(), ',', ' ');
    std::replace(text.begin(), text.end(), '|', ' ');
    auto words = split_words(text);
    bool by = !words.empty() && (words[0] == "By" || words[0] == "by" || words[0] == "BY");
    std::string agency, dateline, byline;
    for (size_t i = by ? 1 : 0; i < words.size(); ++i) {
        if (is_agency(words[i])) {
            agency = words[i];
        } else if (is_all_caps_word(words[i])) {
            dateline += (dateline.empty() ? "" : " ") + words[i];
        } else if (by) {
            byline += (byline.empty() ? "" : " ") + words[i];
        } else {
            return false;  // ordinary words: not a credit line
        }
    }
    if (agency.empty() && byline.empty()) return false;
    if (a.agency.empty()) a.agency = agency;
    if (a.dateline.empty()) a.dateline = dateline;
    if (a.byline.empty()) a.byline = byline;
    return true;
}

// "Copyrights © 2025 Business Standard Private Ltd. All rights reserved" → "Business Standard".
std::string source_from_copyright(const std::string& text) {
    static const std::regex re(
        R"((?:\xC2\xA9|\(c\)|copyrights?)\s*(?:\xC2\xA9|\(c\))?\s*(?:\d{4}(?:\s*[-\xE2\x80\x93]\s*\d{4})?)?\s*,?\s*([^.,|\xC2]+))",
        std::regex::icase);
    std::smatch m;
    if (!std::regex_search(text, m, re)) return {};
    std::string name = m[1].str();
    static const std::regex corporate(
        R"(\s+(Private|Pvt|Ltd|Limited|Inc|LLC|GmbH|PLC|Corp|Corporation|Media|Group|All rights)\b.*$)",
        std::regex::icase);
    name = std::regex_replace(name, corporate, "");
    name = std::string(trim(name));
    const int words = static_cast<int>(split_words(name).size());
    return words >= 1 && words <= 5 ? name : std::string();
}

// "Ukraine, Europe" or "Ukraine | Europe" split on the delimiter; "Ukraine Europe" (links pasted with a
// space) split on spaces, keeping lower-case connectors ("Bank of England") inside one topic.
std::vector<std::string> split_topics(const std::string& list) {
    std::vector<std::string> out;
    auto push = [&](std::string_view t) {
        t = trim(t);
        if (!t.empty() && std::find(out.begin(), out.end(), t) == out.end()) out.emplace_back(t);
    };
    for (char delim : {',', '|', ';', '\xB7'}) {
        if (list.find(delim) == std::string::npos) continue;
        size_t start = 0;
        for (size_t p; (p = list.find(delim, start)) != std::string::npos; start = p + 1) push(std::string_view(list).substr(start, p - start));
        push(std::string_view(list).substr(start));
        return out;
    }
    std::string current;
    bool after_connector = false;
    for (const auto& w : split_words(list)) {
        const bool connector = std::islower(static_cast<unsigned char>(w[0])) != 0;
        if (current.empty() || connector || after_connector) {
            current += (current.empty() ? "" : " ") + w;
        } else {
            push(current);
            current = w;
        }
        after_connector = connector;
    }
    push(current);
    return out;
}

}  // namespace

schema::Article extract_page_text(std::string_view text, std::optional<schema::Timestamp> saved_at) {
    std::vector<Line> lines;
    for (size_t start = 0; start <= text.size();) {
        size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) nl = text.size();
        Line l = make_line(text.substr(start, nl - start));
        if (l.words > 0) lines.push_back(std::move(l));
        start = nl + 1;
    }

    schema::Article a;

    // 1. Title: the first headline-shaped line near the top, preferring one a breadcrumb ends with.
    std::optional<size_t> title_at;
    const size_t title_window = std::min(lines.size(), TITLE_SEARCH_LINES);
    auto headline_shaped = [&](const Line& l) {
        return l.words >= MIN_TITLE_WORDS && l.words <= MAX_TITLE_WORDS && !ends_with(l.text, ".") &&
               !is_breadcrumb(l) && !is_menu(l) && !is_link_list(l) && !is_caption(l) && !is_furniture(l) && !is_block_header(l) &&
               !is_copyright(l) && !parse_news_date(l.text);
    };
    for (size_t i = 0; i < title_window && !title_at; ++i) {
        if (!headline_shaped(lines[i])) continue;
        for (size_t j = 0; j < title_window; ++j)
            if (j != i && is_breadcrumb(lines[j]) && ends_with(lines[j].text, lines[i].text)) title_at = i;
    }
    for (size_t i = 0; i < title_window && !title_at; ++i)
        if (headline_shaped(lines[i])) title_at = i;
    size_t cursor = 0;
    if (title_at) {
        a.title = lines[*title_at].text;
        cursor = *title_at + 1;
        // Pages repeat the headline (e.g. in a share widget); skip immediate repeats.
        while (cursor < lines.size() && lines[cursor].text == a.title) ++cursor;
    }

    // 2. Walk the rest: summary, credits and dates before the body; then the body with its blocks.
    enum class Mode { HEAD, BODY, BLOCK, TRAILER };
    Mode mode = Mode::HEAD;
    std::optional<schema::Timestamp> cued_published, cued_updated, first_date;
    std::string body;
    std::map<std::string, int> short_line_counts;
    for (const auto& l : lines)
        if (l.words <= 4 && !l.ends_sentence) ++short_line_counts[l.text];

    for (size_t i = cursor; i < lines.size(); ++i) {
        const Line& l = lines[i];
        std::smatch tags;
        if (std::regex_match(l.text, tags, tags_re())) {
            if (a.topics.empty()) a.topics = split_topics(tags[2].str());
            if (mode != Mode::HEAD) mode = Mode::TRAILER;
            continue;
        }
        if (is_copyright(l)) {
            if (a.source.empty()) a.source = source_from_copyright(l.text);
            mode = Mode::TRAILER;
            continue;
        }
        // A date line is metadata; a sentence that merely mentions a date is body.
        const DateCue cue = date_cue(l);
        const bool may_be_date_line = mode == Mode::HEAD || mode == Mode::TRAILER
                                          ? l.words <= MAX_DATE_LINE_WORDS
                                          : cue != DateCue::NONE && !l.ends_sentence && l.words <= MAX_DATE_LINE_WORDS;
        if (may_be_date_line) {
            if (auto ts = parse_news_date(l.text, 0, saved_at)) {
                if (cue == DateCue::PUBLISHED && !cued_published) cued_published = ts;
                if (cue == DateCue::UPDATED && !cued_updated) cued_updated = ts;
                if (!first_date && mode == Mode::HEAD) first_date = ts;
                continue;
            }
        }
        if (mode == Mode::TRAILER) continue;
        if (is_block_header(l)) {
            if (mode == Mode::BODY || mode == Mode::BLOCK) mode = Mode::BLOCK;
            continue;
        }
        if (mode == Mode::HEAD) {
            if (read_credit_line(l, a)) continue;
            if (is_prose(l, MIN_OPENING_PROSE_WORDS)) {
                // A sentence right after the title, followed by furniture rather than more prose, is the
                // standfirst; otherwise (or without a title) it opens the body.
                const bool next_is_prose = i + 1 < lines.size() && is_prose(lines[i + 1], MIN_OPENING_PROSE_WORDS);
                if (title_at && a.summary.empty() && body.empty() && i == cursor && !next_is_prose) {
                    a.summary = l.text;
                    continue;
                }
                mode = Mode::BODY;
            } else {
                if (title_at && a.summary.empty() && i == cursor && l.words >= MIN_SUMMARY_WORDS && !is_caption(l) &&
                    !is_link_list(l) && !is_furniture(l))
                    a.summary = l.text;
                continue;
            }
        }
        if (mode == Mode::BLOCK) {
            if (!is_prose(l, MIN_OPENING_PROSE_WORDS)) continue;
            mode = Mode::BODY;
        }
        if (is_prose(l, MIN_CONTINUING_PROSE_WORDS)) {
            if (!body.empty()) body += "\n\n";
            body += l.text;
        }
    }
    a.body = std::move(body);
    a.published = cued_published ? cued_published : (cued_updated ? cued_updated : first_date);
    if (cued_updated && cued_updated != a.published) a.updated = cued_updated;

    // 3. Source: from the copyright line, else the short line the page repeats most (the masthead).
    if (a.source.empty()) {
        int best = 1;
        for (const auto& [t, n] : short_line_counts)
            if (n > best && t != a.title && std::isupper(static_cast<unsigned char>(t[0]))) {
                best = n;
                a.source = t;
            }
    }
    return a;
}

}  // namespace newshound::indexer
