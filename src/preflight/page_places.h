// Finding on the placed pages what a layout record names, so its finding gets an area.
//
// The layout stage records its observations by name: the slot text ran over, the text of a
// line that broke a rule, a character no font has, a picture's file. These look the thing
// up in the frame tree (model/frame.h) and give the box it covers on its page (pt from
// the page's top left, page_boxes.h), or nothing when it is not there.
#pragma once

#include <optional>
#include <string>

#include "model/frame.h"
#include "preflight/page_boxes.h"

namespace banmian {

// The page numbered `number` (1-based), or null.
const Page* FindPage(const Document& doc, int number);
// Its label (A01), or the number itself when the document has no such page.
std::string PageLabel(const Document& doc, int number);
// A page as messages name it: by its label (A01), or "page 3" when the label is a number.
std::string PageName(const std::string& label);

// The rectangle of the slot's frame (the last one: a stack's lowest part).
std::optional<Box> SlotBox(const Page& page, const std::string& slot);
// The glyphs of a line whose characters are `text` in the frame named `frame` (the first
// such line).
std::optional<Box> LineBox(const Page& page, const std::string& frame, const std::string& text);
// A cluster of glyphs drawn for the characters `cluster` (e.g. 葛 with its variation
// selector), the `nth` (from 0) on the page, in frame and item order, of those that
// `qualifies` (its run, its glyphs): its box, and the font it is set in.
struct ClusterPlace {
  Box box;
  int font = 0;  // Document.fonts index
};
std::optional<ClusterPlace> FindCluster(const Page& page, const std::string& cluster, int nth,
                                        bool (*qualifies)(const GlyphRun& run,
                                                          const PositionedGlyph* glyphs,
                                                          int count));
// The first picture drawn from `path`.
std::optional<Box> PictureBox(const Page& page, const std::string& path);

}  // namespace banmian
