// SVG art (logos, masthead drawings) turned into a picture when it is loaded.
//
// banmian's writers and painter take JPEG, PNG and PDF; an SVG is drawn once with librsvg
// into a Cairo image kSvgPixelsPerInch at the size it is placed, and kept as a PNG (with its
// transparency). From there it is a picture like any other: embedded in the screen PDF,
// converted to the press CMYK through the output profile like an article's picture, and
// painted in the previews. 600 ppi is twice the resolution halftoned art is usually asked for
// and four times the paper's default warning threshold, so line art stays sharp and the
// resolution checks pass.
#pragma once

#include <optional>
#include <string>

namespace banmian {

constexpr double kSvgPixelsPerInch = 600;
// The most pixels an SVG is drawn into (160 MB of ARGB): a drawing as large as a
// broadsheet page gets fewer pixels per inch (about 380), still above what halftoning needs.
constexpr double kMaxSvgPixels = 40'000'000;

struct SvgRaster {
  std::string png;  // the PNG bytes
  int width = 0, height = 0;
  double placed_width = 0, placed_height = 0;  // pt: the SVG's shape within the box
  bool transparency = false;                    // some pixel is not wholly opaque
};

// Draws `svg` to fit (w, h) pt, proportions kept (its width and height, else its viewBox,
// else the box's); nothing with `error` set when it cannot be read.
std::optional<SvgRaster> RasteriseSvg(const std::string& svg, double w, double h,
                                      std::string& error);

}  // namespace banmian
