// The preflight stage: what was found about the composed pages.
//
// Preflight looks at everything the earlier stages recorded and turns it into
// findings with a severity: overset text and missing glyphs are errors (the page
// would lose or garble the editor's text), a line that breaks a line-break rule is
// an error (the composer should never allow it, so this re-checks it from outside),
// low-resolution pictures and furniture text wider than its box are warnings,
// normalisations are information. The exit status follows the worst severity.
#pragma once

#include <string>
#include <vector>

#include "layout/layout_report.h"
#include "model/diagnostic.h"

namespace banmian {

struct Finding {
  Severity severity = Severity::kError;
  std::string code;   // overset, missing-glyph, break-rule, low-resolution, …
  int page = 0;       // 0: the whole issue
  std::string where;  // slot or region
  std::string article;
  std::string message;
  long count = 0;  // e.g. characters left over
  SourcePos pos;
  // Where on the page it is (pt, from the page's top left), when it has a place: the
  // proof overlay marks it there and report.json gives it.
  bool has_area = false;
  double x = 0, y = 0, width = 0, height = 0;
};

std::vector<Finding> Preflight(const LayoutReport& report);

// A slot with more grid lines than this left empty below its text is underfull.
constexpr int kUnderfullRows = 3;

// Minimum effective resolution of a picture at its placed size.
constexpr double kMinPicturePpI = 150;

}  // namespace banmian
