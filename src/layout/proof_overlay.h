// The proof overlay: what layout staff check a page against.
//
// AddProofOverlay adds to every page a frame "proof", drawn over the page: the
// columns of the grid (tinted cyan), the baseline grid (a hairline at every grid
// baseline), each slot's outline with its name, and the text left over in a slot
// (overset) printed in red below it, so nothing that did not fit goes unseen.
#pragma once

#include "layout/layout_report.h"
#include "model/frame.h"
#include "model/layout.h"
#include "text/font_set.h"

namespace banmian {

void AddProofOverlay(Document& doc, const Paper& paper, const LayoutReport& report, FontSet& fonts);

}  // namespace banmian
