// Pattern-driven date finding: a page has a handful of date lines, so clarity beats a hand-rolled scanner.
#include "indexer/extract/date_parser.h"

#include "indexer/extract/regex.h"

#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace newshound::indexer {

namespace {

struct Zone {
    std::string_view name;
    int offset_minutes;
};

// Abbreviations news sites print. Ambiguous ones take the reading news pages use most: IST is India
// (not Irish/Israel), BST is British Summer Time, CST is US Central.
constexpr std::array ZONES = {
    Zone{"UTC", 0},     Zone{"GMT", 0},     Zone{"Z", 0},        Zone{"WET", 0},     Zone{"BST", 60},
    Zone{"CET", 60},    Zone{"MEZ", 60},    Zone{"CEST", 120},   Zone{"MESZ", 120},  Zone{"EET", 120},
    Zone{"EEST", 180},  Zone{"MSK", 180},   Zone{"AST", 180},    Zone{"GST", 240},
    Zone{"IST", 330},   Zone{"NPT", 345},   Zone{"BDT", 360},    Zone{"ICT", 420},   Zone{"WIB", 420},
    Zone{"HKT", 480},   Zone{"SGT", 480},   Zone{"PHT", 480},    Zone{"AWST", 480},  Zone{"JST", 540},
    Zone{"KST", 540},   Zone{"ACST", 570},  Zone{"AEST", 600},   Zone{"AEDT", 660},  Zone{"NZST", 720},
    Zone{"NZDT", 780},  Zone{"EST", -300},  Zone{"EDT", -240},   Zone{"CST", -360},  Zone{"CDT", -300},
    Zone{"MST", -420},  Zone{"MDT", -360},  Zone{"PST", -480},   Zone{"PDT", -420},  Zone{"AKST", -540},
    Zone{"HST", -600},  Zone{"ET", -300},   Zone{"PT", -480},   Zone{"ART", -180},  Zone{"BRT", -180},
    Zone{"TRT", 180},   Zone{"PKT", 300},
};

struct Month {
    std::string_view name;
    int number;
};

// English and German month names and their common abbreviations (lower case, longest first per month
// is not needed: the regex alternation below is ordered longest-first).
constexpr std::array MONTHS = {
    Month{"january", 1},  Month{"januar", 1},   Month{"jan", 1},     Month{"february", 2}, Month{"februar", 2},
    Month{"feb", 2},      Month{"march", 3},    Month{"märz", 3},    Month{"mar", 3},      Month{"april", 4},
    Month{"apr", 4},      Month{"may", 5},      Month{"mai", 5},     Month{"june", 6},     Month{"juni", 6},
    Month{"jun", 6},      Month{"july", 7},     Month{"juli", 7},    Month{"jul", 7},      Month{"august", 8},
    Month{"aug", 8},      Month{"september", 9}, Month{"sept", 9},   Month{"sep", 9},      Month{"october", 10},
    Month{"oktober", 10}, Month{"oct", 10},     Month{"okt", 10},    Month{"november", 11}, Month{"nov", 11},
    Month{"december", 12}, Month{"dezember", 12}, Month{"dec", 12},  Month{"dez", 12},
    // French, Spanish, Portuguese, Italian (accents as written; "août" and "février" match below).
    Month{"janvier", 1},  Month{"février", 2},  Month{"mars", 3},    Month{"avril", 4},   Month{"juin", 6},
    Month{"juillet", 7},  Month{"août", 8},     Month{"septembre", 9}, Month{"octobre", 10}, Month{"novembre", 11},
    Month{"décembre", 12}, Month{"enero", 1},   Month{"febrero", 2}, Month{"marzo", 3},   Month{"abril", 4},
    Month{"mayo", 5},     Month{"junio", 6},    Month{"julio", 7},   Month{"agosto", 8},  Month{"septiembre", 9},
    Month{"setiembre", 9}, Month{"octubre", 10}, Month{"noviembre", 11}, Month{"diciembre", 12},
    Month{"janeiro", 1},  Month{"fevereiro", 2}, Month{"março", 3},  Month{"maio", 5},    Month{"junho", 6},
    Month{"julho", 7},    Month{"setembro", 9}, Month{"outubro", 10}, Month{"dezembro", 12}, Month{"gennaio", 1},
    Month{"febbraio", 2}, Month{"aprile", 4},   Month{"maggio", 5},  Month{"giugno", 6},  Month{"luglio", 7},
    Month{"settembre", 9}, Month{"ottobre", 10}, Month{"dicembre", 12},
    // Abbreviations pages print in those languages ("13 ago 2025", "28.jan.2025", "4 juil. 2025").
    Month{"janv", 1},     Month{"févr", 2},     Month{"avr", 4},     Month{"juil", 7},    Month{"déc", 12},
    Month{"ene", 1},      Month{"abr", 4},      Month{"ago", 8},     Month{"dic", 12},    Month{"fev", 2},
    Month{"set", 9},      Month{"out", 10},     Month{"gen", 1},     Month{"mag", 5},     Month{"giu", 6},
    Month{"lug", 7},      Month{"ott", 10},
    // Dutch and Turkish (Turkish names starting with a non-ASCII capital are in NATIVE_MONTHS).
    Month{"januari", 1},  Month{"februari", 2}, Month{"maart", 3},   Month{"mei", 5},     Month{"augustus", 8},
    Month{"ocak", 1},     Month{"şubat", 2},    Month{"mart", 3},    Month{"nisan", 4},   Month{"mayıs", 5},
    Month{"haziran", 6},  Month{"temmuz", 7},   Month{"ağustos", 8}, Month{"eylül", 9},   Month{"ekim", 10},
    Month{"kasım", 11},   Month{"aralık", 12},
};

// Month names in non-Latin scripts (and Latin names starting with a non-ASCII capital) → English,
// before the regexes run. Longest first where one name is a prefix of another ("марта" before "март").
constexpr std::pair<std::string_view, std::string_view> NATIVE_MONTHS[] = {
    // Hindi, with and without nukta / anusvara spellings.
    {"जनवरी", "January"},  {"फ़रवरी", "February"}, {"फरवरी", "February"}, {"मार्च", "March"},
    {"अप्रैल", "April"},   {"मई", "May"},          {"जून", "June"},       {"जुलाई", "July"},
    {"अगस्त", "August"},   {"सितंबर", "September"}, {"सितम्बर", "September"}, {"अक्टूबर", "October"},
    {"अक्तूबर", "October"}, {"नवंबर", "November"},  {"नवम्बर", "November"}, {"दिसंबर", "December"},
    {"दिसम्बर", "December"},
    // Russian, genitive ("24 октября") and nominative.
    {"января", "January"}, {"февраля", "February"}, {"марта", "March"},   {"апреля", "April"},
    {"мая", "May"},        {"июня", "June"},        {"июля", "July"},     {"августа", "August"},
    {"сентября", "September"}, {"октября", "October"}, {"ноября", "November"}, {"декабря", "December"},
    {"январь", "January"}, {"февраль", "February"}, {"март", "March"},    {"апрель", "April"},
    {"май", "May"},        {"июнь", "June"},        {"июль", "July"},     {"август", "August"},
    {"сентябрь", "September"}, {"октябрь", "October"}, {"ноябрь", "November"}, {"декабрь", "December"},
    // Arabic: the Egyptian / Gulf names and the Levantine ones.
    {"يناير", "January"},  {"فبراير", "February"},  {"مارس", "March"},    {"أبريل", "April"},
    {"إبريل", "April"},    {"مايو", "May"},         {"يونيو", "June"},    {"يونية", "June"},
    {"يوليو", "July"},     {"يولية", "July"},       {"أغسطس", "August"},  {"سبتمبر", "September"},
    {"أكتوبر", "October"}, {"نوفمبر", "November"},  {"ديسمبر", "December"},
    {"كانون الثاني", "January"}, {"شباط", "February"}, {"آذار", "March"}, {"نيسان", "April"},
    {"أيار", "May"},       {"حزيران", "June"},      {"تموز", "July"},     {"آب", "August"},
    {"أيلول", "September"}, {"تشرين الأول", "October"}, {"تشرين الثاني", "November"},
    {"كانون الأول", "December"},
    // Turkish capitals outside ASCII.
    {"Şubat", "February"},
};

// The NATIVE_MONTHS entries by the first two bytes of their name, in table order (so longer names still
// come first): a line of Cyrillic or Arabic text is compared with the few names starting with each
// character, not with all of them (that comparison was a third of page extraction's time).
class NativeMonthIndex {
public:
    NativeMonthIndex() {
        for (size_t i = 0; i < std::size(NATIVE_MONTHS); ++i) {
            const std::string_view name = NATIVE_MONTHS[i].first;
            if (name.size() < 2 || static_cast<unsigned char>(name[0]) < FIRST_LEAD_BYTE)
                throw std::logic_error("NATIVE_MONTHS: not a name in a non-Latin script: " + std::string(name));
            by_lead_[lead_slot(name[0])].push_back(i);
        }
    }
    /// The native month name `in` starts with at `at`, if any (its index in NATIVE_MONTHS).
    std::optional<size_t> find(std::string_view in, size_t at) const {
        if (at + 1 >= in.size()) return std::nullopt;
        for (size_t i : by_lead_[lead_slot(in[at])]) {
            const std::string_view name = NATIVE_MONTHS[i].first;
            if (name[1] == in[at + 1] && in.substr(at, name.size()) == name) return i;
        }
        return std::nullopt;
    }

private:
    // Names start with a UTF-8 lead byte, 0xC0..0xFF.
    static constexpr unsigned char FIRST_LEAD_BYTE = 0xC0;
    static size_t lead_slot(char c) { return static_cast<unsigned char>(c) - FIRST_LEAD_BYTE; }
    std::array<std::vector<size_t>, 256 - FIRST_LEAD_BYTE> by_lead_;
};

// Devanagari (U+0966..) and Arabic-Indic (U+0660.., U+06F0..) digits → ASCII; native month names → English.
std::string to_ascii_digits_and_months(std::string_view in) {
    static const NativeMonthIndex native_months;
    std::string out;
    out.reserve(in.size());
    for (size_t i = 0; i < in.size();) {
        const auto c0 = static_cast<unsigned char>(in[i]);
        if (c0 == 0xE0 && i + 2 < in.size() && static_cast<unsigned char>(in[i + 1]) == 0xA5) {
            const auto c2 = static_cast<unsigned char>(in[i + 2]);
            if (c2 >= 0xA6 && c2 <= 0xAF) {
                out += static_cast<char>('0' + (c2 - 0xA6));
                i += 3;
                continue;
            }
        }
        if ((c0 == 0xD9 || c0 == 0xDB) && i + 1 < in.size()) {
            const auto c1 = static_cast<unsigned char>(in[i + 1]);
            if (c0 == 0xD9 && c1 >= 0xA0 && c1 <= 0xA9) {
                out += static_cast<char>('0' + (c1 - 0xA0));
                i += 2;
                continue;
            }
            if (c0 == 0xDB && c1 >= 0xB0 && c1 <= 0xB9) {
                out += static_cast<char>('0' + (c1 - 0xB0));
                i += 2;
                continue;
            }
        }
        if (c0 >= 0xC0) {  // the lead byte of a non-ASCII character
            if (const auto month = native_months.find(in, i)) {
                out += NATIVE_MONTHS[*month].second;
                i += NATIVE_MONTHS[*month].first.size();
                continue;
            }
        }
        out += in[i++];
    }
    return out;
}

const std::string& month_alternation() {
    static const std::string alt = [] {
        std::vector<std::string> names;
        for (const auto& m : MONTHS) names.emplace_back(m.name);
        std::sort(names.begin(), names.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
        std::string s;
        for (const auto& n : names) s += (s.empty() ? "" : "|") + n;
        return s;
    }();
    return alt;
}

// The month a name the patterns matched names; they match case-insensitively with Unicode case folding
// ("MÄRZ", "Août"), so the name is folded the same way.
int month_number(std::string_view name) {
    std::string folded;
    icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size())))
        .foldCase()
        .toUTF8String(folded);
    for (const auto& m : MONTHS)
        if (m.name == folded) return m.number;
    return 0;
}

