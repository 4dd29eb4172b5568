// What every fuzz target checks of the articles a reader hands the indexer, and the indexing they then go
// through: fields are UTF-8 (the article model's promise to every module), and the indexer's own path
// (complete_article, DocumentBuilder) takes any article a reader made without throwing.
#pragma once

#include "indexer/document_builder.h"
#include "indexer/indexer.h"
#include "indexer/readers/read_result.h"
#include "schema/analyzer.h"
#include "schema/utf8.h"

#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <variant>

namespace newshound::fuzz {

/// Stops the run with a message: libFuzzer saves the input that led here as a crash.
[[noreturn]] inline void fail(const char* what, std::string_view value) {
    std::fprintf(stderr, "fuzz invariant broken: %s (%zu bytes)\n", what, value.size());
    std::abort();
}

inline void require_utf8(const char* field, std::string_view value) {
    if (!schema::is_valid_utf8(value)) fail(field, value);
}

/// The checks and the indexing every reader's output goes through. One analyzer per process: building
/// one loads ICU break iterators and stemmers, which is not what is being fuzzed.
inline void index_result(indexer::ReadResult&& result) {
    static schema::Analyzer analyzer;
    static indexer::DocumentBuilder builder(analyzer);
    auto* article = std::get_if<schema::Article>(&result);
    if (article == nullptr) return;
    for (auto [name, value] : {std::pair<const char*, const std::string*>{"id", &article->id}, {"url", &article->url},
                               {"source", &article->source}, {"agency", &article->agency},
                               {"byline", &article->byline}, {"dateline", &article->dateline},
                               {"title", &article->title}, {"summary", &article->summary},
                               {"body", &article->body}, {"language", &article->language}})
        require_utf8(name, *value);
    for (const auto* list : {&article->topics, &article->places, &article->people})
        for (const auto& value : *list) require_utf8("topic, place or person", value);
    indexer::complete_article(*article);
    (void)builder.build(*article);
}

}  // namespace newshound::fuzz
