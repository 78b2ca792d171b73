#include "preflight/page_boxes.h"

#include <cmath>

namespace banmian {

Box GlyphBox(const GlyphRun& run, const PositionedGlyph& g) {
  const double left = std::min(g.x, g.x + g.advance), right = std::max(g.x, g.x + g.advance);
  return {left, g.y - kGlyphAscent * run.size, right, g.y + kGlyphDescent * run.size};
}

Box RectBox(const RectItem& r) {
  const double half = r.has_stroke ? r.stroke_width / 2 : 0;
  const double x0 = std::min(r.x, r.x + r.width), x1 = std::max(r.x, r.x + r.width);
  const double y0 = std::min(r.y, r.y + r.height), y1 = std::max(r.y, r.y + r.height);
  return {x0 - half, y0 - half, x1 + half, y1 + half};
}

Box RuleBox(const RuleItem& r) {
  const double half = r.weight / 2;
  return {std::min(r.x1, r.x2) - half, std::min(r.y1, r.y2) - half, std::max(r.x1, r.x2) + half,
          std::max(r.y1, r.y2) + half};
}

Box ImageBox(const ImageItem& i) {
  return {std::min(i.x, i.x + i.width), std::min(i.y, i.y + i.height), std::max(i.x, i.x + i.width),
          std::max(i.y, i.y + i.height)};
}

Box ItemBox(const Item& item) {
  if (const auto* run = std::get_if<GlyphRun>(&item)) {
    Bounds bounds;
    for (const PositionedGlyph& g : run->glyphs) bounds.Add(GlyphBox(*run, g));
    return bounds.box;
  }
  if (const auto* rect = std::get_if<RectItem>(&item)) return RectBox(*rect);
  if (const auto* rule = std::get_if<RuleItem>(&item)) return RuleBox(*rule);
  if (const auto* form = std::get_if<FormItem>(&item))
    return Box{form->clip_x, form->clip_y, form->clip_x + form->clip_width,
               form->clip_y + form->clip_height};
  return ImageBox(std::get<ImageItem>(item));
}

double RuleLengthInside(const RuleItem& rule, const Box& box) {
  // Liang–Barsky: clip the centre line to the shrunk box.
  const Box in{box.x0 + kHair, box.y0 + kHair, box.x1 - kHair, box.y1 - kHair};
  if (in.empty()) return 0;
  const double dx = rule.x2 - rule.x1, dy = rule.y2 - rule.y1;
  double t0 = 0, t1 = 1;
  const double p[4] = {-dx, dx, -dy, dy};
  const double q[4] = {rule.x1 - in.x0, in.x1 - rule.x1, rule.y1 - in.y0, in.y1 - rule.y1};
  for (int k = 0; k < 4; ++k) {
    if (p[k] == 0) {
      if (q[k] <= 0) return 0;  // parallel to this edge and on or beyond it
      continue;
    }
    const double t = q[k] / p[k];
    if (p[k] < 0)
      t0 = std::max(t0, t);
    else
      t1 = std::min(t1, t);
  }
  if (t1 <= t0) return 0;
  return (t1 - t0) * std::hypot(dx, dy);
}

}  // namespace banmian
