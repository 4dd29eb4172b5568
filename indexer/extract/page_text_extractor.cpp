// The line classifier. Every line gets features (word count, sentence ending, glued link text, cue words);
// roles follow from the features and from where the line stands relative to the title and the body.
#include "indexer/extract/page_text_extractor.h"

#include "indexer/extract/date_parser.h"
#include "indexer/extract/regex.h"
#include "schema/language.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace newshound::indexer {

namespace {

// A headline has at least this many words; fewer is a section name, a logo or a button.
constexpr int MIN_TITLE_WORDS = 4;
constexpr int MAX_TITLE_WORDS = 30;
// A standfirst is a sentence-sized line; shorter lines after the title are furniture.
constexpr int MIN_SUMMARY_WORDS = 8;
// A paragraph that starts or resumes the body must be a real sentence of this many words; once inside
// the body, shorter sentences (quotes, one-liners) are kept.
constexpr int MIN_OPENING_PROSE_WORDS = 6;
constexpr int MIN_CONTINUING_PROSE_WORDS = 3;
// Without a sentence ending, only a long line with sentence breaks inside counts as prose.
constexpr int MIN_UNTERMINATED_PROSE_WORDS = 15;
// "TodayHappy OnamWishes": link texts pasted together without spaces. Two joins mark a link list.
constexpr int MIN_GLUED_JOINS = 2;
// Furniture is a short line; a cue word in a sentence longer than MAX_FURNITURE_SENTENCE_WORDS is prose.
constexpr int MAX_FURNITURE_WORDS = 25;
constexpr int MAX_FURNITURE_SENTENCE_WORDS = 10;
// Block headers and furniture are short; a longer line with the same words is content.
constexpr int MAX_HEADER_WORDS = 6;
// A date line ("2 min read Last Updated : Aug 27 2025 | 10:57 PM IST") is short, even one that prints
// both times ("Published: May 12, 2025 at 6:03 PM CDT | Updated: May 13, 2025 at 8:41 AM CDT").
constexpr int MAX_DATE_LINE_WORDS = 24;
// A menu line has at least this many items of at most this many words.
constexpr int MIN_MENU_ITEMS = 3;
constexpr size_t MAX_MENU_ITEM_WORDS = 3;
// A title is looked for among this many non-blank lines from the top.
constexpr size_t TITLE_SEARCH_LINES = 60;
// Title score: words count up to this many (a standfirst without a full stop is not a better headline for
// being longer); a date or byline within TITLE_META_DISTANCE lines below adds TITLE_META_BONUS, a
// breadcrumb that ends with the line adds TITLE_BREADCRUMB_BONUS. Ties go to the earlier line.
constexpr int TITLE_SCORED_WORDS = 10;
constexpr size_t TITLE_META_DISTANCE = 4;
constexpr int TITLE_META_BONUS = 6;
constexpr int TITLE_BREADCRUMB_BONUS = 10;
// After a block of links the body resumes only at a paragraph followed by another, or at one this long:
// a lone question or teaser between furniture is not the story.
constexpr int MIN_LONE_RESUMING_WORDS = 25;
// Lines of a tag list under a "Topics" header are this short; at most this many are taken.
constexpr int MAX_TAG_WORDS = 4;
constexpr size_t MAX_TAGS = 12;
// Han and kana have no spaces between words: this many characters count as one word.
constexpr int CJK_CHARS_PER_WORD = 2;

// Headers of blocks that list other stories, as line keys (lower case, punctuation as spaces); the lines
// after them are links until a real paragraph. A line starting with one of them and a ':' or '|' is a
// single teaser link ("Lire aussi | Budget 2026 : …").
constexpr std::string_view BLOCK_HEADERS[] = {
    // English
    "also read", "read also", "read more", "read next", "related", "related stories", "related news",
    "related articles", "related content", "related posts", "more from this section", "more stories",
    "more news", "more local news", "recommended", "recommended stories", "trending", "trending now", "most read",
    "most viewed", "most popular", "popular", "explore news", "you may also like", "also watch", "watch",
    "latest news", "top stories", "further reading", "see also", "more on this story", "other stories",
    "site index", "up next", "more to read", "don t miss",
    // German, French, Spanish, Portuguese, Italian, Turkish, Dutch
    "lesen sie auch", "mehr zum thema", "auch interessant", "das könnte sie auch interessieren", "weitere artikel",
    "meistgelesen", "à lire aussi", "lire aussi", "sur le même sujet", "les plus lus", "à voir aussi", "voir aussi",
    "lee también", "te puede interesar", "más información", "más noticias", "lo más leído", "noticias relacionadas",
    "seguí leyendo", "sigue leyendo", "últimas noticias", "leia também", "leia mais", "veja também", "mais lidas",
    "leggi anche", "potrebbe interessarti", "i più letti", "ilgili haberler", "bunlar da ilginizi çekebilir",
    "lees ook", "meest gelezen",
    // Russian, Arabic, Hindi, Chinese, Japanese, Korean
    "читайте также", "по теме", "ещё по теме", "еще по теме", "самое читаемое", "новости партнеров",
    "новости партнёров", "اقرأ أيضا", "اقرأ أيضاً", "اقرأ ايضا", "مواضيع ذات صلة", "الأكثر قراءة", "أخبار ذات صلة",
    "यह भी पढ़ें", "ये भी पढ़ें", "संबंधित खबरें", "और पढ़ें", "相关新闻", "相关阅读", "延伸阅读", "推荐阅读",
    "热门推荐", "相關新聞", "関連記事", "関連ニュース", "あわせて読みたい", "アクセスランキング", "관련기사",
    "많이 본 뉴스",
};

// Words marking site furniture (prompts, players, sharing, footer links) in a short line; matched at the
// start of a word of the line key, so "newsletter" covers "newsletters" and "teilen" misses "mitteilen".
constexpr std::string_view FURNITURE_CUES[] = {
    "listen to this article", "telegram channel", "whatsapp channel", "subscribe", "newsletter", "follow us",
    "sign up", "sign in", "advertisement", "share this", "share on", "download the app", "click here",
    "notification", "log in", "min read", "minute read", "skip to", "cookie", "privacy", "terms of",
    "contact us", "reuse this content", "purchase licensing", "comments", "print this",
    "artikel anhören", "lesezeit", "teilen", "abonnieren", "anzeige", "werbung", "impressum", "datenschutz",
    "temps de lecture", "partager", "abonnez vous", "s abonner", "publicité", "mentions légales",
    "tiempo de lectura", "compartir", "suscríbete", "publicidad", "compartilh", "assine", "condividi",
    "abbonati", "paylaş", "поделиться", "подписаться", "реклама", "شارك", "اشترك", "إعلان", "تابعونا",
    "शेयर करें", "सब्सक्राइब", "विज्ञापन", "स्किप", "分享到", "关注我们", "广告", "シェア", "広告", "공유",
};

// Phrases that mark a line as boilerplate at any length: disclaimers and notices no story sentence uses.
constexpr std::string_view DISCLAIMER_CUES[] = {
    "syndicated feed", "contributed to this report", "contributed reporting", "trust principles",
    "quotes delayed", "all rights reserved", "may not be published broadcast", "our standards",
    "todos los derechos reservados", "tous droits réservés", "alle rechte vorbehalten", "все права защищены",
    "جميع الحقوق محفوظة",
};

// A copyright notice besides "©" and a key starting "copyright".
constexpr std::string_view COPYRIGHT_CUES[] = {
    "all rights reserved", "riproduzione riservata", "todos os direitos", "版权所有", "著作権", "tüm hakları saklıdır",
};

// Headers of a tag list printed one tag per line ("Topics :", "Related topics", "Archivado en").
constexpr std::string_view TAG_HEADERS[] = {
    "topics", "tags", "keywords", "related topics", "suggested topics", "explore more on these topics",
    "filed under", "themen", "schlagwörter", "schlagworte", "mots clés", "sujets", "archivado en", "temas",
    "etiquetas", "tags relacionados", "argomenti", "etiketler", "теги", "темы", "الوسوم", "टैग", "标签", "タグ",
};

constexpr std::string_view PUBLISHED_CUES[] = {
    "published", "posted", "first published", "veröffentlicht", "publié", "publicado", "pubblicato", "publicerad",
    "gepubliceerd", "yayınlanma", "опубликовано", "نشر", "प्रकाशित", "发布", "発行", "입력",
};
constexpr std::string_view UPDATED_CUES[] = {
    "updated", "modified", "last modified", "aktualisiert", "stand", "mis à jour", "modifié", "actualizado",
    "atualizado", "aggiornato", "güncelleme", "güncellendi", "обновлено", "تحديث", "अपडेटेड", "更新", "수정",
};

constexpr std::array<std::string_view, 21> AGENCIES = {
    "Reuters", "AP", "AFP", "PTI", "IANS", "ANI", "Bloomberg", "dpa", "Xinhua", "TASS", "UNI",
    "EFE",     "ANSA", "Kyodo", "Yonhap", "AAP", "KNA", "APA", "Anadolu", "WAM", "SPA",
};

struct Line {
    std::string text;
    int words = 0;
    bool ends_sentence = false;
    bool inner_sentence_break = false;
    int glued_joins = 0;
    bool blank_before = false;  // a blank line separates it from the line before
    std::string key;  // lower-cased, punctuation as single spaces, for cue matching
    // What takes pattern passes to find out, found once: the steps below ask about the same lines many times.
    mutable std::optional<bool> not_prose_kind;  // a link list, caption, furniture, copyright or credit line
    mutable std::optional<bool> has_date;        // any date, read without a zone or a reference time
    mutable std::optional<std::optional<schema::Timestamp>> page_date;  // in the page's zone and save time
};

std::vector<std::string> split_words(std::string_view s);

std::string_view trim(std::string_view s) {
    auto is_space_at_front = [](std::string_view v) -> size_t {
        if (v.empty()) return 0;
        const unsigned char c = static_cast<unsigned char>(v[0]);
        if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') return 1;
        if (v.size() >= 2 && c == 0xC2 && static_cast<unsigned char>(v[1]) == 0xA0) return 2;  // NBSP
        if (v.size() >= 3 && c == 0xE2 && static_cast<unsigned char>(v[1]) == 0x80 &&
            (static_cast<unsigned char>(v[2]) == 0x8B || static_cast<unsigned char>(v[2]) == 0xAF))
            return 3;  // ZWSP, narrow NBSP
        return 0;
    };
    auto is_space_at_back = [](std::string_view v) -> size_t {
        if (v.empty()) return 0;
        const unsigned char c = static_cast<unsigned char>(v.back());
        if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') return 1;
        if (v.size() >= 2 && c == 0xA0 && static_cast<unsigned char>(v[v.size() - 2]) == 0xC2) return 2;
        if (v.size() >= 3 && static_cast<unsigned char>(v[v.size() - 3]) == 0xE2 &&
            static_cast<unsigned char>(v[v.size() - 2]) == 0x80 && (c == 0x8B || c == 0xAF))
            return 3;
        return 0;
    };
    while (size_t n = is_space_at_front(s)) s.remove_prefix(n);
    while (size_t n = is_space_at_back(s)) s.remove_suffix(n);
    return s;
}

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// True if the line ends like a sentence, looking past closing quotes and brackets.
bool ends_like_sentence(std::string_view s) {
    static constexpr std::array<std::string_view, 9> CLOSERS = {"\"", "'", ")", "]", "\xE2\x80\x9D", "\xE2\x80\x99",
                                                                "\xC2\xBB", "\xE3\x80\x8D", "\xE3\x80\x8F"};
    static constexpr std::array<std::string_view, 10> ENDINGS = {
        ".", "!", "?", "\xE2\x80\xA6", "\xE0\xA5\xA4", "\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F", "\xD8\x9F",
        "\xDB\x94"};  // … । 。 ！ ？ ؟ ۔
    bool stripped = true;
    while (stripped && !s.empty()) {
        stripped = false;
        for (auto c : CLOSERS)
            if (ends_with(s, c)) {
                s.remove_suffix(c.size());
                stripped = true;
            }
        s = trim(s);
    }
    for (auto e : ENDINGS)
        if (ends_with(s, e)) return true;
    return false;
}

bool is_cjk(UChar32 c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x3040 && c <= 0x30FF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF);
}

