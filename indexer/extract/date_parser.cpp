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
};

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
    static const std::regex re("(?:^|[^0-9])(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(?:of\\s+)?(" + month_alternation() +
                                   ")\\.?,?\\s+(\\d{4})",
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
    static const std::regex re(R"(^[^0-9]{0,12}?(\d{1,2})[:.](\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?\s*[Mm]\.?(?![A-Za-z]))?)");
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

std::optional<schema::Timestamp> parse_news_date(std::string_view text_view, int default_offset_minutes) {
    const std::string text(text_view.substr(0, 512));  // a date line is short; bound the regex work
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
    if (!best) return std::nullopt;

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