const Regex& iso_re() {
    static const Regex re(
        R"((\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?)");
    return re;
}
const Regex& day_month_year_re() {
    // "27 August 2025", "27. August 2025", "27 de agosto de 2025", "13 Ago, 2025", "28.jan.2025".
    static const Regex re("(?:^|[^0-9])(\\d{1,2})(?:st|nd|rd|th|er|º)?\\.?[\\s.\\-]*(?:of\\s+|de\\s+)?(" +
                              month_alternation() + ")\\.?,?[\\s.\\-]+(?:de\\s+|del\\s+)?(\\d{4})",
                          Case::INSENSITIVE);
    return re;
}
const Regex& month_day_year_re() {
    static const Regex re("(?:^|[^A-Za-z])(" + month_alternation() + ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})",
                          Case::INSENSITIVE);
    return re;
}
// Day first: "27.08.2025", "22/04/2025" (a first number above 12 with a second of at most 12 is read so;
// "04/22/2025" is read month first). The same separator twice: the month is group 2 between dots, group 3
// between slashes.
const Regex& day_first_numeric_re() {
    static const Regex re(R"((?:^|[^0-9./])(\d{1,2})(?:\.(\d{1,2})\.|/(\d{1,2})/)(\d{4}))");
    return re;
}
// Year first: "2025/09/26", "2025.10.02", "2025年9月8日", "2025년 10월 2일".
const Regex& year_first_re() {
    static const Regex re(
        "(?:^|[^0-9])(\\d{4})\\s*(?:/|\\.|\xE5\xB9\xB4|\xEB\x85\x84)\\s*(\\d{1,2})\\s*(?:/|\\.|\xE6\x9C\x88|\xEC\x9B\x94)\\s*(\\d{1,2})(?:\\s*(?:\xE6\x97\xA5|\xEC\x9D\xBC))?");
    return re;
}
// A time: "10:57", "14.05", "14h05", "5時12分", "5时12分", optionally "PM", "p.m." (group 4: a or p). An
// "am" or "pm" running into a word ("10:57 amid") is not one; RE2 has no lookahead, so read_clock
// checks the character after it.
const char* const TIME_PATTERN =
    "(\\d{1,2})(?:[:.hH]|\\s*\xE6\x99\x82\\s*|\\s*\xE6\x97\xB6\\s*|\\s*\xEC\x8B\x9C\\s*)(\\d{2})(?::(\\d{2}))?"
    "(?:\\s*([AaPp])\\.?\\s*[Mm]\\.?)?";
