// Geometric checks of the finished pages: what is drawn where it must not be.
//
// The layout stage records what it meant to do; these checks look at what it did, on the
// frame tree as placed (model/frame.h, before any proof overlay), so a defect no stage
// noticed is still found. Four, each an error:
//  - text-over-picture: a glyph of any frame over a picture (ImageItem), one finding per
//    frame and picture, naming the characters that lie over it;
//  - text-over-box: a glyph of one frame over a filled box (RectItem) of another;
//  - rule-over-picture: a rule (a column rule through a photo, say) crossing a picture;
//  - region-over-slot: something a furniture region ("region:" frame) draws reaching into
//    the rectangle of an article slot ("slot:" frame).
// Items meant to lie over others are left out: the proof overlay's ("proof…" roles) and
// the overset mark ("overset-mark"). Overlaps of no more than kHair (page_boxes.h) either
// way are edges that touch, not overlaps. Each finding has the page, the frame ("where")
// and the area of the overlap; its message names the page by its label.
#pragma once

#include <string>
#include <vector>

#include "model/frame.h"
#include "preflight/findings.h"

namespace banmian {

std::vector<Finding> CheckPage(const Page& page);
std::vector<Finding> CheckPages(const Document& doc);

// True for roles drawn on purpose over other items (proof marks, the overset mark).
bool OverlaysOnPurpose(const std::string& role);

}  // namespace banmian
