#include "searcher/freshness.h"

#include <cmath>
#include <sstream>

namespace newshound::searcher {

FreshnessPostingSource::FreshnessPostingSource(Xapian::valueno value_slot, double reference_seconds, double half_life_seconds,
                                               double max_weight)
    : Xapian::ValuePostingSource(value_slot),
      reference_seconds_(reference_seconds),
      half_life_seconds_(half_life_seconds > 0 ? half_life_seconds : 1),
      max_weight_(max_weight) {}

double FreshnessPostingSource::get_weight() const {
    const std::string v = get_value();
    if (v.empty()) return 0;
    const double age = std::max(0.0, reference_seconds_ - Xapian::sortable_unserialise(v));
    return max_weight_ * std::exp2(-age / half_life_seconds_);
}

FreshnessPostingSource* FreshnessPostingSource::clone() const {
    return new FreshnessPostingSource(get_slot(), reference_seconds_, half_life_seconds_, max_weight_);
}

std::string FreshnessPostingSource::name() const { return "newshound::FreshnessPostingSource"; }

std::string FreshnessPostingSource::serialise() const {
    std::ostringstream out;
    out.precision(17);
    out << get_slot() << ' ' << reference_seconds_ << ' ' << half_life_seconds_ << ' ' << max_weight_;
    return out.str();
}

FreshnessPostingSource* FreshnessPostingSource::unserialise(const std::string& serialised) const {
    std::istringstream in(serialised);
    Xapian::valueno value_slot = 0;
    double reference = 0, half_life = 0, weight = 0;
    if (!(in >> value_slot >> reference >> half_life >> weight))
        throw Xapian::SerialisationError("bad FreshnessPostingSource: " + serialised);
    return new FreshnessPostingSource(value_slot, reference, half_life, weight);
}

void FreshnessPostingSource::init(const Xapian::Database& database) {
    Xapian::ValuePostingSource::init(database);
    set_maxweight(max_weight_);
}

std::string FreshnessPostingSource::get_description() const {
    return "FreshnessPostingSource(" + serialise() + ")";
}

}  // namespace newshound::searcher
