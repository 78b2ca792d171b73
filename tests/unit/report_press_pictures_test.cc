// report.json's `press` of each picture: what the press conversion found, or null.
#include <doctest/doctest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "preflight/report.h"

using namespace banmian;

TEST_CASE("report: each picture's press colour space, profile and highest ink") {
  LayoutReport layout;
  for (const char* path : {"pictures/a.jpg", "pictures/b.png", "pictures/c.jpg"}) {
    PictureRecord p;
    p.page = 1, p.path = path, p.colour_space = "RGB";
    layout.pictures.push_back(p);
  }
  const std::map<std::string, PressPictureReport> press = {
      {"pictures/a.jpg", {"RGB", "Adobe RGB (1998)", 212.5}},
      {"pictures/b.png", {"Grey", "untagged", 100}}};
  ReportInput in;
  in.layout = &layout;
  in.press_pictures = &press;
  const auto json = nlohmann::json::parse(ReportJson(in));
  const auto& pictures = json.at("pictures");
  REQUIRE(pictures.size() == 3);
  struct Row {
    const char* colour_space;
    const char* profile;
    double max_ink;
  };
  const Row rows[] = {{"RGB", "Adobe RGB (1998)", 212.5}, {"Grey", "untagged", 100}};
  for (int i = 0; i < 2; ++i) {
    CAPTURE(i);
    CHECK(pictures[i].at("press").at("colour_space") == rows[i].colour_space);
    CHECK(pictures[i].at("press").at("profile") == rows[i].profile);
    CHECK(pictures[i].at("press").at("max_ink").get<double>() == rows[i].max_ink);
  }
  CHECK(pictures[2].at("press").is_null());  // not converted
  in.press_pictures = nullptr;               // no press files asked for
  const auto without = nlohmann::json::parse(ReportJson(in));
  for (const auto& p : without.at("pictures")) CHECK(p.at("press").is_null());
}
