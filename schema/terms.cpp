// Id and filter term construction.
#include "schema/terms.h"

#include "schema/analyzer.h"
#include "schema/fields.h"

#include <algorithm>
#include <cctype>
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

// Parameters that identify a click, not a page.
bool is_tracking_parameter(std::string_view name) {
    static constexpr std::string_view EXACT[] = {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid",
                                                 "igshid", "yclid", "_ga", "cmpid", "ocid", "ncid", "ito"};
    if (name.substr(0, 4) == "utm_") return true;
    for (auto e : EXACT)
        if (name == e) return true;
    return false;
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

std::string normalize_url(std::string_view raw) {
    const std::string_view url = trim(raw);
    const size_t scheme_end = url.find("://");
    if (scheme_end == std::string_view::npos || scheme_end == 0) return std::string(url);
    std::string scheme(url.substr(0, scheme_end));
    for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string_view rest = url.substr(scheme_end + 3);
    rest = rest.substr(0, rest.find('#'));
    const size_t path_start = std::min(rest.find_first_of("/?"), rest.size());
    std::string host(rest.substr(0, path_start));
    for (char& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if ((scheme == "http" && host.ends_with(":80")) || (scheme == "https" && host.ends_with(":443")))
        host.resize(host.rfind(':'));
    std::string_view path_and_query = rest.substr(path_start);
    const size_t q = path_and_query.find('?');
    std::string path(path_and_query.substr(0, q));
    while (path.size() > 1 && path.back() == '/') path.pop_back();
    if (path == "/") path.clear();
    std::string query;
    if (q != std::string_view::npos) {
        std::string_view params = path_and_query.substr(q + 1);
        while (!params.empty()) {
            const size_t amp = params.find('&');
            const std::string_view param = params.substr(0, amp);
            params = amp == std::string_view::npos ? std::string_view() : params.substr(amp + 1);
            const std::string_view name = param.substr(0, param.find('='));
            if (param.empty() || is_tracking_parameter(name)) continue;
            query += (query.empty() ? "?" : "&");
            query += param;
        }
    }
    return scheme + "://" + host + path + query;
}

std::string url_term(std::string_view url) {
    std::string term(prefix::URL);
    const std::string normalized = normalize_url(url);
    if (term.size() + normalized.size() <= MAX_TERM_BYTES) return term + normalized;
    return term + normalized.substr(0, MAX_TERM_BYTES - term.size() - 17) + "#" + hex64(fnv1a64(normalized));
}

std::string derive_article_id(std::string_view url, std::string_view title, std::string_view body) {
    url = trim(url);
    if (!url.empty()) return "u" + hex64(fnv1a64(normalize_url(url)));
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

std::string word_forms_key(std::string_view language, std::string_view match_key) {
    std::string key(prefix::WORD_FORMS);
    key.append(language).append(":").append(match_key);
    return key.size() <= MAX_TERM_BYTES ? key : std::string();
}

std::string filter_term(std::string_view prefix, std::string_view value, const Analyzer& analyzer) {
    std::string term(prefix);
    std::string folded = analyzer.fold(trim(value));
    truncate_utf8(folded, MAX_TERM_BYTES - prefix.size());
    return term.append(folded);
}

}  // namespace newshound::schema
