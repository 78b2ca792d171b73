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
// The first glyph drawn for `ch` that no font had (glyph 0).
std::optional<Box> MissingGlyphBox(const Page& page, char32_t ch);
// The first picture drawn from `path`.
std::optional<Box> PictureBox(const Page& page, const std::string& path);

}  // namespace banmian
