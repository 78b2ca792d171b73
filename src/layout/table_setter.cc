#include "layout/table_setter.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "compose/break_rules.h"
#include "compose/line_breaker.h"
#include "layout/line_items.h"
#include "model/utf8.h"
#include "text/script.h"
#include "text/shaper.h"

namespace banmian {

namespace {

const Style& StyleOr(const Paper& paper, const std::string& name, const std::string& fallback) {
  const Style* s = paper.FindStyle(name);
  return s ? *s : *paper.FindStyle(fallback);
}

// A cell's text shaped in its row's style: bold and emphasis inside it keep their faces.
ShapedText ShapeCell(const TableCell& cell, const Style& style, const Style& strong,
                     FontSet& fonts) {
  std::vector<StyledRun> runs;
  for (const Span& s : cell.spans)
    runs.push_back({s.text, s.style == SpanStyle::kStrong ? &strong : &style});
  return Shape(fonts, runs);
}

bool IsHeader(size_t row) {
  return row == 0;
}

ParagraphStyle CellParagraph(const TableLook& look, CellAlign align, bool header) {
  ParagraphStyle ps;
  ps.rules = look.rules;
  ps.keep_numbers_with_units = true;
  ps.first_indent = 0;
  // Columns without an alignment of their own: the header centred over its column, the
  // cells from the start of the line, justified when they wrap.
  Align a = align == CellAlign::kCenter  ? Align::kCenter
            : align == CellAlign::kRight ? Align::kRight
            : align == CellAlign::kLeft  ? Align::kLeft
            : header                     ? Align::kCenter
                                         : Align::kLeft;
  ps.align = a;
  ps.justify = a == Align::kLeft;
  return ps;
}

// The widest run of atoms that may not be broken (break_rules.h, numbers kept with their
// units), pt; spaces do not count.
double LongestPiece(const ShapedText& text, const TypesettingRules& rules) {
  const bool strict = rules.strictness == TypesettingRules::Strictness::kStrict;
  double widest = 0, piece = 0;
  for (size_t k = 0; k < text.atoms.size(); ++k) {
    const Atom& a = text.atoms[k];
    if (k > 0) {
      const char32_t prev = text.atoms[k - 1].ch;
      const bool breakable = CanBreakBetween(prev, a.ch, strict) && !NumberWithUnit(prev, a.ch);
      if (breakable) piece = 0;
    }
    if (IsSpace(a.ch)) continue;
    // A mark's blank may be taken away at a line's end or start (docs/chinese-rules.md §5).
    piece += a.advance;
    widest = std::max(widest, piece - a.blank_right);
  }
  return widest;
}

}  // namespace

TableLook TableLook::From(const Paper& paper) {
  TableLook look;
  look.header = &StyleOr(paper, "table_header", "body_strong");
  look.cell = &StyleOr(paper, "table_cell", "body");
  look.caption = &StyleOr(paper, "table_caption", "crosshead");
  look.rules = paper.rules;
  return look;
}

double TableColumnWidths::NaturalTotal() const {
  return std::accumulate(natural.begin(), natural.end(), 0.0);
}

double TableColumnWidths::MinimumTotal() const {
  return std::accumulate(minimum.begin(), minimum.end(), 0.0);
}

TableColumnWidths MeasureTable(const Table& table, const TableLook& look, FontSet& fonts) {
  TableColumnWidths w;
  const size_t n = table.ColumnCount();
  w.natural.assign(n, 0);
  w.minimum.assign(n, 0);
  for (size_t r = 0; r < table.rows.size(); ++r) {
    const Style& style = IsHeader(r) ? *look.header : *look.cell;
    for (size_t c = 0; c < n && c < table.rows[r].cells.size(); ++c) {
      const ShapedText text = ShapeCell(table.rows[r].cells[c], style, *look.header, fonts);
      const double pad = 2 * kCellPaddingEm * style.size;
      w.natural[c] = std::max(w.natural[c], text.Width(0, text.atoms.size()) + pad);
      // A short header (a label of up to four ems: 日期, 最高气温) is not broken.
      const double natural = text.Width(0, text.atoms.size());
      const double piece = IsHeader(r) && natural <= kShortHeaderEm * style.size + 1e-6
                               ? natural
                               : LongestPiece(text, look.rules);
      w.minimum[c] = std::max(w.minimum[c], piece + pad);
    }
  }
  return w;
}

std::vector<double> AllocateColumnWidths(const std::vector<double>& natural,
                                         const std::vector<double>& minimum, double measure) {
  const double nat = std::accumulate(natural.begin(), natural.end(), 0.0);
  const double min = std::accumulate(minimum.begin(), minimum.end(), 0.0);
  std::vector<double> out(natural.size(), 0);
  if (natural.empty()) return out;
  if (min > measure + 1e-6) return {};
  if (nat <= measure) {
    // Every cell on one line; the room left over shared in proportion to the widths.
    for (size_t i = 0; i < out.size(); ++i)
      out[i] = nat > 0 ? natural[i] * measure / nat : measure / out.size();
    return out;
  }
  // Each column its minimum, the rest shared by how much wider it would like to be.
  const double room = measure - min, want = nat - min;
  for (size_t i = 0; i < out.size(); ++i)
    out[i] = minimum[i] + (want > 0 ? (natural[i] - minimum[i]) * room / want : 0);
  return out;
}

int RowGridLines(const std::vector<int>& cell_lines) {
  int rows = 1;
  for (int l : cell_lines) rows = std::max(rows, l);
  return rows;
}

int ColumnsFor(double width, const Grid& grid, int max_columns) {
  for (int k = 1; k <= max_columns; ++k)
    if (width <= grid.column_x(k - 1) + grid.column_width() + 1e-6) return k;
  return 0;
}

SetTable SetTableAt(const Table& table, const TableLook& look, double measure, const Grid& grid,
                    FontSet& fonts, bool air_above, bool air_below) {
  SetTable st;
  const double pitch = grid.line_pitch;
  // The baseline of grid line `row` from the block's top, as body text sits on it.
  auto baseline = [&](int row) {
    return row * pitch + (pitch - grid.body_size) / 2 + kEmAscent * grid.body_size;
  };
  auto record = [&](const ShapedText& text, const ComposedLine& line, const std::string& role,
                    const TextSource& source, const SourcePos& at) {
    LineRecord r;
    r.role = role;
    r.text = LineText(text, line);
    r.overfull = line.overfull;
    r.cut = line.cut;
    size_t chars = 0;
    if (line.begin < line.end) {
      const size_t byte = text.atoms[line.begin].byte_begin;
      for (size_t i = 0; i < byte;) Utf8Next(text.text, i), ++chars;
    }
    r.pos = source.At(chars, at);
    st.lines.push_back(std::move(r));
  };
  // A grid line of air above, then the caption, centred over the table.
  int row = air_above ? 1 : 0;
  if (!table.caption.empty()) {
    const ShapedText text = ShapeOne(fonts, table.caption, *look.caption);
    ParagraphStyle ps;
    ps.rules = look.rules;
    ps.justify = false;
    ps.align = Align::kCenter;
    for (const ComposedLine& line : BreakLines(text, measure, ps)) {
      AppendLineRuns(text, line, 0, baseline(row), st.items, &st.missing);
      record(text, line, "table_caption", table.caption_source, table.caption_pos);
      st.text += LineText(text, line);
      ++row;
    }
    st.caption_rows = row - (air_above ? 1 : 0);
  }
  const TableColumnWidths w = MeasureTable(table, look, fonts);
  st.column_widths = AllocateColumnWidths(w.natural, w.minimum, measure);
  if (st.column_widths.empty()) {  // too wide: set at the minimums, reported by the caller
    st.fits = false;
    st.column_widths = w.minimum;
  }
  std::vector<double> column_x{0};
  for (double cw : st.column_widths) column_x.push_back(column_x.back() + cw);
  const Cmyk rule_colour = look.header->colour;
  const double table_width = column_x.back();
  const int top = row;
  st.items.push_back(RuleItem{0, top * pitch, table_width, top * pitch, kTopRuleWeight, rule_colour,
                              "table-rule"});
  for (size_t r = 0; r < table.rows.size(); ++r) {
    const bool header = IsHeader(r);
    const Style& style = header ? *look.header : *look.cell;
    const double pad = kCellPaddingEm * style.size;
    std::vector<int> lines_per_cell;
    for (size_t c = 0; c < table.ColumnCount() && c < table.rows[r].cells.size(); ++c) {
      const TableCell& cell = table.rows[r].cells[c];
      const ShapedText text = ShapeCell(cell, style, *look.header, fonts);
      if (text.atoms.empty()) {
        lines_per_cell.push_back(0);
        continue;
      }
      const std::vector<ComposedLine> lines =
          BreakLines(text, std::max(1.0, st.column_widths[c] - 2 * pad),
                     CellParagraph(look, table.align[c], header));
      for (size_t l = 0; l < lines.size(); ++l) {
        AppendLineRuns(text, lines[l], column_x[c] + pad, baseline(row + static_cast<int>(l)),
                       st.items, &st.missing);
        record(text, lines[l], header ? "table_header" : "table_cell", cell.source, cell.pos);
        st.lines.back().justified =
            CellParagraph(look, table.align[c], header).justify && !lines[l].last;
        st.text += (st.text.empty() ? "" : " ") + LineText(text, lines[l]);
      }
      lines_per_cell.push_back(static_cast<int>(lines.size()));
    }
    const int rows = RowGridLines(lines_per_cell);
    st.row_lines.push_back(rows);
    row += rows;
    if (header && table.rows.size() > 1)
      st.items.push_back(RuleItem{0, row * pitch, table_width, row * pitch, kHeaderRuleWeight,
                                  rule_colour, "table-rule"});
  }
  st.items.push_back(RuleItem{0, row * pitch, table_width, row * pitch, kBottomRuleWeight,
                              rule_colour, "table-rule"});
  for (MissingGlyphRecord& m : st.missing)
    m.pos = table.rows.empty() ? SourcePos{} : table.rows[0].pos;
  st.rows = row + (air_below ? 1 : 0);  // a grid line of air under the bottom rule
  return st;
}

}  // namespace banmian
