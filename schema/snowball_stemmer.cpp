// libstemmer wrapper.
#include "schema/snowball_stemmer.h"

#include <libstemmer.h>
#include <stdexcept>

namespace newshound::schema {

SnowballStemmer::SnowballStemmer(const std::string& algorithm)
    : algorithm_(algorithm), stemmer_(sb_stemmer_new(algorithm.c_str(), "UTF_8")) {
    if (!stemmer_) throw std::invalid_argument("libstemmer has no stemmer '" + algorithm + "'");
}

SnowballStemmer::~SnowballStemmer() { sb_stemmer_delete(stemmer_); }

std::string SnowballStemmer::operator()(const std::string& word) {
    const sb_symbol* out =
        sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
    // NULL means libstemmer ran out of memory: the word unstemmed is still a correct (if weaker) term.
    if (!out) return word;
    return std::string(reinterpret_cast<const char*>(out), static_cast<size_t>(sb_stemmer_length(stemmer_)));
}

std::string SnowballStemmer::get_description() const { return "libstemmer:" + algorithm_; }

}  // namespace newshound::schema
