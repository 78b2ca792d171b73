// PNG files for the page previews: pixels in, a PNG's bytes out, quickly.
//
// A preview is mostly white paper with black type, written once and looked at once.
// cairo's PNG writer leaves zlib at its default level and libpng tries every row filter
// on every row: on a 100 dpi broadsheet page that was four fifths of the time spent
// making previews. Here zlib runs at its fastest level, with the "up" filter alone (rows
// of text resemble the row above), which costs a little size, not quality: PNG is
// lossless either way.
#pragma once

#include <cstdint>
#include <string>

namespace banmian {

// Encodes `height` rows of `width` pixels, each a native-endian 0xXXRRGGBB word (cairo's
// RGB24), rows `stride` bytes apart, as an 8-bit RGB PNG. False with `error` on failure.
bool EncodePng(const unsigned char* pixels, int width, int height, int stride, std::string& png,
               std::string& error);

}  // namespace banmian
