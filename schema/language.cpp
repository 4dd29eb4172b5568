// The language registry and CLD2-backed detection.
#include "schema/language.h"

#include <algorithm>
#include <array>
#include <cld2/public/compact_lang_det.h>

namespace CLD2 {
// Declared in cld2/internal/lang_script.h, which Debian ships but which pulls in internal headers.
const char* LanguageCode(Language lang);
}  // namespace CLD2

namespace newshound::schema {

namespace {

// Xapian 1.4.22 ships these Snowball stemmers. Languages whose stemmer Xapian lacks (hi, el, sr, yi) and
// unsegmented scripts get "" until the multilingual-analysis work wraps libstemmer.
constexpr std::array LANGUAGES = {
    LanguageInfo{"ar", "Arabic", "arabic"},         LanguageInfo{"hy", "Armenian", "armenian"},
    LanguageInfo{"eu", "Basque", "basque"},         LanguageInfo{"ca", "Catalan", "catalan"},
    LanguageInfo{"da", "Danish", "danish"},         LanguageInfo{"nl", "Dutch", "dutch"},
    LanguageInfo{"en", "English", "english"},       LanguageInfo{"fi", "Finnish", "finnish"},
    LanguageInfo{"fr", "French", "french"},         LanguageInfo{"de", "German", "german"},
    LanguageInfo{"hu", "Hungarian", "hungarian"},   LanguageInfo{"id", "Indonesian", "indonesian"},
    LanguageInfo{"ga", "Irish", "irish"},           LanguageInfo{"it", "Italian", "italian"},
    LanguageInfo{"lt", "Lithuanian", "lithuanian"}, LanguageInfo{"ne", "Nepali", "nepali"},
    LanguageInfo{"no", "Norwegian", "norwegian"},   LanguageInfo{"nb", "Norwegian Bokmål", "norwegian"},
    LanguageInfo{"pt", "Portuguese", "portuguese"}, LanguageInfo{"ro", "Romanian", "romanian"},
    LanguageInfo{"ru", "Russian", "russian"},       LanguageInfo{"es", "Spanish", "spanish"},
    LanguageInfo{"sv", "Swedish", "swedish"},       LanguageInfo{"ta", "Tamil", "tamil"},
    LanguageInfo{"tr", "Turkish", "turkish"},       LanguageInfo{"hi", "Hindi", ""},
    LanguageInfo{"el", "Greek", ""},                LanguageInfo{"sr", "Serbian", ""},
    LanguageInfo{"uk", "Ukrainian", ""},            LanguageInfo{"ur", "Urdu", ""},
    LanguageInfo{"fa", "Persian", ""},              LanguageInfo{"he", "Hebrew", ""},
    LanguageInfo{"zh", "Chinese", ""},              LanguageInfo{"ja", "Japanese", ""},
    LanguageInfo{"ko", "Korean", ""},               LanguageInfo{"th", "Thai", ""},
    LanguageInfo{"pl", "Polish", ""},               LanguageInfo{"cs", "Czech", ""},
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