// Sentence endings that may stand inside a line of Chinese or Japanese ("。" then more text).
bool is_cjk_sentence_end(UChar32 c) { return c == 0x3002 || c == 0xFF01 || c == 0xFF1F; }

Line make_line(std::string_view raw) {
    Line l;
    l.text = std::string(trim(raw));
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(l.text).toLower();
    // Words: space-separated tokens; a token of Han or kana counts one word per CJK_CHARS_PER_WORD characters.
    int cjk_in_token = 0;
    bool in_token = false;
    auto end_token = [&] {
        if (in_token) l.words += cjk_in_token > 0 ? std::max(1, (cjk_in_token + CJK_CHARS_PER_WORD - 1) / CJK_CHARS_PER_WORD) : 1;
        in_token = false;
        cjk_in_token = 0;
    };
    std::string key;
    for (int32_t i = 0; i < u.length();) {
        const UChar32 c = u.char32At(i);
        i += U16_LENGTH(c);
        if (u_isUWhiteSpace(c)) {
            end_token();
        } else {
            in_token = true;
            if (is_cjk(c)) ++cjk_in_token;
            if (is_cjk_sentence_end(c) && i < u.length()) l.inner_sentence_break = true;
        }
        // The key keeps letters, digits and combining marks (Devanagari matras, Arabic vowel signs).
        const int8_t type = u_charType(c);
        if (u_isalnum(c) || type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK) {
            char utf8[U8_MAX_LENGTH];
            int32_t n = 0;
            U8_APPEND_UNSAFE(utf8, n, c);
            key.append(utf8, static_cast<size_t>(n));
        } else if (!key.empty() && key.back() != ' ') {
            key += ' ';
        }
    }
    end_token();
    while (!key.empty() && key.back() == ' ') key.pop_back();
    l.key = std::move(key);
    for (size_t i = 1; i < l.text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(l.text[i]);
        if (std::islower(static_cast<unsigned char>(l.text[i - 1])) && std::isupper(c)) ++l.glued_joins;
        if ((c == '.' || c == '?' || c == '!') && i + 2 < l.text.size() && l.text[i + 1] == ' ' &&
            std::isupper(static_cast<unsigned char>(l.text[i + 2])))
            l.inner_sentence_break = true;
    }
    l.ends_sentence = ends_like_sentence(l.text);
    return l;
}

