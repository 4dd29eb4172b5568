// "Best match with freshness": a Xapian PostingSource that adds a weight decaying with an article's age.
#pragma once

#include <string>
#include <xapian.h>

namespace newshound::searcher {

/// Adds `max_weight * 0.5 ^ (age / half_life)` to every article with a publication time, where age is
/// measured back from `reference_seconds` (the newest article of the index, so an archive of 1987 news
/// still ranks its own recent stories first). Articles without a date get nothing. Combined with the text
/// query through OP_AND_MAYBE, so it reorders matches and never adds any.
class FreshnessPostingSource : public Xapian::ValuePostingSource {
public:
    FreshnessPostingSource(Xapian::valueno value_slot, double reference_seconds, double half_life_seconds, double max_weight);

    [[nodiscard]] double get_weight() const override;
    [[nodiscard]] FreshnessPostingSource* clone() const override;
    [[nodiscard]] std::string name() const override;
    [[nodiscard]] std::string serialise() const override;
    [[nodiscard]] FreshnessPostingSource* unserialise(const std::string& serialised) const override;
    void init(const Xapian::Database& db) override;
    [[nodiscard]] std::string get_description() const override;

private:
    double reference_seconds_;
    double half_life_seconds_;
    double max_weight_;
};

}  // namespace newshound::searcher
