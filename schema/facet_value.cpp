#include "schema/facet_value.h"

#include "schema/timestamp.h"

namespace newshound::schema {

std::string encode_facets(const Article& a) {
    std::string out;
    auto add = [&](FacetField field, std::string_view value) {
        if (value.empty()) return;
        if (!out.empty()) out += LIST_SEPARATOR;
        out += static_cast<char>(field);
        for (char c : value)
            if (c != LIST_SEPARATOR) out += c;
    };
    for (const auto& t : a.topics) add(FacetField::TOPIC, t);
    add(FacetField::SOURCE, a.source);
    add(FacetField::LANGUAGE, a.language);
    for (const auto& p : a.places) add(FacetField::PLACE, p);
    for (const auto& p : a.people) add(FacetField::PERSON, p);
    if (a.published) add(FacetField::DAY, to_yyyymmdd(*a.published));
    return out;
}

}  // namespace newshound::schema
