// Calendar arithmetic and ISO-8601 for Timestamp, without the C library's locale- and TZ-dependent calls.
#include "schema/timestamp.h"

#include <cstdio>

namespace newshound::schema {

namespace {

constexpr std::int64_t SECONDS_PER_DAY = 86400;

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
    static constexpr int DAYS[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : DAYS[m - 1];
}

void civil_from_days(std::int64_t z, int& y, unsigned& m, unsigned& d) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t yy = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<int>(yy + (m <= 2));
}

struct Cursor {
    std::string_view s;
    size_t i = 0;
    bool done() const { return i >= s.size(); }
    char peek() const { return done() ? '\0' : s[i]; }
    bool eat(char c) {
        if (peek() != c) return false;
        ++i;
        return true;
    }
    // Reads exactly n digits.
    bool digits(int n, int& out) {
        out = 0;
        for (int k = 0; k < n; ++k) {
            if (done() || s[i] < '0' || s[i] > '9') return false;
            out = out * 10 + (s[i++] - '0');
        }
        return true;
    }
};

}  // namespace

std::int64_t days_from_civil(int year, unsigned month, unsigned day) {
    const int y = year - (month <= 2);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool valid_civil_time(int year, int month, int day, int hour, int minute, int second) {
    return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
           day <= days_in_month(year, month) && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 &&
           second >= 0 && second <= 60;
}

Timestamp make_timestamp(int year, int month, int day, int hour, int minute, int second, int offset_minutes) {
    const std::int64_t local = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) *
                                   SECONDS_PER_DAY +
                               hour * 3600 + minute * 60 + second;
    return Timestamp{local - offset_minutes * 60, offset_minutes};
}

std::optional<Timestamp> parse_iso8601(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    Cursor c{text};
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, se = 0, offset = 0;
    if (!c.digits(4, y) || !c.eat('-') || !c.digits(2, mo) || !c.eat('-') || !c.digits(2, d)) return std::nullopt;
    if (!c.done()) {
        if (!c.eat('T') && !c.eat('t') && !c.eat(' ')) return std::nullopt;
        if (!c.digits(2, h) || !c.eat(':') || !c.digits(2, mi)) return std::nullopt;
        if (c.eat(':')) {
            if (!c.digits(2, se)) return std::nullopt;
            if (c.eat('.') || c.eat(',')) {
                int ignored = 0;
                if (!c.digits(1, ignored)) return std::nullopt;
                while (!c.done() && c.peek() >= '0' && c.peek() <= '9') ++c.i;
            }
        }
        if (c.eat('Z') || c.eat('z')) {
            offset = 0;
        } else if (c.peek() == '+' || c.peek() == '-') {
            const int sign = c.peek() == '-' ? -1 : 1;
            ++c.i;
            int oh = 0, om = 0;
            if (!c.digits(2, oh)) return std::nullopt;
            if (!c.done()) {
                c.eat(':');
                if (!c.digits(2, om)) return std::nullopt;
            }
            offset = sign * (oh * 60 + om);
            if (om > 59 || offset > MAX_OFFSET_MINUTES || offset < -MAX_OFFSET_MINUTES) return std::nullopt;
        }
        if (!c.done()) return std::nullopt;
    }
    if (!valid_civil_time(y, mo, d, h, mi, se)) return std::nullopt;
    return make_timestamp(y, mo, d, h, mi, se, offset);
}

std::string to_iso8601(const Timestamp& ts) {
    const std::int64_t local = ts.utc_seconds + ts.offset_minutes * 60;
    std::int64_t days = local / SECONDS_PER_DAY;
    std::int64_t secs = local % SECONDS_PER_DAY;
    if (secs < 0) {
        secs += SECONDS_PER_DAY;
        --days;
    }
    int y = 0;
    unsigned m = 0, d = 0;
    civil_from_days(days, y, m, d);
    char buf[40];
    const int hh = static_cast<int>(secs / 3600), mm = static_cast<int>(secs % 3600 / 60), ss = static_cast<int>(secs % 60);
    if (ts.offset_minutes == 0) {
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", y, m, d, hh, mm, ss);
    } else {
        const int off = ts.offset_minutes < 0 ? -ts.offset_minutes : ts.offset_minutes;
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d%c%02d:%02d", y, m, d, hh, mm, ss,
                      ts.offset_minutes < 0 ? '-' : '+', off / 60, off % 60);
    }
    return buf;
}

std::string to_yyyymmdd(const Timestamp& ts) {
    std::int64_t local = ts.utc_seconds + ts.offset_minutes * 60;
    std::int64_t days = local / SECONDS_PER_DAY;
    if (local % SECONDS_PER_DAY < 0) --days;
    int y = 0;
    unsigned m = 0, d = 0;
    civil_from_days(days, y, m, d);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d%02u%02u", y, m, d);
    return buf;
}

}  // namespace newshound::schema
