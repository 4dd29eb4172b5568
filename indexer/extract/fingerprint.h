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

/// "XSB" + band + 3 hex digits, one term per band: documents within NEAR_DUPLICATE_MAX_BITS of each
/// other share at least one.
[[nodiscard]] std::vector<std::string> simhash_band_terms(std::uint64_t hash);

/// 16 lower-case hex digits, and back (nullopt for anything else).
[[nodiscard]] std::string to_hex(std::uint64_t v);
[[nodiscard]] std::optional<std::uint64_t> from_hex(const std::string& s);

/// Number of differing bits.
[[nodiscard]] int hamming_distance(std::uint64_t a, std::uint64_t b);

}  // namespace newshound::indexer
