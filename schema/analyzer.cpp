// ICU-based analysis. UTF-8 text is handed to the break iterator through UText, so boundaries are byte
// offsets into the caller's string and no UTF-16 copy of the whole text is made.
#include "schema/analyzer.h"

#include "schema/fields.h"
#include "schema/language.h"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

namespace newshound::schema {

namespace {

// ICU word-break rule statuses: [0,100) is "none" (spaces, punctuation); numbers, letters, kana and
// ideographs are words. Only letters, kana and ideographs are stemmed.
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

}  // namespace

Analyzer::Analyzer() {
    UErrorCode status = U_ZERO_ERROR;
    words_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !words_)
        throw AnalyzerError(std::string("ICU word break iterator unavailable: ") + u_errorName(status));
    status = U_ZERO_ERROR;
    nfkc_casefold_ = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status) || !nfkc_casefold_)
        throw AnalyzerError(std::string("ICU NFKC_Casefold normalizer unavailable: ") + u_errorName(status));
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
    return out;
}

Xapian::Stem& Analyzer::stemmer_for(std::string_view language) {
    auto it = stemmers_.find(language);
    if (it != stemmers_.end()) return it->second;
    const LanguageInfo* info = find_language(language);
    Xapian::Stem stem = info && !info->stemmer.empty() ? Xapian::Stem(std::string(info->stemmer)) : Xapian::Stem();
    return stemmers_.emplace(std::string(language), std::move(stem)).first->second;
}

std::string Analyzer::stem(const std::string& term, std::string_view language) {
    Xapian::Stem& s = stemmer_for(language);
    return s.is_none() ? term : s(term);
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

    Xapian::Stem& stemmer = stemmer_for(language);
    int32_t begin = words_->first();
    for (int32_t end = words_->next(); end != icu::BreakIterator::DONE; begin = end, end = words_->next()) {
        const int32_t rule = words_->getRuleStatus();
        if (rule < FIRST_NUMBER_STATUS) continue;
        const std::string_view word = text.substr(static_cast<size_t>(begin), static_cast<size_t>(end - begin));
        Token tok;
        tok.term = fold(word);
        if (tok.term.empty() || tok.term.size() > MAX_WORD_BYTES) {
            ++pos;
            continue;
        }
        const bool stemmable = rule >= FIRST_LETTER_STATUS && rule < END_LETTER_STATUS && !stemmer.is_none();
        tok.stem = stemmable ? stemmer(tok.term) : tok.term;
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
