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

/// "XSB" + band + 3 hex digits, one term per band: documents within NEAR_DUPLICATE_MAX_BITS of each
/// other share at least one.
[[nodiscard]] std::vector<std::string> simhash_band_terms(std::uint64_t hash);

/// 16 lower-case hex digits, and back (nullopt for anything else).
[[nodiscard]] std::string to_hex(std::uint64_t v);
[[nodiscard]] std::optional<std::uint64_t> from_hex(const std::string& s);

/// Number of differing bits.
[[nodiscard]] int hamming_distance(std::uint64_t a, std::uint64_t b);

}  // namespace newshound::indexer
