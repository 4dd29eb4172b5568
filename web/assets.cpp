#include "web/assets.h"

#include <stdexcept>

namespace newshound::web {

const Asset* find_asset(std::string_view name) {
    for (const auto& a : assets())
        if (a.name == name) return &a;
    return nullptr;
}

std::string asset_url(std::string_view name) {
    const Asset* a = find_asset(name);
    // A page linking an asset the build did not embed is a programming error, caught by the route tests.
    if (!a) throw std::logic_error("no embedded asset " + std::string(name));
    return "/static/" + std::string(a->name) + "?v=" + std::string(a->hash);
}

}  // namespace newshound::web
