// An auto page's layouts as text, for `banmian check`: the best few the search found
// (layout/auto_layout.h), each with its modules and the terms of its cost, so an editor
// can see why the one set beat the others (docs/auto-layout.md §3).
#pragma once

#include <string>

#include "layout/layout_report.h"
#include "model/layout.h"

namespace banmian {

// E.g. "  auto layout: 4 stories, 3 layouts (812 search steps)\n  1. cost 6.5 (set)\n …".
// Grid numbers count from 1, as the files do.
std::string AutoLayoutText(const AutoPageRecord& record, const Paper& paper);

}  // namespace banmian
