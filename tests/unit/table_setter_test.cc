// The table setter (layout/table_setter.h): column widths from the content, worked by
// hand; rows rounded to whole grid lines; the three rules and the header on the grid.
// Han characters of the project's CJK fonts are one em wide, so a 10 pt cell's natural
// width is 10 pt a character plus 10 pt of padding (half an em at each side).
#include <doctest/doctest.h>

#include <cmath>
#include <variant>

#include "compose/break_rules.h"
#include "layout/table_setter.h"
#include "test_util.h"

using namespace banmian;
using banmian::test::ProjectFonts;
using banmian::test::TextStyle;

namespace {

// Two columns of fourteen 10 pt characters, a 10 pt gutter, a 15 pt line pitch.
Paper TablePaper() {
  Paper p;
  p.grid.columns = 2;
  p.grid.characters = 14;
  p.grid.gutter = 10;
  p.grid.body_size = 10;
  p.grid.line_pitch = 15;
  for (const Style& s :
       {TextStyle("body"), TextStyle("body_strong", "Noto Sans CJK SC", 10, true),
        TextStyle("crosshead", "Noto Sans CJK SC", 10, true),
        TextStyle("table_header", "Noto Sans CJK SC", 10, true), TextStyle("table_cell"),
        TextStyle("table_caption", "Noto Sans CJK SC", 10, true)})
    p.styles[s.name] = s;
  return p;
}

TableCell Cell(const std::string& text) {
  TableCell c;
  if (!text.empty()) c.spans.push_back({text, SpanStyle::kPlain});
  return c;
}

Table MakeTable(const std::vector<std::vector<std::string>>& rows) {
  Table t;
  for (const auto& r : rows) {
    TableRow row;
    for (const std::string& s : r) row.cells.push_back(Cell(s));
    t.rows.push_back(row);
  }
  t.align.assign(rows.empty() ? 0 : rows[0].size(), CellAlign::kNone);
  return t;
}

std::vector<RuleItem> Rules(const SetTable& st) {
  std::vector<RuleItem> out;
  for (const Item& item : st.items)
    if (const auto* r = std::get_if<RuleItem>(&item)) out.push_back(*r);
  return out;
}

}  // namespace

TEST_CASE("table: column widths from natural and minimum widths, worked by hand") {
  struct Case {
    std::vector<double> natural, minimum;
    double measure;
    std::vector<double> want;  // empty: too wide
  };
  const Case cases[] = {
      // Natural widths fit: each scaled by measure / Σnatural (240 / 120 = 2).
      {{30, 50, 40}, {20, 20, 20}, 240, {60, 100, 80}},
      // Exactly the natural widths.
      {{30, 50, 40}, {20, 20, 20}, 120, {30, 50, 40}},
      // Only the minimums fit (Σ 80 ≤ 140 < Σnatural 200): each its minimum plus
      // (natural − minimum) × (140 − 80) / (200 − 80) = half of what it would like more.
      {{100, 60, 40}, {40, 30, 10}, 140, {70, 45, 25}},
      // Exactly the minimums.
      {{50, 50}, {30, 40}, 70, {30, 40}},
      // A column already at its natural width takes none of the room: (60 − 20) × 30 / 60.
      {{20, 60}, {20, 20}, 70, {20, 50}},
      // The minimums do not fit.
      {{100, 100}, {80, 70}, 140, {}},
      {{10, 10, 10}, {10, 10, 10}, 29.9, {}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.measure);
    const std::vector<double> got = AllocateColumnWidths(c.natural, c.minimum, c.measure);
    REQUIRE(got.size() == c.want.size());
    for (size_t i = 0; i < got.size(); ++i) CHECK(got[i] == doctest::Approx(c.want[i]));
  }
}

TEST_CASE("table: a row is as many grid lines as its tallest cell, at least one") {
  CHECK(RowGridLines({1, 3, 2}) == 3);
  CHECK(RowGridLines({2}) == 2);
  CHECK(RowGridLines({0, 0}) == 1);  // a row of empty cells still takes its grid line
  CHECK(RowGridLines({}) == 1);
  CHECK(RowGridLines({4, 1, 4, 1}) == 4);
}

TEST_CASE("table: the fewest grid columns that hold a width") {
  const Paper p = TablePaper();  // columns 140 pt, gutter 10: 140, 290 wide
  CHECK(ColumnsFor(100, p.grid, 2) == 1);
  CHECK(ColumnsFor(140, p.grid, 2) == 1);
  CHECK(ColumnsFor(140.5, p.grid, 2) == 2);
  CHECK(ColumnsFor(290, p.grid, 2) == 2);
  CHECK(ColumnsFor(290.5, p.grid, 2) == 0);
  CHECK(ColumnsFor(200, p.grid, 1) == 0);
}

