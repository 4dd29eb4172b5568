// A byte-level UTF-8 validator (no ICU needed for a yes/no answer).
#include "schema/utf8.h"

namespace newshound::schema {

bool is_valid_utf8(std::string_view s) {
    size_t i = 0;
    while (i < s.size()) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        int n = 0;
        unsigned cp = 0;
        if ((c & 0xE0) == 0xC0) n = 1, cp = c & 0x1F;
        else if ((c & 0xF0) == 0xE0) n = 2, cp = c & 0x0F;
        else if ((c & 0xF8) == 0xF0) n = 3, cp = c & 0x07;
        else return false;
        for (int k = 1; k <= n; ++k) {
            if (i + static_cast<size_t>(k) >= s.size()) return false;
            const unsigned char cc = static_cast<unsigned char>(s[i + static_cast<size_t>(k)]);
            if ((cc & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        static constexpr unsigned MIN_FOR_LENGTH[] = {0, 0x80, 0x800, 0x10000};
        if (cp < MIN_FOR_LENGTH[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += static_cast<size_t>(n) + 1;
    }
    return true;
}

}  // namespace newshound::schema
