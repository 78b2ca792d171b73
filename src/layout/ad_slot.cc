#include "layout/ad_slot.h"

#include <cmath>
#include <cstdio>

#include "compose/line_breaker.h"
#include "layout/art_box.h"
#include "layout/line_items.h"
#include "text/shaper.h"

namespace banmian {

namespace {

std::string Mm(double length) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f mm", length / kPointsPerMm);
  return buf;
}

std::string Mm(double w, double h) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.1f × %.1f mm", w / kPointsPerMm, h / kPointsPerMm);
  return buf;
}

// An error once: a template's slot is placed on every page that uses it.
void ErrorOnce(Diagnostics& diags, const std::string& code, const SourcePos& pos,
               const std::string& message, const std::string& hint) {
  for (const Diagnostic& d : diags.items())
    if (d.code == code && d.pos.file == pos.file && d.pos.line == pos.line &&
        d.pos.col == pos.col && d.message == message)
      return;
  diags.Error(code, pos, message, hint);
}

}  // namespace

Frame PlaceAd(const Slot& slot, const Area& area, const AdSpec& ad, const Paper& paper,
              FontSet& fonts, int page_number, const std::string& label, LayoutReport& report,
              Diagnostics& diags) {
  Frame frame;
  frame.name = "slot:" + slot.name;
  frame.x = area.x, frame.y = area.y, frame.width = area.width, frame.height = area.height;
  double top = area.y;
  if (!slot.label.empty()) {
    const Style& style = *paper.FindStyle(slot.label_style);
    const double leading = style.leading > 0 ? style.leading : 1.3 * style.size;
    ShapedText shaped = ShapeOne(fonts, slot.label, style);
    ComposedLine line;
    line.begin = 0;
    line.end = static_cast<uint32_t>(shaped.atoms.size());
    line.last = true;
    const double natural = shaped.Width(0, shaped.atoms.size()) - style.letter_spacing;
    double x = 0;
    if (style.align == Align::kCenter) x = (area.width - natural) / 2;
    if (style.align == Align::kRight) x = area.width - natural;
    for (const Atom& a : shaped.atoms) {
      line.x.push_back(static_cast<float>(x));
      x += a.advance;
    }
    line.natural = line.width = static_cast<float>(natural);
    const SourcePos& at = slot.label_pos.line > 0 ? slot.label_pos : slot.pos;
    if (natural > area.width + 0.5)
      ErrorOnce(diags, "ad-label", at,
                "the label of ad slot '" + slot.name + "' is " + Mm(natural) + " wide in style '" +
                    style.name + "', wider than the slot (" + Mm(area.width) + ")",
                "shorten the label or give it a smaller style (label_style)");
    if (leading > area.height - kAdSizeTolerance) {
      ErrorOnce(diags, "ad-label", at,
                "the label of ad slot '" + slot.name + "' takes " + Mm(leading) +
                    " (the leading of style '" + style.name + "'), and the slot is " +
                    Mm(area.height) + " tall: it leaves no room for the ad",
                "give the label a smaller style (label_style), or the slot more rows");
      report.lines.push_back({page_number, frame.name, style.name, slot.label, false, false, ""});
      return frame;
    }
    std::vector<MissingGlyphRecord> missing;
    AppendLineRuns(shaped, line, area.x, area.y + kEmAscent * style.size, frame.items, &missing);
    for (MissingGlyphRecord& m : missing) {
      m.page = page_number;
      m.where = frame.name;
      m.pos = slot.pos;
      report.missing_glyphs.push_back(m);
    }
    report.lines.push_back({page_number, frame.name, style.name, slot.label, false, false, ""});
    top += leading;
  }
  const double box_w = area.width, box_h = area.y + area.height - top;
  const ArtFit fit = ad.scale.value_or(slot.ad_scale);
  PlacedArt placed = PlaceArt(*ad.art, area.x, top, box_w, box_h, fit, "ad");
  if (ad.art->pdf && fit == ArtFit::kNone) {
    const double w = placed.record.natural_width, h = placed.record.natural_height;
    if (std::fabs(w - box_w) > kAdSizeTolerance || std::fabs(h - box_h) > kAdSizeTolerance)
      diags.Error("ad-size", ad.pos,
                  "ad '" + ad.file + "' is " + Mm(w, h) + " (its " + ad.art->pdf->box_name +
                      "), but slot '" + slot.name + "' on page " + label + " holds " +
                      Mm(box_w, box_h),
                  "the ad is " + Mm(w, h) + " and the slot " + Mm(box_w, box_h) +
                      (slot.label.empty() ? "" : " under its label") +
                      ": have the ad made at the slot's size, or write scale: fit to scale it");
  }
  placed.record.page = page_number;
  placed.record.where = frame.name;
  placed.record.what = "ad";
  placed.record.pos = ad.pos;
  // Within the tolerance, a scaled PDF ad is not worth a word.
  if (placed.record.scaled && std::fabs(placed.record.natural_width - box_w) <= kAdSizeTolerance &&
      std::fabs(placed.record.natural_height - box_h) <= kAdSizeTolerance)
    placed.record.scaled = false;
  if (!ad.art->pdf) {
    PictureRecord pr;
    pr.page = page_number;
    pr.article = "ad:" + slot.name;
    pr.path = ad.file;
    pr.pixel_width = ad.art->pixel_width, pr.pixel_height = ad.art->pixel_height;
    pr.placed_width = placed.record.width, pr.placed_height = placed.record.height;
    pr.effective_ppi = pr.placed_width > 0 ? pr.pixel_width / (pr.placed_width / 72.0) : 0;
    pr.colour_space = ad.art->colour_space;
    pr.image_path = std::get<ImageItem>(placed.item).path;
    pr.where = frame.name;
    pr.pos = ad.pos;
    report.pictures.push_back(pr);
  }
  report.ads.push_back(placed.record);
  frame.items.push_back(placed.item);
  return frame;
}

}  // namespace banmian
