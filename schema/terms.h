// How ids and filter values become Xapian terms: the only place term strings are assembled from values.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace newshound::schema {

class Analyzer;

/// A stable article id when the input has none: "u" + 16 hex digits of a 64-bit FNV-1a hash of the url
/// when there is one, else "c" + the hash of title and body. The same input always gives the same id.
[[nodiscard]] std::string derive_article_id(std::string_view url, std::string_view title, std::string_view body);

/// "Q" + id, or "Q" + a hash of the id when the id would make a term longer than Xapian allows.
[[nodiscard]] std::string id_term(std::string_view id);

/// prefix + the case-folded value, trimmed and truncated to Xapian's term limit at a character boundary.
/// Used for topic, source, language, place and person filters at index and at query time.
[[nodiscard]] std::string filter_term(std::string_view prefix, std::string_view value, const Analyzer& analyzer);

/// 64-bit FNV-1a: small, fast and stable across platforms and releases (std::hash is not).
[[nodiscard]] std::uint64_t fnv1a64(std::string_view data, std::uint64_t seed = 0xcbf29ce484222325ULL);

}  // namespace newshound::schema
