// Findings about auto pages (layout/auto_layout.h): the rules of docs/auto-layout.md §2
// the layout that was set breaks, and what its stories could not fill or hold.
//
// From each AutoPageRecord's first layout (the one set):
//  - auto-lead (error): the lead does not start at the body's top, is narrower than
//    another story or has a smaller headline;
//  - tombstone (error): two neighbouring modules' headlines side by side at the same
//    height;
//  - pictures-touch (error): two modules' pictures meeting across their edge;
//  - auto-cut (error): a story the body could not hold whole, with the cut that would
//    make it fit (characters at its module's measure) or a jump to another page;
//  - auto-hole (error): grid lines a story's module leaves empty at its foot because the
//    page's stories do not fill the body;
//  - auto-no-layout (error): no layout at all (every story is then overset);
//  - auto-search-stopped (warning): the search's node budget ran out before its end.
// Each has the area of the module (or modules) it is about.
#pragma once

#include <vector>

#include "layout/layout_report.h"
#include "model/frame.h"
#include "model/layout.h"
#include "preflight/findings.h"

namespace banmian {

std::vector<Finding> CheckAutoPages(const LayoutReport& report, const Document& doc,
                                    const Paper& paper);

}  // namespace banmian
