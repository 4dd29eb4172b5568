// libFuzzer target: Reuters-21578 SGML (indexer/readers/reuters_reader), every story then indexed.
#include "fuzz/fuzz_support.h"
#include "indexer/readers/reuters_reader.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace newshound;
    indexer::read_reuters_sgml({reinterpret_cast<const char*>(data), size}, "fuzz.sgm",
                               [](indexer::ReadResult&& result, const std::string&) { fuzz::index_result(std::move(result)); });
    return 0;
}
