// libFuzzer target: JSONL article lines (indexer/readers/jsonl_reader), every line then indexed.
#include "fuzz/fuzz_support.h"
#include "indexer/readers/jsonl_reader.h"

#include <cstddef>
#include <cstdint>
#include <sstream>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace newshound;
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    indexer::read_jsonl(in, "fuzz.jsonl",
                        [](indexer::ReadResult&& result, const std::string&) { fuzz::index_result(std::move(result)); });
    return 0;
}
