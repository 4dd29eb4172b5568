// A small recursive-descent parser. Lexing splits the syntax; every piece of text is then analysed by the
// shared Analyzer, so query terms are built exactly as index terms are.
#include "searcher/query_parser.h"

#include "schema/fields.h"
#include "schema/language.h"
#include "schema/stopwords.h"
#include "schema/terms.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <regex>
#include <optional>
#include <vector>

namespace newshound::searcher {

namespace {

using schema::Token;
namespace prefix = schema::prefix;

enum class Kind { WORD, PHRASE, FIELD, OR, AND, NOT, MINUS, NEAR, LPAREN, RPAREN, END };

struct Lexeme {
    Kind kind;
    std::string text;   // word text, phrase text, or field value
    std::string field;  // for FIELD
    bool value_quoted = false;
    size_t offset = 0;
};

// Nesting deeper than this is refused: it is never typed by a person and recursion must stay bounded.
constexpr int MAX_NESTING = 32;

constexpr std::string_view FIELDS[] = {"topic", "source", "lang", "place", "person", "title", "body",
                                       "url", "date", "after", "before"};

// "a NEAR b": within this many words of each other (either order); "a NEAR/5 b" sets it.
constexpr Xapian::termcount DEFAULT_NEAR_WINDOW = 10;
constexpr Xapian::termcount MAX_NEAR_WINDOW = 100;
// "ukrain*" expands to at most this many words of the index, the most frequent first.
constexpr Xapian::termcount MAX_WILDCARD_EXPANSION = 100;
// A prefix shorter than this would expand to a large part of the vocabulary.
constexpr size_t MIN_WILDCARD_PREFIX_BYTES = 2;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::vector<Lexeme> lex(std::string_view s) {
    std::vector<Lexeme> out;
    size_t i = 0;
    auto read_quoted = [&](size_t& j) {  // j at the opening quote; returns the content
        size_t close = s.find('"', j + 1);
        std::string content(s.substr(j + 1, (close == std::string_view::npos ? s.size() : close) - j - 1));
        j = close == std::string_view::npos ? s.size() : close + 1;
        return content;
    };
    while (i < s.size()) {
        const char c = s[i];
        if (is_space(c)) {
            ++i;
            continue;
        }
        const size_t start = i;
        if (c == '(') {
            out.push_back({Kind::LPAREN, "", "", false, start});
            ++i;
            continue;
        }
        if (c == ')') {
            out.push_back({Kind::RPAREN, "", "", false, start});
            ++i;
            continue;
        }
        if (c == '"') {
            out.push_back({Kind::PHRASE, read_quoted(i), "", true, start});
            continue;
        }
        if ((c == '-' || c == '+') && i + 1 < s.size() && !is_space(s[i + 1]) && s[i + 1] != ')') {
            if (c == '-') out.push_back({Kind::MINUS, "", "", false, start});
            ++i;
            continue;
        }
        size_t j = i;
        while (j < s.size() && !is_space(s[j]) && s[j] != '(' && s[j] != ')' && s[j] != '"') {
            if (s[j] == ':') {
                const std::string_view name = s.substr(i, j - i);
                for (auto f : FIELDS) {
                    if (name != f) continue;
                    Lexeme lx{Kind::FIELD, "", std::string(f), false, start};
                    size_t k = j + 1;
                    if (k < s.size() && s[k] == '"') {
                        lx.text = read_quoted(k);
                        lx.value_quoted = true;
                    } else {
                        while (k < s.size() && !is_space(s[k]) && s[k] != '(' && s[k] != ')') ++k;
                        lx.text = std::string(s.substr(j + 1, k - j - 1));
                    }
                    out.push_back(std::move(lx));
                    i = k;
                    goto next;
                }
            }
            ++j;
        }
        {
            std::string word(s.substr(i, j - i));
            Kind k = word == "OR" ? Kind::OR : word == "AND" ? Kind::AND : word == "NOT" ? Kind::NOT : Kind::WORD;
            if (word == "NEAR" || word.rfind("NEAR/", 0) == 0) k = Kind::NEAR;
            out.push_back({k, std::move(word), "", false, start});
            i = j;
        }
    next:;
    }
    out.push_back({Kind::END, "", "", false, s.size()});
    return out;
}

class Parser {
public:
    Parser(schema::Analyzer& analyzer, const std::vector<std::string>& languages, std::vector<Lexeme> lexemes,
           ParsedQuery& out, bool any_word = false)
        : analyzer_(analyzer), languages_(languages), lx_(std::move(lexemes)), out_(out), any_word_(any_word) {}