const Regex& time_re() {
    static const Regex re(std::string("^[^0-9]{0,12}?") + TIME_PATTERN);
    return re;
}
// A time right before the date: "4:20 PM EDT, July 19, 2025", "09:27 15.12.2025".
const Regex& time_before_re() {
    static const Regex re(std::string(TIME_PATTERN) + "\\s*([A-Z]{2,5})?[\\s,|\\-]*$");
    return re;
}
const Regex& zone_re() {
    static const Regex re(R"(^\s*\(?\s*(?:([A-Z]{1,5})\b)?\s*([+-]\d{1,2}(?::?\d{2})?)?)");
    return re;
}

// "+05:30", "+0530", "+5", "-04" in minutes; nullopt for minutes past 59 ("+05:99").
std::optional<int> parse_offset(std::string_view s) {
    const int sign = s[0] == '-' ? -1 : 1;
    std::string digits;
    for (char c : s)
        if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
    int h = 0, m = 0;
    if (digits.size() <= 2) {
        h = std::stoi(digits);
    } else {
        h = std::stoi(digits.substr(0, digits.size() - 2));
        m = std::stoi(digits.substr(digits.size() - 2));
    }
    if (m > 59) return std::nullopt;
    return sign * (h * 60 + m);
}

struct ClockTime {
    int hour = 0, minute = 0, second = 0;
    std::optional<int> offset;  // set when the text names the zone
};