TEST_CASE("table: a figure and its unit are one piece in a cell") {
  CHECK(NumberWithUnit(U'3', U'级'));
  CHECK(NumberWithUnit(U'1', U'℃'));
  CHECK(NumberWithUnit(U'7', U'日'));
  CHECK(NumberWithUnit(U'５', U'%'));  // a full-width digit
  CHECK_FALSE(NumberWithUnit(U'3', U' '));
  CHECK_FALSE(NumberWithUnit(U'月', U'7'));
  CHECK_FALSE(NumberWithUnit(U'a', U'b'));
}

TEST_CASE("table: natural and minimum widths measured from the cells") {
  const Paper p = TablePaper();
  const TableLook look = TableLook::From(p);
  // Header in bold, cells in the serif; every character a 10 pt em.
  const Table t = MakeTable({{"日期", "天气"}, {"周五", "多云转晴"}, {"周六", "雷阵雨"}});
  const TableColumnWidths w = MeasureTable(t, look, ProjectFonts());
  REQUIRE(w.natural.size() == 2);
  CHECK(w.natural[0] == doctest::Approx(30));  // two characters + 10 pt padding
  CHECK(w.natural[1] == doctest::Approx(50));  // 多云转晴
  // A short header is not broken: 日期 and 天气 whole (20 + 10), wider than one
  // character of the cells (10 + 10).
  CHECK(w.minimum[0] == doctest::Approx(30));
  CHECK(w.minimum[1] == doctest::Approx(30));
  CHECK(w.NaturalTotal() == doctest::Approx(80));
  CHECK(w.MinimumTotal() == doctest::Approx(60));
  // A header wider than four ems may be broken like any cell: 本周逐日天气 (60 pt) to one
  // character + padding; the cells' 多云转晴 to one character too.
  const TableColumnWidths long_header =
      MeasureTable(MakeTable({{"本周逐日天气"}, {"多云转晴"}}), look, ProjectFonts());
  CHECK(long_header.natural[0] == doctest::Approx(70));
  CHECK(long_header.minimum[0] == doctest::Approx(20));
  // A comma may not start a line: 云， is one piece, the comma's blank half may go at the
  // line's end (10 + 10 − 5), so the column's minimum is 15 + 10.
  const TableColumnWidths comma =
      MeasureTable(MakeTable({{"天"}, {"多云，转晴"}}), look, ProjectFonts());
  CHECK(comma.minimum[0] == doctest::Approx(25));
}

