// PNG files for the page previews: pixels in, a PNG's bytes out, quickly.
//
// A preview is mostly white paper with black type, written once and looked at once, and
// its encoding was most of a default render's time (zlib through libpng: two thirds of
// the instructions of rendering bench/issues/x10). Three things make it cheap:
//   - a page whose every pixel is grey (R = G = B: black type, grey rules, greyscale
//     pictures) is written as an 8-bit greyscale PNG, a third of the bytes to compress;
//     any colour makes it an 8-bit RGB PNG. Decoded, both give the same RGB pixels;
//   - rows go unfiltered (filter type 0): white paper is long runs of 0xFF either way, and
//     on newspaper pages the "up" filter made files larger and cost a pass;
//   - libdeflate compresses the whole image at once at its fastest level (1), about half
//     the instructions of zlib's fastest level; libdeflate also gives the chunks' CRC-32.
// An image too large to hold a second time in memory (more than `in_memory_limit` bytes of
// rows) is compressed in bands of rows with zlib at level 1 instead: the same pixels.
// PNG is lossless: only the file size depends on these choices. The bytes depend only on
// the pixels, never on the thread that encodes them.
#pragma once

#include <cstddef>
#include <string>

namespace banmian {

// Above 64 MiB of rows (an RGB broadsheet page at about 300 dpi, a grey one at about
// 520 dpi) an image is compressed in bands rather than whole.
inline constexpr size_t kPngInMemoryLimit = size_t{64} << 20;

// Encodes `height` rows of `width` pixels, each a native-endian 0xXXRRGGBB word (cairo's
// RGB24), rows `stride` bytes apart, as an 8-bit greyscale or RGB PNG. False with `error`
// on failure (out of memory).
bool EncodePng(const unsigned char* pixels, int width, int height, int stride, std::string& png,
               std::string& error, size_t in_memory_limit = kPngInMemoryLimit);

// Whether every pixel is grey (red, green and blue equal), as EncodePng decides.
bool AllGrey(const unsigned char* pixels, int width, int height, int stride);

}  // namespace banmian
