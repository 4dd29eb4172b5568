// The language registry and CLD2-backed detection.
#include "schema/language.h"

#include <algorithm>
#include <array>
#include <cld2/public/compact_lang_det.h>
#include <map>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

namespace CLD2 {
// Declared in cld2/internal/lang_script.h, which Debian ships but which pulls in internal headers.
const char* LanguageCode(Language lang);
}  // namespace CLD2

namespace newshound::schema {

namespace {

// Stemmers: Xapian 1.4.22's Snowball set, plus libstemmer's for languages Xapian lacks. Languages without a
// Snowball stemmer are still detected, filtered and faceted; their words are matched unstemmed.
constexpr std::array LANGUAGES = {
    LanguageInfo{"ar", "Arabic", "arabic", StemmerSource::XAPIAN},
    LanguageInfo{"hy", "Armenian", "armenian", StemmerSource::XAPIAN},
    LanguageInfo{"eu", "Basque", "basque", StemmerSource::XAPIAN},
    LanguageInfo{"ca", "Catalan", "catalan", StemmerSource::XAPIAN},
    LanguageInfo{"da", "Danish", "danish", StemmerSource::XAPIAN},
    LanguageInfo{"nl", "Dutch", "dutch", StemmerSource::XAPIAN},
    LanguageInfo{"en", "English", "english", StemmerSource::XAPIAN},
    LanguageInfo{"fi", "Finnish", "finnish", StemmerSource::XAPIAN},
    LanguageInfo{"fr", "French", "french", StemmerSource::XAPIAN},
    LanguageInfo{"de", "German", "german", StemmerSource::XAPIAN},
    LanguageInfo{"hu", "Hungarian", "hungarian", StemmerSource::XAPIAN},
    LanguageInfo{"id", "Indonesian", "indonesian", StemmerSource::XAPIAN},
    LanguageInfo{"ga", "Irish", "irish", StemmerSource::XAPIAN},
    LanguageInfo{"it", "Italian", "italian", StemmerSource::XAPIAN},
    LanguageInfo{"lt", "Lithuanian", "lithuanian", StemmerSource::XAPIAN},
    LanguageInfo{"ne", "Nepali", "nepali", StemmerSource::XAPIAN},
    LanguageInfo{"no", "Norwegian", "norwegian", StemmerSource::XAPIAN},
    LanguageInfo{"nb", "Norwegian Bokmål", "norwegian", StemmerSource::XAPIAN},
    LanguageInfo{"nn", "Norwegian Nynorsk", "norwegian", StemmerSource::XAPIAN},
    LanguageInfo{"pt", "Portuguese", "portuguese", StemmerSource::XAPIAN},
    LanguageInfo{"ro", "Romanian", "romanian", StemmerSource::XAPIAN},
    LanguageInfo{"ru", "Russian", "russian", StemmerSource::XAPIAN},
    LanguageInfo{"es", "Spanish", "spanish", StemmerSource::XAPIAN},
    LanguageInfo{"sv", "Swedish", "swedish", StemmerSource::XAPIAN},
    LanguageInfo{"ta", "Tamil", "tamil", StemmerSource::XAPIAN},
    LanguageInfo{"tr", "Turkish", "turkish", StemmerSource::XAPIAN},
    LanguageInfo{"hi", "Hindi", "hindi", StemmerSource::LIBSTEMMER},
    LanguageInfo{"el", "Greek", "greek", StemmerSource::LIBSTEMMER},
    LanguageInfo{"sr", "Serbian", "serbian", StemmerSource::LIBSTEMMER},
    LanguageInfo{"yi", "Yiddish", "yiddish", StemmerSource::LIBSTEMMER},
    LanguageInfo{"uk", "Ukrainian", "", StemmerSource::NONE},
    LanguageInfo{"be", "Belarusian", "", StemmerSource::NONE},
    LanguageInfo{"bg", "Bulgarian", "", StemmerSource::NONE},
    LanguageInfo{"pl", "Polish", "", StemmerSource::NONE},
    LanguageInfo{"cs", "Czech", "", StemmerSource::NONE},
    LanguageInfo{"sk", "Slovak", "", StemmerSource::NONE},
    LanguageInfo{"hr", "Croatian", "", StemmerSource::NONE},
    LanguageInfo{"sl", "Slovenian", "", StemmerSource::NONE},
    LanguageInfo{"ur", "Urdu", "", StemmerSource::NONE},
    LanguageInfo{"fa", "Persian", "", StemmerSource::NONE},
    LanguageInfo{"he", "Hebrew", "", StemmerSource::NONE},
    LanguageInfo{"bn", "Bengali", "", StemmerSource::NONE},
    LanguageInfo{"mr", "Marathi", "", StemmerSource::NONE},
    LanguageInfo{"te", "Telugu", "", StemmerSource::NONE},
    LanguageInfo{"gu", "Gujarati", "", StemmerSource::NONE},
    LanguageInfo{"pa", "Punjabi", "", StemmerSource::NONE},
    LanguageInfo{"ml", "Malayalam", "", StemmerSource::NONE},
    LanguageInfo{"kn", "Kannada", "", StemmerSource::NONE},
    LanguageInfo{"zh", "Chinese", "", StemmerSource::NONE},
    LanguageInfo{"ja", "Japanese", "", StemmerSource::NONE},
    LanguageInfo{"ko", "Korean", "", StemmerSource::NONE},
    LanguageInfo{"th", "Thai", "", StemmerSource::NONE},
    LanguageInfo{"lo", "Lao", "", StemmerSource::NONE},
    LanguageInfo{"km", "Khmer", "", StemmerSource::NONE},
    LanguageInfo{"my", "Burmese", "", StemmerSource::NONE},
    LanguageInfo{"vi", "Vietnamese", "", StemmerSource::NONE, false},
    LanguageInfo{"ms", "Malay", "", StemmerSource::NONE},
    LanguageInfo{"sw", "Swahili", "", StemmerSource::NONE},
    LanguageInfo{"et", "Estonian", "", StemmerSource::NONE},
    LanguageInfo{"lv", "Latvian", "", StemmerSource::NONE},
};

// CLD2 needs some text to be reliable; below this many bytes its guesses are noise.
constexpr size_t MIN_DETECT_BYTES = 24;
// CLD2 is linear in its input and a few KiB decide the language of a news story.
constexpr size_t MAX_DETECT_BYTES = 16 * 1024;

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return (x | 0x20) == (y | 0x20);
           });
}

}  // namespace

