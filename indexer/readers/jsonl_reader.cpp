// JSONL reader on top of schema::article_from_json.
#include "indexer/readers/jsonl_reader.h"

#include "schema/article_json.h"

#include <nlohmann/json.hpp>

namespace newshound::indexer {

void read_jsonl(std::istream& in, const std::string& name, const ArticleSink& sink) {
    std::string line;
    size_t line_no = 0;
    while (std::getline(in, line)) {
        ++line_no;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        const std::string origin = name + ":" + std::to_string(line_no);
        if (line.size() > MAX_JSONL_LINE_BYTES) {
            sink(SkipReason{origin, "line longer than " + std::to_string(MAX_JSONL_LINE_BYTES) + " bytes"}, origin);
            continue;
        }
        nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
        if (j.is_discarded()) {
            sink(SkipReason{origin, "not valid JSON"}, origin);
            continue;
        }
        auto parsed = schema::article_from_json(j);
        if (auto* err = std::get_if<schema::JsonError>(&parsed)) {
            sink(SkipReason{origin, err->message}, origin);
            continue;
        }
        sink(std::get<schema::Article>(std::move(parsed)), origin);
    }
}

}  // namespace newshound::indexer