    std::optional<Xapian::Query> parse_all() {
        auto q = parse_or(0);
        if (error_) return std::nullopt;
        if (peek().kind == Kind::RPAREN) {
            error_ = QueryError{"unmatched ')'", peek().offset};
            return std::nullopt;
        }
        return q;
    }
    const std::optional<QueryError>& error() const { return error_; }

private:
    const Lexeme& peek() const { return lx_[pos_]; }
    const Lexeme& take() { return lx_[pos_ < lx_.size() - 1 ? pos_++ : pos_]; }

    // Empty Xapian::Query means "nothing searchable here"; it is dropped by the callers.
    Xapian::Query parse_or(int depth) {
        Xapian::Query left = parse_and(depth);
        while (!error_ && peek().kind == Kind::OR) {
            take();
            Xapian::Query right = parse_and(depth);
            if (left.empty()) left = right;
            else if (!right.empty()) left = Xapian::Query(Xapian::Query::OP_OR, left, right);
        }
        return left;
    }

    Xapian::Query parse_and(int depth) {
        std::vector<Xapian::Query> positive, negative, filters, stopped;
        while (!error_) {
            const Kind k = peek().kind;
            if (k == Kind::END || k == Kind::OR || k == Kind::RPAREN) break;
            if (k == Kind::AND) {
                take();
                continue;
            }
            bool negate = false;
            if (k == Kind::MINUS || k == Kind::NOT) {
                take();
                negate = true;
            }
            if (!negate) {
                if (auto since = relative_date_filter()) {
                    filters.push_back(std::move(*since));
                    continue;
                }
                if (peek().kind == Kind::WORD && pos_ + 2 < lx_.size() && lx_[pos_ + 1].kind == Kind::NEAR &&
                    lx_[pos_ + 2].kind == Kind::WORD) {
                    const Lexeme a = take(), op = take(), b = take();
                    if (auto q = near_query(a, op, b); !q.empty()) positive.push_back(std::move(q));
                    continue;
                }
            }
            bool is_filter = false;
            const bool plain_word = peek().kind == Kind::WORD;
            const bool stop = plain_word && !negate && is_stop(peek().text);
            Xapian::Query q = parse_primary(depth, negate, is_filter);
            if (q.empty()) continue;
            (negate ? negative : is_filter ? filters : stop ? stopped : positive).push_back(std::move(q));
        }
        // Stop words only count when they are all there is ("the who", "to be").
        if (positive.empty()) positive = std::move(stopped);
        Xapian::Query result;
        if (!positive.empty()) {
            result = Xapian::Query(any_word_ ? Xapian::Query::OP_OR : Xapian::Query::OP_AND, positive.begin(), positive.end());
            out_.has_positive = true;
        }
        if (!filters.empty()) {
            Xapian::Query f(Xapian::Query::OP_AND, filters.begin(), filters.end());
            result = result.empty() ? Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, f, 0.0)
                                    : Xapian::Query(Xapian::Query::OP_FILTER, result, f);
        }
        if (!negative.empty()) {
            if (result.empty()) result = Xapian::Query::MatchAll;
            result = Xapian::Query(Xapian::Query::OP_AND_NOT, result,
                                   Xapian::Query(Xapian::Query::OP_OR, negative.begin(), negative.end()));
        }
        return result;
    }

