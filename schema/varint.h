// LEB128 unsigned varints: 7 bits per byte, low bits first, the high bit set on every byte but the last.
// The integer encoding of the stored record and the word offset table.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace newshound::schema {

inline void put_varint(std::string& out, std::uint64_t v) {
    while (v >= 0x80) {
        out += static_cast<char>((v & 0x7f) | 0x80);
        v >>= 7;
    }
    out += static_cast<char>(v);
}

/// Reads a varint at data[at], advancing `at`; false when the data ends inside it or it is over 64 bits.
inline bool get_varint(std::string_view data, size_t& at, std::uint64_t& v) {
    v = 0;
    for (unsigned shift = 0; shift < 64; shift += 7) {
        if (at >= data.size()) return false;
        const auto byte = static_cast<unsigned char>(data[at++]);
        v |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
        if (!(byte & 0x80)) return true;
    }
    return false;
}

}  // namespace newshound::schema
