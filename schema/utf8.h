// UTF-8 well-formedness: what readers test before decoding, and what requests must be.
#pragma once

#include <string_view>

namespace newshound::schema {

/// True if `bytes` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
[[nodiscard]] bool is_valid_utf8(std::string_view bytes);

}  // namespace newshound::schema
