// Article ⇄ JSON in the published article schema (schema/article.schema.json): the JSONL input format and
// the body of the stored record.
#pragma once

#include "schema/article.h"

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <variant>

namespace newshound::schema {

/// Why a JSON object is not an article: a message naming the field, e.g. "published: not ISO-8601: 'x'".
struct JsonError {
    std::string message;
};

/// Reads an article object. Unknown fields are ignored (forward compatibility); a field of the wrong type,
/// an unparseable date, or an article with neither title nor body is an error. Does not derive the id.
[[nodiscard]] std::variant<Article, JsonError> article_from_json(const nlohmann::json& j);

/// Writes every non-empty field; dates as ISO-8601 with their original offset.
[[nodiscard]] nlohmann::json article_to_json(const Article& a);

}  // namespace newshound::schema
