// ICU-based analysis. UTF-8 text is handed to the break iterator through UText, so boundaries are byte
// offsets into the caller's string and no UTF-16 copy of the whole text is made.
#include "schema/analyzer.h"

#include "schema/fields.h"
#include "schema/language.h"
#include "schema/snowball_stemmer.h"

#include <algorithm>
#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

namespace newshound::schema {

namespace {

// ICU word-break rule statuses: [0,100) is "none" (spaces, punctuation); numbers, letters, kana and
// ideographs are words. Only letters, kana and ideographs are stemmed (numbers are kept as they are).
constexpr int32_t FIRST_NUMBER_STATUS = UBRK_WORD_NUMBER;
constexpr int32_t FIRST_LETTER_STATUS = UBRK_WORD_LETTER;
constexpr int32_t END_LETTER_STATUS = UBRK_WORD_LETTER_LIMIT;

struct UTextCloser {
    void operator()(UText* t) const { utext_close(t); }
};

bool is_ascii(std::string_view s) {
    for (unsigned char c : s)
        if (c >= 0x80) return false;
    return true;
}

// Elided articles and prepositions of French, Italian and Catalan ("l'", "d'", "qu'", "dell'"). They
// are split off in every language, not only in articles detected as French: a short query's language
// cannot be known, and index and query must cut words the same way. English heads ("o'", "don'", "we'")
// are not in the list, so "O'Neill" and "don't" stay whole.
constexpr std::string_view ELIDED_HEADS[] = {"l",   "d",    "j",     "m",      "n",      "s",      "t",
                                             "c",   "qu",   "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu",
                                             "dell", "all", "dall",  "nell",   "sull",   "coll",   "quell",
                                             "quest", "un", "gl"};

// Removes "d'" / "dell’" from the front of a folded word; returns how many bytes were removed (the same
// count in the original text: the head is ASCII and the apostrophe is not changed by folding).
int32_t strip_elision(std::string& term) {
    for (std::string_view apostrophe : {std::string_view("'"), std::string_view("\xE2\x80\x99")}) {
        const size_t at = term.find(apostrophe);
        if (at == 0 || at == std::string::npos) continue;
        if (term.size() - at - apostrophe.size() < 2) continue;  // "l'" alone, or "d'a": nothing to keep
        const std::string_view head(term.data(), at);
        if (std::find(std::begin(ELIDED_HEADS), std::end(ELIDED_HEADS), head) == std::end(ELIDED_HEADS)) continue;
        const size_t cut = at + apostrophe.size();
        term.erase(0, cut);
        return static_cast<int32_t>(cut);
    }
    return 0;
}

}  // namespace

Analyzer::Analyzer() {
    UErrorCode status = U_ZERO_ERROR;
    words_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !words_)
        throw AnalyzerError(std::string("ICU word break iterator unavailable: ") + u_errorName(status));
    status = U_ZERO_ERROR;
    nfkc_casefold_ = icu::Normalizer2::getNFKCCasefoldInstance(status);
    nfd_ = icu::Normalizer2::getNFDInstance(status);
    nfc_ = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status) || !nfkc_casefold_ || !nfd_ || !nfc_)
        throw AnalyzerError(std::string("ICU normalizers unavailable: ") + u_errorName(status));
}

Analyzer::~Analyzer() = default;

std::string Analyzer::fold(std::string_view text) const {
    std::string out;
    if (is_ascii(text)) {
        out.assign(text);
        for (char& c : out)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
        return out;
    }
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString src = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    const icu::UnicodeString folded = nfkc_casefold_->normalize(src, status);
    if (U_FAILURE(status)) return std::string(text);  // unnormalizable input is still searchable verbatim
    folded.toUTF8String(out);
    // Case folding turns Turkish "İ" into "i" + COMBINING DOT ABOVE; the dot would make "İstanbul" and
    // "Istanbul" different words. Drop it after a plain i.
    for (size_t at = out.find("i\xCC\x87"); at != std::string::npos; at = out.find("i\xCC\x87", at + 1))
        out.erase(at + 1, 2);
    return out;
}

