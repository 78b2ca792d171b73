// Printer's marks for press pages: crop marks and a slug line.
//
// AddPressMarks adds to every page a frame "marks" outside the page's trim, beyond the
// bleed: crop marks at the four corners and a slug line naming the paper, the issue
// date, the page and when it was output, all in the registration colour (on every
// plate). The output time is $SOURCE_DATE_EPOCH when set, so reruns can be identical.
#pragma once

#include "model/frame.h"
#include "model/layout.h"
#include "text/font_set.h"

namespace banmian {

// How far beyond the bleed the marks reach; the press page grows by this much.
constexpr double kMarksMargin = 12 * kPointsPerMm;

void AddPressMarks(Document& doc, const Paper& paper, FontSet& fonts, const std::string& paper_name,
                   const std::string& date);

}  // namespace banmian
