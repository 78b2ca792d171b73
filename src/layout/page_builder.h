// The place stage: an issue's page specs and composed articles → the frame tree.
//
// BuildDocument walks the issue's pages in order: for each it places the template's
// regions (furniture), the first parts of articles, then continuations of articles
// threaded from earlier slots, and stack slots, whose articles carry on to the next
// page of the same template (inserted when the issue has none). The result is a
// Document for the exporters and a LayoutReport for preflight. Errors found here (a
// placeholder the issue does not define) go to `diags`.
#pragma once

#include "layout/layout_report.h"
#include "model/diagnostic.h"
#include "model/frame.h"
#include "model/issue.h"
#include "text/font_set.h"

namespace banmian {

Document BuildDocument(const Issue& issue, FontSet& fonts, LayoutReport& report,
                       Diagnostics& diags);

}  // namespace banmian
