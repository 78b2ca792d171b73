// The findings the proof overlay marks, as the plain places it takes (layout/proof_overlay.h).
//
// Every finding with an area on a page becomes a mark labelled with its code, red for an
// error and orange otherwise. Space that should hold something (a hole, the empty foot
// of an underfull slot, an empty slot) is hatched as well; other areas hold what the
// finding is about (a line, a picture, the text over a picture), so they are only
// outlined, which leaves them readable.
#pragma once

#include <vector>

#include "layout/proof_overlay.h"
#include "preflight/findings.h"

namespace banmian {

std::vector<ProofMark> ProofMarks(const std::vector<Finding>& findings);

}  // namespace banmian
