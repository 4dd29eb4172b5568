// Stop words: the function words of a language that carry no topic. Used at query time only — documents
// keep every word, so phrases with "of the" still match exactly.
#pragma once

#include <string_view>

namespace newshound::schema {

/// True if `term` (an analyzer term: NFKC-case-folded, marks kept) is a stop word of `language`. Languages
/// without a list have no stop words.
[[nodiscard]] bool is_stopword(std::string_view language, std::string_view term);

}  // namespace newshound::schema
