// A stable text dump of how full every module came out, column by column: the part of
// the layout dump that shows balance. One line per article part placed, with the grid
// line (from the part's top) where each text column's content ends, so a golden file
// shows at a glance that the columns of every module end within one grid line.
#pragma once

#include <string>

#include "layout/layout_report.h"
#include "model/frame.h"

namespace banmian {

// E.g. "columns A01 slot:lead jinbo rows=20 ends=20 20 19 20 20 20\n".
std::string DumpColumnEnds(const Document& doc, const LayoutReport& report);

}  // namespace banmian
