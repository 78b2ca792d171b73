#include "preflight/page_checks.h"

#include <doctest/doctest.h>

#include <cmath>

#include "model/utf8.h"
#include "preflight/page_boxes.h"

using namespace banmian;

namespace {

// A line of `text` in `size` pt type, one glyph per character a full em wide, its left
// edge at x and its baseline at y.
GlyphRun Line(const std::string& text, double x, double y, double size = 10,
              const std::string& role = "body") {
  GlyphRun run;
  run.size = size, run.role = role, run.text = text;
  for (size_t i = 0; i < text.size();) {
    size_t from = i;
    Utf8Next(text, i);
    run.glyphs.push_back({1, x, y, size});
    run.clusters.push_back({static_cast<int>(i - from), 1});
    x += size;
  }
  return run;
}

ImageItem Picture(double x, double y, double width, double height) {
  ImageItem image;
  image.path = "pictures/a.jpg";
  image.x = x, image.y = y, image.width = width, image.height = height;
  image.role = "picture";
  return image;
}

RectItem Filled(double x, double y, double width, double height, const std::string& role) {
  RectItem r;
  r.x = x, r.y = y, r.width = width, r.height = height;
  r.has_fill = true, r.role = role;
  return r;
}

Frame Named(const std::string& name, double x = 0, double y = 0, double width = 0,
            double height = 0) {
  Frame f;
  f.name = name;
  f.x = x, f.y = y, f.width = width, f.height = height;
  return f;
}

Page OnePage(std::vector<Frame> frames) {
  Page page;
  page.number = 2, page.label = "A02", page.width = 600, page.height = 800;
  page.frames = std::move(frames);
  return page;
}

}  // namespace

TEST_CASE("page checks: text over a picture, once per frame and picture") {
  Frame a = Named("slot:a", 100, 100, 300, 300);
  a.items.push_back(Picture(100, 100, 200, 150));
  Frame b = Named("slot:b", 300, 100, 100, 300);
  // Two lines of b reach 20pt into the picture: 4 characters of the first, 2 of the second.
  b.items.push_back(Line("图上的文字都压住了", 260, 140));
  b.items.push_back(Line("又两个字", 280, 160));
  auto found = CheckPage(OnePage({a, b}));
  REQUIRE(found.size() == 1);
  const Finding& f = found[0];
  CHECK(f.code == "text-over-picture");
  CHECK(f.severity == Severity::kError);
  CHECK(f.page == 2);
  CHECK(f.label == "A02");
  CHECK(f.where == "slot:b");
  CHECK(f.count == 6);
  CHECK(f.message ==
        "text of slot 'b' on A02 lies over picture 'pictures/a.jpg' (14.1 × 10.6 mm): "
        "“图上的文又两”");
  REQUIRE(f.has_area);
  CHECK(f.x == doctest::Approx(260));
  CHECK(f.y == doctest::Approx(131.2));
  CHECK(f.width == doctest::Approx(40));
  CHECK(f.height == doctest::Approx(30));
}

TEST_CASE("page checks: a caption under its picture, or text touching it, is not over it") {
  Frame a = Named("slot:a", 100, 100, 300, 300);
  a.items.push_back(Picture(100, 100, 200, 150));
  // The caption's em box starts 0.3 below the picture; the next frame's text ends 0.4pt
  // into it (a hair); spaces over it draw nothing.
  a.items.push_back(Line("图片说明", 100, 250 + 0.3 + 8.8));
  Frame b = Named("slot:b", 300, 100, 100, 300);
  b.items.push_back(Line("贴边", 300 - 0.4, 140));
  b.items.push_back(Line("    ", 200, 200));
  CHECK(CheckPage(OnePage({a, b})).empty());
}

TEST_CASE("page checks: text over another frame's filled box") {
  Frame masthead = Named("region:masthead", 0, 0, 600, 100);
  masthead.items.push_back(Filled(0, 80, 600, 20, "masthead"));
  // White text on the masthead's own band is meant.
  masthead.items.push_back(Line("报头", 10, 95, 10, "masthead_title"));
  Frame lead = Named("slot:lead", 0, 100, 600, 300);
  lead.items.push_back(Line("标题压到报头上", 100, 105, 20, "headline"));
  auto found = CheckPage(OnePage({masthead, lead}));
  REQUIRE(found.size() == 1);
  CHECK(found[0].code == "text-over-box");
  CHECK(found[0].where == "slot:lead");
  CHECK(found[0].count == 7);
  CHECK(found[0].message ==
        "text of slot 'lead' on A02 lies over a box of region 'masthead' (49.4 × 4.4 mm): "
        "“标题压到报头上”");
  CHECK(found[0].y == doctest::Approx(105 - 17.6));
  CHECK(found[0].height == doctest::Approx(100 - 87.4));
}

