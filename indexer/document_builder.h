// Article + Analyzer → Xapian::Document: postings, boolean filter terms, values and the stored record.
#pragma once

#include "schema/analyzer.h"
#include "schema/article.h"

#include <vector>
#include <xapian.h>

namespace newshound::indexer {

/// Pure apart from the analyzer it borrows; not thread-safe (one per thread, like the analyzer).
class DocumentBuilder {
public:
    explicit DocumentBuilder(schema::Analyzer& analyzer) : analyzer_(analyzer) {}

    /// Builds the document for an article whose `id` and `language` are set. The layout is the one in
    /// schema/fields.h: S/Z/unprefixed word terms, K/L/XSRC/XPLACE/XPERSON filters, value slots, record.
    [[nodiscard]] Xapian::Document build(const schema::Article& article);

private:
    void add_filters(Xapian::Document& doc, std::string_view prefix, const std::vector<std::string>& values);

    schema::Analyzer& analyzer_;
    std::vector<schema::Token> tokens_;  // reused between documents to avoid reallocating
};

}  // namespace newshound::indexer
