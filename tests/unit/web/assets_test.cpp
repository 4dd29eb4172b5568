#include "web/assets.h"

#include "support/test_support.h"

#include <catch2/catch.hpp>
#include <filesystem>

using namespace newshound;

TEST_CASE("every file of web/assets is embedded byte for byte", "[web][assets]") {
    const std::filesystem::path dir = std::filesystem::path(NEWSHOUND_SOURCE_DIR) / "web/assets";
    size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        INFO(name);
        const web::Asset* asset = web::find_asset(name);
        REQUIRE(asset != nullptr);
        CHECK(asset->body == test::read_file(entry.path()));
        CHECK(asset->hash.size() == 16);
        ++files;
    }
    CHECK(files >= 2);
    CHECK(web::find_asset("style.css")->content_type.rfind("text/css", 0) == 0);
    CHECK(web::find_asset("app.js")->content_type.rfind("text/javascript", 0) == 0);
    CHECK(web::find_asset("openapi.json")->content_type.rfind("application/json", 0) == 0);
}

TEST_CASE("asset names match exactly and asset URLs carry the content hash", "[web][assets]") {
    CHECK(web::find_asset("../style.css") == nullptr);
    CHECK(web::find_asset("style.css/") == nullptr);
    CHECK(web::find_asset("STYLE.CSS") == nullptr);
    CHECK(web::find_asset("") == nullptr);
    const std::string url = web::asset_url("app.js");
    CHECK(url == "/static/app.js?v=" + std::string(web::find_asset("app.js")->hash));
    CHECK_THROWS_AS(web::asset_url("missing.js"), std::logic_error);
}