bool is_ascii_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

// A 12-hour clock's hour on the 24-hour clock: 12 AM is 0, 12 PM is 12.
void to_24_hour(ClockTime& c, bool pm) {
    if (c.hour == 12) c.hour = 0;
    if (pm) c.hour += 12;
}

// Reads a TIME_PATTERN match of `text`; returns where the time ends in `text`.
size_t read_clock(const RegexMatch& t, std::string_view text, ClockTime& c) {
    c.hour = t.number(1);
    c.minute = t.number(2);
    c.second = t.matched(3) ? t.number(3) : 0;
    const size_t clock_end = t.matched(3) ? t.end(3) : t.end(2);
    if (!t.matched(4)) return clock_end;
    size_t end = t.end(0);
    if (end < text.size() && is_ascii_letter(text[end])) {
        // "a.m.x" is still "a.m" before a dot; "10:57 amid" has no am.
        if (text[end - 1] != '.') return clock_end;
        --end;
    }
    to_24_hour(c, t[4][0] == 'p' || t[4][0] == 'P');
    return end;
}

// The half of the day as a word before the time (Japanese 午後/午前, Chinese 下午/上午, Korean 오후/오전),
// in the text the time pattern skipped to reach the hour: "午後6時00分" is 18:00.
void read_meridiem_word(std::string_view before_hour, ClockTime& c) {
    static constexpr std::string_view PM_WORDS[] = {"\u5348\u5F8C", "\u4E0B\u5348", "\uC624\uD6C4"};
    static constexpr std::string_view AM_WORDS[] = {"\u5348\u524D", "\u4E0A\u5348", "\uC624\uC804"};
    auto said = [&](const auto& words) {
        return std::any_of(std::begin(words), std::end(words),
                           [&](std::string_view w) { return before_hour.find(w) != std::string_view::npos; });
    };
    if (c.hour > 12) return;  // "午後18時": already on the 24-hour clock
    const bool pm = said(PM_WORDS);
    if (pm || said(AM_WORDS)) to_24_hour(c, pm);
}

