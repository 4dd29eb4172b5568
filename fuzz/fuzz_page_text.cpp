// libFuzzer target: one saved page's text (indexer/readers/page_text_reader), then indexing.
#include "fuzz/fuzz_support.h"
#include "indexer/readers/page_text_reader.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace newshound;
    // Relative dates ("3 hours ago") resolve only against a save time; give one so that path runs too.
    constexpr schema::Timestamp SAVED_AT{1756300000, 330};
    fuzz::index_result(indexer::read_page_text({reinterpret_cast<const char*>(data), size}, "fuzz.txt", SAVED_AT));
    return 0;
}
