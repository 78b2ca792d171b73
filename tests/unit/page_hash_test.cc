// The hash watch compares to tell which pages to paint again (watch/page_hash.h): every
// field that changes pixels changes it; what does not (frame names, the page number, the
// document's numbering of its fonts, a glyph run's role and text) leaves it.
#include "watch/page_hash.h"

#include <doctest/doctest.h>

#include <functional>

namespace banmian {
namespace {

Document OnePage() {
  Document doc;
  doc.fonts = {{"/fonts/serif.otf", 0, "Serif", "Regular", "1"},
               {"/fonts/sans.ttc", 2, "Sans", "Bold", "1"}};
  Page page;
  page.number = 1, page.label = "A01", page.width = 842, page.height = 1191, page.bleed = 8.5;
  Frame frame;
  frame.name = "slot:lead";
  GlyphRun run;
  run.font = 1, run.size = 10, run.role = "body", run.text = "春申";
  run.glyphs = {{101, 50, 60, 10}, {102, 60, 60, 10}};
  frame.items.push_back(run);
  RectItem rect;
  rect.x = 10, rect.y = 20, rect.width = 30, rect.height = 40, rect.has_fill = true;
  frame.items.push_back(rect);
  frame.items.push_back(RuleItem{0, 100, 200, 100, 0.5, Cmyk{}, "rule"});
  ImageItem image;
  image.path = "pictures/a.jpg";
  image.bytes = std::make_shared<const std::string>("JPEG bytes");
  image.x = 5, image.width = 100, image.height = 80, image.pixel_width = 1000;
  frame.items.push_back(image);
  page.frames.push_back(frame);
  doc.pages.push_back(page);
  return doc;
}

TEST_CASE("page hash: what changes the picture changes it, and nothing else does") {
  const Document base = OnePage();
  const uint64_t h = PageHash(base.pages[0], base);
  CHECK(h == PageHash(OnePage().pages[0], OnePage()));

  struct Change {
    const char* what;
    std::function<void(Document&)> apply;
    bool changes;
  };
  auto run = [](Document& d) -> GlyphRun& {
    return std::get<GlyphRun>(d.pages[0].frames[0].items[0]);
  };
  auto rect = [](Document& d) -> RectItem& {
    return std::get<RectItem>(d.pages[0].frames[0].items[1]);
  };
  auto image = [](Document& d) -> ImageItem& {
    return std::get<ImageItem>(d.pages[0].frames[0].items[3]);
  };
  const std::vector<Change> changes = {
      {"a glyph's id", [&](Document& d) { run(d).glyphs[1].id = 103; }, true},
      {"a glyph moved 0.01 pt", [&](Document& d) { run(d).glyphs[0].x += 0.01; }, true},
      {"a glyph more",
       [&](Document& d) {
         run(d).glyphs.push_back({104, 70, 60, 10});
       },
       true},
      {"the run's size", [&](Document& d) { run(d).size = 10.5; }, true},
      {"the run's colour", [&](Document& d) { run(d).colour.c = 100; }, true},
      {"the run's colour's name", [&](Document& d) { run(d).colour.name = "PANTONE 185 C"; }, true},
      {"the run's font file", [&](Document& d) { d.fonts[1].file = "/fonts/other.ttc"; }, true},
      {"the run's face in its collection", [&](Document& d) { d.fonts[1].index = 3; }, true},
      {"synthetic bold", [&](Document& d) { run(d).synthetic_bold = true; }, true},
      {"a rectangle's fill", [&](Document& d) { rect(d).fill.k = 20; }, true},
      {"a rectangle's stroke", [&](Document& d) { rect(d).has_stroke = true; }, true},
      {"a rule's weight",
       [](Document& d) { std::get<RuleItem>(d.pages[0].frames[0].items[2]).weight = 1; }, true},
      {"a picture's bytes (same path)",
       [&](Document& d) { image(d).bytes = std::make_shared<const std::string>("JPEG other"); },
       true},
      {"a picture's crop", [&](Document& d) { image(d).crop_y = 0.1; }, true},
      {"the items' order",
       [](Document& d) { std::swap(d.pages[0].frames[0].items[1], d.pages[0].frames[0].items[2]); },
       true},
      {"an item moved to a frame of its own",
       [](Document& d) {
         Frame f;
         f.items.push_back(d.pages[0].frames[0].items.back());
         d.pages[0].frames[0].items.pop_back();
         d.pages[0].frames.push_back(f);
       },
       true},
      {"the page's bleed", [](Document& d) { d.pages[0].bleed = 3; }, true},
      {"the page's label", [](Document& d) { d.pages[0].label = "A02"; }, true},
      // Not in the picture:
      {"the frame's name", [](Document& d) { d.pages[0].frames[0].name = "slot:second"; }, false},
      {"the page's number", [](Document& d) { d.pages[0].number = 2; }, false},
      {"the run's role and text", [&](Document& d) { run(d).role = "x", run(d).text = "x"; },
       false},
      {"a picture's bytes copied (same content)",
       [&](Document& d) { image(d).bytes = std::make_shared<const std::string>("JPEG bytes"); },
       false},
      {"the fonts numbered the other way round",
       [&](Document& d) {
         std::swap(d.fonts[0], d.fonts[1]);
         run(d).font = 0;
       },
       false},
  };
  for (const Change& c : changes) {
    CAPTURE(c.what);
    Document d = OnePage();
    c.apply(d);
    CHECK((PageHash(d.pages[0], d) != h) == c.changes);
  }
}

}  // namespace
}  // namespace banmian
