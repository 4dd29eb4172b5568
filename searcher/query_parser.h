// Query text → Xapian::Query, through the same analyzer that indexed the documents.
#pragma once

#include "schema/analyzer.h"

#include <set>
#include <vector>
#include <string>
#include <string_view>
#include <variant>
#include <xapian.h>

namespace newshound::searcher {

/// A parsed query. `query` is empty (Xapian::Query()) when the text had no searchable words; then the
/// caller decides (browse everything, or nothing). `highlight_terms` / `highlight_stems` are the
/// normalized words and stems of the positive parts, for snippets.
struct ParsedQuery {
    Xapian::Query query;
    /// The query with its words joined by OR instead of AND (filters, phrases and exclusions unchanged);
    /// empty when that is the same query. The searcher runs it when `query` matches nothing.
    Xapian::Query relaxed;
    bool has_positive = false;
    std::set<std::string> highlight_terms;
    std::set<std::string> highlight_stems;
    std::set<std::string> highlight_prefixes;  ///< "ukrain*": words starting with these are marked
};

/// A query that cannot be understood: message for the user and the byte offset where it went wrong.
struct QueryError {
    std::string message;
    size_t offset = 0;
};

/// Syntax: words (all must match, ranked by BM25 on stems; stop words of the query's first candidate
/// language are left out when the query has other words), "quoted phrases" (exact words in order),
/// -word and NOT word (exclusion), a OR b, AND, (grouping), a NEAR b and a NEAR/n b (proximity), prefix*,
/// field scopes topic:, source:, lang:, place:, person:, url: (filters), title: and body: (words or a
/// "phrase" in that part), date:, after:, before: (days as printed) and "last 7 days" (relative to now). Operators are upper case;
/// lower-case "or" is a word. An unclosed quote runs to the end; unbalanced parentheses are an error.
class QueryParser {
public:
    explicit QueryParser(schema::Analyzer& analyzer) : analyzer_(analyzer) {}

    /// `languages` are the candidate languages of the query words, most likely first (at least one). A
    /// word matches its match key (stem) in any of them: one OP_SYNONYM, so BM25 sees one term.
    [[nodiscard]] std::variant<ParsedQuery, QueryError> parse(std::string_view text,
                                                              const std::vector<std::string>& languages);

private:
    schema::Analyzer& analyzer_;
};

}  // namespace newshound::searcher