bool contains(std::string_view hay, std::string_view needle) { return hay.find(needle) != std::string_view::npos; }

// A list of cue words as one pattern, so that a line key is read once, not once per cue (a find per cue
// was a tenth of page extraction). A cue matches at the start of a word of the key, and with `whole_word`
// ends at the end of one; a cue in Han or kana (UTF-8 lead bytes E3..E9: written without spaces between
// words) matches anywhere.
class CueSet {
public:
    enum class Match { WORD_START, WHOLE_WORD };

    template <size_t N>
    explicit CueSet(const std::string_view (&cues)[N], Match match = Match::WORD_START)
        : re_(pattern(std::begin(cues), std::end(cues), match)) {}

    bool in(const std::string& key) const { return RE2::PartialMatch(key, re_.re2()); }

private:
    static std::string pattern(const std::string_view* begin, const std::string_view* end, Match match) {
        std::string spaced, unspaced;
        for (const auto* cue = begin; cue != end; ++cue) {
            const auto lead = static_cast<unsigned char>(cue->front());
            std::string& list = lead >= 0xE3 && lead <= 0xE9 ? unspaced : spaced;
            if (!list.empty()) list += '|';
            list += RE2::QuoteMeta(re2::StringPiece(cue->data(), cue->size()));
        }
        std::string p;
        if (!spaced.empty()) {
            p.append("(?:^| )(?:").append(spaced).append(")");
            if (match == Match::WHOLE_WORD) p.append("(?: |$)");
        }
        if (!unspaced.empty()) p.append(p.empty() ? "" : "|").append("(?:").append(unspaced).append(")");
        return p;
    }

