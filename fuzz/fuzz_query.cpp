// libFuzzer target: the query parser (searcher/query_parser) through the one analyzer. A query either
// parses or is a QueryError whose offset lies inside the text; parsed queries must describe themselves.
#include "fuzz/fuzz_support.h"
#include "searcher/query_parser.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace newshound;
    static schema::Analyzer analyzer;
    static searcher::QueryParser parser(analyzer);
    if (size == 0) return 0;
    static const std::vector<std::vector<std::string>> LANGUAGES = {{"en"}, {"de", "en"}, {"ru"}, {"hi", "en"},
                                                                    {"zh"}, {"ar"}, {"fr", "es"}, {"el"}};
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    const auto result = parser.parse(text, LANGUAGES[data[0] & 7]);
    if (const auto* error = std::get_if<searcher::QueryError>(&result)) {
        if (error->offset > text.size()) fuzz::fail("error offset past the end of the query", text);
        return 0;
    }
    const auto& parsed = std::get<searcher::ParsedQuery>(result);
    (void)parsed.query.get_description();
    (void)parsed.relaxed.get_description();
    return 0;
}
