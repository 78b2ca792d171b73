#include "layout/proof_overlay.h"

#include <algorithm>

#include "compose/line_breaker.h"
#include "layout/line_items.h"
#include "text/shaper.h"

namespace banmian {

namespace {

// Lines at 45° every `step` pt across the rectangle, clipped to it.
void Hatch(double x0, double y0, double x1, double y1, double step, const Cmyk& ink,
           std::vector<Item>& out) {
  // The lines x + y = c, from the top left corner to the bottom right.
  for (double c = x0 + y0 + step / 2; c < x1 + y1; c += step) {
    const double from = std::max(x0, c - y1), to = std::min(x1, c - y0);
    if (to - from < 0.1) continue;
    out.push_back(RuleItem{from, c - from, to, c - to, 0.8, ink, "proof-finding"});
  }
}

}  // namespace

void AddProofOverlay(Document& doc, const Paper& paper, const LayoutReport& report,
                     const std::vector<ProofMark>& marks, FontSet& fonts) {
  const Cmyk grid_colour{25, 0, 0, 0, "proof-grid"};
  const Cmyk baseline_colour{0, 35, 0, 0, "proof-baseline"};
  const Cmyk slot_colour{100, 50, 0, 0, "proof-slot"};
  const Cmyk overset_colour{0, 100, 100, 0, "proof-overset"};
  const Cmyk error_colour{0, 100, 100, 0, "proof-finding"};
  const Cmyk warning_colour{0, 55, 100, 0, "proof-finding-warning"};
  const Cmyk paper_white{0, 0, 0, 0, "paper"};
  const Grid& g = paper.grid;
  const double left = paper.area_left(), top = paper.area_top(), height = g.lines * g.line_pitch;
  Style label;
  label.name = "proof-label";
  label.family = paper.FindStyle("body")->family;
  label.size = 6;
  label.colour = slot_colour;
  Style overset = label;
  overset.name = "proof-overset";
  overset.size = g.body_size * 0.8;
  overset.colour = overset_colour;
  Style mark_label = label;
  mark_label.name = "proof-finding-label";
  mark_label.colour = paper_white;
  ParagraphStyle ps;
  ps.rules = paper.rules;
  ps.justify = false;

  for (Page& page : doc.pages) {
    Frame proof;
    proof.name = "proof";
    for (int c = 0; c < g.columns; ++c) {
      RectItem col;
      col.x = left + g.column_x(c), col.y = top, col.width = g.column_width(), col.height = height;
      col.has_stroke = true, col.stroke = grid_colour, col.stroke_width = 0.3;
      col.role = "proof-column";
      proof.items.push_back(col);
    }
    const double baseline_offset = (g.line_pitch - g.body_size) / 2 + kEmAscent * g.body_size;
    for (int r = 0; r < g.lines; ++r) {
      double y = top + r * g.line_pitch + baseline_offset;
      proof.items.push_back(
          RuleItem{left, y, left + g.area_width(), y, 0.15, baseline_colour, "proof-baseline"});
    }
    // Slots (and the parts of a stack) as placed.
    for (const Frame& f : page.frames) {
      if (!f.name.starts_with("slot:") || f.width <= 0) continue;
      RectItem outline;
      outline.x = f.x, outline.y = f.y, outline.width = f.width, outline.height = f.height;
      outline.has_stroke = true, outline.stroke = slot_colour, outline.stroke_width = 0.6;
      outline.role = "proof-slot";
      proof.items.push_back(outline);
      ShapedText name = ShapeOne(fonts, f.name.substr(5), label);
      auto lines = BreakLines(name, f.width, ps);
      if (!lines.empty())
        AppendLineRuns(name, lines[0], f.x + 1, f.y + label.size, proof.items, nullptr);
    }
    // What did not fit, in red under the slot it belongs to.
    for (const OversetRecord& o : report.overset) {
      if (o.page != page.number) continue;
      const Frame* slot = nullptr;
      for (const Frame& f : page.frames)
        if (f.name == "slot:" + o.slot) slot = &f;
      if (!slot) continue;
      std::string text = "溢出 " + std::to_string(o.characters_left) + " 字：" + o.text_left + "…";
      ShapedText shaped = ShapeOne(fonts, text, overset);
      const double pad = 2;
      auto lines = BreakLines(shaped, slot->width - 2 * pad, ps);
      const size_t shown = std::min<size_t>(lines.size(), 3);
      const double leading = overset.size * 1.3;
      // On a white panel just below the slot, so it reads over whatever lies there; at
      // the page's foot, inside the slot's foot instead, so it stays on the page.
      RectItem panel;
      panel.x = slot->x, panel.y = slot->y + slot->height, panel.width = slot->width;
      panel.height = shown * leading + 2 * pad;
      if (panel.y + panel.height > page.height) panel.y = slot->y + slot->height - panel.height;
      panel.has_fill = true, panel.fill = Cmyk{0, 0, 0, 0, "paper"};
      panel.has_stroke = true, panel.stroke = overset_colour, panel.stroke_width = 0.6;
      panel.role = "proof-overset";
      proof.items.push_back(panel);
      for (size_t i = 0; i < shown; ++i)
        AppendLineRuns(
            shaped, lines[i], slot->x + pad,
            panel.y + pad + i * leading + (leading - overset.size) / 2 + kEmAscent * overset.size,
            proof.items, nullptr);
    }
    // Every place preflight found something wrong: outlined (a little wider, so a
    // hairline's mark shows), hatched when asked, its label white on a tab of the mark's
    // colour at the top left, inside the outline when there is room, else above it.
    std::vector<RectItem> tabs;
    for (const ProofMark& m : marks) {
      if (m.page != page.number) continue;
      const Cmyk& ink = m.error ? error_colour : warning_colour;
      const double pad = 1;
      const double x0 = m.x - pad, y0 = m.y - pad, x1 = m.x + m.width + pad,
                   y1 = m.y + m.height + pad;
      if (m.hatch) Hatch(x0, y0, x1, y1, 8, ink, proof.items);
      // On a white halo, so it shows over a box of its own colour.
      RectItem outline;
      outline.x = x0, outline.y = y0, outline.width = x1 - x0, outline.height = y1 - y0;
      outline.has_stroke = true, outline.stroke = paper_white, outline.stroke_width = 2.4;
      outline.role = "proof-finding";
      proof.items.push_back(outline);
      outline.stroke = ink, outline.stroke_width = 1.2;
      proof.items.push_back(outline);
      ShapedText text = ShapeOne(fonts, m.label, mark_label);
      auto lines = BreakLines(text, 1000, ps);
      if (lines.empty()) continue;
      const double tab_h = mark_label.size * 1.5;
      RectItem tab;
      tab.x = x0, tab.y = y1 - y0 >= 2 * tab_h ? y0 : y0 - tab_h;
      tab.width = text.Width(0, text.atoms.size()) + mark_label.size, tab.height = tab_h;
      // Marks of one place share a corner: each label goes right of those already there.
      for (bool moved = true; moved;) {
        moved = false;
        for (const RectItem& t : tabs)
          if (tab.x < t.x + t.width && t.x < tab.x + tab.width && tab.y < t.y + t.height &&
              t.y < tab.y + tab.height)
            tab.x = t.x + t.width + 1, moved = true;
      }
      tabs.push_back(tab);
      tab.has_fill = true, tab.fill = ink;
      tab.has_stroke = true, tab.stroke = paper_white, tab.stroke_width = 0.6;
      tab.role = "proof-finding";
      proof.items.push_back(tab);
      AppendLineRuns(text, lines[0], tab.x + mark_label.size / 2,
                     tab.y + (tab_h - mark_label.size) / 2 + kEmAscent * mark_label.size,
                     proof.items, nullptr);
    }
    page.frames.push_back(std::move(proof));
  }
}

}  // namespace banmian
