#include "indexer/extract/regex.h"

#include <algorithm>
#include <charconv>
#include <stdexcept>

namespace newshound::indexer {

namespace {

RE2::Options options_for(Case letter_case, Encoding encoding) {
    RE2::Options options;
    options.set_log_errors(false);  // a bad pattern is thrown, with RE2's message, not logged
    options.set_case_sensitive(letter_case == Case::SENSITIVE);
    options.set_encoding(encoding == Encoding::UTF8 ? RE2::Options::EncodingUTF8 : RE2::Options::EncodingLatin1);
    return options;
}

}  // namespace

Regex::Regex(const std::string& pattern, Case letter_case, Encoding encoding)
    : re_(pattern, options_for(letter_case, encoding)) {
    if (!re_.ok()) throw std::logic_error("bad pattern: " + re_.error() + ": " + pattern);
}

bool RegexMatch::run(const Regex& re, std::string_view text, RE2::Anchor anchor) {
    text_ = text;
    groups_.fill(re2::StringPiece());
    const int groups = std::min(re.re2().NumberOfCapturingGroups(), MAX_GROUPS) + 1;
    return re.re2().Match(re2::StringPiece(text.data(), text.size()), 0, text.size(), anchor, groups_.data(), groups);
}

int RegexMatch::number(int group) const {
    const std::string_view digits = (*this)[group];
    int value = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    return error == std::errc() && end == digits.data() + digits.size() ? value : 0;
}

std::vector<std::string_view> split_on(const Regex& separator, std::string_view text) {
    std::vector<std::string_view> parts;
    const re2::StringPiece whole(text.data(), text.size());
    size_t from = 0, search_at = 0;
    re2::StringPiece match;
    while (search_at <= text.size() &&
           separator.re2().Match(whole, search_at, text.size(), RE2::UNANCHORED, &match, 1)) {
        const auto at = static_cast<size_t>(match.data() - text.data());
        if (match.empty()) {  // an empty separator splits nothing; look on from the next byte
            search_at = at + 1;
            continue;
        }
        parts.push_back(text.substr(from, at - from));
        from = search_at = at + match.size();
    }
    if (from < text.size()) parts.push_back(text.substr(from));
    return parts;
}

std::string remove_all(const Regex& re, std::string text) {
    RE2::GlobalReplace(&text, re.re2(), "");
    return text;
}

}  // namespace newshound::indexer
