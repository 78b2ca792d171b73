// Synthetic bold in the PNG preview (render/painter.h): a glyph run marked synthetic_bold
// is filled and stroked kSyntheticBoldStroke em wide, so it covers more of the page than
// the same glyph drawn plainly, by about its outline's length times the stroke width.
#include <doctest/doctest.h>
#include <hb.h>

#include <string>

#include "render/painter.h"

using namespace banmian;

namespace {

const char* const kHanaMinB = "/usr/share/fonts/truetype/hanazono/HanaMinB.ttf";

uint32_t GlyphOf(char32_t c) {
  hb_blob_t* blob = hb_blob_create_from_file(kHanaMinB);
  hb_face_t* face = hb_face_create(blob, 0);
  hb_font_t* font = hb_font_create(face);
  hb_codepoint_t glyph = 0;
  hb_font_get_nominal_glyph(font, c, &glyph);
  hb_font_destroy(font);
  hb_face_destroy(face);
  hb_blob_destroy(blob);
  return glyph;
}

// The dark pixels of 𠀁 (or 𪚥) at 48 pt painted at 1 px per pt.
long DarkPixels(char32_t c, bool synthetic) {
  Document doc;
  doc.fonts = {{kHanaMinB, 0, "HanaMinB", "Regular", ""}};
  Page page;
  page.width = 64, page.height = 64;
  Frame frame;
  GlyphRun run;
  run.font = 0, run.size = 48, run.synthetic_bold = synthetic;
  run.text = "x";
  run.glyphs = {{GlyphOf(c), 8, 52, 48}};
  run.clusters = {{1, 1}};
  frame.items.push_back(run);
  page.frames.push_back(frame);
  doc.pages.push_back(page);
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 64, 64);
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  Painter(doc).PaintPage(cr, doc.pages[0]);
  cairo_surface_flush(surface);
  long dark = 0;
  const unsigned char* data = cairo_image_surface_get_data(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  for (int y = 0; y < 64; ++y)
    for (int x = 0; x < 64; ++x)
      if ((data[y * stride + 4 * x + 1]) < 128) ++dark;  // green channel of xRGB
  cairo_destroy(cr);
  cairo_surface_destroy(surface);
  return dark;
}

}  // namespace

TEST_CASE("painter: a synthetic-bold run covers more of the page than the plain glyph") {
  for (char32_t c : {U'\U00020001', U'\U00020002'}) {
    CAPTURE(static_cast<unsigned>(c));
    REQUIRE(GlyphOf(c) != 0);
    const long plain = DarkPixels(c, false), bold = DarkPixels(c, true);
    CAPTURE(plain);
    CAPTURE(bold);
    REQUIRE(plain > 20);  // the glyph is drawn at all
    // The outline grows by half the stroke (1.44 pt) on each side: a glyph of thin strokes
    // gains at least half again its ink.
    CHECK(bold > plain * 3 / 2);
  }
}
