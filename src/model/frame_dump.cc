#include "model/frame_dump.h"

#include <cstdio>

namespace banmian {

namespace {

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v + 0.0);  // + 0.0 folds -0.00 into 0.00
  std::string s = buf;
  if (s == "-0.00") s = "0.00";
  return s;
}

// A share of a picture's width or height: three decimals (a tenth of a percent).
std::string Fraction(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", v + 0.0);
  std::string s = buf;
  if (s == "-0.000") s = "0.000";
  return s;
}

std::string ColourText(const Cmyk& c) {
  return c.name.empty()
             ? "cmyk(" + Num(c.c) + "," + Num(c.m) + "," + Num(c.y) + "," + Num(c.k) + ")"
             : c.name;
}

struct ItemDumper {
  std::string& out;
  void operator()(const GlyphRun& r) const {
    double x0 = r.glyphs.empty() ? 0 : r.glyphs.front().x;
    double y0 = r.glyphs.empty() ? 0 : r.glyphs.front().y;
    double x1 = r.glyphs.empty() ? 0 : r.glyphs.back().x + r.glyphs.back().advance;
    out += "  text " + r.role + " " + Num(r.size) + "pt x=" + Num(x0) + " y=" + Num(y0) +
           " w=" + Num(x1 - x0) + (r.synthetic_bold ? " synthetic-bold" : "") + " \"" + r.text +
           "\"\n";
  }
  void operator()(const RectItem& r) const {
    out += "  rect " + r.role + " x=" + Num(r.x) + " y=" + Num(r.y) + " w=" + Num(r.width) +
           " h=" + Num(r.height);
    if (r.has_fill) out += " fill=" + ColourText(r.fill);
    if (r.has_stroke) out += " stroke=" + ColourText(r.stroke);
    out += "\n";
  }
  void operator()(const RuleItem& r) const {
    out += "  rule " + r.role + " " + Num(r.x1) + "," + Num(r.y1) + " -> " + Num(r.x2) + "," +
           Num(r.y2) + " " + Num(r.weight) + "pt " + ColourText(r.colour) + "\n";
  }
  void operator()(const ImageItem& r) const {
    auto slash = r.path.find_last_of('/');
    out += "  image " + r.role + " x=" + Num(r.x) + " y=" + Num(r.y) + " w=" + Num(r.width) +
           " h=" + Num(r.height) + " " +
           (slash == std::string::npos ? r.path : r.path.substr(slash + 1));
    if (r.cropped())
      out += " crop=" + Fraction(r.crop_x) + "," + Fraction(r.crop_y) + "," +
             Fraction(r.crop_width) + "," + Fraction(r.crop_height);
    out += "\n";
  }
  void operator()(const FormItem& r) const {
    const std::string path = r.art ? r.art->path : "";
    auto slash = path.find_last_of('/');
    out += "  pdf " + r.role + " x=" + Num(r.x) + " y=" + Num(r.y) + " w=" + Num(r.width) +
           " h=" + Num(r.height) + " " +
           (slash == std::string::npos ? path : path.substr(slash + 1)) + " page " +
           std::to_string(r.art ? r.art->page_index + 1 : 0) + "\n";
  }
};

}  // namespace

std::string DumpPage(const Page& page) {
  std::string out = "page " + std::to_string(page.number) + " label=" + page.label + " " +
                    Num(page.width) + "x" + Num(page.height) + "\n";
  for (const Frame& f : page.frames) {
    out += "frame " + f.name + " x=" + Num(f.x) + " y=" + Num(f.y) + " w=" + Num(f.width) +
           " h=" + Num(f.height) + "\n";
    for (const Item& item : f.items) std::visit(ItemDumper{out}, item);
  }
  return out;
}

std::string DumpDocument(const Document& doc) {
  std::string out = "document \"" + doc.title + "\" " + doc.date + "\n";
  for (const FontFace& f : doc.fonts) out += "font " + f.family + " " + f.style + "\n";
  for (const Page& p : doc.pages) out += DumpPage(p);
  return out;
}

}  // namespace banmian
