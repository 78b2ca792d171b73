// A table in an article: rows of cells of styled text, as the editor wrote it in GFM.
//
// The loader reads a GitHub-flavoured pipe table (cmark-gfm's table extension) into these
// plain values: the header row first, then the body rows, every row holding as many cells
// as the table has columns (GFM pads a short row with empty cells and drops the extra ones
// of a long row); each column's alignment from the delimiter row (|:--|, |:-:|, |--:|);
// where each cell and each character stand in the file. The place stage (layout/
// table_setter.h) sets it on the baseline grid.
#pragma once

#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/span.h"
#include "model/text_source.h"

namespace banmian {

// A column's alignment from the GFM delimiter row; kNone (|---|): the setter's default
// (start-aligned text; see layout/table_setter.h).
enum class CellAlign { kNone, kLeft, kCenter, kRight };

struct TableCell {
  std::vector<Span> spans;  // the cell's text; none: an empty cell
  SourcePos pos;            // the cell's first character (its row's when it is empty)
  TextSource source;        // where each character of its spans, joined, stands
};

struct TableRow {
  std::vector<TableCell> cells;  // one per column
  SourcePos pos;
};

struct Table {
  std::vector<TableRow> rows;    // rows[0] is the header row (GFM tables always have one)
  std::vector<CellAlign> align;  // per column
  // The caption (表题): a paragraph right after the table that starts with 表：, 表:,
  // Table: or ": " (pandoc's syntax); the marker is not printed. Empty: none.
  std::string caption;
  SourcePos caption_pos;
  TextSource caption_source;
  // Columns of the module it spans, from {cols=N} after the table (0: all of them);
  // -1: not given (one column when it fits in one, else the fewest it fits in).
  int columns = -1;

  size_t ColumnCount() const { return align.size(); }
};

}  // namespace banmian