// Skips up to two words of a non-Latin script ("بتوقيت GST", "по московскому времени") before a zone.
size_t skip_native_words(std::string_view s) {
    size_t i = 0, words = 0;
    while (words < 2) {
        size_t j = i;
        while (j < s.size() && (s[j] == ' ' || s[j] == '\t')) ++j;
        size_t k = j;
        while (k < s.size() && static_cast<unsigned char>(s[k]) >= 0x80) ++k;
        if (k == j || (k < s.size() && s[k] != ' ')) break;
        i = k;
        ++words;
    }
    return i;
}

// Reads "IST", "GMT+3", "+05:30" (or nothing) at the start of `after`.
std::optional<int> read_zone(std::string_view after_time) {
    const std::string_view after = after_time.substr(skip_native_words(after_time));
    RegexMatch z;
    if (!z.search(zone_re(), after)) return std::nullopt;
    int off = 0;
    bool have = false;
    if (z.matched(1)) {
        if (auto o = zone_offset_minutes(z[1])) {
            off = *o;
            have = true;
        }
    }
    if (z.matched(2) && (have || !z.matched(1) || z[1] == "GMT" || z[1] == "UTC")) {
        // "+75:30" or "+05:99" is no offset: the time stays local, as without a zone.
        const auto numeric = parse_offset(z[2]);
        if (!numeric) return std::nullopt;
        const int sum = (have ? off : 0) + *numeric;
        if (sum > schema::MAX_OFFSET_MINUTES || sum < -schema::MAX_OFFSET_MINUTES) return std::nullopt;
        off = sum;
        have = true;
    }
    return have ? std::optional<int>(off) : std::nullopt;
}

