// Shaded and reversed modules and banners as placed (docs/formats.md, section 3), checked
// against numbers worked out by hand on the test paper of tests/layout/cases/shaded: five
// columns of 15 characters of 9pt on a 13.5pt pitch, gutter 9pt, left margin 14.5mm,
// top margin 14mm. Slot 'right' (columns 4–5) is boxed, filled with blue 10% and padded
// 2mm (5.67pt): its fill covers the frame, half a gutter (4.5pt) out at each side, so its
// measure loses one character (4.5pt more at each side) and its text a grid line at the foot.
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>

#include "../unit/test_util.h"
#include "pipeline/pipeline.h"

using namespace banmian;

namespace {

const std::string kCase = std::string(BANMIAN_TEST_DATA) + "/layout/cases/shaded";
constexpr double kLeft = 14.5 * kPointsPerMm, kTop = 14 * kPointsPerMm;
constexpr double kColumn = 15 * 9 + 9;  // a column and a gutter, pt

std::optional<Area> SlotArea(const RunResult& r, const std::string& slot) {
  for (const ResolvedSlotRecord& s : r.layout.grid.slots)
    if (s.page == 1 && s.slot == slot) return s.area;
  return std::nullopt;
}

// The frames named `name` on page 1, in painting order, as indexes.
std::vector<size_t> Frames(const Document& doc, const std::string& name) {
  std::vector<size_t> out;
  for (size_t i = 0; i < doc.pages[0].frames.size(); ++i)
    if (doc.pages[0].frames[i].name == name) out.push_back(i);
  return out;
}

RunResult Compose(const std::string& dir) {
  RunOptions options;
  options.issue_dir = dir;
  return ComposeIssue(options);
}

}  // namespace

TEST_CASE("shaded: the fill covers the slot, under its text, which keeps to the padding") {
  RunResult r = Compose(kCase);
  REQUIRE(r.document);
  const auto right = SlotArea(r, "right");
  REQUIRE(right);
  CHECK(right->x == doctest::Approx(kLeft + 3 * kColumn));
  CHECK(right->width == doctest::Approx(2 * 135 + 9));
  const std::vector<size_t> frames = Frames(*r.document, "slot:right");
  REQUIRE(frames.size() == 2);  // the fill, then the module
  const Frame& shade = r.document->pages[0].frames[frames[0]];
  REQUIRE(shade.items.size() == 1);
  const auto* fill = std::get_if<RectItem>(&shade.items[0]);
  REQUIRE(fill);
  CHECK(fill->role == "fill");
  CHECK(fill->fill == Cmyk{10, 6, 0, 1, ""});
  CHECK(fill->x == doctest::Approx(right->x - 4.5));
  CHECK(fill->y == doctest::Approx(right->y));
  CHECK(fill->width == doctest::Approx(right->width + 9));
  CHECK(fill->height == doctest::Approx(right->height));
  // Body text: every glyph inside the columns narrowed by 4.5pt at each side; every
  // baseline on the page's baseline grid; none on the slot's last grid line (padding).
  const Frame& module = r.document->pages[0].frames[frames[1]];
  const double first_baseline = kTop + (13.5 - 9) / 2 + 0.88 * 9;
  int body_glyphs = 0;
  double lowest = 0;
  for (const Item& item : module.items) {
    const auto* run = std::get_if<GlyphRun>(&item);
    if (!run || run->role != "body") continue;
    for (const PositionedGlyph& g : run->glyphs) {
      ++body_glyphs;
      const int col = g.x + 4.5 < right->x + kColumn ? 0 : 1;
      const double left = right->x + col * kColumn + 4.5, right_edge = left + 14 * 9;
      CHECK(g.x >= left - 4.5 - 0.01);  // an opening mark's blank half may stand before it
      CHECK(g.x + g.advance <= right_edge + 9 * 0.5 + 0.01);  // a mark may hang its blank half
      const double rows = (g.y - first_baseline) / 13.5;
      CHECK(std::abs(rows - std::round(rows)) < 1e-6);
      lowest = std::max(lowest, g.y);
    }
  }
  CHECK(body_glyphs > 100);
  CHECK(lowest < right->y + right->height - 13.5);
  // The frame is drawn at the fill's edge (boxed: true).
  bool box = false;
  for (const Item& item : module.items)
    if (const auto* rect = std::get_if<RectItem>(&item); rect && rect->role == "box") {
      box = true;
      CHECK(rect->x == doctest::Approx(fill->x));
      CHECK(rect->width == doctest::Approx(fill->width));
    }
  CHECK(box);
}