    Xapian::Query parse_primary(int depth, bool negated, bool& is_filter) {
        const Lexeme lx = take();
        switch (lx.kind) {
        case Kind::LPAREN: {
            if (depth >= MAX_NESTING) {
                error_ = QueryError{"parentheses nested too deeply", lx.offset};
                return {};
            }
            Xapian::Query q = parse_or(depth + 1);
            if (error_) return {};
            if (peek().kind != Kind::RPAREN) {
                error_ = QueryError{"missing ')'", lx.offset};
                return {};
            }
            take();
            return q;
        }
        case Kind::WORD:
            if (lx.text.size() > 1 && lx.text.back() == '*') return wildcard_query(lx.text, negated, lx.offset);
            return word_query(lx.text, negated);
        case Kind::PHRASE:
            return exact_query(lx.text, "", negated);
        case Kind::FIELD:
            return field_query(lx, negated, is_filter);
        case Kind::NOT:
        case Kind::MINUS:
            return {};  // "- -x" or "NOT NOT": the outer negation already applies
        default:
            // A stray operator ("OR" at the start, "a OR" at the end) is ignored, as people type it.
            return {};
        }
    }

    // "last 7 days", "past 24 hours", "last week": a filter on the publication time, relative to now.
    std::optional<Xapian::Query> relative_date_filter() {
        auto lower = [](std::string w) {
            for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            return w;
        };
        if (peek().kind != Kind::WORD) return std::nullopt;
        const std::string first = lower(peek().text);
        if (first != "last" && first != "past") return std::nullopt;
        auto word_at = [&](size_t k) { return pos_ + k < lx_.size() && lx_[pos_ + k].kind == Kind::WORD ? lower(lx_[pos_ + k].text) : std::string(); };
        std::string count = word_at(1), unit = word_at(2);
        size_t used = 3;
        if (count.empty() || !std::all_of(count.begin(), count.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }) ||
            count.size() > 4) {
            unit = count;  // "last week"
            count = "1";
            used = 2;
        }
        if (!unit.empty() && unit.back() == 's') unit.pop_back();
        static const std::pair<std::string_view, std::int64_t> UNITS[] = {
            {"hour", 3600}, {"day", 86400}, {"week", 7 * 86400}, {"month", 30 * 86400}, {"year", 365 * 86400}};
        for (const auto& [name, seconds] : UNITS) {
            if (unit != name) continue;
            const auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
            const double since = static_cast<double>(now - std::stoll(count) * seconds);
            pos_ += used;
            return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::slot(schema::Slot::PUBLISHED), Xapian::sortable_serialise(since));
        }
        return std::nullopt;
    }

    // "drone NEAR refinery", "drone NEAR/3 refinery": the exact words within a window, either order.
    Xapian::Query near_query(const Lexeme& a, const Lexeme& op, const Lexeme& b) {
        Xapian::termcount window = DEFAULT_NEAR_WINDOW;
        if (op.text.size() > 5) {
            const std::string n = op.text.substr(5);
            if (n.empty() || n.size() > 3 || !std::all_of(n.begin(), n.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
                error_ = QueryError{"NEAR/ needs a number of words, as in NEAR/5", op.offset};
                return {};
            }
            window = std::clamp<Xapian::termcount>(static_cast<Xapian::termcount>(std::stoul(n)), 1, MAX_NEAR_WINDOW);
        }
        auto ta = analyze(a.text), tb = analyze(b.text);
        note(ta, false);
        note(tb, false);
        if (ta.empty() || tb.empty()) return {};
        std::vector<Xapian::Query> terms;
        for (const auto* t : {&ta, &tb})
            for (const auto& tok : *t) terms.emplace_back(std::string(prefix::BODY) + tok.term);
        // The window counts the words between them; Xapian counts the positions the whole span covers.
        return Xapian::Query(Xapian::Query::OP_NEAR, terms.begin(), terms.end(), window + static_cast<Xapian::termcount>(terms.size()));
    }

    // "ukrain*": every indexed word (body or title, exact forms) starting with the prefix.
    Xapian::Query wildcard_query(const std::string& text, bool negated, size_t offset) {
        auto tokens = analyze(text.substr(0, text.size() - 1));
        if (tokens.size() != 1 || tokens[0].term.size() < MIN_WILDCARD_PREFIX_BYTES) {
            error_ = QueryError{"a prefix search needs at least two letters of one word before '*'", offset};
            return {};
        }
        if (!negated) out_.highlight_prefixes.insert(tokens[0].term);
        auto expand = [&](std::string_view pfx) {
            return Xapian::Query(Xapian::Query::OP_WILDCARD, std::string(pfx) + tokens[0].term, MAX_WILDCARD_EXPANSION,
                                 Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
        };
        return Xapian::Query(Xapian::Query::OP_OR, expand(prefix::BODY), expand(prefix::TITLE));
    }

    // date:2025-08-01..2025-08-31, date:2025-08, date:2025, after:2025-08-01, before:2025-08-31 (inclusive),
    // on the day as the source printed it.
    std::optional<Xapian::Query> date_filter(const Lexeme& lx) {
        // The first and last YYYYMMDD key a date of 4, 7 or 10 characters covers.
        auto bounds = [](const std::string& d) -> std::optional<std::pair<std::string, std::string>> {
            static const std::regex re(R"((\d{4})(?:-(\d{2})(?:-(\d{2}))?)?)");
            std::smatch m;
            if (!std::regex_match(d, m, re)) return std::nullopt;
            const std::string y = m[1], mo = m[2].matched ? m[2].str() : "", day = m[3].matched ? m[3].str() : "";
            if (!mo.empty() && (mo < "01" || mo > "12")) return std::nullopt;
            if (!day.empty() && (day < "01" || day > "31")) return std::nullopt;
            return std::make_pair(y + (mo.empty() ? "0000" : mo + (day.empty() ? "00" : day)),
                                  y + (mo.empty() ? "9999" : mo + (day.empty() ? "99" : day)));
        };
        const auto slot = schema::slot(schema::Slot::PUBLISHED_DAY);
        if (lx.field == "after" || lx.field == "before") {
            const auto b = bounds(lx.text);
            if (!b) return std::nullopt;
            return lx.field == "after" ? Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, b->first)
                                       : Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, b->second);
        }
        const auto dots = lx.text.find("..");
        if (dots == std::string::npos) {
            const auto b = bounds(lx.text);
            if (!b) return std::nullopt;
            return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, b->first, b->second);
        }
        const std::string from = lx.text.substr(0, dots), to = lx.text.substr(dots + 2);
        const auto f = from.empty() ? std::nullopt : bounds(from), t = to.empty() ? std::nullopt : bounds(to);
        if ((!from.empty() && !f) || (!to.empty() && !t) || (from.empty() && to.empty())) return std::nullopt;
        if (f && t) return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, f->first, t->second);
        return f ? Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, f->first) : Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, t->second);
    }

    // A single-token word that is a stop word in the query's first candidate language.
    bool is_stop(const std::string& text) {
        std::vector<Token> tokens;
        analyzer_.analyze(text, languages_.front(), tokens);
        return tokens.size() == 1 && schema::is_stopword(languages_.front(), tokens[0].term);
    }

    void note(const std::vector<Token>& tokens, bool negated) {
        if (negated) return;
        for (const auto& t : tokens) out_.highlight_terms.insert(t.term);
    }

    std::vector<Token> analyze(const std::string& text) {
        std::vector<Token> tokens;
        analyzer_.analyze(text, languages_.front(), tokens);
        return tokens;
    }

    // The word's match keys in every candidate language (deduplicated, first language first).
    std::vector<std::string> match_keys(const Token& t, bool negated) {
        // Numbers come out of every stemmer unchanged, so they collapse to one key here.
        std::vector<std::string> keys{t.stem};
        for (size_t i = 1; i < languages_.size(); ++i) {
            std::string k = analyzer_.stem(t.term, languages_[i]);
            if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(std::move(k));
        }
        if (!negated) out_.highlight_stems.insert(keys.begin(), keys.end());
        return keys;
    }

    Xapian::Query stem_query(const Token& t, bool negated) {
        const auto keys = match_keys(t, negated);
        if (keys.size() == 1) return Xapian::Query(std::string(prefix::STEM) + keys[0]);
        std::vector<Xapian::Query> terms;
        for (const auto& k : keys) terms.emplace_back(std::string(prefix::STEM) + k);
        return Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
    }

    static Xapian::Query phrase(const std::vector<Token>& tokens, std::string_view pfx) {
        std::vector<Xapian::Query> terms;
        for (const auto& t : tokens) terms.emplace_back(std::string(pfx) + t.term);
        return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), static_cast<Xapian::termcount>(terms.size()));
    }

    // A plain word: its stem, anywhere. A "word" that the analyzer splits ("U.S.-Russia", CJK runs) is
    // searched as a phrase of its parts, as it was written.
    Xapian::Query word_query(const std::string& text, bool negated) {
        auto tokens = analyze(text);
        note(tokens, negated);
        if (tokens.empty()) return {};
        if (tokens.size() == 1) return stem_query(tokens[0], negated);
        return Xapian::Query(Xapian::Query::OP_OR, phrase(tokens, prefix::BODY), phrase(tokens, prefix::TITLE));
    }

    // Quoted text: exact (unstemmed) words in order, in the body or the title. `only_prefix` limits it.
    Xapian::Query exact_query(const std::string& text, std::string_view only_prefix, bool negated) {
        auto tokens = analyze(text);
        note(tokens, negated);
        if (tokens.empty()) return {};
        auto one = [&](std::string_view pfx) {
            return tokens.size() == 1 ? Xapian::Query(std::string(pfx) + tokens[0].term) : phrase(tokens, pfx);
        };
        if (!only_prefix.empty()) return one(only_prefix);
        return Xapian::Query(Xapian::Query::OP_OR, one(prefix::BODY), one(prefix::TITLE));
    }

    Xapian::Query field_query(const Lexeme& lx, bool negated, bool& is_filter) {
        if (lx.text.empty()) return {};
        if (lx.field == "title") {
            if (lx.value_quoted) return exact_query(lx.text, prefix::TITLE, negated);
            auto tokens = analyze(lx.text);
            note(tokens, negated);
            if (tokens.empty()) return {};
            if (tokens.size() == 1) return Xapian::Query(std::string(prefix::TITLE) + tokens[0].term);
            return phrase(tokens, prefix::TITLE);
        }
        if (lx.field == "body") {
            // Exact forms in the article text (summary and body), a phrase when several words.
            return exact_query(lx.text, prefix::BODY, negated);
        }
        if (lx.field == "url") {
            is_filter = true;
            return Xapian::Query(schema::url_term(lx.text));
        }
        if (lx.field == "date" || lx.field == "after" || lx.field == "before") {
            is_filter = true;
            auto q = date_filter(lx);
            if (!q) {
                error_ = QueryError{lx.field + ": expects a date as YYYY, YYYY-MM or YYYY-MM-DD" +
                                        (lx.field == "date" ? std::string(", or a range FROM..TO") : std::string()),
                                    lx.offset};
                return {};
            }
            return *q;
        }
        std::string_view pfx = lx.field == "topic"    ? prefix::TOPIC
                               : lx.field == "source" ? prefix::SOURCE
                               : lx.field == "lang"   ? prefix::LANGUAGE
                               : lx.field == "place"  ? prefix::PLACE
                                                      : prefix::PERSON;
        is_filter = true;
        return Xapian::Query(schema::filter_term(pfx, lx.text, analyzer_));
    }

    schema::Analyzer& analyzer_;
    const std::vector<std::string>& languages_;
    std::vector<Lexeme> lx_;
    size_t pos_ = 0;
    ParsedQuery& out_;
    bool any_word_ = false;  // words joined by OR instead of AND: the relaxed form
    std::optional<QueryError> error_;
};

}  // namespace

std::variant<ParsedQuery, QueryError> QueryParser::parse(std::string_view text,
                                                          const std::vector<std::string>& languages) {
    ParsedQuery out;
    static const std::vector<std::string> fallback{std::string(schema::DEFAULT_LANGUAGE)};
    Parser p(analyzer_, languages.empty() ? fallback : languages, lex(text), out);
    auto q = p.parse_all();
    if (!q) return *p.error();
    out.query = std::move(*q);
    if (out.has_positive) {
        // The same query with any of the words instead of all: used when all of them find nothing.
        ParsedQuery relaxed;
        Parser any(analyzer_, languages.empty() ? fallback : languages, lex(text), relaxed, true);
        if (auto r = any.parse_all(); r && r->get_description() != out.query.get_description()) out.relaxed = std::move(*r);
    }
    return out;
}

}  // namespace newshound::searcher
