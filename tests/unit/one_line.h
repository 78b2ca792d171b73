// A text set as one line and placed on a page, as the tests of what is drawn need it
// (unit/dash_joins_test.cc, render/dash_pixels_test.cc): shaped in the project's fonts,
// composed as a single unjustified line from its start, and appended as page items across
// (AppendLineRuns) or down (text set top to bottom with the fonts' vertical forms, `vert`,
// and AppendVerticalLine).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "compose/justifier.h"
#include "layout/line_items.h"
#include "test_util.h"
#include "text/shaper.h"
#include "text/vertical_text.h"

namespace banmian::test {

// `text` set as one line, unjustified, from its left edge (or top); the line is far wider
// (1000 pt) than any the tests set.
inline ComposedLine OneLine(const ShapedText& text) {
  ParagraphStyle ps;
  ps.justify = false;
  return SetLine(text, 0, static_cast<uint32_t>(text.atoms.size()), 1000, 0, true, false, ps);
}

// `text` in `style` shaped, set as OneLine and appended to `items`: across, its left edge at
// x and its baseline at y; or down, its centre line at x and its top at y (pt).
inline void AppendOneLine(const std::string& text, const Style& style, bool vertical, double x,
                          double y, std::vector<Item>& items) {
  FontSet& fonts = ProjectFonts();
  if (vertical) {
    const ShapedText down = TopToBottom(Shape(fonts, {{text, &style, "vert 1"}}), fonts.faces());
    AppendVerticalLine(down, OneLine(down), x, y, items, nullptr);
  } else {
    const ShapedText across = ShapeOne(fonts, text, style);
    AppendLineRuns(across, OneLine(across), x, y, items, nullptr);
  }
}

}  // namespace banmian::test
