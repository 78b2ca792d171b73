// The place stage: an issue's page specs and composed articles → the frame tree.
//
// BuildDocument walks the issue's pages: for each it places the template's regions
// (furniture) and, for each slot with an article, the article module. The result is
// a Document for the exporters and a LayoutReport for preflight. Errors found here
// (e.g. a placeholder the issue does not define) go to `diags`.
#pragma once

#include "layout/layout_report.h"
#include "model/diagnostic.h"
#include "model/frame.h"
#include "model/issue.h"
#include "text/font_set.h"

namespace banmian {

Document BuildDocument(const Issue& issue, FontSet& fonts, LayoutReport& report,
                       Diagnostics& diags);

// One page of the issue (0-based index into issue.pages).
Page BuildPage(const Issue& issue, size_t page_index, FontSet& fonts, LayoutReport& report,
               Diagnostics& diags);

}  // namespace banmian
