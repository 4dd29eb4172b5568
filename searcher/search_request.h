// A search as the user asked for it: parameters with their names and limits, validated in one place.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace newshound::searcher {

/// RELEVANCE: BM25. DATE: newest first. FRESHNESS: BM25 plus a weight that halves every
/// `half_life_days` of age (freshness.h).
enum class SortOrder { RELEVANCE, DATE, FRESHNESS };
/// How several values of one multi-valued filter (topic, place, person) combine.
enum class FilterMode { ALL, ANY };

/// Parameter names shared by the CLI, the HTML page and the JSON API.
struct SearchRequest {
    static constexpr const char* QUERY_PARAM = "q";
    static constexpr const char* TOPIC_PARAM = "topic";
    static constexpr const char* SOURCE_PARAM = "source";
    static constexpr const char* PLACE_PARAM = "place";
    static constexpr const char* PERSON_PARAM = "person";
    static constexpr const char* FILTER_MODE_PARAM = "match";
    static constexpr const char* HALF_LIFE_PARAM = "half_life";
    /// Freshness: a story's bonus halves every this many days unless the request says otherwise.
    static constexpr double DEFAULT_HALF_LIFE_DAYS = 7;
    static constexpr double MAX_HALF_LIFE_DAYS = 36500;
    static constexpr const char* FROM_PARAM = "from";
    static constexpr const char* TO_PARAM = "to";
    static constexpr const char* SORT_PARAM = "sort";
    static constexpr const char* PAGE_PARAM = "page";
    static constexpr const char* PAGE_SIZE_PARAM = "page_size";
    static constexpr const char* LANGUAGE_PARAM = "lang";
    static constexpr const char* QUERY_LANGUAGE_PARAM = "query_lang";
    static constexpr const char* CLUSTER_PARAM = "cluster";
    static constexpr const char* COLLAPSE_PARAM = "collapse";

    /// A query longer than this is refused: nobody types it, and parsing cost grows with it.
    static constexpr size_t MAX_QUERY_BYTES = 1024;
    static constexpr size_t MAX_FILTER_VALUES = 20;
    static constexpr int DEFAULT_PAGE_SIZE = 10;
    static constexpr int MAX_PAGE_SIZE = 100;
    /// Results beyond this rank are not served: deep pages cost O(rank) and no reader goes there.
    static constexpr int MAX_RESULT_RANK = 10000;

    std::string query;
    std::vector<std::string> topics;   ///< all must match (AND), or any with FilterMode::ANY
    std::vector<std::string> places;   ///< as topics
    std::vector<std::string> people;   ///< as topics
    FilterMode filter_mode = FilterMode::ALL;
    std::vector<std::string> sources;  ///< any may match (OR)
    std::vector<std::string> languages;  ///< ISO 639-1 codes; any may match (OR)
    std::string from;                  ///< "YYYY-MM-DD" inclusive, or empty
    std::string to;                    ///< "YYYY-MM-DD" inclusive, or empty
    std::string query_language;        ///< ISO 639-1 of the query words; empty = detect
    std::string cluster;               ///< show every article of this duplicate cluster (no collapsing)
    bool collapse = true;              ///< one hit per duplicate cluster; false lists every copy
    SortOrder sort = SortOrder::RELEVANCE;
    double half_life_days = DEFAULT_HALF_LIFE_DAYS;  ///< for SortOrder::FRESHNESS
    int page = 1;                      ///< 1-based
    int page_size = DEFAULT_PAGE_SIZE;
};

/// Why a request cannot be served: which parameter and what is wrong with it.
struct RequestError {
    std::string parameter;
    std::string message;
};

/// Checks limits and formats. Returns the first problem found, or nullopt when the request is valid.
[[nodiscard]] std::optional<RequestError> validate(const SearchRequest& request);

/// "relevance" / "date" → SortOrder; nullopt for anything else.
[[nodiscard]] std::optional<SortOrder> parse_sort(const std::string& text);
[[nodiscard]] const char* to_string(SortOrder sort);
/// "all" / "any" → FilterMode ("" is all); nullopt for anything else.
[[nodiscard]] std::optional<FilterMode> parse_filter_mode(const std::string& text);
[[nodiscard]] const char* to_string(FilterMode mode);

/// "2025-08-27" → "20250827" (the PUBLISHED_DAY slot's encoding); nullopt unless a real calendar day.
[[nodiscard]] std::optional<std::string> day_key(const std::string& iso_date);

}  // namespace newshound::searcher
