// Reuters-21578 SGML: the collection's regular markup read with string searches (it is SGML, not XML: no
// root element, unquoted entities such as &#3; for the wire's control codes), then its text cleaned up.
#include "indexer/readers/reuters_reader.h"

#include "indexer/readers/page_text_reader.h"
#include "schema/timestamp.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>
#include <vector>

namespace newshound::indexer {

namespace {

/// The content of the first <TAG ...>…</TAG> in `block`, or "" when there is none.
std::string_view element(std::string_view block, std::string_view tag) {
    const std::string open = "<" + std::string(tag);
    const size_t start = block.find(open);
    if (start == std::string_view::npos) return {};
    const size_t content = block.find('>', start + open.size());
    if (content == std::string_view::npos) return {};
    const size_t end = block.find("</" + std::string(tag) + ">", content + 1);
    if (end == std::string_view::npos) return {};
    return block.substr(content + 1, end - content - 1);
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

/// The character a numeric reference names, as HTML reads them: control codes are dropped (the wire's
/// &#2; &#3; &#5; &#22; … framing), NUL, surrogates and numbers past Unicode become U+FFFD.
void append_code_point(std::string& out, unsigned long cp) {
    constexpr unsigned long MAX_CODE_POINT = 0x10FFFF;
    if (cp == 0 || cp > MAX_CODE_POINT || (cp >= 0xD800 && cp <= 0xDFFF)) return append_utf8(out, 0xFFFD);
    if (cp == '\t' || cp == '\n' || cp == '\r') return append_utf8(out, static_cast<char32_t>(cp));
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) return;
    append_utf8(out, static_cast<char32_t>(cp));
}

/// Resolves character references (numeric, and the five XML names) and drops control characters other
/// than tab and newline.
std::string resolve_text(std::string_view raw) {
    static constexpr std::array<std::pair<std::string_view, char>, 5> NAMED = {
        {{"lt", '<'}, {"gt", '>'}, {"amp", '&'}, {"quot", '"'}, {"apos", '\''}}};
    std::string out;
    out.reserve(raw.size());
    for (size_t i = 0; i < raw.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(raw[i]);
        if (c == '&') {
            std::string_view rest = raw.substr(i + 1);
            if (!rest.empty() && rest[0] == '#') {
                const bool hex = rest.size() > 1 && (rest[1] == 'x' || rest[1] == 'X');
                const char* first = rest.data() + (hex ? 2 : 1);
                const char* last = rest.data() + rest.size();
                unsigned long cp = 0;
                const auto [end, ec] = std::from_chars(first, last, cp, hex ? 16 : 10);
                if (end != first) {
                    append_code_point(out, ec == std::errc() ? cp : 0x110000);
                    i += static_cast<size_t>(end - raw.data()) - i - 1;
                    if (i + 1 < raw.size() && raw[i + 1] == ';') ++i;
                    continue;
                }
            } else {
                bool resolved = false;
                for (const auto& [name, value] : NAMED) {
                    if (rest.substr(0, name.size()) != name) continue;
                    out += value;
                    i += name.size();
                    if (i + 1 < raw.size() && raw[i + 1] == ';') ++i;
                    resolved = true;
                    break;
                }
                if (resolved) continue;
            }
        }
        if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) continue;
        out += static_cast<char>(c);
    }
    return out;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

/// Text with character references resolved, control characters dropped and the ends trimmed.
std::string clean(std::string_view raw) { return std::string(trim(resolve_text(raw))); }

/// The words of `s` joined by single spaces.
std::string collapse_spaces(std::string_view s) {
    std::string out;
    size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && is_space(s[i])) ++i;
        const size_t start = i;
        while (i < s.size() && !is_space(s[i])) ++i;
        if (i == start) break;
        if (!out.empty()) out += ' ';
        out.append(s.substr(start, i - start));
    }
    return out;
}

bool is_word_byte(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           (static_cast<unsigned char>(c) & 0x80);
}

