// How ids and filter values become Xapian terms: the only place term strings are assembled from values.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace newshound::schema {

class Analyzer;

/// The url in the form that identifies an article: scheme and host lower-cased, default port, fragment
/// and tracking parameters (utm_*, fbclid, gclid, …) removed, a trailing slash of the path removed.
/// Anything that does not look like scheme://host is returned trimmed but otherwise unchanged.
[[nodiscard]] std::string normalize_url(std::string_view url);

/// A stable article id when the input has none: "u" + 16 hex digits of a 64-bit FNV-1a hash of the
/// normalized url when there is one, else "c" + the hash of title and body. The same input always gives
/// the same id, and so do two spellings of one url.
[[nodiscard]] std::string derive_article_id(std::string_view url, std::string_view title, std::string_view body);

/// "Q" + id, or "Q" + a hash of the id when the id would make a term longer than Xapian allows.
[[nodiscard]] std::string id_term(std::string_view id);

/// "U" + the normalized url, or "U" + a readable head and a hash when that exceeds Xapian's term limit.
[[nodiscard]] std::string url_term(std::string_view url);

/// prefix + the case-folded value, trimmed and truncated to Xapian's term limit at a character boundary.
/// Used for topic, source, language, place and person filters at index and at query time.
[[nodiscard]] std::string filter_term(std::string_view prefix, std::string_view value, const Analyzer& analyzer);

/// The synonym-table key under which the indexer lists the body and summary words of articles in `language`
/// whose match key (Analyzer::stem) is `match_key` but which differ from it ("XF" + language + ":" + key;
/// "markets" and "marketing" under "XFen:market"). Snippets find a query word's forms in an article from
/// these and its position lists, without analysing its text. "" when the key would exceed a term's length.
[[nodiscard]] std::string word_forms_key(std::string_view language, std::string_view match_key);

/// 64-bit FNV-1a: small, fast and stable across platforms and releases (std::hash is not).
[[nodiscard]] std::uint64_t fnv1a64(std::string_view data, std::uint64_t seed = 0xcbf29ce484222325ULL);

}  // namespace newshound::schema
