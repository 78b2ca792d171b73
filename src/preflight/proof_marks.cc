#include "preflight/proof_marks.h"

namespace banmian {

std::vector<ProofMark> ProofMarks(const std::vector<Finding>& findings) {
  std::vector<ProofMark> marks;
  for (const Finding& f : findings) {
    if (f.page <= 0 || !f.has_area) continue;
    const bool blank = f.code == "hole" || f.code == "underfull" || f.code == "empty-slot";
    marks.push_back(
        {f.page, f.code, f.severity == Severity::kError, blank, f.x, f.y, f.width, f.height});
  }
  return marks;
}

}  // namespace banmian