TEST_CASE("table: rows on whole grid lines, the rules between them, the header first") {
  const Paper p = TablePaper();
  const TableLook look = TableLook::From(p);
  const Table t = MakeTable({{"日期", "天气"}, {"周五", "多云转晴"}, {"周六", "雷阵雨"}});
  SUBCASE("every cell on one line: a grid line a row") {
    const SetTable st = SetTableAt(t, look, 140, p.grid, ProjectFonts());
    CHECK(st.fits);
    REQUIRE(st.column_widths.size() == 2);
    CHECK(st.column_widths[0] == doctest::Approx(52.5));  // 30 × 140 / 80
    CHECK(st.column_widths[1] == doctest::Approx(87.5));
    CHECK(st.row_lines == std::vector<int>{1, 1, 1});
    CHECK(st.caption_rows == 0);
    // A grid line of air, three rows, a grid line of air.
    CHECK(st.rows == 5);
    const std::vector<RuleItem> rules = Rules(st);
    REQUIRE(rules.size() == 3);
    CHECK(rules[0].y1 == doctest::Approx(15));  // top rule on grid line 1
    CHECK(rules[0].weight == doctest::Approx(kTopRuleWeight));
    CHECK(rules[1].y1 == doctest::Approx(30));  // under the header
    CHECK(rules[1].weight == doctest::Approx(kHeaderRuleWeight));
    CHECK(rules[2].y1 == doctest::Approx(60));  // under the last row
    CHECK(rules[2].weight == doctest::Approx(kBottomRuleWeight));
    for (const RuleItem& r : rules) CHECK(r.x2 - r.x1 == doctest::Approx(140));
    // The header's text on the baseline of grid line 1, bold, centred over its column:
    // 日期 (20 pt) in 52.5 pt, 16.25 pt from its left.
    const auto* head = std::get_if<GlyphRun>(&st.items[1]);
    REQUIRE(head);
    CHECK(head->role == "table_header");
    CHECK(head->text == "日期");
    CHECK(head->glyphs.front().y == doctest::Approx(15 + 2.5 + 8.8));
    CHECK(head->glyphs.front().x == doctest::Approx(16.25));
    // Read row by row: the lines as set, header first.
    REQUIRE(st.lines.size() == 6);
    CHECK(st.lines[0].role == "table_header");
    CHECK(st.lines[2].text == "周五");
    CHECK(st.lines[3].text == "多云转晴");
    CHECK(st.lines[5].role == "table_cell");
  }
  SUBCASE("a narrow measure: the cells wrap and the rows grow by whole grid lines") {
    // At the minimums (60 pt): 20 pt of text a column, two characters a line. The header
    // and 周五, 周六 on one line; 多云转晴 on two, 雷阵雨 on two (雷阵 / 雨).
    const SetTable st = SetTableAt(t, look, 60, p.grid, ProjectFonts());
    CHECK(st.column_widths[0] == doctest::Approx(30));
    CHECK(st.column_widths[1] == doctest::Approx(30));
    CHECK(st.row_lines == std::vector<int>{1, 2, 2});
    CHECK(st.rows == 7);
    const std::vector<RuleItem> rules = Rules(st);
    REQUIRE(rules.size() == 3);
    CHECK(rules[0].y1 == doctest::Approx(15));
    CHECK(rules[1].y1 == doctest::Approx(30));
    CHECK(rules[2].y1 == doctest::Approx(90));
    // Between 60 and 80 pt, each column its minimum and half of what it would like more:
    // at 70 pt, 30 + 0 × ½ and 30 + 20 × ½.
    const SetTable mid = SetTableAt(t, look, 70, p.grid, ProjectFonts());
    CHECK(mid.column_widths[0] == doctest::Approx(30));
    CHECK(mid.column_widths[1] == doctest::Approx(40));
    // 30 pt of text in the second: 雷阵雨 on one line, 多云转晴 still on two.
    CHECK(mid.row_lines == std::vector<int>{1, 2, 1});
    // Every line of every cell on a baseline of the grid.
    for (const Item& item : st.items)
      if (const auto* run = std::get_if<GlyphRun>(&item)) {
        const double row = (run->glyphs.front().y - 11.3) / 15;
        CHECK(row == doctest::Approx(std::round(row)));
      }
  }
  SUBCASE("a caption on the grid lines between the air and the top rule") {
    Table captioned = t;
    captioned.caption = "本周天气";
    const SetTable st = SetTableAt(captioned, look, 140, p.grid, ProjectFonts());
    CHECK(st.caption_rows == 1);
    CHECK(st.rows == 6);
    REQUIRE(st.lines.size() == 7);
    CHECK(st.lines[0].role == "table_caption");
    CHECK(st.lines[0].text == "本周天气");
    // On grid line 1's baseline, centred: 40 pt in 140.
    const auto* cap = std::get_if<GlyphRun>(&st.items[0]);
    REQUIRE(cap);
    CHECK(cap->glyphs.front().y == doctest::Approx(15 + 11.3));
    CHECK(cap->glyphs.front().x == doctest::Approx(50));
    CHECK(Rules(st)[0].y1 == doctest::Approx(30));
    CHECK(Rules(st)[2].y1 == doctest::Approx(75));
    // A caption longer than the measure wraps, a grid line a line.
    captioned.caption = "二〇二四年六月七日至九日本区逐日天气预报";  // 20 characters
    const SetTable two = SetTableAt(captioned, look, 140, p.grid, ProjectFonts());
    CHECK(two.caption_rows == 2);
    CHECK(two.rows == 7);
  }
  SUBCASE("at the body's top no air above, at its foot none below") {
    const SetTable top = SetTableAt(t, look, 140, p.grid, ProjectFonts(), false, true);
    CHECK(top.rows == 4);
    CHECK(Rules(top)[0].y1 == doctest::Approx(0));
    CHECK(Rules(top)[2].y1 == doctest::Approx(45));
    const SetTable foot = SetTableAt(t, look, 140, p.grid, ProjectFonts(), true, false);
    CHECK(foot.rows == 4);
    CHECK(Rules(foot)[0].y1 == doctest::Approx(15));
    CHECK(Rules(foot)[2].y1 == doctest::Approx(60));  // the block's last grid line's foot
  }
  SUBCASE("too narrow for the minimums: set at them, and says so") {
    const SetTable st = SetTableAt(t, look, 59, p.grid, ProjectFonts());
    CHECK_FALSE(st.fits);
    CHECK(st.column_widths == std::vector<double>{30, 30});
  }
}
