// Pictures for the press: every JPEG and PNG picture separated for the printing condition.
//
// The press wants every picture in the output condition's CMYK, within its total-ink limit.
// ConvertToCmykJpeg decodes a picture and converts it with lcms2 through the output ICC
// profile (render/output_profile.h):
//   - RGB from its embedded ICC profile (JPEG APP2 ICC_PROFILE markers, PNG iCCP), or
//     from sRGB when it has none (a PNG sRGB or gAMA chunk is taken as sRGB), with the
//     perceptual intent;
//   - grey (8 or 16 bits, with or without alpha) to the K plate alone, each grey level to
//     the K whose K-only print has its lightness (GreyToK);
//   - CMYK from its embedded profile to the output condition (perceptual, pure-K pixels
//     kept pure K); untagged CMYK (or CMYK tagged with the output profile itself) is taken
//     as already in the output condition. Adobe's
//     CMYK JPEGs are stored inverted and are read as such.
// Then every pixel is held within the total-ink limit by taking colour out of C, M and Y
// (never K), and the result is encoded as a plain (not inverted) CMYK JPEG. Transparent
// pixels are composed over white paper. Deterministic: the same input gives the same bytes.
#pragma once

#include <array>
#include <optional>
#include <string>

namespace banmian {

struct CmykPicture {
  std::string jpeg;          // the CMYK JPEG bytes
  double max_total_ink = 0;  // the highest C+M+Y+K of any pixel as converted, in percent
  std::string colour_space;  // the source's: "RGB", "Grey" or "CMYK"
  std::string profile;       // the source's ICC profile description, or "untagged"
};

// `data`: the picture file's bytes (as the loader read them). `output_icc`: the output
// profile's bytes (a CMYK ICC profile). `ink_limit` in percent (e.g. 234). On failure
// returns nothing and sets `error`.
std::optional<CmykPicture> ConvertToCmykJpeg(const std::string& data, const std::string& output_icc,
                                             double ink_limit, std::string& error);

// The output condition's grey response: for each grey level 0 (black) … 255 (white) of
// a picture whose levels follow `grey_icc` (a grey ICC profile; empty: sRGB's tone curve),
// the K (0 … 255 = 100 %) whose K-only print has the same relative lightness, the range
// from K 100 % to bare paper standing for the range from black to white (black-point
// compensation: the darkest grey prints at K 100 %, the lightest as paper). Empty with
// `error` if the profile cannot be used.
std::optional<std::array<unsigned char, 256>> GreyToK(const std::string& output_icc,
                                                      const std::string& grey_icc,
                                                      std::string& error);

// An ICC profile's description (its 'desc' tag, in English where it has several), or
// "" when the bytes are not a profile.
std::string ProfileDescription(const std::string& icc);

}  // namespace banmian