TEST_CASE("page checks: boxes meant to lie over text, and unfilled boxes, are not checked") {
  Frame lead = Named("slot:lead", 0, 100, 600, 300);
  lead.items.push_back(Line("正文", 100, 420));
  // The overset mark of the slot above, below its foot, over this text.
  Frame upper = Named("slot:upper", 0, 0, 600, 400);
  upper.items.push_back(Filled(90, 405, 100, 20, "overset-mark"));
  upper.items.push_back(Line("溢出 3 字", 92, 420, 10, "overset-mark"));
  RectItem frame_line;
  frame_line.x = 50, frame_line.y = 380, frame_line.width = 200, frame_line.height = 100;
  frame_line.has_stroke = true, frame_line.role = "box";
  upper.items.push_back(frame_line);
  Frame proof = Named("proof");
  proof.items.push_back(Filled(0, 0, 600, 800, "proof-overset"));
  proof.items.push_back(Line("slot", 100, 420, 6, "proof-label"));
  CHECK(CheckPage(OnePage({lead, upper, proof})).empty());
}

TEST_CASE("page checks: a column rule through a picture") {
  Frame a = Named("slot:a", 100, 100, 320, 300);
  a.items.push_back(Picture(100, 100, 210, 150));  // across two columns and their gutter
  a.items.push_back(RuleItem{205, 103, 205, 397, 0.4, {}, "column-rule"});
  a.items.push_back(RuleItem{315, 103, 315, 397, 0.4, {}, "column-rule"});
  auto found = CheckPage(OnePage({a}));
  REQUIRE(found.size() == 1);
  CHECK(found[0].code == "rule-over-picture");
  CHECK(found[0].where == "slot:a");
  CHECK(found[0].count == 1);
  CHECK(found[0].message ==
        "a column rule of slot 'a' on A02 runs 51.7 mm through picture 'pictures/a.jpg'");
  CHECK(found[0].x == doctest::Approx(204.8));
  CHECK(found[0].width == doctest::Approx(0.4));
  CHECK(found[0].y == doctest::Approx(102.8));
  CHECK(found[0].height == doctest::Approx(147.2));
}

TEST_CASE("page checks: a rule along a picture's edge or beside it does not cross it") {
  Frame a = Named("slot:a", 100, 100, 320, 300);
  a.items.push_back(Picture(100, 100, 100, 150));
  a.items.push_back(RuleItem{205, 103, 205, 397, 0.4, {}, "column-rule"});      // in the gutter
  a.items.push_back(RuleItem{200.3, 103, 200.3, 397, 0.4, {}, "column-rule"});  // on the edge
  a.items.push_back(RuleItem{100, 250, 200, 250, 0.5, {}, "stack-rule"});       // along the foot
  CHECK(CheckPage(OnePage({a})).empty());
}

TEST_CASE("page checks: furniture drawn into a slot") {
  Frame footer = Named("region:footer", 0, 700, 600, 100);
  footer.items.push_back(
      RuleItem{0, 690, 600, 690, 1.0, {}, "footer"});  // 10pt above the slot's foot
  footer.items.push_back(Line("编辑", 0, 720));
  Frame slot = Named("slot:second", 0, 400, 600, 300);
  auto found = CheckPage(OnePage({footer, slot}));
  REQUIRE(found.size() == 1);
  CHECK(found[0].code == "region-over-slot");
  CHECK(found[0].where == "region:footer");
  CHECK(found[0].message == "region 'footer' on A02 draws into slot 'second' (211.7 × 0.4 mm)");
  CHECK(found[0].y == doctest::Approx(689.5));
  CHECK(found[0].height == doctest::Approx(1.0));
}

TEST_CASE("page checks: a folio rule touching a slot's top edge is no overlap") {
  Frame folio = Named("region:folio", 0, 0, 600, 27);
  // The rule's lower half-weight reaches 0.4pt below the region, into the slot: a hair.
  folio.items.push_back(RuleItem{0, 26.8, 600, 26.8, 1.2, {}, "folio"});
  folio.items.push_back(Line("第A02版", 400, 20));
  Frame slot = Named("slot:top", 0, 27, 600, 300);
  Frame stack = Named("stack-rule:top");
  stack.items.push_back(RuleItem{0, 200, 600, 200, 0.5, {}, "stack-rule"});
  CHECK(CheckPage(OnePage({folio, slot, stack})).empty());
}

TEST_CASE("page boxes: a rule's length inside a box") {
  Box box{0, 0, 100, 100};
  CHECK(RuleLengthInside(RuleItem{50, -10, 50, 110, 0.4, {}, ""}, box) == doctest::Approx(99));
  CHECK(RuleLengthInside(RuleItem{0.2, -10, 0.2, 110, 0.4, {}, ""}, box) == 0);
  CHECK(RuleLengthInside(RuleItem{-10, -10, 110, 110, 0.4, {}, ""}, box) ==
        doctest::Approx(99 * std::sqrt(2.0)));
  CHECK(RuleLengthInside(RuleItem{200, 0, 300, 0, 0.4, {}, ""}, box) == 0);
}
