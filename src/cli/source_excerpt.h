// The source line under a diagnostic, with a caret under its column, as gcc and rustc
// show it:
//
//   issue.yaml:8:4: error[yaml-syntax]: YAML syntax error: end of sequence not found
//       8 |    articles:
//         |    ^
//
// Columns are counted in characters (code points), as every diagnostic's col is; the
// caret is placed by display width, so it stands under a Chinese character (2 cells)
// as under a Latin one. Tabs are expanded to the next multiple of 8 cells; controls are
// shown escaped as everywhere on the terminal (model/terminal_text.h), the caret
// counting the escape's width. A line wider than 100 cells is shown in part, 100 cells
// around the caret, the cuts marked with "…". Nothing is shown when the file cannot be read or has
// no such line; a column of 0 (the line as a whole) shows the line without a caret.
#pragma once

#include <string>
#include <string_view>

#include "model/diagnostic.h"

namespace banmian {

// The excerpt for `text`, the line numbered `line`, and 1-based `col` (0: none): two
// lines (one without a column), each ending in a newline. The caret in red when `colour`
// (the severity's colour).
std::string ExcerptOfLine(std::string_view text, int line, int col, Severity severity, bool colour);

// The excerpt for a diagnostic's position, reading its file; "" when there is nothing
// to show (no line, a file that cannot be read, a line past its end).
std::string SourceExcerpt(const SourcePos& pos, Severity severity, bool colour);

}  // namespace banmian
