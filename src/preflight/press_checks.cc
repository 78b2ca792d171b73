#include "preflight/press_checks.h"

#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <tuple>

#include "preflight/page_boxes.h"
#include "preflight/page_checks.h"

namespace banmian {

namespace {

constexpr double kRichBlackK = 90;  // percent: black enough to be read as black type

int Inks(const Cmyk& c) {
  return (c.c > 0) + (c.m > 0) + (c.y > 0) + (c.k > 0);
}

double Total(const Cmyk& c) {
  return c.c + c.m + c.y + c.k;
}

// "red: C0 M100 Y100 K0, 200 %" or "C40 M30 Y30 K100, 200 %" for an unnamed colour.
std::string Describe(const Cmyk& c) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "C%g M%g Y%g K%g, %g %%", c.c, c.m, c.y, c.k, Total(c));
  return c.name.empty() ? buf : c.name + ": " + buf;
}

std::string Pt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%gpt", v);
  return buf;
}

// Findings gathered per page, frame, code, colour and size: one each, its area growing.
// (A slot's frame has one name on every page it is on: the page keeps them apart.)
struct Gathered {
  std::map<std::tuple<int, std::string, std::string, std::string, double>, size_t> index;
  std::vector<Finding> findings;

  // `detail` tells apart findings of one frame, code, colour and size (a picture's path).
  void Add(int page, const std::string& frame, const std::string& code, const Cmyk& colour,
           double size, Severity severity, const std::string& message, const Box& box,
           const std::string& detail = "") {
    const auto key = std::make_tuple(page, frame, code, Describe(colour) + detail, size);
    auto [it, fresh] = index.emplace(key, findings.size());
    if (fresh) {
      Finding f;
      f.severity = severity;
      f.code = code;
      f.page = page;
      f.where = frame;
      f.message = message;
      f.has_area = true;
      f.x = box.x0, f.y = box.y0, f.width = box.width(), f.height = box.height();
      findings.push_back(f);
    }
    Finding& f = findings[it->second];
    Box area{f.x, f.y, f.x + f.width, f.y + f.height};
    area = Union(area, box);
    f.x = area.x0, f.y = area.y0, f.width = area.width(), f.height = area.height();
    ++f.count;
  }
};

// How light a colour looks (relative luminance of its screen colour, 0 black to 1 white).
double Lightness(const Cmyk& c) {
  const Rgb rgb = ScreenRgb(c);
  return 0.2126 * rgb.r + 0.7152 * rgb.g + 0.0722 * rgb.b;
}

// Of the page's inked fills under `box`, the last painted; null on paper.
const RectItem* LastFillUnder(const Box& box, const std::vector<const RectItem*>& fills) {
  const RectItem* under = nullptr;
  for (const RectItem* f : fills) {
    const Box fb = RectBox(*f);
    if (box.x0 < fb.x1 && fb.x0 < box.x1 && box.y0 < fb.y1 && fb.y0 < box.y1) under = f;
  }
  return under;
}

// A picture's path as the user named it: an SVG's picture is keyed by its file and the
// size it was drawn at (file.svg#WxH).
std::string ShownPath(const std::string& path) {
  const size_t svg = path.rfind(".svg#");
  return svg == std::string::npos ? path : path.substr(0, svg + 4);
}

// The fill (a box's, a slot's 底纹 or a headline bar) the text lies on when it is lighter
// than that fill: reversed type (反白), which the ink around it closes in on as on white
// type. Of the page's fills under the text, the last painted counts; nothing when the
// text is on paper or darker than what is under it (black on a tint).
const RectItem* LighterThanFill(const GlyphRun& run, const Box& box,
                                const std::vector<const RectItem*>& fills) {
  const RectItem* under = LastFillUnder(box, fills);
  if (under && Lightness(run.colour) > Lightness(under->fill) + 1e-9) return under;
  return nullptr;
}

// Text that cannot be seen: as light or as dark as what it lies on (the last inked fill
// under it, else the paper), e.g. white type on a white bar or on paper, black type on a
// K 100 bar. A contrast in lightness under this is taken as none.
constexpr double kInvisibleContrast = 0.05;

bool CheckVisible(const GlyphRun& run, const Box& box, const std::vector<const RectItem*>& fills,
                  const std::vector<Box>& art, int page, const std::string& frame, Gathered& out) {
  const RectItem* under = LastFillUnder(box, fills);
  // Over a picture or a placed PDF (white type on a photo) the ground is not one colour.
  for (const Box& a : art)
    if (Overlap(a, box)) return true;
  const double ground = under ? Lightness(under->fill) : 1.0;
  if (std::fabs(Lightness(run.colour) - ground) >= kInvisibleContrast) return true;
  out.Add(page, frame, "invisible-text", run.colour, run.size, Severity::kError,
          Pt(run.size) + " text in " + Describe(run.colour) + " on " +
              (under ? Describe(under->fill) : std::string("white paper")) +
              ": as light as what it lies on, it cannot be seen",
          box);
  return false;
}

