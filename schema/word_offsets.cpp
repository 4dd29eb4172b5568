// The word offset table: a header (first position, word count, complete flag), then one entry per
// position. An entry is the word's gap after the previous word's end and its length: one byte
// gap * 32 + length when the gap is at most 6 and the length at most 31 (nearly every word of prose),
// else LONG_ENTRY and two varints.
#include "schema/word_offsets.h"

#include "schema/varint.h"

#include <algorithm>

namespace newshound::schema {

namespace {

constexpr unsigned SHORT_GAP_LIMIT = 7;      // gaps 0-6 fit the short form
constexpr unsigned SHORT_LENGTH_LIMIT = 32;  // lengths 0-31 fit the short form
constexpr unsigned char LONG_ENTRY = SHORT_GAP_LIMIT * SHORT_LENGTH_LIMIT;  // 224: the first byte no short entry uses

void put_entry(std::string& out, std::uint64_t gap, std::uint64_t length) {
    if (gap < SHORT_GAP_LIMIT && length < SHORT_LENGTH_LIMIT) {
        out += static_cast<char>(gap * SHORT_LENGTH_LIMIT + length);
        return;
    }
    out += static_cast<char>(LONG_ENTRY);
    put_varint(out, gap);
    put_varint(out, length);
}

}  // namespace

std::string encode_word_offsets(std::span<const Token> tokens, Xapian::termpos first_position, size_t text_bytes) {
    std::string entries;
    entries.reserve(tokens.size() + 8);
    std::uint64_t count = 0;
    std::uint32_t previous_end = 0;
    Xapian::termpos next = first_position;
    bool complete = true;
    for (const auto& t : tokens) {
        if (t.byte_end > MAX_SNIPPET_SOURCE_BYTES) {
            complete = false;
            break;
        }
        const std::uint32_t begin = std::max(t.byte_begin, previous_end);
        for (; next < t.position; ++next, ++count) {  // a word too long to index: empty, where the next word starts
            put_entry(entries, begin - previous_end, 0);
            previous_end = begin;
        }
        put_entry(entries, begin - previous_end, t.byte_end - begin);
        previous_end = t.byte_end;
        ++next;
        ++count;
    }
    if (complete && text_bytes > MAX_SNIPPET_SOURCE_BYTES) complete = false;
    std::string out;
    out.reserve(entries.size() + 12);
    put_varint(out, first_position);
    put_varint(out, count);
    out += complete ? '\x01' : '\x00';
    out += entries;
    return out;
}

std::optional<WordOffsets> decode_word_offsets(std::string_view data) {
    WordOffsets w;
    size_t at = 0;
    std::uint64_t first = 0, count = 0;
    if (!get_varint(data, at, first) || !get_varint(data, at, count) || at >= data.size()) return std::nullopt;
    if (first > Xapian::termpos(-1) || count > data.size() - at) return std::nullopt;  // an entry is at least a byte
    w.first_position = static_cast<Xapian::termpos>(first);
    const char flag = data[at++];
    if (flag != '\x00' && flag != '\x01') return std::nullopt;
    w.complete = flag == '\x01';
    w.ranges.resize(count);
    std::uint64_t end = 0;
    for (auto& r : w.ranges) {
        if (at >= data.size()) return std::nullopt;
        const auto byte = static_cast<unsigned char>(data[at++]);
        std::uint64_t gap = byte / SHORT_LENGTH_LIMIT, length = byte % SHORT_LENGTH_LIMIT;
        if (byte >= LONG_ENTRY && (byte != LONG_ENTRY || !get_varint(data, at, gap) || !get_varint(data, at, length)))
            return std::nullopt;
        if (gap > UINT32_MAX || length > UINT32_MAX) return std::nullopt;
        const std::uint64_t begin = end + gap;
        end = begin + length;
        if (end > UINT32_MAX) return std::nullopt;
        r = {static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)};
    }
    if (at != data.size()) return std::nullopt;
    return w;
}

}  // namespace newshound::schema