std::span<const LanguageInfo> languages() { return LANGUAGES; }

const LanguageInfo* find_language(std::string_view code) {
    for (const auto& row : LANGUAGES)
        if (iequals(row.code, code)) return &row;
    return nullptr;
}

std::string guess_language_by_script(std::string_view text) {
    // Scripts written by one main language, or whose main news language is a fair default.
    struct ScriptLanguage {
        UScriptCode script;
        std::string_view language;
    };
    static constexpr ScriptLanguage SCRIPTS[] = {
        {USCRIPT_DEVANAGARI, "hi"}, {USCRIPT_ARABIC, "ar"},     {USCRIPT_CYRILLIC, "ru"},  {USCRIPT_GREEK, "el"},
        {USCRIPT_HEBREW, "he"},     {USCRIPT_HAN, "zh"},        {USCRIPT_HANGUL, "ko"},    {USCRIPT_THAI, "th"},
        {USCRIPT_LAO, "lo"},        {USCRIPT_KHMER, "km"},      {USCRIPT_MYANMAR, "my"},   {USCRIPT_TAMIL, "ta"},
        {USCRIPT_BENGALI, "bn"},    {USCRIPT_GURMUKHI, "pa"},   {USCRIPT_GUJARATI, "gu"},  {USCRIPT_TELUGU, "te"},
        {USCRIPT_KANNADA, "kn"},    {USCRIPT_MALAYALAM, "ml"},  {USCRIPT_ARMENIAN, "hy"},  {USCRIPT_GEORGIAN, "ka"},
        {USCRIPT_SINHALA, "si"},    {USCRIPT_ETHIOPIC, "am"},
    };
    std::map<UScriptCode, size_t> letters;
    bool kana = false;
    for (size_t i = 0; i < text.size();) {
        UChar32 c = 0;
        const auto len = static_cast<int32_t>(std::min<size_t>(text.size() - i, 4));
        int32_t k = 0;
        U8_NEXT(reinterpret_cast<const uint8_t*>(text.data() + i), k, len, c);
        i += static_cast<size_t>(k > 0 ? k : 1);
        if (c < 0 || !u_isalpha(c)) continue;
        UErrorCode status = U_ZERO_ERROR;
        const UScriptCode script = uscript_getScript(c, &status);
        if (U_FAILURE(status)) continue;
        kana = kana || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA;
        ++letters[script];
    }
    if (kana) return "ja";  // kana only occur in Japanese, which also uses Han characters
    UScriptCode best = USCRIPT_INVALID_CODE;
    size_t most = 0;
    for (const auto& [script, n] : letters)
        if (n > most) most = n, best = script;
    // Urdu and Persian letters that Arabic does not use tell them apart from Arabic.
    if (best == USCRIPT_ARABIC) {
        if (text.find("\xDA\xBA") != std::string_view::npos || text.find("\xDB\x92") != std::string_view::npos ||
            text.find("\xD9\xB9") != std::string_view::npos)
            return "ur";  // ں ے ٹ
        if (text.find("\xDA\xAF") != std::string_view::npos || text.find("\xDA\x86") != std::string_view::npos ||
            text.find("\xDA\x98") != std::string_view::npos || text.find("\xD9\xBE") != std::string_view::npos)
            return "fa";  // گ چ ژ پ
    }
    for (const auto& s : SCRIPTS)
        if (s.script == best) return std::string(s.language);
    return {};
}

std::string detect_language(std::string_view text) {
    if (text.size() < MIN_DETECT_BYTES) return {};
    size_t len = std::min(text.size(), MAX_DETECT_BYTES);
    // Do not cut a UTF-8 sequence in half: back up to a lead byte.
    while (len > 0 && len < text.size() && (static_cast<unsigned char>(text[len]) & 0xC0) == 0x80) --len;
    bool reliable = false;
    int valid_prefix = 0;
    const CLD2::Language lang =
        CLD2::DetectLanguageCheckUTF8(text.data(), static_cast<int>(len), true, &reliable, &valid_prefix);
    if (lang == CLD2::UNKNOWN_LANGUAGE || lang == CLD2::TG_UNKNOWN_LANGUAGE) return {};
    std::string code = CLD2::LanguageCode(lang);
    // CLD2 writes Chinese as "zh" / "zh-Hant"; we keep the bare language.
    if (auto dash = code.find('-'); dash != std::string::npos) code.resize(dash);
    return code;
}

}  // namespace newshound::schema