void CheckText(const GlyphRun& run, int page, const std::string& frame, const PressThresholds& t,
               const std::vector<const RectItem*>& fills, const std::vector<Box>& art,
               Gathered& out) {
  if (run.glyphs.empty() || run.size <= 0) return;
  const Box box = ItemBox(Item{run});
  if (!CheckVisible(run, box, fills, art, page, frame, out)) return;
  const Cmyk& c = run.colour;
  const int inks = Inks(c);
  const RectItem* on_fill = inks > 0 ? LighterThanFill(run, box, fills) : nullptr;
  if (on_fill) {
    if (run.size < t.reversed_text_min)
      out.Add(page, frame, "small-reversed-text", c, run.size, Severity::kWarning,
              Pt(run.size) + " reversed text (" + Describe(c) + " on " + Describe(on_fill->fill) +
                  "): under " + Pt(t.reversed_text_min) + ", the ink around it fills it in",
              box);
  } else if (c.k >= kRichBlackK && c.c + c.m + c.y > 0) {
    out.Add(page, frame, "rich-black-text", c, run.size, Severity::kWarning,
            Pt(run.size) + " text in rich black (" + Describe(c) +
                "): black type prints in 100 % K alone",
            box);
  } else if (inks == 0) {
    if (run.size < t.reversed_text_min)
      out.Add(page, frame, "small-reversed-text", c, run.size, Severity::kWarning,
              Pt(run.size) + " reversed (white) text: under " + Pt(t.reversed_text_min) +
                  ", the ink around it fills it in",
              box);
  } else if (inks >= 2) {
    if (run.size < t.multi_ink_text_min)
      out.Add(page, frame, "small-multi-ink-text", c, run.size, Severity::kWarning,
              Pt(run.size) + " text in " + std::to_string(inks) + " inks (" + Describe(c) +
                  "): under " + Pt(t.multi_ink_text_min) + ", misregistration blurs it",
              box);
  } else if (run.size < t.single_ink_text_min) {
    out.Add(page, frame, "small-single-ink-text", c, run.size, Severity::kWarning,
            Pt(run.size) + " text: under " + Pt(t.single_ink_text_min) +
                ", type this small breaks up on newsprint",
            box);
  }
}

void CheckLine(double weight, const Cmyk& c, const Box& box, int page, const std::string& frame,
               const std::string& what, const PressThresholds& t, Gathered& out) {
  const int inks = Inks(c);
  if (inks == 0 || weight <= 0) return;  // white lines knock out; no line drawn
  const double least = inks == 1 ? t.single_ink_rule_min : t.multi_ink_rule_min;
  if (weight >= least) return;
  out.Add(page, frame, "thin-rule", c, weight, Severity::kWarning,
          Pt(weight) + " " + what + " in " + std::to_string(inks) +
              (inks == 1 ? " ink" : " inks (" + Describe(c) + ")") + ": under " + Pt(least) +
              (inks == 1 ? ", it breaks up on newsprint" : ", misregistration doubles it"),
          box);
}

// Art reaching the trim on some side but not the bleed beyond it.
void CheckTrim(const Box& box, const Page& page, const std::string& what, const Cmyk& colour,
               const std::string& frame, Gathered& out) {
  if (page.width <= 0 || page.height <= 0) return;  // a page with no size has no trim
  const double b = page.bleed;
  // On each side: reaches the trim (within a hair) and stops short of the bleed's edge.
  auto short_of = [&](double beyond) {
    return beyond >= -kHair && (b <= kHair || beyond < b - kHair);
  };
  // Every side it stops short on: "left", "left and bottom", "left, top and bottom".
  std::vector<std::string> sides;
  if (short_of(-box.x0)) sides.push_back("left");
  if (short_of(box.x1 - page.width)) sides.push_back("right");
  if (short_of(-box.y0)) sides.push_back("top");
  if (short_of(box.y1 - page.height)) sides.push_back("bottom");
  if (sides.empty()) return;
  std::string side = sides[0];
  for (size_t i = 1; i < sides.size(); ++i)
    side += (i + 1 == sides.size() ? " and " : ", ") + sides[i];
  char bleed[64];
  std::snprintf(bleed, sizeof bleed, "the %.1f mm bleed", b * 25.4 / 72);
  out.Add(page.number, frame, "art-at-trim", colour, 0, Severity::kWarning,
          what + " reaches the page's " + side + (sides.size() > 1 ? " edges" : " edge") +
              " but not " +
              (b > 0 ? std::string(bleed) : std::string("beyond it (the page has no bleed)")) +
              ": a cut a little off shows a white sliver",
          box, what);
}

