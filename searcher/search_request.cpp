// Request validation.
#include "searcher/search_request.h"

#include "schema/timestamp.h"
#include "schema/utf8.h"

namespace newshound::searcher {

std::optional<SortOrder> parse_sort(const std::string& text) {
    if (text.empty() || text == "relevance") return SortOrder::RELEVANCE;
    if (text == "date") return SortOrder::DATE;
    if (text == "freshness") return SortOrder::FRESHNESS;
    return std::nullopt;
}

const char* to_string(SortOrder sort) {
    switch (sort) {
    case SortOrder::DATE: return "date";
    case SortOrder::FRESHNESS: return "freshness";
    default: return "relevance";
    }
}

std::optional<FilterMode> parse_filter_mode(const std::string& text) {
    if (text.empty() || text == "all") return FilterMode::ALL;
    if (text == "any") return FilterMode::ANY;
    return std::nullopt;
}

const char* to_string(FilterMode mode) { return mode == FilterMode::ANY ? "any" : "all"; }

std::optional<std::string> day_key(const std::string& iso_date) {
    if (iso_date.size() != 10) return std::nullopt;
    auto ts = schema::parse_iso8601(iso_date);
    if (!ts) return std::nullopt;
    return iso_date.substr(0, 4) + iso_date.substr(5, 2) + iso_date.substr(8, 2);
}

std::optional<RequestError> validate(const SearchRequest& r) {
    if (r.query.size() > SearchRequest::MAX_QUERY_BYTES)
        return RequestError{SearchRequest::QUERY_PARAM,
                            "query is longer than " + std::to_string(SearchRequest::MAX_QUERY_BYTES) + " bytes"};
    // Text that is not UTF-8 cannot be what the reader meant: refused, not searched for as separators.
    if (!schema::is_valid_utf8(r.query)) return RequestError{SearchRequest::QUERY_PARAM, "is not valid UTF-8"};
    for (auto [name, values] : {std::pair{SearchRequest::TOPIC_PARAM, &r.topics}, std::pair{SearchRequest::SOURCE_PARAM, &r.sources},
                                std::pair{SearchRequest::LANGUAGE_PARAM, &r.languages}, std::pair{SearchRequest::PLACE_PARAM, &r.places},
                                std::pair{SearchRequest::PERSON_PARAM, &r.people}})
        for (const auto& v : *values)
            if (!schema::is_valid_utf8(v)) return RequestError{name, "is not valid UTF-8"};
    for (auto [name, values] : {std::pair{SearchRequest::TOPIC_PARAM, &r.topics}, std::pair{SearchRequest::SOURCE_PARAM, &r.sources},
                                std::pair{SearchRequest::LANGUAGE_PARAM, &r.languages}, std::pair{SearchRequest::PLACE_PARAM, &r.places},
                                std::pair{SearchRequest::PERSON_PARAM, &r.people}})
        if (values->size() > SearchRequest::MAX_FILTER_VALUES)
            return RequestError{name, "at most " + std::to_string(SearchRequest::MAX_FILTER_VALUES) + " values per filter"};
    if (!r.from.empty() && !day_key(r.from))
        return RequestError{SearchRequest::FROM_PARAM, "expected a date as YYYY-MM-DD, got '" + r.from.substr(0, 40) + "'"};
    if (!r.to.empty() && !day_key(r.to))
        return RequestError{SearchRequest::TO_PARAM, "expected a date as YYYY-MM-DD, got '" + r.to.substr(0, 40) + "'"};
    if (!r.from.empty() && !r.to.empty() && *day_key(r.from) > *day_key(r.to))
        return RequestError{SearchRequest::FROM_PARAM, "'from' is after 'to'"};
    if (r.page_size < 1 || r.page_size > SearchRequest::MAX_PAGE_SIZE)
        return RequestError{SearchRequest::PAGE_SIZE_PARAM,
                            "must be between 1 and " + std::to_string(SearchRequest::MAX_PAGE_SIZE)};
    if (r.page < 1) return RequestError{SearchRequest::PAGE_PARAM, "must be 1 or more"};
    if (!(r.half_life_days > 0 && r.half_life_days <= SearchRequest::MAX_HALF_LIFE_DAYS))
        return RequestError{SearchRequest::HALF_LIFE_PARAM,
                            "must be a number of days above 0 and at most " + std::to_string(static_cast<int>(SearchRequest::MAX_HALF_LIFE_DAYS))};
    if (static_cast<long long>(r.page) * r.page_size > SearchRequest::MAX_RESULT_RANK)
        return RequestError{SearchRequest::PAGE_PARAM, "results beyond rank " + std::to_string(SearchRequest::MAX_RESULT_RANK) +
                                                     " are not served; narrow the search instead"};
    return std::nullopt;
}

}  // namespace newshound::searcher
