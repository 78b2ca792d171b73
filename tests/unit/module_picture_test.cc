// A module's pictures and the slot's settings for them (model/layout.h Slot): the widest a
// picture is set (picture_columns) and the first picture set above the headline block
// (picture_above_headline), placed by PlaceModule in the slots of the shequchenbao inside
// page with the articles of tests/layout/cases/module-picture.
#include <doctest/doctest.h>

#include <algorithm>
#include <optional>

#include "layout/module.h"
#include "layout/page_builder.h"
#include "load/issue_loader.h"
#include "model/frame_dump.h"
#include "test_util.h"

namespace banmian {
namespace {

const Issue& CaseIssue() {
  static const Issue issue = [] {
    Diagnostics d;
    std::optional<Issue> loaded =
        LoadIssue(std::string(BANMIAN_TEST_DATA) + "/layout/cases/module-picture", {}, d);
    if (!loaded) throw std::runtime_error("cannot load the case: " + test::Messages(d));
    return std::move(*loaded);
  }();
  return issue;
}

Slot SlotNamed(const std::string& name) {
  const Slot* s = CaseIssue().paper.templates.at("inside").FindSlot(name);
  REQUIRE(s);
  return *s;
}

// The slot `rows` grid lines tall from its own top.
Slot WithRows(Slot slot, int rows) {
  const Area& a = slot.area;
  slot.area = CaseIssue().paper.GridArea(a.col, a.cols, a.row, rows);
  return slot;
}

struct Placed {
  Frame frame;
  std::string dump;
  LayoutReport report;
  SlotRecord record() const { return report.slots.at(0); }
};

// The first part of `article` placed in `slot` alone, as a page's frame dump.
Placed PlaceIn(const std::string& article, const Slot& slot, bool trial = false) {
  const Issue& issue = CaseIssue();
  const Article* a = issue.FindArticle(article);
  REQUIRE(a);
  ArticleFlow flow = ComposeArticle(*a, issue.paper, test::ProjectFonts());
  Placed out;
  PlaceOptions options;
  options.trial = trial;
  out.frame = PlaceModule(flow, slot, slot.area, ModulePart{}, issue.paper, test::ProjectFonts(), 1,
                          out.report, options);
  Page page;
  page.label = "A01";
  page.frames.push_back(out.frame);
  out.dump = DumpPage(page);
  return out;
}

std::vector<const ImageItem*> Images(const Frame& f) {
  std::vector<const ImageItem*> out;
  for (const Item& item : f.items)
    if (const auto* img = std::get_if<ImageItem>(&item)) out.push_back(img);
  return out;
}

// The highest and lowest baselines of the runs in `role`; nullopt when there are none.
std::optional<std::pair<double, double>> Baselines(const Frame& f, const std::string& role) {
  std::optional<std::pair<double, double>> out;
  for (const Item& item : f.items)
    if (const auto* run = std::get_if<GlyphRun>(&item); run && run->role == role)
      for (const PositionedGlyph& g : run->glyphs) {
        if (!out) out = std::make_pair(g.y, g.y);
        out->first = std::min(out->first, g.y), out->second = std::max(out->second, g.y);
      }
  return out;
}

// The x of column `col` of `slot` on the page.
double ColumnLeft(const Slot& slot, int col) {
  return slot.area.x + CaseIssue().paper.grid.column_x(col);
}

}  // namespace

TEST_CASE("module picture: picture_columns caps a picture's span, a narrower one at the right") {
  const Grid& grid = CaseIssue().paper.grid;
  Slot top = WithRows(SlotNamed("top"), 50);  // five columns: room for the picture across
  const Placed across = PlaceIn("across", top);
  REQUIRE(across.report.pictures.size() == 1);
  CHECK(across.report.pictures[0].columns_set == 5);

  top.picture_columns = 3;
  const Placed capped = PlaceIn("across", top);
  REQUIRE(capped.report.pictures.size() == 1);
  CHECK(capped.report.pictures[0].columns_set == 3);
  const std::vector<const ImageItem*> images = Images(capped.frame);
  REQUIRE(images.size() == 1);
  // Across the module at its top ({place=top}), made narrower: at the top right, as a
  // picture whose own {cols=3} is narrower than the module.
  CHECK(images[0]->width == doctest::Approx(grid.column_x(2) + grid.column_width()));
  CHECK(images[0]->x == doctest::Approx(ColumnLeft(top, 2)));
  REQUIRE(Images(across.frame).size() == 1);
  CHECK(images[0]->y == doctest::Approx(Images(across.frame)[0]->y));  // the body's top

  // {cols=4}, set two columns wide at the top right.
  top.picture_columns = 2;
  const Placed wide = PlaceIn("wide", top);
  REQUIRE(wide.report.pictures.size() == 1);
  CHECK(wide.report.pictures[0].columns_asked == 4);
  CHECK(wide.report.pictures[0].columns_set == 2);
  REQUIRE(Images(wide.frame).size() == 1);
  CHECK(Images(wide.frame)[0]->x == doctest::Approx(ColumnLeft(top, 3)));

  // A limit wider than the picture asks for changes nothing.
  Slot top_wide = SlotNamed("top");
  const std::string as_asked = PlaceIn("wide", top_wide).dump;
  top_wide.picture_columns = 4;
  CHECK(PlaceIn("wide", top_wide).dump == as_asked);
  top_wide.picture_columns = 5;
  CHECK(PlaceIn("wide", top_wide).dump == as_asked);
}

TEST_CASE("module picture: the picture above the headline, the body under the headline") {
  const Grid& grid = CaseIssue().paper.grid;
  Slot slot = WithRows(SlotNamed("middle_right"), 40);  // three columns
  const Placed usual_trial = PlaceIn("across", slot, true);
  slot.picture_above_headline = true;
  // The rows it needs, as `rows: fit` finds them; placed in a slot of just those rows.
  const Placed trial = PlaceIn("across", slot, true);
  const int needs = trial.record().rows_used;
  CHECK(needs == usual_trial.record().rows_used);  // the same grid lines, in another order
  CHECK(needs < slot.area.rows);
  const Slot fitted = WithRows(slot, needs);
  const Placed placed = PlaceIn("across", fitted);
  const SlotRecord rec = placed.record();
  CHECK(rec.rows_used == needs);
  CHECK(rec.column_ends == trial.record().column_ends);
  CHECK(*std::max_element(rec.column_ends.begin(), rec.column_ends.end()) == needs);
  CHECK(rec.headline_rows == usual_trial.record().headline_rows);

  const std::vector<const ImageItem*> images = Images(placed.frame);
  REQUIRE(images.size() == 1);
  const ImageItem& image = *images[0];
  CHECK(image.y == doctest::Approx(fitted.area.y + (grid.line_pitch - grid.body_size) / 2));
  CHECK(image.width == doctest::Approx(fitted.area.width));
  const auto caption = Baselines(placed.frame, "caption");
  const auto headline = Baselines(placed.frame, "headline");
  const auto byline = Baselines(placed.frame, "byline");
  const auto body = Baselines(placed.frame, "body");
  REQUIRE(caption);
  REQUIRE(headline);
  REQUIRE(byline);
  REQUIRE(body);
  CHECK(caption->first > image.y + image.height);
  CHECK(headline->first > caption->second + grid.body_size);
  CHECK(byline->first > headline->second);
  CHECK(body->first > byline->second);
  // The headline block starts under the picture and its caption, on the grid line the
  // report gives.
  CHECK(rec.headline_first_row > 0);
  const double block_top = fitted.area.y + rec.headline_first_row * grid.line_pitch;
  CHECK(block_top > caption->second);
  CHECK(headline->first > block_top);
  CHECK(headline->second < block_top + rec.headline_rows * grid.line_pitch);
  CHECK(usual_trial.record().headline_first_row == 0);
  // As it reads: the headline's lines reported before the picture's caption and the body.
  REQUIRE(!placed.report.lines.empty());
  CHECK(placed.report.lines.front().role == "headline");

  // In the whole slot, short of its foot: the picture is made taller, the headline and the
  // body moved down with it.
  const Placed grown = PlaceIn("across", slot);
  const std::vector<const ImageItem*> grown_images = Images(grown.frame);
  REQUIRE(grown_images.size() == 1);
  CHECK(grown_images[0]->height > image.height);
  CHECK(grown.record().rows_used > needs);
  CHECK(grown.record().headline_first_row > rec.headline_first_row);
  const auto grown_headline = Baselines(grown.frame, "headline");
  REQUIRE(grown_headline);
  CHECK(grown_headline->first > grown_images[0]->y + grown_images[0]->height);
}

TEST_CASE("module picture: above the headline changes nothing without a picture across the top") {
  struct Case {
    const char* article;
    const char* slot;
    int picture_columns;
    int rows = 0;  // the slot made this many grid lines tall (0: as the template has it)
  };
  const std::vector<Case> cases = {
      {"plain", "middle_right", 0},  // no picture
      {"narrow", "middle_left", 0},  // a one-column picture in the flow
      {"wide", "top", 0},            // four of five columns
      {"across", "top", 3},          // across, made narrower by the slot
      {"across", "middle_left", 1},  // across, made narrower by the slot
      // Across, but too tall with the headline under it: the headline stays at the top
      // (and the picture, too tall under it as well, is left over).
      {"across", "middle_right", 0, 20},
  };
  for (const Case& c : cases) {
    const std::string what = std::string(c.article) + " in " + c.slot;
    CAPTURE(what);
    Slot slot = c.rows > 0 ? WithRows(SlotNamed(c.slot), c.rows) : SlotNamed(c.slot);
    slot.picture_columns = c.picture_columns;
    const Placed usual = PlaceIn(c.article, slot);
    slot.picture_above_headline = true;
    const Placed flagged = PlaceIn(c.article, slot);
    CHECK(flagged.dump == usual.dump);
    CHECK(flagged.record().rows_used == usual.record().rows_used);
    CHECK(flagged.record().headline_first_row == 0);
    if (c.rows > 0) {
      REQUIRE(flagged.report.overset.size() == 1);
      CHECK(flagged.report.overset[0].pictures_left == 1);
    }
  }
}

// In a one-column module a one-column picture in the flow is across the module too.
TEST_CASE("module picture: above the headline in a one-column module") {
  const Grid& grid = CaseIssue().paper.grid;
  Slot one = SlotNamed("middle_left");
  one.area = CaseIssue().paper.GridArea(one.area.col, 1, one.area.row, 60);
  const Placed usual = PlaceIn("narrow", one);
  one.picture_above_headline = true;
  const Placed placed = PlaceIn("narrow", one);
  const std::vector<const ImageItem*> images = Images(placed.frame);
  REQUIRE(images.size() == 1);
  CHECK(images[0]->y == doctest::Approx(one.area.y + (grid.line_pitch - grid.body_size) / 2));
  const auto headline = Baselines(placed.frame, "headline");
  const auto body = Baselines(placed.frame, "body");
  REQUIRE(headline);
  REQUIRE(body);
  CHECK(headline->first > images[0]->y + images[0]->height);
  CHECK(body->first > headline->second);
  CHECK(placed.record().headline_first_row > 0);
  CHECK(placed.record().rows_used == usual.record().rows_used);
}

// `rows: fit` measures a module by a trial placement (layout/page_builder.cc FitRows): with
// the picture above the headline, the slot it gets holds the module exactly, as without.
TEST_CASE("module picture: a fitted slot holds the module with its picture above the headline") {
  auto build = [](bool above) {
    Issue issue = CaseIssue();
    PageTemplate& t = issue.paper.templates.at("inside");
    for (Slot& s : t.slots)
      if (s.name == "top") s.geometry.rows_mode = RowsMode::kFit, s.picture_above_headline = above;
    // A wide picture (6:1), so the module needs fewer grid lines than the 24 it may have.
    for (Article& a : issue.articles)
      if (a.id == "across") a.blocks.at(0).picture_ratio = 6;
    LayoutReport report;
    Diagnostics diags;
    BuildDocument(issue, test::ProjectFonts(), report, diags);
    for (const SlotRecord& s : report.slots)
      if (s.slot == "top") return s;
    FAIL("no slot record for 'top'");
    return SlotRecord{};
  };
  const SlotRecord usual = build(false), above = build(true);
  CHECK(above.rows < 24);
  CHECK(above.rows == usual.rows);
  CHECK(above.rows_used == above.rows);
  CHECK(above.column_ends == usual.column_ends);
  CHECK(above.headline_first_row > 0);
  CHECK(usual.headline_first_row == 0);
}

}  // namespace banmian
