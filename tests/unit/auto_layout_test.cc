#include "layout/auto_layout.h"

#include <doctest/doctest.h>

#include <set>

using namespace banmian;

namespace {

// A story of `lines` grid lines of text at one column, without a picture: at c columns it
// needs head + ceil(lines / c) grid lines and fills that or one more.
AutoStory Text(const std::string& id, int lines, int body_rows, int head = 3, int min_cols = 1,
               int max_cols = 6) {
  AutoStory s;
  s.id = id;
  for (int c = min_cols; c <= max_cols; ++c) {
    ModuleShape sh;
    sh.cols = c;
    sh.headline_rows = head;
    sh.natural_rows = head + (lines + c - 1) / c;
    sh.max_fill_rows = sh.natural_rows + 1;
    sh.rows = RowSet(body_rows + 1);
    sh.rows.Set(sh.natural_rows);
    sh.rows.Set(sh.natural_rows + 1);
    s.shapes.push_back(sh);
  }
  return s;
}

// A story with a picture spanning its module: its picture may be up to `grow` grid lines taller.
AutoStory Pictured(const std::string& id, int lines, int picture, int grow, int body_rows,
                   int cols) {
  AutoStory s;
  s.id = id;
  ModuleShape sh;
  sh.cols = cols;
  sh.headline_rows = 3;
  sh.picture_columns = cols;
  sh.picture_left = sh.picture_right = true;
  sh.picture_rows = picture;
  sh.natural_rows = 3 + picture + (lines + cols - 1) / cols;
  sh.max_fill_rows = sh.natural_rows + grow;
  sh.rows = RowSet(body_rows + 1);
  for (int h = sh.natural_rows; h <= sh.max_fill_rows; ++h) sh.rows.Set(h);
  s.shapes.push_back(sh);
  return s;
}

// Every cell of the body covered by exactly one module.
bool Tiles(const ScoredLayout& l, int cols, int rows) {
  std::vector<int> cover(static_cast<size_t>(cols * rows), 0);
  for (const AutoModule& m : l.modules)
    for (int c = m.col; c < m.col + m.cols; ++c)
      for (int r = m.row; r < m.row + m.rows; ++r) {
        if (c >= cols || r >= rows) return false;
        ++cover[static_cast<size_t>(r * cols + c)];
      }
  for (int v : cover)
    if (v != 1) return false;
  return true;
}

std::set<std::string> Rules(const ScoredLayout& l) {
  std::set<std::string> out;
  for (const RuleBreak& b : l.breaks) out.insert(b.rule);
  return out;
}

}  // namespace

TEST_CASE("auto layout: heights as bit sets add like stacked rectangles") {
  RowSet a(20), b(20);
  a.Set(3), a.Set(5);
  b.Set(10), b.Set(16);
  CHECK(a.Sum(b).Values() == std::vector<int>{13, 15, 19});  // 21 is past the set
  RowSet wide(200), one(200);
  wide.Set(70), one.Set(60);
  CHECK(wide.Sum(one).Values() == std::vector<int>{130});
  CHECK((a & b).Any() == false);
}

TEST_CASE("auto layout: two stories fill the body, the lead on top and widest") {
  // 6 columns × 40 grid lines: the lead of 120 lines (6 cols: 3 + 20 = 23, fills 23-24)
  // and a second of 84 lines (6 cols: 3 + 14 = 17).
  std::vector<AutoStory> stories{Text("lead", 120, 40), Text("second", 84, 40)};
  AutoSearchResult r = SearchLayouts(6, 40, stories);
  REQUIRE(!r.layouts.empty());
  const ScoredLayout& best = r.layouts.front();
  CHECK(Tiles(best, 6, 40));
  CHECK(best.breaks.empty());
  CHECK(best.modules[0].row == 0);
  CHECK(best.modules[0].cols == 6);
  CHECK(best.modules[1].row == best.modules[0].rows);
  CHECK(r.complete);
}

TEST_CASE("auto layout: side by side at the same height is a tombstone") {
  // Each story only fits 3 columns × 40 lines: they must stand side by side.
  std::vector<AutoStory> stories{Text("a", 111, 40, 3, 3, 3), Text("b", 111, 40, 3, 3, 3)};
  AutoSearchResult r = SearchLayouts(6, 40, stories);
  REQUIRE(!r.layouts.empty());
  CHECK(Tiles(r.layouts.front(), 6, 40));
  CHECK(Rules(r.layouts.front()).count("tombstone") == 1);
}

