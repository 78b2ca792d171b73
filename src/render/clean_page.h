// The clean page: what goes to the printing plant, without the marks that are for the
// newsroom's eyes only.
//
// The layout draws a red "溢出 N 字" tab (RectItem and GlyphRun of role kOversetMarkRole)
// where a story runs over, on the page itself, so the screen PDF and previews show it;
// the proof overlay (layout/proof_overlay.h) adds grids, slot outlines and finding marks
// (roles starting "proof-") to the proof files. Neither may reach a press file: the
// press export writes each page through CleanPage. What the page itself shows in place
// of a missing character (the font's .notdef box) is not a mark and stays; press files
// are refused while such error findings stand (pipeline.h).
#pragma once

#include <string_view>

#include "model/frame.h"

namespace banmian {

// The role (style name) of the overset tab's box and text (layout/module.cc).
inline constexpr std::string_view kOversetMarkRole = "overset-mark";

// Whether an item of role `role` is a proof mark: the overset tab or the proof overlay.
bool IsProofMark(std::string_view role);

// `page` without its proof marks; every other item as it was, in the same order.
Page CleanPage(const Page& page);

}  // namespace banmian
