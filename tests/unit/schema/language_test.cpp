// Language registry, CLD2 detection and the script fallback.
#include "schema/language.h"

#include "schema/analyzer.h"

#include <catch2/catch.hpp>

using namespace newshound::schema;

TEST_CASE("every registry stemmer exists and stems", "[language]") {
    Analyzer a;
    int stemmers = 0;
    for (const auto& row : languages()) {
        INFO(row.code);
        if (row.stemmer_source == StemmerSource::NONE) continue;
        ++stemmers;
        CHECK_NOTHROW(a.stem("testing", row.code));
    }
    CHECK(stemmers >= 28);  // Xapian's 24 languages (+ Norwegian variants) and libstemmer's hi, el, sr, yi
    CHECK(find_language("HI")->stemmer_source == StemmerSource::LIBSTEMMER);
    CHECK(find_language("xx") == nullptr);
}

TEST_CASE("CLD2 detects the language of article-length text", "[language]") {
    struct Row {
        const char* text;
        const char* expected;
    };
    const Row rows[] = {
        {"The central bank kept its main interest rate unchanged on Thursday, saying inflation was close to target.", "en"},
        {"Die Bundesregierung hat am Mittwoch ein neues Gesetz zur Förderung erneuerbarer Energien beschlossen.", "de"},
        {"Le gouvernement a présenté vendredi un plan pour doubler la production d'électricité éolienne en mer.", "fr"},
        {"देश के कई राज्यों में किसानों ने सोमवार को नई कृषि नीति के खिलाफ प्रदर्शन किया।", "hi"},
        {"Выборы в городской совет Москвы прошли спокойно, сообщила избирательная комиссия.", "ru"},
        {"北京大学的学生周一参加了一个科技展览，展示了新的机器人和人工智能项目。", "zh"},
    };
    for (const auto& row : rows) {
        INFO(row.text);
        CHECK(detect_language(row.text) == row.expected);
    }
    CHECK(detect_language("short") == "");
    CHECK(detect_language(std::string("\xff\xfe not utf-8 at all, but long enough to try") ) == "");
}

TEST_CASE("short texts fall back to the language their script implies", "[language]") {
    CHECK(guess_language_by_script("किसान") == "hi");
    CHECK(guess_language_by_script("東京都で") == "ja");
    CHECK(guess_language_by_script("北京大学") == "zh");
    CHECK(guess_language_by_script("தேர்தல்") == "ta");
    CHECK(guess_language_by_script("ประเทศไทย") == "th");
    CHECK(guess_language_by_script("پاکستان میں") == "ur");
    CHECK(guess_language_by_script("مصر") == "ar");
    CHECK(guess_language_by_script("Выборы") == "ru");
    CHECK(guess_language_by_script("Ukraine") == "");
    CHECK(guess_language_by_script("") == "");
    CHECK(guess_language_by_script("\xff\xfe\xfd") == "");
}
