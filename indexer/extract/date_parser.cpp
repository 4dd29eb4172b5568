// Regex-driven date finding: a page has a handful of date lines, so clarity beats a hand-rolled scanner.
#include "indexer/extract/date_parser.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <regex>
#include <string>

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
    Zone{"EEST", 180},  Zone{"MSK", 180},   Zone{"AST", 180},    Zone{"GST", 240},   Zone{"PKT", 300},
    Zone{"IST", 330},   Zone{"NPT", 345},   Zone{"BDT", 360},    Zone{"ICT", 420},   Zone{"WIB", 420},
    Zone{"HKT", 480},   Zone{"SGT", 480},   Zone{"PHT", 480},    Zone{"AWST", 480},  Zone{"JST", 540},
    Zone{"KST", 540},   Zone{"ACST", 570},  Zone{"AEST", 600},   Zone{"AEDT", 660},  Zone{"NZST", 720},
    Zone{"NZDT", 780},  Zone{"EST", -300},  Zone{"EDT", -240},   Zone{"CST", -360},  Zone{"CDT", -300},
    Zone{"MST", -420},  Zone{"MDT", -360},  Zone{"PST", -480},   Zone{"PDT", -420},  Zone{"AKST", -540},
    Zone{"HST", -600},  Zone{"ET", -300},   Zone{"PT", -480},
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
};

// Hindi month names (with and without nukta / anusvara spellings) → English, before the regexes run.
constexpr std::pair<std::string_view, std::string_view> HINDI_MONTHS[] = {
    {"जनवरी", "January"},  {"फ़रवरी", "February"}, {"फरवरी", "February"}, {"मार्च", "March"},
    {"अप्रैल", "April"},   {"मई", "May"},          {"जून", "June"},       {"जुलाई", "July"},
    {"अगस्त", "August"},   {"सितंबर", "September"}, {"सितम्बर", "September"}, {"अक्टूबर", "October"},
    {"अक्तूबर", "October"}, {"नवंबर", "November"},  {"नवम्बर", "November"}, {"दिसंबर", "December"},
    {"दिसम्बर", "December"},
};

// Devanagari (U+0966..) and Arabic-Indic (U+0660.., U+06F0..) digits → ASCII; Hindi month names → English.
std::string to_ascii_digits_and_months(std::string_view in) {
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
        bool replaced = false;
        if (c0 == 0xE0) {
            for (const auto& [hindi, english] : HINDI_MONTHS) {
                if (in.substr(i, hindi.size()) == hindi) {
                    out += english;
                    i += hindi.size();
                    replaced = true;
                    break;
                }
            }
        }
        if (!replaced) out += in[i++];
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

int month_number(std::string name) {
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    // "März" arrives with an upper-case 'M' only; the umlaut bytes are unchanged by tolower.
    for (const auto& m : MONTHS)
        if (m.name == name) return m.number;
    return 0;
}

const std::regex& iso_re() {
    static const std::regex re(
        R"((\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?)");
    return re;
}
const std::regex& day_month_year_re() {
    static const std::regex re("(?:^|[^0-9])(\\d{1,2})(?:st|nd|rd|th|er|º)?\\.?\\s+(?:of\\s+|de\\s+)?(" + month_alternation() +
                                   ")\\.?,?\\s+(?:de\\s+|del\\s+)?(\\d{4})",
                               std::regex::icase);
    return re;
}
const std::regex& month_day_year_re() {
    static const std::regex re("(?:^|[^A-Za-z])(" + month_alternation() +
                                   ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})",
                               std::regex::icase);
    return re;
}
const std::regex& dotted_re() {
    static const std::regex re(R"((?:^|[^0-9.])(\d{1,2})\.(\d{1,2})\.(\d{4}))");
    return re;
}
const std::regex& time_re() {
    static const std::regex re(R"(^[^0-9]{0,12}?(\d{1,2})[:.hH](\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?\s*[Mm]\.?(?![A-Za-z]))?)");
    return re;
}
const std::regex& zone_re() {
    static const std::regex re(R"(^\s*\(?\s*(?:([A-Z]{1,5})\b)?\s*([+-]\d{1,2}(?::?\d{2})?)?)");
    return re;
}

int parse_offset(const std::string& s) {
    // "+05:30", "+0530", "+5", "-04"
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
    return sign * (h * 60 + m);
}

// Reads "10:57 PM IST" (or nothing) from the text right after a date.
void read_time_and_zone(const std::string& rest, int& hour, int& minute, int& second, int& offset,
                        int default_offset) {
    hour = minute = second = 0;
    offset = default_offset;
    std::smatch t;
    if (!std::regex_search(rest, t, time_re())) return;
    hour = std::stoi(t[1]);
    minute = std::stoi(t[2]);
    second = t[3].matched ? std::stoi(t[3]) : 0;
    if (t[4].matched) {
        const bool pm = t[4].str()[0] == 'p' || t[4].str()[0] == 'P';
        if (hour == 12) hour = 0;
        if (pm) hour += 12;
    }
    const std::string after = rest.substr(static_cast<size_t>(t.position(0) + t.length(0)));
    std::smatch z;
    if (!std::regex_search(after, z, zone_re())) return;
    int off = 0;
    bool have = false;
    if (z[1].matched) {
        if (auto o = zone_offset_minutes(z[1].str())) {
            off = *o;
            have = true;
        }
    }
    if (z[2].matched && (have || !z[1].matched || z[1].str() == "GMT" || z[1].str() == "UTC")) {
        off = (have ? off : 0) + parse_offset(z[2].str());
        have = true;
    }
    if (have) offset = off;
}

}  // namespace