    Regex re_;
};

template <size_t N>
bool key_is_one_of(const std::string& key, const std::string_view (&keys)[N]) {
    return std::find(std::begin(keys), std::end(keys), key) != std::end(keys);
}

bool is_block_header(const Line& l) { return l.words > 0 && l.words <= MAX_HEADER_WORDS && key_is_one_of(l.key, BLOCK_HEADERS); }

// "Also Read: Sensex jumps 600 points", "Lire aussi | Budget 2026 : …": one teaser link with its header.
bool is_teaser_link(const Line& l) {
    const size_t mark = l.text.find_first_of(":|");
    if (mark == std::string::npos || mark > 40) return false;
    const Line head = make_line(std::string_view(l.text).substr(0, mark));
    return key_is_one_of(head.key, BLOCK_HEADERS);
}

bool is_tag_header(const Line& l) { return l.words <= MAX_HEADER_WORDS && key_is_one_of(l.key, TAG_HEADERS); }

bool is_furniture(const Line& l) {
    static const CueSet disclaimers(DISCLAIMER_CUES);
    static const CueSet furniture(FURNITURE_CUES);
    if (disclaimers.in(l.key)) return true;
    // A cue word in a real sentence ("Die Polizei erstattete Anzeige.") is prose; in a short one, a prompt.
    if (l.words > MAX_FURNITURE_WORDS || (l.ends_sentence && l.words > MAX_FURNITURE_SENTENCE_WORDS)) return false;
    return furniture.in(l.key);
}

