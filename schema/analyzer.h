// The one text analyzer: ICU word segmentation + NFKC case folding + per-language stemming. Used by the
// indexer for documents and by the searcher for queries and snippets, so both see identical terms.
#pragma once

#include "schema/token.h"

#include <map>
#include <unordered_map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>
#include <unicode/uversion.h>
#include <xapian.h>

U_NAMESPACE_BEGIN
class BreakIterator;
class Normalizer2;
U_NAMESPACE_END

namespace newshound::schema {

/// Raised when ICU cannot create its objects (missing data files): nothing can be analysed then.
class AnalyzerError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Not thread-safe: holds an ICU break iterator and Xapian stemmers. Create one per thread; construction
/// is cheap after the first (ICU caches its rules).
class Analyzer {
public:
    /// Throws AnalyzerError if ICU's word-break rules or normalizer cannot be loaded.
    Analyzer();
    ~Analyzer();
    Analyzer(const Analyzer&) = delete;
    Analyzer& operator=(const Analyzer&) = delete;

    /// Appends the words of `text` to `out`. Positions run from `first_position` upwards, one per word.
    /// `language` is an ISO 639-1 code selecting the stemmer ("" or unknown: no stemming). Words longer
    /// than a Xapian term can be are dropped (their position is still consumed). Invalid UTF-8 bytes are
    /// treated as word separators. Returns the position after the last word.
    Xapian::termpos analyze(std::string_view text, std::string_view language, std::vector<Token>& out,
                            Xapian::termpos first_position = 1);

    /// NFKC + case folding of a whole string (no segmentation): how filter values are compared.
    [[nodiscard]] std::string fold(std::string_view text) const;

    /// The match key (Token::stem) of an already-normalized word in `language`: its stem, with Latin
    /// diacritics removed where the language's policy folds them. Used to search one word in several
    /// candidate languages.
    [[nodiscard]] std::string stem(const std::string& term, std::string_view language);

    /// Removes nonspacing marks that sit on Latin letters ("é" → "e", "ñ" → "n"); marks on other
    /// scripts (Devanagari matras, Cyrillic breves) stay. ASCII and non-Latin text is returned unchanged.
    [[nodiscard]] std::string strip_latin_marks(const std::string& text) const;

private:
    struct LanguageProfile {
        Xapian::Stem stemmer;
        bool fold_latin_marks = true;
        /// Folded word → match key. Words repeat (news text is Zipfian: a few hundred words are half of
        /// all tokens), so most keys come from here instead of the mark stripping and the stemmer.
        std::unordered_map<std::string, std::string> keys;
    };
    /// Entries per language before its key cache starts over: bounds memory on endless vocabularies.
    static constexpr size_t MATCH_KEY_CACHE_ENTRIES = 200000;
    LanguageProfile& profile_for(std::string_view language);
    std::string match_key(const std::string& term, bool letters, LanguageProfile& profile);

    std::unique_ptr<icu::BreakIterator> words_;
    const icu::Normalizer2* nfkc_casefold_ = nullptr;  // owned by ICU
    const icu::Normalizer2* nfd_ = nullptr;            // owned by ICU
    const icu::Normalizer2* nfc_ = nullptr;            // owned by ICU
    std::map<std::string, LanguageProfile, std::less<>> profiles_;
};

}  // namespace newshound::schema
