// The Slot::FACETS value: every facet value of an article in one string, so a facet count reads one
// value per match. Entries are joined by LIST_SEPARATOR; each is a FacetField byte and the value as
// printed (days as YYYYMMDD).
#pragma once

#include "schema/article.h"
#include "schema/fields.h"

#include <string>
#include <string_view>

namespace newshound::schema {

/// The article's Slot::FACETS value ("" when it has no facet value). LIST_SEPARATOR bytes inside
/// values are dropped so they cannot split an entry.
[[nodiscard]] std::string encode_facets(const Article& article);

/// Calls visit(FacetField, std::string_view value) for every entry of a Slot::FACETS value, in order.
template <class Visit>
void for_each_facet(std::string_view packed, Visit&& visit) {
    while (!packed.empty()) {
        const size_t sep = packed.find(LIST_SEPARATOR);
        const std::string_view entry = packed.substr(0, sep);
        if (entry.size() > 1) visit(static_cast<FacetField>(entry[0]), entry.substr(1));
        if (sep == std::string_view::npos) return;
        packed.remove_prefix(sep + 1);
    }
}

}  // namespace newshound::schema