// A picture with transparent pixels over something painted before it: the press files
// (PDF/X, no transparency) carry the picture composed over white paper, so what lies
// under its see-through pixels does not print there, unlike in the proof.
void CheckTransparentArt(const Page& page, const Frame& frame, const Item& current, Gathered& out) {
  const ImageItem& image = std::get<ImageItem>(current);
  const Box box = ImageBox(image);
  // What was painted before it, in painting order: the frames before its own, and the
  // items before it in its own.
  std::vector<const Item*> painted;
  for (const Frame& f : page.frames) {
    if (f.name == "marks") continue;
    for (const Item& item : f.items) {
      if (&item == &current) break;
      painted.push_back(&item);
    }
    if (&f == &frame) break;
  }
  std::string under;
  for (auto it = painted.rbegin(); it != painted.rend(); ++it) {
    const Item* item = *it;
    std::string what;
    if (const auto* rect = std::get_if<RectItem>(item)) {
      if (rect->has_fill && Inks(rect->fill) > 0 && !OverlaysOnPurpose(rect->role) &&
          Overlap(RectBox(*rect), box))
        what = "a fill in " + Describe(rect->fill);
    } else if (const auto* other = std::get_if<ImageItem>(item)) {
      if (!OverlaysOnPurpose(other->role) && Overlap(ImageBox(*other), box))
        what = "picture '" + ShownPath(other->path) + "'";
    } else if (const auto* form = std::get_if<FormItem>(item)) {
      if (Overlap(Box{form->clip_x, form->clip_y, form->clip_x + form->clip_width,
                      form->clip_y + form->clip_height},
                  box))
        what = "a placed PDF";
    } else if (const auto* run = std::get_if<GlyphRun>(item)) {
      if (!OverlaysOnPurpose(run->role) && !run->glyphs.empty() && Overlap(ItemBox(*item), box))
        what = "text";
    }
    if (!what.empty()) {
      under = what;
      break;
    }
  }
  if (under.empty()) return;
  const std::string file = ShownPath(image.path);
  out.Add(page.number, frame.name, "transparent-art", Cmyk{}, 0, Severity::kError,
          "picture '" + file + "' has see-through pixels and lies over " + under +
              ": the press files have no transparency and print those pixels as white paper",
          box, image.path);
}

}  // namespace

std::vector<Finding> CheckPress(const Document& doc, const PressSettings& press) {
  const PressThresholds& t = press.checks;
  Gathered out;
  std::set<std::string> over_limit;  // colours reported once for the whole document
  for (const Page& page : doc.pages) {
    // The page's fills in painting order, for text lighter than what it lies on.
    std::vector<const RectItem*> fills;
    for (const Frame& frame : page.frames)
      for (const Item& item : frame.items)
        if (const auto* rect = std::get_if<RectItem>(&item))
          if (rect->has_fill && Inks(rect->fill) > 0 && !OverlaysOnPurpose(rect->role))
            fills.push_back(rect);
    std::vector<Box> art;  // the page's pictures and placed PDFs
    for (const Frame& frame : page.frames)
      for (const Item& item : frame.items)
        if (const auto* image = std::get_if<ImageItem>(&item))
          art.push_back(ImageBox(*image));
        else if (const auto* form = std::get_if<FormItem>(&item))
          art.push_back(Box{form->clip_x, form->clip_y, form->clip_x + form->clip_width,
                            form->clip_y + form->clip_height});
    for (const Frame& frame : page.frames) {
      if (frame.name == "marks") continue;  // the printer's marks are in registration colour
      auto ink = [&](const Cmyk& c, const Box& box) {
        if (Total(c) <= press.ink_limit + 1e-9) return;
        if (!over_limit.insert(Describe(c)).second) return;
        char limit[32];
        std::snprintf(limit, sizeof limit, "%g %%", press.ink_limit);
        out.Add(page.number, frame.name, "ink-over-limit", c, 0, Severity::kError,
                "colour " + Describe(c) + " is over the paper's " + limit + " ink limit", box);
      };
      for (const Item& item : frame.items) {
        if (const auto* run = std::get_if<GlyphRun>(&item)) {
          if (OverlaysOnPurpose(run->role) || run->glyphs.empty()) continue;
          CheckText(*run, page.number, frame.name, t, fills, art, out);
          ink(run->colour, ItemBox(item));
        } else if (const auto* rule = std::get_if<RuleItem>(&item)) {
          if (OverlaysOnPurpose(rule->role)) continue;
          CheckLine(rule->weight, rule->colour, RuleBox(*rule), page.number, frame.name, "rule", t,
                    out);
          ink(rule->colour, RuleBox(*rule));
        } else if (const auto* rect = std::get_if<RectItem>(&item)) {
          if (OverlaysOnPurpose(rect->role)) continue;
          if (rect->has_stroke)
            CheckLine(rect->stroke_width, rect->stroke, RectBox(*rect), page.number, frame.name,
                      "box outline", t, out);
          if (rect->has_fill && Inks(rect->fill) > 0)
            CheckTrim(RectBox(*rect), page, "a filled box", rect->fill, frame.name, out);
          if (rect->has_fill) ink(rect->fill, RectBox(*rect));
          if (rect->has_stroke) ink(rect->stroke, RectBox(*rect));
        } else if (const auto* image = std::get_if<ImageItem>(&item)) {
          if (OverlaysOnPurpose(image->role)) continue;
          CheckTrim(ImageBox(*image), page, "picture '" + image->path + "'", Cmyk{}, frame.name,
                    out);
          if (image->transparency) CheckTransparentArt(page, frame, item, out);
        }
      }
    }
  }
  return out.findings;
}

}  // namespace banmian