bool is_caption(const Line& l) {
    static const Regex re(
        "(^|[\\s|(])(Photo|Photos|Image|Image source|Image caption|Picture|Photograph|File photo|Credit|Foto|Bild|"
        "Фото|صورة|तस्वीर|इमेज स्रोत|इमेज कैप्शन|图片来源|写真)\\s*[:,：]"
        "|\\((AP|AFP|Reuters) Photo|\\b[A-Z]{2,}/[A-Z][a-z]+ [A-Z][a-z]+|\\[[^\\]]*/(AFP|Reuters|AP|EPA|Getty[^\\]]*)\\]$",
        Case::INSENSITIVE);
    return RE2::PartialMatch(l.text, re.re2());
}

// Sign-off and credit lines at the end of a story: "Reporting by …; Editing by …", "(With inputs from PTI)",
// "Source: … and news agencies".
bool is_credit_note(const Line& l) {
    static const Regex re(
        "^\\(?(Reporting|Writing|Editing|Additional reporting|Compiled|Edited) by\\b|^\\(?With inputs from\\b|"
        "^(Source|Sources|Quelle|Fuente|Fonte|Источник|المصدر|स्रोत|来源|出典)\\s*[:：]",
        Case::INSENSITIVE);
    return l.words <= 40 && RE2::PartialMatch(l.text, re.re2());
}

bool is_copyright(const Line& l) {
    static const CueSet notices(COPYRIGHT_CUES);
    return contains(l.text, "\xC2\xA9") || contains(l.text, "\xE2\x93\x92") || l.key.rfind("copyright", 0) == 0 ||
           notices.in(l.key);
}

bool is_link_list(const Line& l) { return l.glued_joins >= MIN_GLUED_JOINS; }

bool is_breadcrumb(const Line& l) {
    return contains(l.text, " / ") || contains(l.text, " > ") || contains(l.text, " >> ") || contains(l.text, " \xC2\xBB ") ||
           contains(l.text, " \xE2\x80\xBA ");  // " › "
}

// "Markets | Economy | World": a menu of short items between separators.
bool is_menu(const Line& l) {
    static const Regex sep(R"(\s+(?:\||\x{B7}|\x{2022})\s+)");
    int items = 0;
    for (const std::string_view item : split_on(sep, l.text)) {
        if (split_words(std::string(item)).size() > MAX_MENU_ITEM_WORDS) return false;
        ++items;
    }
    return items >= MIN_MENU_ITEMS;
}

const Regex& tags_re() {
    static const Regex re(
        R"(^(Topics|Tags|Keywords|Related Topics|Filed under|Themen|Schlagw\x{F6}rter|Mots-cl\x{E9}s)\s*:\s*(.+)$)",
        Case::INSENSITIVE);
    return re;
}

enum class DateCue { NONE, PUBLISHED, UPDATED };

DateCue date_cue(const Line& l) {
    static const CueSet published_cues(PUBLISHED_CUES, CueSet::Match::WHOLE_WORD);
    static const CueSet updated_cues(UPDATED_CUES, CueSet::Match::WHOLE_WORD);
    const bool published = published_cues.in(l.key);
    const bool updated = updated_cues.in(l.key);
    // "Published 10:00, updated 12:00" is the publication line; "Last Updated" alone is the update.
    if (published) return DateCue::PUBLISHED;
    return updated ? DateCue::UPDATED : DateCue::NONE;
}

// The date after an update cue in a line that also has the publication date ("Published: … | Updated: …").
std::optional<schema::Timestamp> update_in_publication_line(const Line& l, const LocalZone& zone) {
    std::string lower = l.text;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    size_t at = std::string::npos;
    for (auto cue : UPDATED_CUES)
        for (size_t p = lower.find(cue); p != std::string::npos; p = lower.find(cue, p + 1))
            if (p > 0 && !std::isalnum(static_cast<unsigned char>(lower[p - 1]))) {
                at = std::min(at, p);
                break;
            }
    if (at == std::string::npos) return std::nullopt;
    return parse_news_date(std::string_view(l.text).substr(at), zone);
}

bool has_date(const Line& l) {
    if (!l.has_date) l.has_date = parse_news_date(l.text).has_value();
    return *l.has_date;
}

bool is_prose(const Line& l, int min_words) {
    if (!l.not_prose_kind)
        l.not_prose_kind = is_link_list(l) || is_caption(l) || is_furniture(l) || is_copyright(l) || is_credit_note(l);
    if (*l.not_prose_kind) return false;
    if (l.ends_sentence) return l.words >= min_words;
    return l.words >= MIN_UNTERMINATED_PROSE_WORDS && l.inner_sentence_break;
}

