// The proof overlay: what layout staff check a page against.
//
// AddProofOverlay adds to every page a frame "proof", drawn over the page: the
// columns of the grid (tinted cyan), the baseline grid (a hairline at every grid
// baseline), each slot's outline with its name, the text left over in a slot
// (overset) printed in red below it, so nothing that did not fit goes unseen, and
// every place preflight found something wrong: outlined in red (orange for what is
// only a warning), labelled with the finding's code, hatched where it is space that
// should hold something. The places come as plain ProofMarks, so this stage knows
// nothing of preflight; the pipeline adds the overlay after preflight has looked at
// the pages without it.
#pragma once

#include <string>
#include <vector>

#include "layout/layout_report.h"
#include "model/frame.h"
#include "model/layout.h"
#include "text/font_set.h"

namespace banmian {

// A place to mark on a page (pt from its top left), with a short label (a finding's code).
struct ProofMark {
  int page = 0;  // 1-based
  std::string label;
  bool error = true;   // red; otherwise orange
  bool hatch = false;  // hatched inside its outline
  double x = 0, y = 0, width = 0, height = 0;
};

void AddProofOverlay(Document& doc, const Paper& paper, const LayoutReport& report,
                     const std::vector<ProofMark>& marks, FontSet& fonts);

}  // namespace banmian
