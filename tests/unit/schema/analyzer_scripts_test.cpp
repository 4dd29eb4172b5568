// Analyzer output for every script we support, pinned by a golden table (tests/expected/analyzer_scripts.txt):
// input → tokens with normalized term, match key (stem), position and byte offsets.
#include "schema/analyzer.h"
#include "support/test_support.h"

#include <catch2/catch.hpp>

using newshound::schema::Analyzer;

namespace {

struct Row {
    const char* language;
    const char* note;
    const char* input;
};

// Each row is one behaviour that must not change silently.
const Row ROWS[] = {
    {"en", "Latin, possessive, hyphen, numbers", "Ukraine's allies met on 27.08.2025 in U.S.-led talks, 40 minutes"},
    {"en", "soft hyphen inside a word does not split it", "co\xC2\xAD" "operation"},
    {"en", "NBSP separates words", "New\xC2\xA0York"},
    {"en", "zero-width space separates words", "alpha\xE2\x80\x8B" "beta"},
    {"en", "zero-width joiner inside a Latin word is dropped, not a split", "zero\xE2\x80\x8Dwidth"},
    {"fr", "accents folded in the match key, kept in the term", "Les énergies renouvelables à Paris"},
    {"fr", "elided articles split off (ASCII and typographic apostrophes)", "d'électricité l’année aujourd'hui"},
    {"it", "Italian elision", "dell'anno all’Italia"},
    {"en", "English keeps apostrophes inside words", "O'Neill didn't"},
    {"en", "elision is split off whatever the language, so queries cut words like documents", "d'Argent"},
    {"es", "unaccented and accented forms share a key", "sequía sequia España"},
    {"de", "sharp s case-folds to ss; umlauts folded in keys", "Straße Müller Übergang"},
    {"tr", "Turkish dotted capital I", "İstanbul ılık"},
    {"vi", "Vietnamese keeps its tones in keys", "Việt Nam bầu cử"},
    {"ru", "Cyrillic with stemming", "Выборы в России выборах"},
    {"uk", "Cyrillic without a stemmer: й keeps its breve", "Київ й"},
    {"el", "Greek: final sigma folds, libstemmer Greek stemmer", "Οι εκλογές εκλογών"},
    {"sr", "Serbian libstemmer stemmer", "Избори изборима"},
    {"ar", "Arabic with the Arabic stemmer", "الانتخابات في مصر"},
    {"fa", "Persian: zero-width non-joiner inside a word", "ایران\xE2\x80\x8Cها"},
    {"ur", "Urdu", "پاکستان میں انتخابات"},
    {"he", "Hebrew", "הבחירות בישראל"},
    {"hi", "Devanagari: matras and virama stay inside words; Hindi stemmer", "भारत के किसानों ने किसान नीति क्षेत्र"},
    {"ne", "Nepali stemmer", "नेपालमा निर्वाचन"},
    {"bn", "Bengali", "বাংলাদেশে নির্বাচন"},
    {"ta", "Tamil stemmer", "தமிழ்நாடு தேர்தல்கள்"},
    {"zh", "Chinese: dictionary segmentation without spaces", "北京大学的学生"},
    {"ja", "Japanese: dictionary segmentation of kanji and kana", "東京都で新しい政策が発表された"},
    {"ko", "Korean: space-separated eojeol", "서울에서 선거가 열렸다"},
    {"th", "Thai: dictionary segmentation without spaces", "ประเทศไทยมีการเลือกตั้ง"},
    {"lo", "Lao", "ການເລືອກຕັ້ງໃນລາວ"},
    {"km", "Khmer", "ការបោះឆ្នោតនៅកម្ពុជា"},
    {"my", "Myanmar", "မြန်မာနိုင်ငံရွေးကောက်ပွဲ"},
    {"en", "full-width Latin and ligatures are compatibility-normalized", "ＮＡＴＯ ﬁnance"},
    {"en", "emoji and punctuation are not words", "Vote! 🗳️ — now…"},
};

}  // namespace

TEST_CASE("analyzer output for every script matches the golden table", "[analyzer][golden]") {
    Analyzer a;
    std::string out;
    for (const auto& row : ROWS) {
        std::vector<newshound::schema::Token> tokens;
        a.analyze(row.input, row.language, tokens);
        out += std::string("# ") + row.language + ": " + row.note + "\n" + row.input + "\n";
        for (const auto& t : tokens)
            out += "  " + t.term + " / " + t.stem + " @" + std::to_string(t.position) + " [" +
                   std::to_string(t.byte_begin) + "," + std::to_string(t.byte_end) + ")\n";
        // Offsets always cut the input at character boundaries and cover the token's own text.
        for (const auto& t : tokens) {
            const std::string original = std::string(row.input).substr(t.byte_begin, t.byte_end - t.byte_begin);
            INFO(row.note << ": " << original);
            CHECK(a.fold(original) == t.term);
        }
    }
    CHECK(newshound::test::matches_golden("analyzer_scripts.txt", out));
}