Analyzer::LanguageProfile& Analyzer::profile_for(std::string_view language) {
    auto it = profiles_.find(language);
    if (it != profiles_.end()) return it->second;
    const LanguageInfo* info = find_language(language);
    LanguageProfile p;
    if (info && info->stemmer_source == StemmerSource::XAPIAN) p.stemmer = Xapian::Stem(std::string(info->stemmer));
    if (info && info->stemmer_source == StemmerSource::LIBSTEMMER)
        p.stemmer = Xapian::Stem(new SnowballStemmer(std::string(info->stemmer)));
    p.fold_latin_marks = !info || info->fold_latin_marks;
    return profiles_.emplace(std::string(language), std::move(p)).first->second;
}

std::string Analyzer::strip_latin_marks(const std::string& text) const {
    // Cheap pre-check on UTF-8 lead bytes: Latin letters with marks live in U+00C0–U+024F (C3–C9) and
    // U+1E00–U+1EFF (E1 B8–BB); combining marks on their own in U+0300–U+036F (CC–CD). Anything else has
    // no Latin mark to strip.
    bool candidate = false;
    for (size_t i = 0; i < text.size() && !candidate; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        candidate = (c >= 0xC3 && c <= 0xCD) ||
                    (c == 0xE1 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0xB8 &&
                     static_cast<unsigned char>(text[i + 1]) <= 0xBB);
    }
    if (!candidate) return text;
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString decomposed =
        nfd_->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size()))), status);
    if (U_FAILURE(status)) return text;
    icu::UnicodeString kept;
    bool after_latin = false;
    for (int32_t i = 0; i < decomposed.length();) {
        const UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        if (u_charType(c) == U_NON_SPACING_MARK) {
            if (!after_latin) kept.append(c);
            continue;
        }
        UErrorCode script_status = U_ZERO_ERROR;
        after_latin = uscript_getScript(c, &script_status) == USCRIPT_LATIN;
        kept.append(c);
    }
    const icu::UnicodeString composed = nfc_->normalize(kept, status);
    if (U_FAILURE(status)) return text;
    std::string out;
    composed.toUTF8String(out);
    return out;
}

std::string Analyzer::match_key(const std::string& term, bool letters, LanguageProfile& p) {
    if (!letters) return term;
    if (const auto hit = p.keys.find(term); hit != p.keys.end()) return hit->second;
    // Marks go before stemming: "sequia" typed without its accent must stem like "sequía" does, or
    // the stemmer (which removes "-ía" but not "-ia") gives the two different keys.
    const std::string folded = p.fold_latin_marks ? strip_latin_marks(term) : term;
    std::string key = p.stemmer.is_none() ? folded : p.stemmer(folded);
    if (p.keys.size() >= MATCH_KEY_CACHE_ENTRIES) p.keys.clear();
    p.keys.emplace(term, key);
    return key;
}

std::string Analyzer::stem(const std::string& term, std::string_view language) {
    return match_key(term, true, profile_for(language));
}

Xapian::termpos Analyzer::analyze(std::string_view text, std::string_view language, std::vector<Token>& out,
                                  Xapian::termpos first_position) {
    Xapian::termpos pos = first_position;
    if (text.empty()) return pos;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UText, UTextCloser> ut(
        utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status));
    if (U_FAILURE(status)) throw AnalyzerError(std::string("utext_openUTF8 failed: ") + u_errorName(status));
    words_->setText(ut.get(), status);
    if (U_FAILURE(status)) throw AnalyzerError(std::string("BreakIterator::setText failed: ") + u_errorName(status));

    LanguageProfile& profile = profile_for(language);
    int32_t begin = words_->first();
    for (int32_t end = words_->next(); end != icu::BreakIterator::DONE; begin = end, end = words_->next()) {
        const int32_t rule = words_->getRuleStatus();
        if (rule < FIRST_NUMBER_STATUS) continue;
        const std::string_view word = text.substr(static_cast<size_t>(begin), static_cast<size_t>(end - begin));
        Token tok;
        tok.term = fold(word);
        begin += strip_elision(tok.term);
        if (tok.term.empty() || tok.term.size() > MAX_WORD_BYTES) {
            ++pos;
            continue;
        }
        tok.stem = match_key(tok.term, rule >= FIRST_LETTER_STATUS && rule < END_LETTER_STATUS, profile);
        tok.position = pos++;
        tok.byte_begin = static_cast<std::uint32_t>(begin);
        tok.byte_end = static_cast<std::uint32_t>(end);
        out.push_back(std::move(tok));
    }
    // The iterator must not keep pointing at the caller's text once it is gone.
    words_->setText(icu::UnicodeString());
    return pos;
}

}  // namespace newshound::schema
