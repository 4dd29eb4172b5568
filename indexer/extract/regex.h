// The indexer's patterns (dates, caption and credit lines, class names of page furniture) are RE2: its
// matching is linear in the text whatever the text holds, where std::regex backtracks, recurses per
// character and looked the locale up for every one (it was most of page extraction's time).
#pragma once

#include <re2/re2.h>

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace newshound::indexer {

enum class Case { SENSITIVE, INSENSITIVE };

/// How the text a pattern reads is encoded: UTF-8 (every reader's output), or bytes of an encoding not yet
/// known (a page's head before its charset is read), where each byte is one character.
enum class Encoding { UTF8, BYTES };

/// A pattern that must compile: one that does not is a programming error, thrown (std::logic_error) where
/// it is built, so the first test to reach it fails. Case-insensitive matching folds Unicode case ("MÄRZ").
/// In a UTF-8 pattern, \xNN and \x{N} are code points, not bytes: "©" is \x{A9} (or the character
/// itself, as C++ writes it into the string), while \xC2\xA9 would be "Â©".
class Regex {
public:
    explicit Regex(const std::string& pattern, Case letter_case = Case::SENSITIVE, Encoding encoding = Encoding::UTF8);
    Regex(const Regex&) = delete;
    Regex& operator=(const Regex&) = delete;

    const RE2& re2() const { return re_; }

private:
    RE2 re_;
};

/// One match of a pattern, its groups as views of the text searched (group 0: the whole match).
class RegexMatch {
public:
    /// Groups a pattern used with RegexMatch may have; Regex patterns with more are read up to this many.
    static constexpr int MAX_GROUPS = 8;

    /// The leftmost match anywhere in `text` (as std::regex_search).
    bool search(const Regex& re, std::string_view text) { return run(re, text, RE2::UNANCHORED); }
    /// A match of all of `text` (as std::regex_match).
    bool full(const Regex& re, std::string_view text) { return run(re, text, RE2::ANCHOR_BOTH); }

    bool matched(int group) const { return groups_[group].data() != nullptr; }
    std::string_view operator[](int group) const { return {groups_[group].data(), groups_[group].size()}; }
    std::string str(int group) const { return std::string((*this)[group]); }
    /// Where a matched group starts and ends in the searched text.
    size_t position(int group) const { return static_cast<size_t>(groups_[group].data() - text_.data()); }
    size_t end(int group) const { return position(group) + groups_[group].size(); }
    /// A matched group of ASCII digits as a number (0 when it is not one).
    int number(int group) const;

private:
    bool run(const Regex& re, std::string_view text, RE2::Anchor anchor);

    std::string_view text_;
    std::array<re2::StringPiece, MAX_GROUPS + 1> groups_{};
};

/// The parts of `text` between matches of `separator` (as std::sregex_token_iterator with -1: a final
/// empty part is left out).
std::vector<std::string_view> split_on(const Regex& separator, std::string_view text);

/// `text` with every match of `re` removed.
std::string remove_all(const Regex& re, std::string text);

}  // namespace newshound::indexer