bool is_agency(std::string_view word) {
    return std::find(AGENCIES.begin(), AGENCIES.end(), word) != AGENCIES.end();
}

bool is_all_caps_word(std::string_view w) {
    bool letter = false;
    for (unsigned char c : w) {
        if (std::islower(c)) return false;
        if (std::isupper(c)) letter = true;
    }
    return letter && w.size() >= 2;
}

std::vector<std::string> split_words(std::string_view s) {
    std::vector<std::string> out;
    size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
        size_t j = i;
        while (j < s.size() && s[j] != ' ' && s[j] != '\t') ++j;
        if (j > i) out.emplace_back(s.substr(i, j - i));
        i = j;
    }
    return out;
}

// "Reuters MOSCOW", "By Jane Doe, AFP", "PTI New Delhi": an agency credit with an optional dateline.
bool read_credit_line(const Line& l, schema::Article& a) {
    if (l.words == 0 || l.words > MAX_HEADER_WORDS) return false;
    std::string text = l.text;
    std::replace(text.begin(), text.end(), ',', ' ');
    std::replace(text.begin(), text.end(), '|', ' ');
    auto words = split_words(text);
    bool by = !words.empty() && (words[0] == "By" || words[0] == "by" || words[0] == "BY");
    std::string agency, dateline, byline;
    for (size_t i = by ? 1 : 0; i < words.size(); ++i) {
        if (is_agency(words[i])) {
            agency = words[i];
        } else if (is_all_caps_word(words[i])) {
            dateline += (dateline.empty() ? "" : " ") + words[i];
        } else if (by) {
            byline += (byline.empty() ? "" : " ") + words[i];
        } else {
            return false;  // ordinary words: not a credit line
        }
    }
    if (agency.empty() && byline.empty()) return false;
    if (a.agency.empty()) a.agency = agency;
    if (a.dateline.empty()) a.dateline = dateline;
    if (a.byline.empty()) a.byline = byline;
    return true;
}

// "Copyrights © 2025 Business Standard Private Ltd. All rights reserved" → "Business Standard".
std::string source_from_copyright(const std::string& text) {
    // The name runs up to a full stop, comma, bar or a character of U+0080..U+00BF ("©", "»", "·").
    static const Regex re(
        R"((?:\x{A9}|\(c\)|copyrights?)\s*(?:\x{A9}|\(c\))?\s*(?:\d{4}(?:\s*[-\x{2013}]\s*\d{4})?)?\s*,?\s*([^.,|\x{80}-\x{BF}]+))",
        Case::INSENSITIVE);
    RegexMatch m;
    if (!m.search(re, text)) return {};
    static const Regex corporate(
        R"(\s+(Private|Pvt|Ltd|Limited|Inc|LLC|GmbH|PLC|Corp|Corporation|Media|Group|All rights)\b.*$)",
        Case::INSENSITIVE);
    // "Allgäuer Bote 2025", "Copyright Gazzetta del Nord": the year and the word are not the name.
    static const Regex year_or_word(R"(^\s*(?:copyright\s+)?|\s+(?:19|20)\d{2}\s*$)", Case::INSENSITIVE);
    std::string name = remove_all(year_or_word, remove_all(corporate, m.str(1)));
    name = std::string(trim(name));
    const int words = static_cast<int>(split_words(name).size());
    return words >= 1 && words <= 5 ? name : std::string();
}

// "Ukraine, Europe" or "Ukraine | Europe" split on the delimiter; "Ukraine Europe" (links pasted with a
// space) split on spaces, keeping lower-case connectors ("Bank of England") inside one topic.
std::vector<std::string> split_topics(const std::string& list) {
    std::vector<std::string> out;
    auto push = [&](std::string_view t) {
        t = trim(t);
        if (!t.empty() && std::find(out.begin(), out.end(), t) == out.end()) out.emplace_back(t);
    };
    // Delimiters are strings: the middle dot is two bytes in UTF-8, and its second (B7) also stands
    // inside other characters (州 is E5 B7 9E).
    for (std::string_view delim : {",", "|", ";", "\u00B7"}) {
        if (list.find(delim) == std::string::npos) continue;
        size_t start = 0;
        for (size_t p; (p = list.find(delim, start)) != std::string::npos; start = p + delim.size())
            push(std::string_view(list).substr(start, p - start));
        push(std::string_view(list).substr(start));
        return out;
    }
    std::string current;
    bool after_connector = false;
    for (const auto& w : split_words(list)) {
        const bool connector = std::islower(static_cast<unsigned char>(w[0])) != 0;
        if (current.empty() || connector || after_connector) {
            current += (current.empty() ? "" : " ") + w;
        } else {
            push(current);
            current = w;
        }
        after_connector = connector;
    }
    push(current);
    return out;
}

}  // namespace