// The time after a date ("| 10:57 PM IST") or, failing that, right before it ("4:20 PM EDT, ").
ClockTime read_time_around(std::string_view before, std::string_view after) {
    ClockTime c;
    RegexMatch t;
    if (t.search(time_re(), after)) {
        c.offset = read_zone(after.substr(read_clock(t, after, c)));
        if (!t.matched(4)) read_meridiem_word(after.substr(0, t.position(1)), c);
        return c;
    }
    if (t.search(time_before_re(), before)) {
        read_clock(t, before, c);
        if (t.matched(5)) c.offset = zone_offset_minutes(t[5]);
    }
    return c;
}

// Relative times: a number and a unit with "ago" after it (or "vor", "il y a", "hace", "há" before it).
struct RelativeUnit {
    std::string_view word;  // lower case; matched as a prefix of the printed unit
    std::int64_t seconds;
};
constexpr std::array RELATIVE_UNITS = {
    RelativeUnit{"sec", 1},          RelativeUnit{"min", 60},       RelativeUnit{"hour", 3600},
    RelativeUnit{"hr", 3600},        RelativeUnit{"day", 86400},    RelativeUnit{"week", 604800},
    RelativeUnit{"sekunde", 1},      RelativeUnit{"stunde", 3600},  RelativeUnit{"tag", 86400},
    RelativeUnit{"woche", 604800},   RelativeUnit{"heure", 3600},   RelativeUnit{"jour", 86400},
    RelativeUnit{"semaine", 604800}, RelativeUnit{"hora", 3600},    RelativeUnit{"día", 86400},
    RelativeUnit{"dia", 86400},      RelativeUnit{"semana", 604800}, RelativeUnit{"ora", 3600},
    RelativeUnit{"ore", 3600},       RelativeUnit{"giorn", 86400},  RelativeUnit{"секунд", 1},
    RelativeUnit{"минут", 60},       RelativeUnit{"час", 3600},     RelativeUnit{"день", 86400},
    RelativeUnit{"дня", 86400},      RelativeUnit{"дней", 86400},   RelativeUnit{"недел", 604800},
    RelativeUnit{"सेकंड", 1},         RelativeUnit{"मिनट", 60},       RelativeUnit{"घंट", 3600},
    RelativeUnit{"दिन", 86400},       RelativeUnit{"秒", 1},           RelativeUnit{"分", 60},
    RelativeUnit{"小时", 3600},       RelativeUnit{"小時", 3600},      RelativeUnit{"時間", 3600},
    RelativeUnit{"天", 86400},        RelativeUnit{"日", 86400},       RelativeUnit{"saniye", 1},
    RelativeUnit{"dakika", 60},      RelativeUnit{"saat", 3600},    RelativeUnit{"gün", 86400},
};

std::optional<std::int64_t> unit_seconds(std::string_view printed) {
    std::string unit(printed);
    for (char& c : unit) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    // Cyrillic capitals are rare in "3 часа назад"; ASCII case is what varies.
    for (const auto& u : RELATIVE_UNITS)
        if (unit.compare(0, u.word.size(), u.word) == 0) return u.seconds;
    return std::nullopt;
}

