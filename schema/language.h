// Language detection and the table of languages we can stem.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace newshound::schema {

/// Where a language's stemmer comes from.
enum class StemmerSource { NONE, XAPIAN, LIBSTEMMER };

/// One row per supported language: ISO 639-1 code, English name, and the Snowball stemmer (by its
/// Xapian or libstemmer name). Adding a language is adding a row in language.cpp.
struct LanguageInfo {
    std::string_view code;
    std::string_view name;
    std::string_view stemmer;
    StemmerSource stemmer_source = StemmerSource::NONE;
    /// Whether diacritics on Latin letters are removed before stemming, so match keys (stems) of
    /// "énergie" and "energie", "sequía" and "sequia" meet: readers often type without accents. Off where
    /// marks carry meaning readers do type (Vietnamese tones). Exact forms (phrases) keep their marks.
    bool fold_latin_marks = true;
};

/// Every language in the registry, in table order.
[[nodiscard]] std::span<const LanguageInfo> languages();

/// The row for an ISO 639-1 code (case-insensitive), or nullptr when we do not know it.
[[nodiscard]] const LanguageInfo* find_language(std::string_view code);

/// The language we fall back to when detection is unsure and nothing was given.
inline constexpr std::string_view DEFAULT_LANGUAGE = "en";

/// The language a text's dominant script implies ("hi" for Devanagari, "ja" when kana appear, "th" for
/// Thai …), or "" for Latin and scripts shared by many languages too evenly to guess. The fallback for
/// texts too short for CLD2 (headlines, queries). Invalid UTF-8 bytes are skipped.
[[nodiscard]] std::string guess_language_by_script(std::string_view text);

/// Detects the language of UTF-8 text with CLD2. Returns an ISO 639-1 code (or CLD2's code for languages
/// without one), or "" when the text is too short or mixed to tell. Thread-safe. Invalid UTF-8 → "".
[[nodiscard]] std::string detect_language(std::string_view text);

}  // namespace newshound::schema
