// The paint stage: frame tree → Cairo. The only code in banmian that knows Cairo.
//
// A Painter draws pages of one Document onto any Cairo context (PDF or image
// surface). Fonts are opened from the files the document names (FreeType through
// cairo-ft, unhinted) and glyphs drawn with their text clusters so PDF text copies
// out as the original characters. JPEG data is attached to image surfaces so the PDF
// embeds the original bytes untouched. Colours are converted from the declared CMYK
// to RGB for the screen. Not thread-safe; one Painter per thread, used on the thread
// that made it (font faces are opened once per thread and shared by its painters).
#pragma once

#include <cairo.h>

#include <map>
#include <string>
#include <vector>

#include "model/frame.h"
#include "render/colour_proxy.h"

namespace banmian {

class Painter {
 public:
  // Screen colours (declared CMYK converted to RGB) unless `proxies` is given: then
  // every colour is drawn as its proxy, for the press stage to rewrite.
  explicit Painter(const Document& doc, ColourProxies* proxies = nullptr);
  ~Painter();
  Painter(const Painter&) = delete;
  Painter& operator=(const Painter&) = delete;

  // Draws the page in page coordinates (points, origin top-left of the trim box).
  void PaintPage(cairo_t* cr, const Page& page);
  // Errors met while painting (an image that could not be decoded).
  const std::vector<std::string>& errors() const { return errors_; }
  // Draws the picture at `path` from these JPEG bytes instead (press pictures already
  // converted to CMYK); must be called before painting.
  void OverrideJpeg(const std::string& path, std::string jpeg) {
    overrides_[path] = std::move(jpeg);
  }
  // Sets the current source colour: screen RGB or the colour's proxy.
  void SetColour(cairo_t* cr, const Cmyk& colour);

 private:
  cairo_font_face_t* Face(int font);
  cairo_surface_t* Image(const std::string& path);

  const Document& doc_;
  std::vector<cairo_font_face_t*> faces_;
  std::map<std::string, cairo_surface_t*> images_;
  std::vector<std::string> errors_;
  ColourProxies* proxies_;
  std::map<std::string, std::string> overrides_;
};

}  // namespace banmian
