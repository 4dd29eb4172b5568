// What a search returns: one page of hits, the total, facet counts, timing.
#pragma once

#include "searcher/facets.h"
#include "searcher/search_request.h"
#include "searcher/snippeter.h"

#include <string>
#include <vector>

namespace newshound::searcher {

struct Hit {
    int rank = 0;  ///< 1-based over the whole result list
    std::string id;
    std::string url;
    std::string title;
    Highlighted title_highlighted;
    std::string source;
    std::string byline;     ///< author(s) as printed, or ""
    std::string published;  ///< ISO-8601 with the original offset, or ""
    std::string language;
    std::vector<std::string> topics;
    Highlighted snippet;
    double score = 0;  ///< BM25 weight (0 for date-sorted browsing)
    std::string cluster;          ///< duplicate cluster id
    Xapian::doccount similar = 0;  ///< other matching articles of the cluster collapsed into this hit
};

struct SearchResponse {
    SearchRequest request;
    std::vector<Hit> hits;
    Xapian::doccount total = 0;  ///< matches_estimated; exact when total_exact
    bool total_exact = true;
    /// No article has all the words: the hits have any of them (the query's relaxed form).
    bool relaxed = false;
    /// "Did you mean": the query with misspelled words replaced, when that finds more; else "".
    std::string suggestion;
    std::vector<FacetCount> topics;
    std::vector<FacetCount> sources;
    std::vector<FacetCount> languages;
    std::vector<FacetCount> places;
    std::vector<FacetCount> people;
    /// Publication dates of every match, by day ("2025-09-12"), month ("2025-09") or year ("2025"):
    /// whichever gives at most DATE_HISTOGRAM_MAX_BUCKETS buckets for the span of the matches. In date order.
    std::vector<FacetCount> dates;
    std::string date_granularity;  ///< "day", "month", "year", or "" when no match has a date
    double elapsed_ms = 0;
};

}  // namespace newshound::searcher
