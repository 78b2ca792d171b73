// Placing an ad slot: the ad the issue gives the page (or the template's standing ad), with
// its label (广告) above it.
//
// The label, when the slot has one, is set in its style at the slot's top left, and the ad
// takes the rest of the slot below it. A PDF ad keeps its size unless the slot or the issue
// says `scale: fit`: one more than 1 mm off the box in width or height is an input error at
// the line that names it (ad-size), giving both sizes in mm. A JPEG or PNG ad is scaled to
// fit, proportions kept, centred, and checked for resolution like a picture. Every ad placed
// is recorded (layout_report.h, AdRecord) for the press checks.
#pragma once

#include "layout/layout_report.h"
#include "model/diagnostic.h"
#include "model/frame.h"
#include "model/layout.h"
#include "text/font_set.h"

namespace banmian {

// The tolerance of an ad's size against its box: 1 mm either way.
constexpr double kAdSizeTolerance = 72.0 / 25.4;

// `area`: the slot's resolved area on page `page_number` labelled `label`.
Frame PlaceAd(const Slot& slot, const Area& area, const AdSpec& ad, const Paper& paper,
              FontSet& fonts, int page_number, const std::string& label, LayoutReport& report,
              Diagnostics& diags);

}  // namespace banmian
