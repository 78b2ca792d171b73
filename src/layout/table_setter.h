// Setting a table (model/table.h) on the baseline grid: the place stage's table setter.
//
// The form is the three-line table (三线表) of Chinese print, as GB/T 7713.1 gives it for
// reports and as newspapers set weather boxes and schedules: a heavier rule above the
// header row (顶线) and under the last row (底线), a thin rule under the header (栏目线),
// and no rules between the rows or the columns; the columns are told apart by white space
// (half an em of padding at each side of every cell). Every row is a whole number of grid
// lines (as many as its tallest cell has lines), each line of a cell sits on a baseline of
// the body grid, so text beside the table stays in register (docs/chinese-rules.md §1). The rules
// lie on the grid lines between rows, halfway between two lines of text. A grid line of air above
// (with the caption under it) and one below part it from the text.
//
// Column widths come from the content (as HTML's automatic table layout does): each
// column's natural width (its widest cell set on one line) and its minimum (its longest
// piece that may not be broken: a Latin word, a number with its unit, a character with
// the marks kinsoku keeps with it; a short header whole), padding included. When the natural widths
// fit the measure, each column gets its natural width and the room left over is shared in
// proportion to them; when only the minimums fit, each gets its minimum and the room left
// over is shared in proportion to how much wider each would like to be (natural −
// minimum); when the minimums do not fit, the table is too wide (an error where the
// table is written). Cells are then set by the paragraph composer (compose/line_breaker.h)
// with the paper's break rules, a number never parted from its unit.
//
// Styles (paper styles; each falls back as given): `table_header` (body_strong) for the
// header row, `table_cell` (body) for the cells, `table_caption` (crosshead) for the
// caption, centred above the table. Rules: kTopRuleWeight, kHeaderRuleWeight,
// kBottomRuleWeight, in the colour of the table_header style.
#pragma once

#include <string>
#include <vector>

#include "layout/layout_report.h"
#include "model/frame.h"
#include "model/layout.h"
#include "model/table.h"
#include "text/font_set.h"

namespace banmian {

constexpr double kTopRuleWeight = 1.0;     // pt: 顶线
constexpr double kHeaderRuleWeight = 0.5;  // pt: 栏目线, under the header row
constexpr double kBottomRuleWeight = 1.0;  // pt: 底线
constexpr double kCellPaddingEm = 0.5;     // ems of the cell's style, at each side of a cell
// A header cell at most this many ems wide on one line is never broken: its natural width
// is its column's minimum (a label such as 日期 or 最高气温 reads as one word).
constexpr double kShortHeaderEm = 4;

// The paper's styles for a table (with the fallbacks above) and its rules.
struct TableLook {
  const Style* header = nullptr;
  const Style* cell = nullptr;
  const Style* caption = nullptr;
  TypesettingRules rules;
  static TableLook From(const Paper& paper);
};

// Each column's natural and minimum width, pt, padding included.
struct TableColumnWidths {
  std::vector<double> natural, minimum;
  double NaturalTotal() const;
  double MinimumTotal() const;
};

TableColumnWidths MeasureTable(const Table& table, const TableLook& look, FontSet& fonts);

// The widths (pt) of the columns in `measure` pt, as the header says; empty when the
// minimums do not fit.
std::vector<double> AllocateColumnWidths(const std::vector<double>& natural,
                                         const std::vector<double>& minimum, double measure);

// The grid lines a row takes: as many as its tallest cell has lines (at least one).
int RowGridLines(const std::vector<int>& cell_lines);

// The fewest of `max_columns` grid columns whose measure holds `width` pt (0: none).
int ColumnsFor(double width, const Grid& grid, int max_columns);

// A table set at a measure: items relative to the block's top left (its first grid
// line), on whole grid lines.
struct SetTable {
  std::vector<Item> items;
  std::vector<LineRecord> lines;  // role table_caption, table_header or table_cell
  std::vector<MissingGlyphRecord> missing;
  std::string text;                   // what it shows, row by row (for overset reports)
  int rows = 0;                       // grid lines of the whole block
  int caption_rows = 0;               // grid lines of the caption (0: none; 1 of air then)
  std::vector<int> row_lines;         // grid lines of each table row, header first
  std::vector<double> column_widths;  // pt
  bool fits = true;                   // the minimums fit the measure
};

// Sets `table` across `measure` pt: a grid line of air (`air_above`), the caption, the
// rows between the rules, and a grid line of air under the bottom rule (`air_below`). A
// table in the text has both; one at the top of the body only the air below, one at its
// foot only the air above (the module's edge is white enough).
SetTable SetTableAt(const Table& table, const TableLook& look, double measure, const Grid& grid,
                    FontSet& fonts, bool air_above = true, bool air_below = true);

}  // namespace banmian
