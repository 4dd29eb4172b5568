// Versioned JSON record in document data.
#include "schema/stored_record.h"

#include "schema/article_json.h"

#include <nlohmann/json.hpp>

namespace newshound::schema {

std::string encode_stored_record(const Article& article) {
    nlohmann::json j = article_to_json(article);
    j["v"] = STORED_RECORD_VERSION;
    // Invalid UTF-8 from a broken input must not make the whole record unwritable.
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::optional<Article> decode_stored_record(std::string_view data) {
    nlohmann::json j = nlohmann::json::parse(data, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return std::nullopt;
    auto v = j.find("v");
    if (v == j.end() || !v->is_number_integer() || v->get<int>() > STORED_RECORD_VERSION) return std::nullopt;
    auto parsed = article_from_json(j);
    if (auto* a = std::get_if<Article>(&parsed)) return std::move(*a);
    return std::nullopt;
}

}  // namespace newshound::schema
