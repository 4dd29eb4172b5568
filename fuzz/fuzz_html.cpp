// libFuzzer target: one HTML page (indexer/readers/html_reader), then indexing.
#include "fuzz/fuzz_support.h"
#include "indexer/readers/html_reader.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace newshound;
    constexpr schema::Timestamp SAVED_AT{1756300000, 0};
    fuzz::index_result(indexer::read_html({reinterpret_cast<const char*>(data), size}, "fuzz.html", SAVED_AT));
    return 0;
}
