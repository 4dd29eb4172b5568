// Field-by-field JSON mapping with error messages that name the field.
#include "schema/article_json.h"

#include <nlohmann/json.hpp>

namespace newshound::schema {

namespace {

using nlohmann::json;

// Returns false (and sets err) if the field is present with the wrong type.
bool read_string(const json& j, const char* key, std::string& out, JsonError& err) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return true;
    if (!it->is_string()) {
        err.message = std::string(key) + ": expected a string";
        return false;
    }
    out = it->get<std::string>();
    return true;
}

bool read_list(const json& j, const char* key, std::vector<std::string>& out, JsonError& err) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return true;
    if (it->is_string()) {  // a lone string is a one-element list: exports often do this
        if (!it->get_ref<const std::string&>().empty()) out.push_back(it->get<std::string>());
        return true;
    }
    if (!it->is_array()) {
        err.message = std::string(key) + ": expected an array of strings";
        return false;
    }
    for (const auto& v : *it) {
        if (!v.is_string()) {
            err.message = std::string(key) + ": expected an array of strings";
            return false;
        }
        if (!v.get_ref<const std::string&>().empty()) out.push_back(v.get<std::string>());
    }
    return true;
}

bool read_time(const json& j, const char* key, std::optional<Timestamp>& out, JsonError& err) {
    std::string text;
    if (!read_string(j, key, text, err)) return false;
    if (text.empty()) return true;
    out = parse_iso8601(text);
    if (!out) {
        err.message = std::string(key) + ": not an ISO-8601 date-time: '" + text.substr(0, 64) + "'";
        return false;
    }
    return true;
}

void put(json& j, const char* key, const std::string& v) {
    if (!v.empty()) j[key] = v;
}
void put(json& j, const char* key, const std::vector<std::string>& v) {
    if (!v.empty()) j[key] = v;
}
void put(json& j, const char* key, const std::optional<Timestamp>& v) {
    if (v) j[key] = to_iso8601(*v);
}

}  // namespace

std::variant<Article, JsonError> article_from_json(const json& j) {
    if (!j.is_object()) return JsonError{"expected a JSON object"};
    Article a;
    JsonError err;
    const bool ok = read_string(j, "id", a.id, err) && read_string(j, "url", a.url, err) &&
                    read_string(j, "source", a.source, err) && read_string(j, "agency", a.agency, err) &&
                    read_string(j, "byline", a.byline, err) && read_string(j, "dateline", a.dateline, err) &&
                    read_time(j, "published", a.published, err) && read_time(j, "updated", a.updated, err) &&
                    read_string(j, "title", a.title, err) && read_string(j, "summary", a.summary, err) &&
                    read_string(j, "body", a.body, err) && read_list(j, "topics", a.topics, err) &&
                    read_list(j, "places", a.places, err) && read_list(j, "people", a.people, err) &&
                    read_string(j, "language", a.language, err);
    if (!ok) return err;
    if (a.title.empty() && a.body.empty() && a.summary.empty()) return JsonError{"article has no title, summary or body"};
    return a;
}

json article_to_json(const Article& a) {
    json j = json::object();
    put(j, "id", a.id);
    put(j, "url", a.url);
    put(j, "source", a.source);
    put(j, "agency", a.agency);
    put(j, "byline", a.byline);
    put(j, "dateline", a.dateline);
    put(j, "published", a.published);
    put(j, "updated", a.updated);
    put(j, "title", a.title);
    put(j, "summary", a.summary);
    put(j, "body", a.body);
    put(j, "topics", a.topics);
    put(j, "places", a.places);
    put(j, "people", a.people);
    put(j, "language", a.language);
    return j;
}

}  // namespace newshound::schema
