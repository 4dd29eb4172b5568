// libFuzzer target: an RSS, RDF or Atom feed (indexer/readers/feed_reader), every item then indexed.
#include "fuzz/fuzz_support.h"
#include "indexer/readers/feed_reader.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace newshound;
    indexer::read_feed({reinterpret_cast<const char*>(data), size}, "fuzz.xml",
                       [](indexer::ReadResult&& result, const std::string&) { fuzz::index_result(std::move(result)); });
    return 0;
}