/// The wire's text as paragraphs separated by "\n\n": lines are wrapped at about 65 columns and a paragraph
/// starts on a new line indented by spaces (or after a blank line); the trailing "Reuter" sign-off goes.
std::string paragraphs(std::string_view raw) {
    constexpr std::string_view SIGN_OFF = "Reuter";
    const std::string cleaned = clean(raw);
    std::string_view text = cleaned;
    if (text.ends_with(SIGN_OFF) &&
        (text.size() == SIGN_OFF.size() || !is_word_byte(text[text.size() - SIGN_OFF.size() - 1])))
        text = trim(text.substr(0, text.size() - SIGN_OFF.size()));
    std::string out;
    size_t start = 0;
    auto flush = [&](size_t end) {
        const std::string para = collapse_spaces(text.substr(start, end - start));
        if (para.empty()) return;
        if (!out.empty()) out += "\n\n";
        out += para;
    };
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\n') continue;
        size_t run = i + 1;
        while (run < text.size() && is_space(text[run])) ++run;
        // A newline followed by two or more spaces (an indent), or by a second newline, ends a paragraph.
        const size_t spaces = run - i - 1;
        if (spaces >= 2 || (spaces == 1 && text[i + 1] == '\n')) {
            flush(i);
            start = run;
            i = run - 1;
        }
    }
    flush(text.size());
    return out;
}

/// "<D>a</D><D>b</D>" → {"a", "b"}, cleaned, empty values left out.
std::vector<std::string> values(std::string_view list) {
    std::vector<std::string> out;
    for (size_t pos = 0;;) {
        const size_t open = list.find("<D>", pos);
        if (open == std::string_view::npos) break;
        const size_t close = list.find("</D>", open + 3);
        if (close == std::string_view::npos) break;
        if (std::string value = clean(list.substr(open + 3, close - open - 3)); !value.empty()) out.push_back(std::move(value));
        pos = close + 4;
    }
    return out;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// Reads `min` to `max` digits at `s[i]` (as many as there are), advancing `i`.
std::optional<int> digits(std::string_view s, size_t& i, size_t min, size_t max) {
    size_t n = 0;
    int value = 0;
    while (n < max && i + n < s.size() && is_digit(s[i + n])) value = value * 10 + (s[i + n++] - '0');
    if (n < min) return std::nullopt;
    i += n;
    return value;
}

int days_in_month(int year, int month) {
    static constexpr std::array<int, 12> DAYS = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : DAYS[static_cast<size_t>(month - 1)];
}

/// The first "26-FEB-1987 15:51:36" in a DATE field (hundredths after it are ignored), as UTC.
std::optional<schema::Timestamp> story_date(std::string_view field) {
    static constexpr std::array<std::string_view, 12> MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                                                "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    for (size_t start = 0; start < field.size(); ++start) {
        if (!is_digit(field[start])) continue;
        size_t i = start;
        const auto day = digits(field, i, 1, 2);
        if (!day || i >= field.size() || field[i] != '-') continue;
        const std::string_view name = field.substr(i + 1, 3);
        size_t month = 0;
        while (month < MONTHS.size() && MONTHS[month] != name) ++month;
        if (month == MONTHS.size() || i + 4 >= field.size() || field[i + 4] != '-') continue;
        i += 5;
        const auto year = digits(field, i, 4, 4);
        if (!year || i >= field.size() || !is_space(field[i])) continue;
        while (i < field.size() && is_space(field[i])) ++i;
        const auto hour = digits(field, i, 1, 2);
        if (!hour || i >= field.size() || field[i++] != ':') continue;
        const auto minute = digits(field, i, 2, 2);
        if (!minute || i >= field.size() || field[i++] != ':') continue;
        const auto second = digits(field, i, 2, 2);
        if (!second) continue;
        const int m = static_cast<int>(month) + 1;
        if (*day < 1 || *day > days_in_month(*year, m) || *hour > 23 || *minute > 59 || *second > 60) return std::nullopt;
        return schema::make_timestamp(*year, m, *day, *hour, *minute, *second, 0);
    }
    return std::nullopt;
}

/// The NEWID="…" attribute of a story's opening tag.
std::string_view new_id(std::string_view attributes) {
    constexpr std::string_view NAME = "NEWID=\"";
    const size_t at = attributes.find(NAME);
    if (at == std::string_view::npos) return {};
    size_t end = at + NAME.size();
    while (end < attributes.size() && is_digit(attributes[end])) ++end;
    if (end == at + NAME.size() || end >= attributes.size() || attributes[end] != '"') return {};
    return attributes.substr(at + NAME.size(), end - at - NAME.size());
}

