// The search engine's read side: one open database, requests in, responses out.
#pragma once

#include "schema/analyzer.h"
#include "schema/article.h"
#include "searcher/facets.h"
#include "searcher/query_parser.h"
#include "searcher/search_response.h"
#include "searcher/snippeter.h"

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>
#include <xapian.h>

namespace newshound::searcher {

/// Raised when the index cannot be opened or read (missing, corrupt, unreadable): a 503 / exit 1.
class SearchUnavailable : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// At most this many languages' stems are searched together for one query word. Stemmers leave words of
/// other scripts unchanged, so the distinct keys per word stay few; the bound keeps a query over an archive
/// in dozens of languages from growing without limit.
inline constexpr size_t MAX_QUERY_LANGUAGES = 16;

/// Spelling suggestions are looked for when a query finds fewer articles than this (or none with all
/// its words): a query that finds plenty is not misspelled in a way worth a lookup per word.
inline constexpr Xapian::doccount SPELLING_CHECK_BELOW = 20;
/// Related stories: this many, found through this many of the article's most distinctive terms.
inline constexpr Xapian::doccount RELATED_COUNT = 5;
inline constexpr Xapian::termcount RELATED_EXPANSION_TERMS = 40;
/// Freshness: the weight a story published at the same moment as the newest article gets; comparable to
/// what one query word that few articles have contributes under BM25, so a fresh story rises above a
/// slightly better but older match without burying a much better one.
inline constexpr double FRESHNESS_MAX_WEIGHT = 3.0;
/// How many facet values a response carries per facet.
inline constexpr size_t FACET_LIMIT = 30;
/// A changing index (a writer committing batches) rebuilds the facet table at most this often.
inline constexpr std::chrono::seconds FACET_TABLE_REBUILD_INTERVAL{30};
/// Above this many documents facets are counted from the value stream, not held in memory per worker.
inline constexpr Xapian::doccount FACET_TABLE_MAX_DOCUMENTS = 20'000'000;

/// BM25 parameters (Xapian::BM25Weight's k1 and b; k2 = 0, k3 = 1, min_normlen = 0.5 as Xapian's defaults).
/// The defaults are tuned on the Cranfield collection with `newshound eval` (docs/ranking.md): a coarse
/// grid, taking round values in the flat top (k1 2.0-2.5, b 0.6-0.75) rather than the single best cell.
/// Xapian's own defaults are k1 = 1, b = 0.5.
struct Bm25Params {
    double k1 = 2.0;
    double b = 0.75;
};

/// One ranked article for evaluation: its id and weight.
struct RankedId {
    std::string id;
    double weight = 0;
};

/// An autocomplete suggestion: the whole query it proposes, what completed it, and in how many articles.
struct Suggestion {
    std::string query;
    std::string kind;  ///< "word" (a word of titles and texts) or "topic"
    Xapian::doccount articles = 0;
};
/// Autocomplete: at most this many suggestions, chosen among this many index terms per kind.
inline constexpr size_t SUGGEST_COUNT = 8;
inline constexpr size_t SUGGEST_SCAN_TERMS = 2000;

/// Not thread-safe: owns a Xapian::Database and an Analyzer. Use one per thread. Each call picks up
/// the latest committed revision of the index and retries if the index changes under it.
class Searcher {
public:
    /// Opens the index at `path`. Throws SearchUnavailable naming the path.
    explicit Searcher(const std::string& path, Bm25Params bm25 = {});
    /// Searches several shards as one database (Xapian's multi-database: one ranking with the statistics
    /// of all shards, facet counts over all). Each location is an index folder, a Xapian stub database
    /// file listing shards, or "tcp://host:port" for a shard served by xapian-tcpsrv. Throws
    /// SearchUnavailable naming the location that cannot be opened.
    explicit Searcher(std::vector<std::string> locations, Bm25Params bm25 = {});

    /// Runs a validated request. Returns QueryError for a query that cannot be parsed; throws
    /// SearchUnavailable if the index cannot be read.
    [[nodiscard]] std::variant<SearchResponse, QueryError> search(const SearchRequest& request);

    /// The ids of the best `depth` articles for `query`, best first, for evaluation runs: the ranking of
    /// search() (all words, else any word) without collapsing, facets or snippets.
    [[nodiscard]] std::variant<std::vector<RankedId>, QueryError> rank(const std::string& query, Xapian::doccount depth);

    /// Related stories ("more like this"): the best `count` articles for the article's most distinctive
    /// stems (Xapian relevance feedback), one per duplicate cluster, never the article or its own copies.
    /// nullopt when no article has this id.
    [[nodiscard]] std::optional<std::vector<Hit>> related(const std::string& id, Xapian::doccount count = RELATED_COUNT);

    /// Autocomplete for what is typed so far: the last word completed from the words of titles and texts,
    /// most frequent first, then topics starting with the typed text. Empty for empty text.
    [[nodiscard]] std::vector<Suggestion> suggest(const std::string& typed);

    /// The stored article with this id, or nullopt.
    [[nodiscard]] std::optional<schema::Article> article(const std::string& id);

    [[nodiscard]] Xapian::doccount doc_count();

private:
    std::variant<SearchResponse, QueryError> search_once(const SearchRequest& request);
    Hit make_hit(const Xapian::MSetIterator& it, const HighlightSet& highlight, QueryWords& words, bool scored);
    /// The query with each plain word the index does not have replaced by its likeliest spelling from the
    /// index's words (Xapian spelling data); "" when no word changes.
    std::string spelling_suggestion(const std::string& query);
    void refresh();
    /// Opens every location afresh.
    void open_all();
    /// Candidate languages of the query words: the one the user chose; else the detected language of the
    /// query text followed by the languages of the indexed articles, most frequent first.
    std::vector<std::string> query_languages(const SearchRequest& request);
    /// Runs `read` on the latest revision; reopens and retries when a writer recycled what it was reading.
    template <class Read>
    auto with_retry(const char* what, Read&& read);

    std::vector<std::string> locations_;
    std::string path_;  // the locations, for messages
    bool remote_ = false;   // some shard is remote: only what xapian-tcpsrv can run (no custom match spies)
    bool sharded_ = false;  // more than one database (stub files count what they list)
    Bm25Params bm25_;
    /// Each index folder and stub file with its signature (inode; and time for stub files) when opened: a
    /// new one means it was replaced (the indexer swaps in a compacted copy, a shard was rebuilt, a stub was
    /// edited), and reopen() would keep reading the old, deleted files.
    std::vector<std::pair<std::string, std::string>> watched_;
    Xapian::Database db_;                  // every shard
    std::vector<Xapian::Database> shards_;  // each shard alone (sharing db_'s handles), for revisions
    schema::Analyzer analyzer_;
    QueryParser parser_;
    /// Facet values as ordinals for the current revision (see FacetTable); rebuilt when the index
    /// changes, at most once per FACET_TABLE_REBUILD_INTERVAL, counting through the value stream meanwhile.
    const FacetTable* facet_table();
    std::unique_ptr<FacetTable> facet_table_;
    std::chrono::steady_clock::time_point facet_table_built_;
    std::vector<std::string> index_languages_;  // by article count, refreshed when the revision changes
    std::string index_languages_revision_;
};

}  // namespace newshound::searcher
