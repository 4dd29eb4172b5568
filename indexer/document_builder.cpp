// Document layout. Title words are indexed as S-terms with positions and as stems with TITLE_WDF;
// summary and body as unprefixed positional terms and stems with BODY_WDF.
#include "indexer/document_builder.h"

#include "schema/facet_value.h"

#include "indexer/extract/fingerprint.h"
#include "schema/fields.h"
#include "schema/stored_record.h"
#include "schema/terms.h"
#include "schema/word_offsets.h"

namespace newshound::indexer {

using namespace newshound::schema;

void DocumentBuilder::add_filters(Xapian::Document& doc, std::string_view prefix, const std::vector<std::string>& values) {
    for (const auto& v : values) {
        const std::string term = filter_term(prefix, v, analyzer_);
        if (term.size() > prefix.size()) doc.add_boolean_term(term);
    }
}

Xapian::Document DocumentBuilder::build(const Article& a) {
    Xapian::Document doc;
    doc.add_boolean_term(id_term(a.id));
    if (!a.url.empty()) doc.add_boolean_term(url_term(a.url));

    std::string stem_term(prefix::STEM);
    std::string word_term;
    tokens_.clear();
    const Xapian::termpos title_end = analyzer_.analyze(a.title, a.language, tokens_, 1);
    for (const auto& t : tokens_) {
        word_term.assign(prefix::TITLE).append(t.term);
        doc.add_posting(word_term, t.position, TITLE_WDF);
        stem_term.resize(prefix::STEM.size());
        doc.add_term(stem_term.append(t.stem), TITLE_WDF);
    }

    tokens_.clear();
    const Xapian::termpos summary_start = title_end + BODY_POSITION_GAP;
    const Xapian::termpos body_start = analyzer_.analyze(a.summary, a.language, tokens_, summary_start) + BODY_POSITION_GAP;
    const size_t summary_tokens = tokens_.size();
    analyzer_.analyze(a.body, a.language, tokens_, body_start);
    for (const auto& t : tokens_) {
        word_term.assign(prefix::BODY).append(t.term);
        doc.add_posting(word_term, t.position, BODY_WDF);
        stem_term.resize(prefix::STEM.size());
        doc.add_term(stem_term.append(t.stem), BODY_WDF);
    }

    const std::string window = duplicate_windows(a.published ? std::optional(a.published->utc_seconds) : std::nullopt).own;
    if (const auto hash = exact_text_hash(tokens_)) doc.add_boolean_term(std::string(prefix::BODY_HASH) + to_hex(*hash) + window);
    for (const auto shingle : sampled_shingles(tokens_)) doc.add_boolean_term(shingle_term(shingle) + window);
    if (const auto hash = simhash(tokens_)) doc.add_value(slot(Slot::SIMHASH), to_hex(*hash));

    add_filters(doc, prefix::TOPIC, a.topics);
    add_filters(doc, prefix::PLACE, a.places);
    add_filters(doc, prefix::PERSON, a.people);
    if (!a.source.empty()) add_filters(doc, prefix::SOURCE, {a.source});
    if (!a.language.empty()) add_filters(doc, prefix::LANGUAGE, {a.language});

    if (a.published) {
        doc.add_value(slot(Slot::PUBLISHED), Xapian::sortable_serialise(static_cast<double>(a.published->utc_seconds)));
        doc.add_value(slot(Slot::PUBLISHED_DAY), to_yyyymmdd(*a.published));
    }
    if (std::string facets = encode_facets(a); !facets.empty()) doc.add_value(slot(Slot::FACETS), std::move(facets));

    // Snippets come from the body, else the summary (searcher/snippeter.h): store that text's word offsets.
    const std::span<const Token> all(tokens_);
    const std::string offsets = a.body.empty() ? encode_word_offsets(all.first(summary_tokens), summary_start, a.summary.size())
                                               : encode_word_offsets(all.subspan(summary_tokens), body_start, a.body.size());
    doc.set_data(encode_stored_record(a, offsets));
    return doc;
}

}  // namespace newshound::indexer
