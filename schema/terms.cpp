// Id and filter term construction.
#include "schema/terms.h"

#include "schema/analyzer.h"
#include "schema/fields.h"

#include <cstdio>

namespace newshound::schema {

namespace {

std::string hex64(std::uint64_t v) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
    return buf;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

// Cuts at most `max` bytes without splitting a UTF-8 sequence.
void truncate_utf8(std::string& s, size_t max) {
    if (s.size() <= max) return;
    size_t n = max;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    s.resize(n);
}

}  // namespace

std::uint64_t fnv1a64(std::string_view data, std::uint64_t seed) {
    std::uint64_t h = seed;
    for (unsigned char c : data) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

std::string derive_article_id(std::string_view url, std::string_view title, std::string_view body) {
    url = trim(url);
    if (!url.empty()) return "u" + hex64(fnv1a64(url));
    // Separate the fields so that moving text between title and body changes the id.
    return "c" + hex64(fnv1a64(body, fnv1a64("\x1f", fnv1a64(title))));
}

std::string id_term(std::string_view id) {
    std::string term(prefix::ID);
    if (prefix::ID.size() + id.size() <= MAX_TERM_BYTES) return term.append(id);
    // Like omindex: keep a readable head and make the tail unique with a hash of the whole id.
    term.append(id.substr(0, MAX_TERM_BYTES - prefix::ID.size() - 17));
    return term.append("#").append(hex64(fnv1a64(id)));
}

std::string filter_term(std::string_view prefix, std::string_view value, const Analyzer& analyzer) {
    std::string term(prefix);
    std::string folded = analyzer.fold(trim(value));
    truncate_utf8(folded, MAX_TERM_BYTES - prefix.size());
    return term.append(folded);
}

}  // namespace newshound::schema