std::optional<schema::Timestamp> relative_date(const std::string& text, const schema::Timestamp& ref) {
    // "3 hours ago", "3 часа назад", "3 घंटे पहले", "3小时前", "3 saat önce", "3 ore fa";
    // "vor 3 Stunden", "il y a 3 heures", "hace 3 horas", "há 3 horas".
    static const Regex after(R"((\d{1,3})\s*([^\s\d]+)\s*(?:ago|назад|पहले|前|önce|fa)(?:$|[^A-Za-z]))",
                             Case::INSENSITIVE);
    static const Regex before(R"((?:^|\s)(?:vor|il y a|hace|há)\s+(\d{1,3})\s*([^\s\d]+))", Case::INSENSITIVE);
    RegexMatch m;
    const bool has_digit = text.find_first_of("0123456789") != std::string::npos;
    for (const auto* re : {&after, &before}) {
        if (!has_digit || !m.search(*re, text)) continue;
        if (auto seconds = unit_seconds(m[2])) {
            const std::int64_t n = m.number(1);
            return schema::Timestamp{ref.utc_seconds - n * *seconds, ref.offset_minutes};
        }
    }
    static const Regex yesterday(R"(\b(?:yesterday|gestern|hier|ayer|ieri|ontem)\b|вчера|कल|昨天|昨日|dün)",
                                 Case::INSENSITIVE);
    if (m.search(yesterday, text)) {
        // The day before the reference, at midnight in the reference's offset: the time is unknown.
        const std::int64_t local = ref.utc_seconds + ref.offset_minutes * 60 - 86400;
        const std::int64_t midnight = local - ((local % 86400) + 86400) % 86400;
        return schema::Timestamp{midnight - ref.offset_minutes * 60, ref.offset_minutes};
    }
    return std::nullopt;
}

// Day of the week (0 = Sunday) of a civil date.
int weekday(int y, int m, int d) {
    const std::int64_t days = schema::days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
    return static_cast<int>(((days % 7) + 7 + 4) % 7);  // 1970-01-01 was a Thursday
}

int last_sunday(int y, int m, int days_in_month) { return days_in_month - weekday(y, m, days_in_month); }

}  // namespace

int LocalZone::offset_at(int year, int month, int day, int hour) const {
    if (!eu_summer_time) return standard_offset_minutes;
    // EU summer time runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of
    // October; in local standard time the switch is at 01:00 + the standard offset.
    const int switch_hour = 1 + standard_offset_minutes / 60;
    const int march = last_sunday(year, 3, 31), october = last_sunday(year, 10, 31);
    const bool after_start = month > 3 || (month == 3 && (day > march || (day == march && hour >= switch_hour)));
    const bool before_end = month < 10 || (month == 10 && (day < october || (day == october && hour < switch_hour)));
    return standard_offset_minutes + (after_start && before_end ? 60 : 0);
}

LocalZone local_zone_for_language(std::string_view language) {
    struct Row {
        std::string_view language;
        int offset_minutes;
        bool eu_summer_time;
    };
    // Only languages whose news mostly comes from one zone; the rest read zone-less times as UTC.
    static constexpr Row ROWS[] = {
        {"de", 60, true},   {"fr", 60, true},   {"it", 60, true},   {"nl", 60, true},  {"pl", 60, true},
        {"cs", 60, true},   {"sk", 60, true},   {"hu", 60, true},   {"sv", 60, true},  {"da", 60, true},
        {"nb", 60, true},   {"no", 60, true},   {"hr", 60, true},   {"sl", 60, true},  {"sr", 60, true},
        {"el", 120, true},  {"ro", 120, true},  {"bg", 120, true},  {"fi", 120, true}, {"uk", 120, true},
        {"lt", 120, true},  {"lv", 120, true},  {"et", 120, true},  {"ru", 180, false}, {"tr", 180, false},
        {"hi", 330, false}, {"mr", 330, false}, {"ta", 330, false}, {"te", 330, false}, {"gu", 330, false},
        {"kn", 330, false}, {"ml", 330, false}, {"ur", 300, false}, {"ne", 345, false}, {"th", 420, false},
        {"vi", 420, false}, {"id", 420, false}, {"zh", 480, false}, {"ja", 540, false}, {"ko", 540, false},
        {"fa", 210, false},
    };
    for (const auto& r : ROWS)
        if (r.language == language) return LocalZone(r.offset_minutes, r.eu_summer_time);
    return LocalZone();
}

