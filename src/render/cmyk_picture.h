// Pictures for the press: RGB (or grey) JPEG and PNG pictures turned into CMYK JPEGs.
//
// The press wants every picture in the printing condition's CMYK. ConvertToCmykJpeg
// decodes a picture, converts it through the output ICC profile with lcms2 (from sRGB,
// perceptual), holds every pixel within the total-ink limit by taking colour out of C,
// M and Y (never K), and encodes the result as a CMYK JPEG, inverted as Adobe writes
// them (what readers expect of a CMYK JPEG with an Adobe marker). A picture already in
// CMYK is passed through untouched. Deterministic: the same input gives the same bytes.
#pragma once

#include <optional>
#include <string>

namespace banmian {

struct CmykPicture {
  std::string jpeg;          // the CMYK JPEG bytes
  double max_total_ink = 0;  // the highest C+M+Y+K of any pixel, in percent
  bool passed_through = false;
};

// `data`: the picture file's bytes (as the loader read them). `ink_limit` in percent
// (e.g. 240). On failure returns nothing and sets `error`.
std::optional<CmykPicture> ConvertToCmykJpeg(const std::string& data,
                                             const std::string& profile_path, double ink_limit,
                                             std::string& error);

}  // namespace banmian
