// The paint stage for pictures of pages: frame tree → Cairo, for the PNG previews. The
// only code in banmian that knows Cairo (PDF files are written by pdf_writer.h).
//
// A Painter draws pages of one Document onto a Cairo context. Fonts are opened from
// the files the document names (FreeType through cairo-ft, unhinted); colours are
// converted from the declared CMYK to RGB for the screen. Supplied PDF pages (ads, logos:
// FormItem) are rasterised by poppler-glib straight onto the Cairo context. Not thread-safe; one
// Painter per thread, used on the thread that made it (font faces are opened once per thread and
// shared by its painters).
#pragma once

#include <cairo.h>

#include <map>
#include <string>
#include <vector>

#include "model/frame.h"

typedef struct _PopplerDocument PopplerDocument;  // poppler-glib's, opened in painter.cc

namespace banmian {

class Painter {
 public:
  explicit Painter(const Document& doc);
  ~Painter();
  Painter(const Painter&) = delete;
  Painter& operator=(const Painter&) = delete;

  // Draws the page in page coordinates (points, origin top-left of the trim box).
  void PaintPage(cairo_t* cr, const Page& page);
  // Errors met while painting (an image that could not be decoded).
  const std::vector<std::string>& errors() const { return errors_; }

 private:
  cairo_font_face_t* Face(int font);
  cairo_surface_t* Image(const ImageItem& image);
  // A supplied PDF (an ad, a logo), opened once by poppler from its bytes; null if it will not.
  PopplerDocument* PdfDocument(const PdfArt& art);
  void PaintForm(cairo_t* cr, const FormItem& form);

  const Document& doc_;
  std::vector<cairo_font_face_t*> faces_;
  std::map<std::string, cairo_surface_t*> images_;
  std::map<std::string, PopplerDocument*> documents_;
  std::vector<std::string> errors_;
};

}  // namespace banmian
