// The article model: what every reader produces and every module agrees on. Plain data, no behaviour.
#pragma once

#include "schema/timestamp.h"

#include <optional>
#include <string>
#include <vector>

namespace newshound::schema {

/// One news article after extraction. All strings are UTF-8. Empty string / empty vector / nullopt
/// mean "not known". `id` is always set once an article reaches the indexer (see article_id.h).
struct Article {
    std::string id;
    std::string url;
    std::string source;    ///< publication, e.g. "Business Standard"
    std::string agency;    ///< wire agency credited, e.g. "Reuters"
    std::string byline;    ///< author(s) as printed
    std::string dateline;  ///< place the story was filed from, e.g. "MOSCOW"
    std::optional<Timestamp> published;
    std::optional<Timestamp> updated;
    std::string title;
    std::string summary;   ///< standfirst / dek / description
    std::string body;      ///< paragraphs separated by "\n\n"
    std::vector<std::string> topics;
    std::vector<std::string> places;
    std::vector<std::string> people;
    std::string language;  ///< ISO 639-1 code ("en"); empty until given or detected
};

}  // namespace newshound::schema
