// Where the items of a finished page are drawn, as rectangles preflight can compare.
//
// The frame tree keeps glyphs as baseline origins and rules as centre lines; the page
// checks (page_checks.h) and the findings that point at a glyph, a line or a picture
// need the area each covers. A glyph covers its advance across and the em box of CJK
// type up and down: 0.88 of the run's size above the baseline, 0.12 below. A rule
// covers its centre line widened by half its weight on either side; a box, its
// rectangle and half its stroke around it. Coordinates are pt from the page's top left.
#pragma once

#include <algorithm>

#include "model/frame.h"

namespace banmian {

// An axis-aligned rectangle from (x0, y0) to (x1, y1), x0 <= x1 and y0 <= y1.
struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;

  double width() const { return x1 - x0; }
  double height() const { return y1 - y0; }
  bool empty() const { return x1 <= x0 || y1 <= y0; }
};

// The smallest box holding both.
inline Box Union(const Box& a, const Box& b) {
  return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

// The bounds of boxes added one by one: nothing until the first.
struct Bounds {
  bool any = false;
  Box box;
  void Add(const Box& b) { box = any ? Union(box, b) : b, any = true; }
};

// The part two boxes share: possibly empty (width or height <= 0).
inline Box Intersection(const Box& a, const Box& b) {
  return {std::max(a.x0, b.x0), std::max(a.y0, b.y0), std::min(a.x1, b.x1), std::min(a.y1, b.y1)};
}

// Boxes sharing less than this across or down (pt) do not overlap: edges that touch.
constexpr double kHair = 0.5;

// True when a and b share more than a hair in both directions.
inline bool Overlap(const Box& a, const Box& b) {
  Box i = Intersection(a, b);
  return i.width() > kHair && i.height() > kHair;
}

// The CJK em box of a glyph: kGlyphAscent of its size above the baseline, kGlyphDescent below.
constexpr double kGlyphAscent = 0.88, kGlyphDescent = 0.12;
Box GlyphBox(const GlyphRun& run, const PositionedGlyph& glyph);

Box RectBox(const RectItem& rect);  // with half the stroke, when stroked
Box RuleBox(const RuleItem& rule);  // the centre line's box, widened by half the weight
Box ImageBox(const ImageItem& image);

// The box of everything an item draws (a glyph run: all its glyphs; empty when none).
Box ItemBox(const Item& item);

// How far (pt) the centre line of `rule` runs inside `box` shrunk by kHair on every side:
// 0 when the rule only touches or passes by.
double RuleLengthInside(const RuleItem& rule, const Box& box);

}  // namespace banmian
