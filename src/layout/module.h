// Placing one article in one slot: the article module.
//
// A module is a headline block (section tag, kicker 引题, headline 主题, subhead 副题)
// across the slot's columns on whole grid lines, then the body: byline, paragraphs,
// subheads, section titles and pictures, each a whole number of grid lines, flowed
// through the slot's columns and balanced. Text that does not fit is recorded as
// overset, never dropped silently, and marked on the page.
#pragma once

#include "layout/layout_report.h"
#include "model/article.h"
#include "model/frame.h"
#include "model/layout.h"
#include "text/font_set.h"

namespace banmian {

Frame PlaceModule(const Article& article, const Slot& slot, const Paper& paper, FontSet& fonts,
                  int page_number, LayoutReport& report);

}  // namespace banmian