TEST_CASE("auto layout: a picture above its headline avoids the tombstone") {
  std::vector<AutoStory> stories{Text("a", 111, 40, 3, 3, 3), Pictured("b", 60, 17, 0, 40, 3)};
  stories[1].shapes[0].picture_above_headline = true;
  AutoSearchResult r = SearchLayouts(6, 40, stories);
  REQUIRE(!r.layouts.empty());
  CHECK(Tiles(r.layouts.front(), 6, 40));
  CHECK(r.layouts.front().breaks.empty());
}

TEST_CASE("auto layout: pictures side by side touch") {
  std::vector<AutoStory> stories{Pictured("a", 60, 17, 0, 40, 3), Pictured("b", 60, 17, 0, 40, 3)};
  AutoSearchResult r = SearchLayouts(6, 40, stories);
  REQUIRE(!r.layouts.empty());
  const auto rules = Rules(r.layouts.front());
  CHECK(rules.count("pictures-touch") == 1);
  CHECK(rules.count("tombstone") == 1);
}

TEST_CASE("auto layout: a picture grows to fill what text alone cannot") {
  // Text alone: the lead 23 or 24 lines at 6 columns, the second 17 or 18: never 49.
  std::vector<AutoStory> text{Text("lead", 120, 49), Text("second", 84, 49)};
  CHECK(SearchLayouts(6, 49, text).layouts.empty());
  // With a picture that may be four lines taller the page fills: 3 + 8 + 17 = 28 … 32, + 17.
  std::vector<AutoStory> pictured{Pictured("lead", 102, 8, 4, 49, 6), Text("second", 84, 49)};
  AutoSearchResult r = SearchLayouts(6, 49, pictured);
  REQUIRE(!r.layouts.empty());
  CHECK(Tiles(r.layouts.front(), 6, 49));
  CHECK(r.layouts.front().breaks.empty());
  CHECK(r.layouts.front().modules[0].rows > pictured[0].shapes[0].natural_rows);
}

TEST_CASE("auto layout: a lock keeps a story where the editor put it") {
  // Columns 5–6 hold the third (74 lines: 3 + 37 = 40 at two columns); the lead (80
  // lines: 23 at four) and the second (56: 17 at four) share the four at the left.
  std::vector<AutoStory> stories{Text("lead", 80, 40), Text("second", 56, 40),
                                 Text("third", 74, 40)};
  stories[2].col = 4;
  stories[2].cols = 2;
  AutoSearchResult r = SearchLayouts(6, 40, stories);
  REQUIRE(!r.layouts.empty());
  for (const ScoredLayout& l : r.layouts) {
    CHECK(l.modules[2].col == 4);
    CHECK(l.modules[2].cols == 2);
  }
}

TEST_CASE("auto layout: no tiling gives no layout, the same stories give the same layouts") {
  std::vector<AutoStory> none{Text("a", 10, 40, 3, 6, 6)};
  CHECK(SearchLayouts(6, 40, none).layouts.empty());
  std::vector<AutoStory> stories{Text("lead", 150, 60), Text("b", 80, 60), Text("c", 70, 60),
                                 Text("d", 50, 60)};
  AutoSearchResult one = SearchLayouts(6, 60, stories), two = SearchLayouts(6, 60, stories);
  REQUIRE(one.layouts.size() == two.layouts.size());
  for (size_t i = 0; i < one.layouts.size(); ++i) {
    CHECK(one.layouts[i].cost == two.layouts[i].cost);
    for (size_t m = 0; m < one.layouts[i].modules.size(); ++m) {
      CHECK(one.layouts[i].modules[m].col == two.layouts[i].modules[m].col);
      CHECK(one.layouts[i].modules[m].row == two.layouts[i].modules[m].row);
      CHECK(one.layouts[i].modules[m].rows == two.layouts[i].modules[m].rows);
    }
  }
  CHECK(one.nodes == two.nodes);
}

TEST_CASE("auto layout: a story that goes on later takes what room is left, uncut") {
  // 200 lines never fit 6 × 40; as a jumped story any height from its head and three
  // lines holds a part of it.
  std::vector<AutoStory> stories{Text("lead", 84, 40), Text("long", 400, 40)};
  for (ModuleShape& s : stories[1].shapes) {
    s.continues = true;
    for (int h = s.headline_rows + 3; h < s.natural_rows && h <= 40; ++h) s.rows.Set(h);
  }
  AutoSearchResult r = SearchLayouts(6, 40, stories);
  REQUIRE(!r.layouts.empty());
  const ScoredLayout& best = r.layouts.front();
  CHECK(Tiles(best, 6, 40));
  CHECK(best.cut_rows[1] == 0);
  CHECK(best.breaks.empty());
  bool jump_term = false;
  for (const CostTerm& t : best.terms)
    jump_term = jump_term || t.what.find("later page") != std::string::npos;
  CHECK(jump_term);
}
