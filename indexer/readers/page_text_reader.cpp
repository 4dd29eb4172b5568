// Page text: decoding and the extractor, with the decision whether the result is an article at all.
#include "indexer/readers/page_text_reader.h"

#include "indexer/extract/page_text_extractor.h"

namespace newshound::indexer {

std::string windows1252_to_utf8(std::string_view bytes) {
    // Code points of 0x80..0x9F in Windows-1252; 0 where the code page leaves the byte undefined.
    static constexpr char16_t HIGH[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                          0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                          0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                          0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (unsigned char c : bytes) {
        unsigned cp = c;
        if (c >= 0x80 && c <= 0x9F) cp = HIGH[c - 0x80] ? HIGH[c - 0x80] : 0xFFFD;
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }
    return out;
}

ReadResult read_page_text(std::string_view bytes, const std::string& origin, std::optional<schema::Timestamp> saved_at) {
    if (bytes.size() > MAX_PAGE_BYTES) return SkipReason{origin, "page larger than " + std::to_string(MAX_PAGE_BYTES) + " bytes"};
    // A UTF-8 byte order mark is not text.
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    if (bytes.find('\0') != std::string_view::npos) return SkipReason{origin, "binary data (NUL bytes), not page text"};
    std::string decoded;
    if (!is_valid_utf8(bytes)) {
        decoded = windows1252_to_utf8(bytes);
        bytes = decoded;
    }
    schema::Article a = extract_page_text(bytes, saved_at);
    if (a.title.empty() && a.body.empty()) return SkipReason{origin, "no headline or article paragraphs found"};
    return a;
}

}  // namespace newshound::indexer