std::optional<int> zone_offset_minutes(std::string_view abbreviation) {
    for (const auto& z : ZONES)
        if (z.name == abbreviation) return z.offset_minutes;
    return std::nullopt;
}

namespace {

bool has_four_digit_run(std::string_view text) {
    constexpr int YEAR_DIGITS = 4;
    int run = 0;
    for (char c : text) {
        run = (c >= '0' && c <= '9') ? run + 1 : 0;
        if (run == YEAR_DIGITS) return true;
    }
    return false;
}

}  // namespace

std::optional<schema::Timestamp> parse_news_date(std::string_view text_view, LocalZone zone,
                                                 std::optional<schema::Timestamp> reference) {
    // A date line is short: bound the pattern work. Native digits and month names become ASCII first.
    const std::string text = to_ascii_digits_and_months(text_view.substr(0, 512));
    struct Found {
        size_t pos;
        size_t end;
        int y, m, d;
    };
    std::optional<Found> best;
    auto consider = [&](size_t pos, size_t end, int y, int m, int d) {
        if (!best || pos < best->pos) best = Found{pos, end, y, m, d};
    };
    auto found_before = [&](size_t pos) {
        RegexMatch other;
        for (const auto* re : {&day_month_year_re(), &month_day_year_re(), &day_first_numeric_re()})
            if (other.search(*re, text) && other.position(0) < pos) return true;
        return false;
    };

    // Every absolute form has a four-digit year; the patterns cost far more than this scan, and most lines
    // a page's extractor asks about have no year.
    if (!has_four_digit_run(text)) return reference ? relative_date(text, *reference) : std::nullopt;
    RegexMatch m;
    if (m.search(iso_re(), text)) {
        const size_t pos = m.position(0);
        if (auto ts = schema::parse_iso8601(m.str(0)); ts && m.matched(4) && !found_before(pos)) {
            // A full ISO timestamp carries its own zone (or is local); take it whole if nothing is earlier.
            if (m.matched(7)) return ts;
            const int y = m.number(1), mo = m.number(2), d = m.number(3), h = m.number(4);
            return schema::make_timestamp(y, mo, d, h, m.number(5), m.matched(6) ? m.number(6) : 0,
                                          zone.offset_at(y, mo, d, h));
        }
        consider(pos, pos + 10, m.number(1), m.number(2), m.number(3));
    }
    if (m.search(day_month_year_re(), text)) consider(m.position(1), m.end(0), m.number(3), month_number(m[2]), m.number(1));
    if (m.search(month_day_year_re(), text)) consider(m.position(1), m.end(0), m.number(3), month_number(m[1]), m.number(2));
    if (m.search(day_first_numeric_re(), text)) {
        const bool slashes = m.matched(3);
        int d = m.number(1), mo = m.number(slashes ? 3 : 2);
        if (slashes && mo > 12 && d <= 12) std::swap(d, mo);
        consider(m.position(1), m.end(0), m.number(4), mo, d);
    }
    if (m.search(year_first_re(), text)) consider(m.position(1), m.end(0), m.number(1), m.number(2), m.number(3));
    if (!best) return reference ? relative_date(text, *reference) : std::nullopt;

    // time_re skips up to a dozen non-digits ("|", ", ", " at ", " - ") between the date and the time.
    const std::string_view line(text);
    ClockTime c = read_time_around(line.substr(0, best->pos), line.substr(best->end));
    if (!schema::valid_civil_time(best->y, best->m, best->d, c.hour, c.minute, c.second)) {
        // A bad time next to a good date: keep the date.
        if (!schema::valid_civil_time(best->y, best->m, best->d, 0, 0, 0)) return std::nullopt;
        c = ClockTime{};
    }
    const int offset = c.offset ? *c.offset : zone.offset_at(best->y, best->m, best->d, c.hour);
    return schema::make_timestamp(best->y, best->m, best->d, c.hour, c.minute, c.second, offset);
}

}  // namespace newshound::indexer