std::optional<int> zone_offset_minutes(std::string_view abbreviation) {
    for (const auto& z : ZONES)
        if (z.name == abbreviation) return z.offset_minutes;
    return std::nullopt;
}

std::optional<schema::Timestamp> relative_date(const std::string& text, const schema::Timestamp& ref) {
    static const std::regex ago(R"((\d{1,3})\s*(second|sec|minute|min|hour|hr|day|week)s?\s+ago)", std::regex::icase);
    std::smatch m;
    if (std::regex_search(text, m, ago)) {
        const std::string unit = m[2].str();
        const std::int64_t n = std::stoll(m[1]);
        std::int64_t seconds = 1;
        switch (std::tolower(static_cast<unsigned char>(unit[0]))) {
        case 'm': seconds = 60; break;
        case 'h': seconds = 3600; break;
        case 'd': seconds = 86400; break;
        case 'w': seconds = 7 * 86400; break;
        default: break;
        }
        return schema::Timestamp{ref.utc_seconds - n * seconds, ref.offset_minutes};
    }
    static const std::regex yesterday(R"(\byesterday\b)", std::regex::icase);
    if (std::regex_search(text, yesterday)) {
        // The day before the reference, at midnight in the reference's offset: the time is unknown.
        const std::int64_t local = ref.utc_seconds + ref.offset_minutes * 60 - 86400;
        const std::int64_t midnight = local - ((local % 86400) + 86400) % 86400;
        return schema::Timestamp{midnight - ref.offset_minutes * 60, ref.offset_minutes};
    }
    return std::nullopt;
}

std::optional<schema::Timestamp> parse_news_date(std::string_view text_view, int default_offset_minutes,
                                                 std::optional<schema::Timestamp> reference) {
    // A date line is short: bound the regex work. Native digits and Hindi month names become ASCII first.
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

    std::smatch m;
    if (std::regex_search(text, m, iso_re())) {
        const size_t pos = static_cast<size_t>(m.position(0));
        if (auto ts = schema::parse_iso8601(m.str(0)); ts && m[4].matched) {
            // A full ISO timestamp carries its own zone (or is UTC); take it whole if nothing is earlier.
            bool earlier = false;
            std::smatch other;
            for (const auto* re : {&day_month_year_re(), &month_day_year_re(), &dotted_re()})
                if (std::regex_search(text, other, *re) && static_cast<size_t>(other.position(0)) < pos) earlier = true;
            if (!earlier) {
                if (m[7].matched) return ts;
                return schema::make_timestamp(std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3]), std::stoi(m[4]),
                                              std::stoi(m[5]), m[6].matched ? std::stoi(m[6]) : 0,
                                              default_offset_minutes);
            }
        }
        consider(pos, pos + 10, std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3]));
    }
    if (std::regex_search(text, m, day_month_year_re()))
        consider(static_cast<size_t>(m.position(1)), static_cast<size_t>(m.position(0) + m.length(0)), std::stoi(m[3]),
                 month_number(m[2]), std::stoi(m[1]));
    if (std::regex_search(text, m, month_day_year_re()))
        consider(static_cast<size_t>(m.position(1)), static_cast<size_t>(m.position(0) + m.length(0)), std::stoi(m[3]),
                 month_number(m[1]), std::stoi(m[2]));
    if (std::regex_search(text, m, dotted_re()))
        consider(static_cast<size_t>(m.position(1)), static_cast<size_t>(m.position(0) + m.length(0)), std::stoi(m[3]),
                 std::stoi(m[2]), std::stoi(m[1]));
    if (!best) return reference ? relative_date(text, *reference) : std::nullopt;

    int hour = 0, minute = 0, second = 0, offset = default_offset_minutes;
    std::string rest = text.substr(best->end);
    // time_re skips up to a dozen non-digits ("|", ", ", " at ", " - ") between the date and the time.
    read_time_and_zone(rest, hour, minute, second, offset, default_offset_minutes);
    if (!schema::valid_civil_time(best->y, best->m, best->d, hour, minute, second)) {
        // A bad time after a good date: keep the date.
        if (!schema::valid_civil_time(best->y, best->m, best->d, 0, 0, 0)) return std::nullopt;
        hour = minute = second = 0;
    }
    return schema::make_timestamp(best->y, best->m, best->d, hour, minute, second, offset);
}

}  // namespace newshound::indexer
