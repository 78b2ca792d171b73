// Each page's grid as resolved, as text for `banmian check`: the page's grid lines and
// columns, then every slot's area (columns and grid lines, 1-based as the files count)
// and how its height was given. With slots placed below others and sized to their
// articles, this is where an editor reads the numbers instead of counting rows.
#pragma once

#include <string>

#include "layout/layout_report.h"
#include "model/frame.h"
#include "model/layout.h"

namespace banmian {

// E.g. "A01 (front): 87 grid lines, 6 columns\n  lead    cols 1–6  lines 16–35  20 (fit)\n".
std::string PageGridText(const Document& doc, const LayoutReport& report, const Paper& paper,
                         const std::vector<std::string>& templates);

}  // namespace banmian
