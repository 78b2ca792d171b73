// The preflight stage: what was found about the composed pages.
//
// Preflight looks at everything the earlier stages recorded, and at the finished
// pages, and turns it into findings with a severity: overset text and missing glyphs
// are errors (the page would lose or garble the editor's text), a line that breaks a
// line-break rule is an error (the composer should never allow it, so this re-checks it
// from outside), so is whatever lies where it must not (text or a rule over a picture,
// text over another frame's box, furniture drawn into a slot: page_checks.h) and a
// column ending well above its neighbours or a slot left empty (slot_checks.h);
// low-resolution pictures, furniture text wider than its box and a slot left short are
// warnings, normalisations are information. Whatever has a place on a page says where,
// so the summary, report.json and the proof overlay can show it. The exit status
// follows the worst severity.
#pragma once

#include <string>
#include <vector>

#include "layout/layout_report.h"
#include "model/diagnostic.h"
#include "model/frame.h"
#include "model/layout.h"

namespace banmian {

struct Finding {
  Severity severity = Severity::kError;
  std::string code;   // overset, missing-glyph, break-rule, low-resolution, …
  int page = 0;       // 0: the whole issue
  std::string label;  // the page's label (A01), when on a page
  std::string where;  // slot or region
  std::string article;
  std::string message;
  long count = 0;  // e.g. characters left over
  SourcePos pos;
  // Where on the page it is (pt, from the page's top left), when it has a place: the
  // proof overlay marks it there and report.json gives it.
  bool has_area = false;
  double x = 0, y = 0, width = 0, height = 0;
  // The same area on the paper's grid, for people: the columns and grid lines it covers,
  // counted from 1 as the layout files count them (0: no area, or none on the grid).
  int col_first = 0, col_last = 0, row_first = 0, row_last = 0;
};

// The findings about an issue: from what the stages recorded (`report`) and from the
// pages as placed (`doc`, without the proof overlay: page_checks.h), with every area also
// given on `paper`'s grid. Hand-made reports may come with an empty Document.
std::vector<Finding> Preflight(const LayoutReport& report, const Document& doc, const Paper& paper);


}  // namespace banmian
