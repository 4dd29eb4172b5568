// A small recursive-descent parser. Lexing splits the syntax; every piece of text is then analysed by the
// shared Analyzer, so query terms are built exactly as index terms are.
#include "searcher/query_parser.h"

#include "schema/fields.h"
#include "schema/language.h"
#include "schema/stopwords.h"
#include "schema/terms.h"

#include <algorithm>
#include <optional>
#include <vector>

namespace newshound::searcher {

namespace {

using schema::Token;
namespace prefix = schema::prefix;

enum class Kind { WORD, PHRASE, FIELD, OR, AND, NOT, MINUS, LPAREN, RPAREN, END };

struct Lexeme {
    Kind kind;
    std::string text;   // word text, phrase text, or field value
    std::string field;  // for FIELD
    bool value_quoted = false;
    size_t offset = 0;
};

// Nesting deeper than this is refused: it is never typed by a person and recursion must stay bounded.
constexpr int MAX_NESTING = 32;

constexpr std::string_view FIELDS[] = {"topic", "source", "lang", "place", "person", "title"};

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
