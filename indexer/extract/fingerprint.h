// Content fingerprints for duplicate detection: SimHash over word shingles.
#pragma once

#include "schema/token.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace newshound::indexer {

/// 64-bit SimHash of the text's 2-word shingles (over match keys, so case, accents and inflection do
/// not matter). nullopt for texts under MIN_FINGERPRINT_TOKENS words: too short to tell an edit from
/// another story.
[[nodiscard]] std::optional<std::uint64_t> simhash(const std::vector<schema::Token>& tokens);

inline constexpr size_t MIN_FINGERPRINT_TOKENS = 40;

/// Hash of the texts' normalized words (the terms, so case, width and punctuation do not matter): equal for
/// exact copies of any length. nullopt under MIN_EXACT_HASH_TOKENS words, where unrelated one-liners
/// ("Photo gallery", an empty body) would collide.
[[nodiscard]] std::optional<std::uint64_t> exact_text_hash(const std::vector<schema::Token>& tokens);
inline constexpr size_t MIN_EXACT_HASH_TOKENS = 8;

/// Sampled shingles: the SHINGLE_SAMPLE_SIZE smallest hashes of the text's 5-word shingles (bottom-k
/// MinHash; a shingle with a figure counts as several draws). Two texts keep the same samples for what
/// they share, so copies with whole sentences cut or rewritten, too far apart for SimHash, still share
/// most of them. Empty under MIN_FINGERPRINT_TOKENS words. Sorted, without repeats.
[[nodiscard]] std::vector<std::uint32_t> sampled_shingles(const std::vector<schema::Token>& tokens);
inline constexpr size_t SHINGLE_SAMPLE_SIZE = 16;
/// "XSG" + 8 hex digits of a sampled shingle.
[[nodiscard]] std::string shingle_term(std::uint32_t shingle);

/// Duplicate lookup terms (exact hash and shingles) end in the time window of the article's
/// date, "@" + the window number, so an article is compared only with articles from its own window and
/// the nearer neighbouring one: copies are published within NEAR_DUPLICATE_MAX_DAYS of each other, and
/// without windows every copy of a text repeated for years (a weekly tender) would be read, a cost growing
/// with the archive. Windows are 2 × NEAR_DUPLICATE_MAX_DAYS
/// long, so any two dates within NEAR_DUPLICATE_MAX_DAYS fall in one window or in a window and the
/// neighbour nearer to the first. Undated articles have no suffix and are compared with undated ones.
struct DuplicateWindows {
    std::string own;   ///< suffix of the article's own terms ("" when undated)
    std::string near;  ///< suffix of the neighbouring window to look in too (== own when undated)
};
[[nodiscard]] DuplicateWindows duplicate_windows(std::optional<std::int64_t> utc_seconds);
/// The terms to look up for one of an article's own lookup terms: itself, and the same term in the
/// neighbouring window.
[[nodiscard]] std::vector<std::string> duplicate_lookup_terms(const std::string& own_term, const DuplicateWindows& w);

/// 16 lower-case hex digits, and back (nullopt for anything else).
[[nodiscard]] std::string to_hex(std::uint64_t v);
[[nodiscard]] std::optional<std::uint64_t> from_hex(const std::string& s);

/// Number of differing bits.
[[nodiscard]] int hamming_distance(std::uint64_t a, std::uint64_t b);

}  // namespace newshound::indexer
