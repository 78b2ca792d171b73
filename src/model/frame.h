// The frame tree: finished pages of positioned items, the hand-over point between
// layout and output.
//
// Placement produces a Document; the painter and the exporters only ever see this,
// never how text was broken. Coordinates are PDF points from the page's top-left
// corner (trim box), y growing downwards; glyph positions are baseline origins.
// A Document can be dumped as stable text (frame_dump.h) for layout tests.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "model/colour.h"
#include "model/pdf_art.h"

namespace banmian {

// A font file the document uses; GlyphRun.font indexes Document.fonts.
struct FontFace {
  std::string file;
  int index = 0;       // face index inside a .ttc collection
  std::string family;  // as fontconfig names it
  std::string style;
  std::string version;  // the font's version, e.g. 2.001
};

struct PositionedGlyph {
  uint32_t id = 0;
  double x = 0, y = 0;  // baseline origin, page coordinates
  double advance = 0;
};

// Maps bytes of GlyphRun.text to glyphs, in order (like cairo_text_cluster_t).
struct TextCluster {
  int bytes = 0;
  int glyphs = 0;
};

struct GlyphRun {
  int font = 0;
  double size = 0;
  Cmyk colour;
  std::string role;  // the style name, for dumps and reports
  std::string text;  // the characters the glyphs show, for copy-out
  std::vector<PositionedGlyph> glyphs;
  std::vector<TextCluster> clusters;
  // A bold style's glyphs from a font without a bold face (a rare character from the
  // fallback chain): drawn emboldened, outlined in their own colour kSyntheticBoldStroke
  // em wide (PDF text render mode 2; a stroked outline in the preview).
  bool synthetic_bold = false;
};

// The outline width of synthetic bold, in em: each stroke of the glyph grows by this
// much, which brings a Mincho fallback (Hanazono, whose vertical stems are about 0.07 em)
// near the stems of a bold Gothic headline (Noto Sans CJK Bold, about 0.13 em); judged by
// eye beside Noto Sans CJK SC Bold at 24 pt and Noto Serif CJK SC Bold at 9 pt.
constexpr double kSyntheticBoldStroke = 0.06;

struct RectItem {
  double x = 0, y = 0, width = 0, height = 0;
  bool has_fill = false, has_stroke = false;
  Cmyk fill, stroke;
  double stroke_width = 0;
  std::string role;
};

struct RuleItem {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0, weight = 0.5;
  Cmyk colour;
  std::string role;
};

// A picture drawn into the rectangle (x, y, width, height). The crop rectangle says
// which part of the file fills it, in fractions of the file's width and height from its
// top left (the whole file by default); what lies outside it is clipped away.
struct ImageItem {
  std::string path;
  // The file's bytes as the loader read and checked them (shared, never read again):
  // what the writers embed and paint.
  std::shared_ptr<const std::string> bytes;
  double x = 0, y = 0, width = 0, height = 0;
  int pixel_width = 0, pixel_height = 0;
  // Some pixels see through (a PNG's alpha or tRNS, an SVG's background): the press files
  // have no transparency, so those pixels print over white paper there.
  bool transparency = false;
  double crop_x = 0, crop_y = 0, crop_width = 1, crop_height = 1;
  std::string role;

  bool cropped() const { return crop_x != 0 || crop_y != 0 || crop_width != 1 || crop_height != 1; }
};

// A page of a supplied PDF (an ad, a logo) placed as it is: its box (model/pdf_art.h) scaled
// into the rectangle (x, y, width, height), and clipped to (clip_x, clip_y, clip_width,
// clip_height), both in page coordinates. The PDF writers copy the page's content stream
// byte for byte into a form XObject; the previews rasterise it.
struct FormItem {
  std::shared_ptr<const PdfArt> art;
  double x = 0, y = 0, width = 0, height = 0;
  double clip_x = 0, clip_y = 0, clip_width = 0, clip_height = 0;
  std::string role;
};

using Item = std::variant<GlyphRun, RectItem, RuleItem, ImageItem, FormItem>;

// A named group of items: a furniture region or an article slot.
struct Frame {
  std::string name;  // e.g. "region:masthead", "slot:lead"
  double x = 0, y = 0, width = 0, height = 0;
  std::vector<Item> items;
};

struct Page {
  int number = 1;
  std::string label;
  double width = 0, height = 0, bleed = 0;
  std::vector<Frame> frames;
};

struct Document {
  std::string title;
  std::string date;  // ISO date: also the PDF creation date, for byte-identical output
  std::vector<FontFace> fonts;
  std::vector<Page> pages;
};

}  // namespace banmian