TEST_CASE("shaded: a headline bar behind the headline block, white type on it") {
  RunResult r = Compose(kCase);
  REQUIRE(r.document);
  const auto left = SlotArea(r, "left");
  REQUIRE(left);
  const std::vector<size_t> frames = Frames(*r.document, "slot:left");
  REQUIRE(frames.size() == 1);  // no fill: the bar is in the module's frame, first
  const Frame& module = r.document->pages[0].frames[frames[0]];
  const auto* bar = std::get_if<RectItem>(&module.items.at(0));
  REQUIRE(bar);
  CHECK(bar->role == "headline-bar");
  CHECK(bar->fill.name == "red");
  CHECK(bar->x == doctest::Approx(left->x));
  CHECK(bar->y == doctest::Approx(left->y));
  CHECK(bar->width == doctest::Approx(left->width));
  const double rows = bar->height / 13.5;
  CHECK(std::abs(rows - std::round(rows)) < 1e-9);  // whole grid lines
  int on_bar = 0;
  for (const Item& item : module.items) {
    const auto* run = std::get_if<GlyphRun>(&item);
    if (!run || run->glyphs.empty() || run->glyphs[0].y > bar->y + bar->height) continue;
    ++on_bar;
    CHECK(run->colour == Cmyk{0, 0, 0, 0, ""});  // kicker, headline: the bar style's white
    CHECK(run->glyphs[0].y > bar->y);
  }
  CHECK(on_bar >= 2);
}

TEST_CASE("shaded: the stack's title bar and padding, its articles under them") {
  RunResult r = Compose(kCase);
  REQUIRE(r.document);
  const auto briefs = SlotArea(r, "briefs");
  REQUIRE(briefs);
  const std::vector<size_t> frames = Frames(*r.document, "slot:briefs");
  REQUIRE(frames.size() == 4);  // fill and title bar, three briefs
  const Frame& shade = r.document->pages[0].frames[frames[0]];
  const auto* fill = std::get_if<RectItem>(&shade.items.at(0));
  const auto* bar = std::get_if<RectItem>(&shade.items.at(1));
  REQUIRE(fill);
  REQUIRE(bar);
  CHECK(fill->fill == Cmyk{0, 0, 0, 10, ""});
  CHECK(bar->role == "headline-bar");
  CHECK(bar->height == doctest::Approx(27));  // a 12pt line box is 15pt: two grid lines
  // The first brief starts under the bar and a grid line of padding (1ch = 9pt: 9 − 2.25
  // needs one grid line); its columns lose two characters, one at each side.
  const Frame& first = r.document->pages[0].frames[frames[1]];
  CHECK(first.y == doctest::Approx(briefs->y + bar->height + 13.5));
  for (size_t i = 1; i < frames.size(); ++i)
    for (const Item& item : r.document->pages[0].frames[frames[i]].items)
      if (const auto* run = std::get_if<GlyphRun>(&item); run && run->role == "body")
        for (const PositionedGlyph& g : run->glyphs) {
          // An opening mark starting a line sets its blank half before the column's edge.
          const int col = static_cast<int>((g.x + 4.5 - briefs->x) / kColumn);
          CHECK(g.x >= briefs->x + col * kColumn + 9 - 4.5 - 0.01);
          CHECK(g.x + g.advance <= briefs->x + col * kColumn + 9 + 13 * 9 + 4.5 + 0.01);
        }
}