/// The text of a story without a BODY: everything in TEXT but the TITLE and DATELINE, tags as spaces.
std::string text_without_body(std::string_view text) {
    std::string rest;
    for (size_t i = 0; i < text.size();) {
        if (text[i] == '<') {
            bool skipped = false;
            for (std::string_view tag : {"TITLE", "DATELINE"}) {
                const std::string open = "<" + std::string(tag) + ">";
                if (text.substr(i, open.size()) != open) continue;
                const size_t close = text.find("</" + std::string(tag) + ">", i);
                if (close == std::string_view::npos) continue;
                i = close + tag.size() + 3;
                skipped = true;
                break;
            }
            if (skipped) continue;
            const size_t end = text.find('>', i + 1);
            if (end != std::string_view::npos && end > i + 1) {
                rest += ' ';
                i = end + 1;
                continue;
            }
        }
        rest += text[i++];
    }
    return rest;
}

schema::Article story_article(std::string_view id, std::string_view block) {
    schema::Article a;
    a.id = "reuters21578-" + std::string(id);
    a.source = "Reuters";
    a.agency = "Reuters";
    a.language = "en";
    const std::string_view text = element(block, "TEXT");
    a.title = clean(element(text, "TITLE"));
    a.body = paragraphs(element(text, "BODY"));
    if (a.body.empty()) a.body = paragraphs(text_without_body(text));
    // "    SALVADOR, Feb 26 - ": the place and date, without the dash that leads into the story.
    a.dateline = clean(element(text, "DATELINE"));
    while (!a.dateline.empty() && (a.dateline.back() == ' ' || a.dateline.back() == '-')) a.dateline.pop_back();
    // ORGS (opec, imf, worldbank …) are category codes like TOPICS: both feed the topic facet.
    a.topics = values(element(block, "TOPICS"));
    const size_t topic_count = a.topics.size();
    for (auto& org : values(element(block, "ORGS")))
        if (std::find(a.topics.begin(), a.topics.begin() + static_cast<std::ptrdiff_t>(topic_count), org) ==
            a.topics.begin() + static_cast<std::ptrdiff_t>(topic_count))
            a.topics.push_back(std::move(org));
    a.places = values(element(block, "PLACES"));
    a.people = values(element(block, "PEOPLE"));
    a.published = story_date(element(block, "DATE"));
    if (a.title.empty() && a.body.empty()) a.title = "Reuters story " + std::string(id);
    return a;
}

}  // namespace

bool looks_like_reuters_sgml(std::string_view head) {
    return head.find("<!DOCTYPE lewis") != std::string_view::npos || head.find("<REUTERS ") != std::string_view::npos;
}

void read_reuters_sgml(std::string_view bytes, const std::string& origin, const ArticleSink& sink) {
    const std::string text = is_valid_utf8(bytes) ? std::string(bytes) : windows1252_to_utf8(bytes);
    constexpr std::string_view OPEN = "<REUTERS";
    constexpr std::string_view CLOSE = "</REUTERS>";
    size_t stories = 0;
    for (size_t pos = 0;;) {
        const size_t open = text.find(OPEN, pos);
        if (open == std::string::npos) break;
        ++stories;
        const size_t tag_end = text.find('>', open + OPEN.size());
        const size_t close = tag_end == std::string::npos ? std::string::npos : text.find(CLOSE, tag_end + 1);
        if (close == std::string::npos) {
            sink(SkipReason{origin + "#" + std::to_string(stories), "story not closed by </REUTERS>"}, origin);
            break;
        }
        const std::string_view attributes = std::string_view(text).substr(open + OPEN.size(), tag_end - open - OPEN.size());
        const std::string_view block = std::string_view(text).substr(tag_end + 1, close - tag_end - 1);
        pos = close + CLOSE.size();
        const std::string_view id = new_id(attributes);
        if (id.empty()) {
            sink(SkipReason{origin + "#" + std::to_string(stories), "story without a NEWID attribute"}, origin);
            continue;
        }
        const std::string story_origin = origin + "#" + std::string(id);
        sink(story_article(id, block), story_origin);
    }
    if (stories == 0) sink(SkipReason{origin, "no <REUTERS> story in the file"}, origin);
}

}  // namespace newshound::indexer
