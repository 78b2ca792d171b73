#include <doctest/doctest.h>

#include "layout/page_builder.h"

using namespace banmian;

TEST_CASE("fonts: numbered by first use on the pages, unused faces dropped") {
  Document doc;
  doc.fonts = {{"a.otf", 0, "A", "Regular", "1"},
               {"b.otf", 0, "B", "Regular", "1"},
               {"c.otf", 0, "C", "Bold", "1"}};
  GlyphRun c_run, a_run, c_again;
  c_run.font = 2, a_run.font = 0, c_again.font = 2;
  doc.pages.resize(2);
  doc.pages[0].frames.resize(1);
  doc.pages[0].frames[0].items = {c_run, RuleItem{}};
  doc.pages[1].frames.resize(1);
  doc.pages[1].frames[0].items = {a_run, c_again};
  NumberFontsByUse(doc);
  REQUIRE(doc.fonts.size() == 2);
  CHECK(doc.fonts[0].family == "C");
  CHECK(doc.fonts[1].family == "A");
  CHECK(std::get<GlyphRun>(doc.pages[0].frames[0].items[0]).font == 0);
  CHECK(std::get<GlyphRun>(doc.pages[1].frames[0].items[0]).font == 1);
  CHECK(std::get<GlyphRun>(doc.pages[1].frames[0].items[1]).font == 0);
}
