// SimHash (Charikar): each shingle votes on every bit with its hash; the sign of the tally is the bit.
#include "indexer/extract/fingerprint.h"

#include "schema/fields.h"
#include "schema/terms.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdio>

namespace newshound::indexer {

namespace {
// Word pairs: single words make unrelated stories on one topic look alike, triples make every edit
// count three times; pairs separate the two best (see NEAR_DUPLICATE_MAX_BITS).
constexpr size_t SHINGLE_WORDS = 2;
constexpr int FIGURE_WEIGHT = 4;

// FNV-1a spreads similar strings poorly across high bits; a final mix (SplitMix64) fixes that.
std::uint64_t mix(std::uint64_t z) {
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

// The hash of the `words` match keys from `at`; `figure` tells whether one of them holds a digit.
std::uint64_t shingle_hash(const std::vector<schema::Token>& tokens, size_t at, size_t words, bool& figure) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    figure = false;
    for (size_t k = 0; k < words; ++k) {
        h = schema::fnv1a64(tokens[at + k].stem, h ^ 0x1f);
        figure = figure || tokens[at + k].stem.find_first_of("0123456789") != std::string::npos;
    }
    return mix(h);
}
}  // namespace

std::optional<std::uint64_t> simhash(const std::vector<schema::Token>& tokens) {
    if (tokens.size() < MIN_FINGERPRINT_TOKENS) return std::nullopt;
    std::array<int, 64> votes{};
    for (size_t i = 0; i + SHINGLE_WORDS <= tokens.size(); ++i) {
        bool figure = false;
        const std::uint64_t h = shingle_hash(tokens, i, SHINGLE_WORDS, figure);
        // Figures are the facts of templated reports ("gold fixed at 401.50 dlrs"): a shingle with a number
        // votes more, so two reports that differ only in their figures are not taken for copies.
        const int weight = figure ? FIGURE_WEIGHT : 1;
        for (int bit = 0; bit < 64; ++bit) votes[static_cast<size_t>(bit)] += (h >> bit) & 1 ? weight : -weight;
    }
    std::uint64_t out = 0;
    for (int bit = 0; bit < 64; ++bit)
        if (votes[static_cast<size_t>(bit)] > 0) out |= 1ULL << bit;
    return out;
}

std::string to_hex(std::uint64_t v) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
    return buf;
}

std::optional<std::uint64_t> from_hex(const std::string& s) {
    if (s.size() != 16) return std::nullopt;
    std::uint64_t v = 0;
    for (char c : s) {
        const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (d < 0) return std::nullopt;
        v = (v << 4) | static_cast<std::uint64_t>(d);
    }
    return v;
}

int hamming_distance(std::uint64_t a, std::uint64_t b) { return std::popcount(a ^ b); }

std::optional<std::uint64_t> exact_text_hash(const std::vector<schema::Token>& tokens) {
    if (tokens.size() < MIN_EXACT_HASH_TOKENS) return std::nullopt;
    std::uint64_t h = schema::fnv1a64("");
    for (const auto& t : tokens) {
        h = schema::fnv1a64(t.term, h);
        h = schema::fnv1a64(" ", h);
    }
    return h;
}

std::vector<std::uint32_t> sampled_shingles(const std::vector<schema::Token>& tokens) {
    // Five words: long enough that unrelated stories on one topic rarely share one, short enough that an
    // edited word spoils few.
    constexpr size_t SAMPLED_SHINGLE_WORDS = 5;
    std::vector<std::uint32_t> out;
    if (tokens.size() < MIN_FINGERPRINT_TOKENS) return out;
    out.reserve(tokens.size());
    for (size_t i = 0; i + SAMPLED_SHINGLE_WORDS <= tokens.size(); ++i) {
        bool figure = false;
        std::uint64_t h = shingle_hash(tokens, i, SAMPLED_SHINGLE_WORDS, figure);
        out.push_back(static_cast<std::uint32_t>(h >> 32));
        // Templated reports ("gold was fixed at 401.50 dlrs") share their wording and differ in their
        // figures: a shingle with a figure enters the sample as FIGURE_WEIGHT draws, so figures weigh more.
        for (int extra = 1; figure && extra < FIGURE_WEIGHT; ++extra) {
            h = mix(h + static_cast<std::uint64_t>(extra));
            out.push_back(static_cast<std::uint32_t>(h >> 32));
        }
    }
    // The smallest hashes are a consistent sample (bottom-k MinHash): two texts keep the same ones for
    // what they share.
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    if (out.size() > SHINGLE_SAMPLE_SIZE) out.resize(SHINGLE_SAMPLE_SIZE);
    return out;
}

DuplicateWindows duplicate_windows(std::optional<std::int64_t> utc_seconds) {
    if (!utc_seconds) return {};
    constexpr std::int64_t WINDOW_SECONDS = 2 * std::int64_t{schema::NEAR_DUPLICATE_MAX_DAYS} * 86400;
    const std::int64_t t = *utc_seconds;
    // Floor division: dates before 1970 are negative.
    const std::int64_t window = t / WINDOW_SECONDS - (t % WINDOW_SECONDS < 0 ? 1 : 0);
    const bool first_half = t - window * WINDOW_SECONDS < WINDOW_SECONDS / 2;
    return {"@" + std::to_string(window), "@" + std::to_string(first_half ? window - 1 : window + 1)};
}

std::vector<std::string> duplicate_lookup_terms(const std::string& own_term, const DuplicateWindows& w) {
    if (w.own == w.near || !own_term.ends_with(w.own)) return {own_term};
    return {own_term, own_term.substr(0, own_term.size() - w.own.size()) + w.near};
}

std::string shingle_term(std::uint32_t shingle) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%08x", shingle);
    return std::string(schema::prefix::SHINGLE) + buf;
}

}  // namespace newshound::indexer