schema::Article extract_page_text(std::string_view text, std::optional<schema::Timestamp> saved_at) {
    std::vector<Line> lines;
    bool blank = false;
    for (size_t start = 0; start <= text.size();) {
        size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) nl = text.size();
        Line l = make_line(text.substr(start, nl - start));
        if (l.words > 0) {
            l.blank_before = blank;
            lines.push_back(std::move(l));
            blank = false;
        } else {
            blank = true;
        }
        start = nl + 1;
    }

    schema::Article a;
    // Times printed without a zone are local to where the page's language is mostly published.
    std::string language = schema::detect_language(text);
    if (language.empty()) language = schema::guess_language_by_script(text);
    const LocalZone zone = local_zone_for_language(language);
    // A line's date in the page's zone, relative times against the save time.
    auto date_of = [&](const Line& l) -> const std::optional<schema::Timestamp>& {
        if (!l.page_date) l.page_date = parse_news_date(l.text, zone, saved_at);
        return *l.page_date;
    };
    auto is_date_line = [&](const Line& l) { return l.words <= MAX_DATE_LINE_WORDS && date_of(l).has_value(); };

    // 1. Title: the best headline-shaped line above where the body starts (the first paragraph followed by
    //    another). Scored by length (capped), a date or byline just below, and a breadcrumb ending with it.
    auto opens_body = [&](size_t i) {
        return is_prose(lines[i], MIN_OPENING_PROSE_WORDS) &&
               (lines[i].words >= MIN_UNTERMINATED_PROSE_WORDS ||
                (i + 1 < lines.size() && is_prose(lines[i + 1], MIN_OPENING_PROSE_WORDS)));
    };
    size_t body_start = std::min(lines.size(), TITLE_SEARCH_LINES);
    for (size_t i = 0; i < body_start; ++i)
        if (opens_body(i)) {
            body_start = i;
            break;
        }
    auto headline_shaped = [&](const Line& l) {
        return l.words >= MIN_TITLE_WORDS && l.words <= MAX_TITLE_WORDS && !ends_with(l.text, ".") && !is_breadcrumb(l) &&
               !is_menu(l) && !is_link_list(l) && !is_caption(l) && !is_furniture(l) && !is_block_header(l) &&
               !is_tag_header(l) && !is_copyright(l) && !is_credit_note(l) && !has_date(l);
    };
    std::optional<size_t> title_at;
    int best_score = 0;
    for (size_t i = 0; i < body_start; ++i) {
        if (!headline_shaped(lines[i])) continue;
        int score = std::min(lines[i].words, TITLE_SCORED_WORDS);
        for (size_t j = i + 1; j < lines.size() && j <= i + TITLE_META_DISTANCE; ++j) {
            schema::Article credit;
            if (is_date_line(lines[j]) || read_credit_line(lines[j], credit)) {
                score += TITLE_META_BONUS;
                break;
            }
        }
        for (size_t j = 0; j < body_start; ++j)
            if (j != i && is_breadcrumb(lines[j]) && ends_with(lines[j].text, lines[i].text)) {
                score += TITLE_BREADCRUMB_BONUS;
                break;
            }
        if (score > best_score) {
            best_score = score;
            title_at = i;
        }
    }
    size_t cursor = 0;
    if (title_at) {
        a.title = lines[*title_at].text;
        cursor = *title_at + 1;
        // Pages repeat the headline (e.g. in a share widget); skip immediate repeats.
        while (cursor < lines.size() && lines[cursor].text == a.title) ++cursor;
    }

    // 2. Walk the rest: summary, credits and dates before the body; then the body with its blocks.
    enum class Mode { HEAD, BODY, BLOCK, TRAILER };
    Mode mode = Mode::HEAD;
    std::optional<schema::Timestamp> cued_published, cued_updated, first_date;
    std::string body;
    std::map<std::string, int> short_line_counts;
    for (const auto& l : lines)
        if (l.words <= 4 && !l.ends_sentence) ++short_line_counts[l.text];

    // Some pages print the update time above the headline ("Stand: 09.03.2025 21:30 Uhr").
    for (size_t i = 0; title_at && i < *title_at; ++i) {
        const DateCue cue = date_cue(lines[i]);
        if (cue == DateCue::NONE || !is_date_line(lines[i])) continue;
        auto& slot = cue == DateCue::PUBLISHED ? cued_published : cued_updated;
        if (!slot) slot = date_of(lines[i]);
    }

    for (size_t i = cursor; i < lines.size(); ++i) {
        const Line& l = lines[i];
        RegexMatch tags;
        if (tags.full(tags_re(), l.text)) {
            if (a.topics.empty()) a.topics = split_topics(tags.str(2));
            if (mode != Mode::HEAD) mode = Mode::TRAILER;
            continue;
        }
        if (is_tag_header(l)) {
            // One tag per line under the header, up to a blank line or anything that is not a short tag.
            std::vector<std::string> listed;
            size_t j = i + 1;
            for (; j < lines.size() && listed.size() < MAX_TAGS; ++j) {
                const Line& t = lines[j];
                if (t.blank_before || t.words > MAX_TAG_WORDS || t.ends_sentence || is_block_header(t) ||
                    is_furniture(t) || is_copyright(t) || is_menu(t) || has_date(t))
                    break;
                listed.push_back(t.text);
            }
            if (a.topics.empty()) a.topics = std::move(listed);
            i = j - 1;
            if (mode != Mode::HEAD) mode = Mode::TRAILER;
            continue;
        }
        if (is_copyright(l)) {
            if (a.source.empty()) a.source = source_from_copyright(l.text);
            mode = Mode::TRAILER;
            continue;
        }
        // A date line is metadata; a sentence that merely mentions a date is body.
        const DateCue cue = date_cue(l);
        const bool may_be_date_line = mode == Mode::HEAD || mode == Mode::TRAILER
                                          ? l.words <= MAX_DATE_LINE_WORDS
                                          : cue != DateCue::NONE && !l.ends_sentence && l.words <= MAX_DATE_LINE_WORDS;
        if (may_be_date_line) {
            if (auto ts = date_of(l)) {
                if (cue == DateCue::PUBLISHED && !cued_published) {
                    cued_published = ts;
                    if (!cued_updated) cued_updated = update_in_publication_line(l, zone);
                }
                if (cue == DateCue::UPDATED && !cued_updated) cued_updated = ts;
                if (cue != DateCue::UPDATED && !first_date && mode == Mode::HEAD) first_date = ts;
                continue;
            }
        }
        if (mode == Mode::TRAILER) continue;
        if (is_block_header(l)) {
            if (mode == Mode::BODY || mode == Mode::BLOCK) mode = Mode::BLOCK;
            continue;
        }
        if (is_teaser_link(l)) continue;
        if (mode == Mode::HEAD) {
            if (read_credit_line(l, a)) continue;
            if (is_prose(l, MIN_OPENING_PROSE_WORDS)) {
                // A sentence right after the title, followed by furniture rather than more prose, is the
                // standfirst; otherwise (or without a title) it opens the body.
                const bool next_is_prose = i + 1 < lines.size() && is_prose(lines[i + 1], MIN_OPENING_PROSE_WORDS);
                if (title_at && a.summary.empty() && body.empty() && i == cursor && !next_is_prose) {
                    a.summary = l.text;
                    continue;
                }
                mode = Mode::BODY;
            } else {
                if (title_at && a.summary.empty() && i == cursor && l.words >= MIN_SUMMARY_WORDS && !is_caption(l) &&
                    !is_link_list(l) && !is_furniture(l))
                    a.summary = l.text;
                continue;
            }
        }
        if (mode == Mode::BLOCK) {
            // The story resumes at a paragraph followed by another, or at a long one.
            const bool next_is_prose = i + 1 < lines.size() && is_prose(lines[i + 1], MIN_CONTINUING_PROSE_WORDS);
            if (!is_prose(l, MIN_OPENING_PROSE_WORDS) || (!next_is_prose && l.words < MIN_LONE_RESUMING_WORDS)) continue;
            mode = Mode::BODY;
        }
        if (is_prose(l, MIN_CONTINUING_PROSE_WORDS)) {
            if (!body.empty()) body += "\n\n";
            body += l.text;
        }
    }
    a.body = std::move(body);
    a.published = cued_published ? cued_published : (first_date ? first_date : cued_updated);
    if (cued_updated && cued_updated != a.published) a.updated = cued_updated;

    // 3. Source: from the copyright line, else the short line the page repeats most (the masthead).
    if (a.source.empty()) {
        int best = 1;
        for (const auto& [t, n] : short_line_counts)
            if (n > best && t != a.title && std::isupper(static_cast<unsigned char>(t[0]))) {
                best = n;
                a.source = t;
            }
    }
    return a;
}

}  // namespace newshound::indexer
