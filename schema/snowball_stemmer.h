// Snowball stemmers from libstemmer (Debian's libstemmer-dev) wrapped as Xapian stemmers, for languages
// whose stemmer Xapian 1.4 does not ship (Hindi, Greek, Serbian, Yiddish).
#pragma once

#include <string>
#include <xapian.h>

struct sb_stemmer;

namespace newshound::schema {

/// Not thread-safe (libstemmer keeps per-stemmer state), like every Xapian::Stem: one per Analyzer.
class SnowballStemmer : public Xapian::StemImplementation {
public:
    /// `algorithm` is a libstemmer name ("hindi"). Throws std::invalid_argument if libstemmer lacks it.
    explicit SnowballStemmer(const std::string& algorithm);
    ~SnowballStemmer() override;

    std::string operator()(const std::string& word) override;
    std::string get_description() const override;

private:
    std::string algorithm_;
    sb_stemmer* stemmer_;
};

}  // namespace newshound::schema