// A banner over two stories: its slot as tall as its headline, the stories under it; moved
// so it is not over them, a finding says how.
TEST_CASE("banner: over its stories, a story past it or a column without one is a finding") {
  RunResult r = Compose(kCase);
  REQUIRE(r.document);
  const auto banner = SlotArea(r, "banner"), left = SlotArea(r, "left"),
             right = SlotArea(r, "right");
  REQUIRE(banner);
  REQUIRE(left);
  REQUIRE(right);
  CHECK(left->row == banner->row + banner->rows);
  CHECK(right->row == banner->row + banner->rows);
  std::string banner_text;
  for (size_t i : Frames(*r.document, "slot:banner"))
    for (const Item& item : r.document->pages[0].frames[i].items)
      if (const auto* run = std::get_if<GlyphRun>(&item)) banner_text += run->text;
  CHECK(banner_text == "社区动态服务群众零距离两则报道");
  for (const Finding& f : r.findings) CHECK(f.code != "banner-not-over-stories");

  struct Variant {
    const char* what;
    const char* from;
    const char* to;
    const char* message;
  };
  const Variant variants[] = {
      {"the banner over four columns only", "area: {col: 1, cols: 5, row: 3, rows: fit}",
       "area: {col: 1, cols: 4, row: 3, rows: fit}",
       "banner 'banner': story slot 'right' (columns 4–5) reaches past the banner (columns 1–4)"},
      {"the right story not below it", "area: {col: 4, cols: 2, below: banner, rows: fit}",
       "area: {col: 4, cols: 2, row: 12, rows: fit}",
       "banner 'banner': column 4 of the banner has no story below it; column 5 of the banner has "
       "no story below it"},
  };
  for (const Variant& v : variants) {
    CAPTURE(v.what);
    test::TempDir dir;
    test::Output("cp -r '" + kCase + "/.' '" + dir.path + "'");
    const std::string file = dir.path + "/layouts/testpaper/shaded.yaml";
    std::ifstream in(file);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    REQUIRE(text.find(v.from) != std::string::npos);
    text.replace(text.find(v.from), std::string(v.from).size(), v.to);
    std::ofstream(file) << text;
    RunResult changed = Compose(dir.path);
    REQUIRE(changed.document);
    int found = 0;
    for (const Finding& f : changed.findings)
      if (f.code == "banner-not-over-stories") {
        ++found;
        CHECK(f.message == v.message);
        CHECK(f.severity == Severity::kError);
        CHECK(f.page == 1);
      }
    CHECK(found == 1);
  }
  // Left empty: the banner slot is an empty-slot error.
  test::TempDir dir;
  test::Output("cp -r '" + kCase + "/.' '" + dir.path + "'");
  test::Output("sed -i '/banner: {banner:/d' '" + dir.path + "/issue.yaml'");
  RunResult empty = Compose(dir.path);
  REQUIRE(empty.document);
  bool empty_banner = false;
  for (const Finding& f : empty.findings)
    if (f.code == "empty-slot" && f.message ==
                                      "slot 'banner' on page 1 is empty: no banner headline "
                                      "is given for it ({banner: …})") {
      empty_banner = true;
      CHECK(f.severity == Severity::kError);
    }
  CHECK(empty_banner);
  // Two grid lines fixed where its headline takes more: overset, named as the banner's,
  // the red tab saying it is the headline that is left over (溢出 标题, not 溢出 0 字).
  test::TempDir low;
  test::Output("cp -r '" + kCase + "/.' '" + low.path + "'");
  test::Output(
      "sed -i 's/area: {col: 1, cols: 5, row: 3, rows: fit}/area: {col: 1, cols: 5, "
      "row: 3, rows: 2}/' '" +
      low.path + "/layouts/testpaper/shaded.yaml'");
  RunResult overset = Compose(low.path);
  REQUIRE(overset.document);
  int banner_overset = 0;
  for (const Finding& f : overset.findings)
    if (f.code == "overset" && f.where == "slot:banner") {
      ++banner_overset;
      CHECK(
          f.message.starts_with("the banner headline does not fit slot 'banner': its headline "
                                "alone takes "));
      CHECK(f.message.ends_with(" of the slot's 2"));
    }
  CHECK(banner_overset == 1);
  std::string tab;
  for (size_t i : Frames(*overset.document, "slot:banner"))
    for (const Item& item : overset.document->pages[0].frames[i].items)
      if (const auto* run = std::get_if<GlyphRun>(&item))
        if (run->role == "overset-mark") tab += run->text;
  CHECK(tab == "溢出 标题");
}
