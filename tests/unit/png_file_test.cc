// The preview PNG encoder: what it writes reads back, through libpng, as the same pixels,
// greyscale when every pixel is grey and RGB otherwise, whole or in bands; its chunks are
// framed as the PNG specification says (lengths, CRC-32 checked here with zlib's).
#include <doctest/doctest.h>
#include <png.h>
#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "render/png_file.h"

using namespace banmian;

namespace {

std::vector<unsigned char> DecodeRgb(const std::string& png, png_image& image) {
  image = {};
  image.version = PNG_IMAGE_VERSION;
  REQUIRE(png_image_begin_read_from_memory(&image, png.data(), png.size()));
  image.format = PNG_FORMAT_RGB;
  std::vector<unsigned char> pixels(PNG_IMAGE_SIZE(image));
  REQUIRE(png_image_finish_read(&image, nullptr, pixels.data(), 0, nullptr));
  return pixels;
}

// cairo's RGB24 surface: native-endian 0xXXRRGGBB words, rows `stride` bytes apart, the
// padding and the unused top byte filled with 0xAB.
struct Surface {
  int width, height, stride;
  std::vector<unsigned char> bytes;
  Surface(int w, int h, int padding = 0)
      : width(w),
        height(h),
        stride(4 * w + padding),
        bytes(static_cast<size_t>(stride) * h, 0xAB) {}
  void Set(int x, int y, unsigned r, unsigned g, unsigned b, uint32_t top = 0xAB) {
    const uint32_t p = top << 24 | r << 16 | g << 8 | b;
    std::memcpy(bytes.data() + static_cast<size_t>(y) * stride + 4 * x, &p, 4);
  }
  const unsigned char* Rgb(int x, int y) const {
    return bytes.data() + static_cast<size_t>(y) * stride + 4 * x;
  }
};

// The pixels decoded from `png` are the surface's, one for one.
int WrongPixels(const Surface& s, const std::string& png) {
  png_image image;
  std::vector<unsigned char> rgb = DecodeRgb(png, image);
  REQUIRE(image.width == static_cast<unsigned>(s.width));
  REQUIRE(image.height == static_cast<unsigned>(s.height));
  int wrong = 0;
  for (int y = 0; y < s.height; ++y)
    for (int x = 0; x < s.width; ++x) {
      uint32_t p;
      std::memcpy(&p, s.Rgb(x, y), 4);
      const unsigned char* d = rgb.data() + 3 * (static_cast<size_t>(y) * s.width + x);
      wrong += d[0] != ((p >> 16) & 255) || d[1] != ((p >> 8) & 255) || d[2] != (p & 255);
    }
  return wrong;
}

uint32_t BigEndian(const std::string& s, size_t at) {
  return static_cast<uint32_t>(static_cast<unsigned char>(s[at])) << 24 |
         static_cast<uint32_t>(static_cast<unsigned char>(s[at + 1])) << 16 |
         static_cast<uint32_t>(static_cast<unsigned char>(s[at + 2])) << 8 |
         static_cast<uint32_t>(static_cast<unsigned char>(s[at + 3]));
}

struct Chunk {
  std::string type;
  uint32_t length = 0;
  bool crc_ok = false;
};

// The chunks after the signature, each CRC checked with zlib's crc32.
std::vector<Chunk> Chunks(const std::string& png) {
  std::vector<Chunk> chunks;
  REQUIRE(png.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
  for (size_t at = 8; at + 12 <= png.size();) {
    Chunk c;
    c.length = BigEndian(png, at);
    REQUIRE(at + 12 + c.length <= png.size());
    c.type = png.substr(at + 4, 4);
    const uLong crc = crc32(0, reinterpret_cast<const Bytef*>(png.data() + at + 4), c.length + 4);
    c.crc_ok = crc == BigEndian(png, at + 8 + c.length);
    chunks.push_back(c);
    at += 12 + c.length;
  }
  return chunks;
}

int ColourType(const std::string& png) {
  return static_cast<unsigned char>(png[8 + 8 + 9]);
}

}  // namespace

TEST_CASE("png file: cairo's RGB24 words come back as the same RGB pixels") {
  Surface s(37, 23, 12);  // rows padded, as cairo may
  for (int y = 0; y < s.height; ++y)
    for (int x = 0; x < s.width; ++x) s.Set(x, y, (x * 7) & 255, (y * 11) & 255, (x * y) & 255);
  std::string png, error;
  REQUIRE(EncodePng(s.bytes.data(), s.width, s.height, s.stride, png, error));
  CHECK(error.empty());
  CHECK(ColourType(png) == 2);
  CHECK(WrongPixels(s, png) == 0);
  // The first pixel by hand: (0, 0, 0); the last (36 * 7 = 252, 22 * 11 = 242, 36 * 22 = 792
  // → 792 - 768 = 24).
  png_image image;
  std::vector<unsigned char> rgb = DecodeRgb(png, image);
  CHECK(rgb[0] == 0);
  CHECK(rgb[rgb.size() - 3] == 252);
  CHECK(rgb[rgb.size() - 2] == 242);
  CHECK(rgb[rgb.size() - 1] == 24);
}

TEST_CASE("png file: a page of greys is a greyscale PNG, one coloured pixel makes it RGB") {
  // Grey type with anti-aliased edges (levels 0..255), then one pixel made not grey, in
  // each channel, at the start, the middle and the very end of the image.
  struct Case {
    int x, y;
    unsigned r, g, b;
    int colour_type;
  };
  const Case cases[] = {
      {-1, -1, 0, 0, 0, 0},        // none: greyscale
      {0, 0, 1, 0, 0, 2},          // red differs, first pixel
      {20, 9, 128, 127, 128, 2},   // green differs, mid-image
      {40, 18, 200, 200, 201, 2},  // blue differs, last pixel
      {13, 5, 77, 77, 77, 0},      // a grey pixel set: still greyscale
  };
  for (const Case& c : cases) {
    CAPTURE(c.x);
    Surface s(41, 19, 4);
    for (int y = 0; y < s.height; ++y)
      for (int x = 0; x < s.width; ++x) {
        const unsigned level = (x * 13 + y * 29) & 255;
        s.Set(x, y, level, level, level);
      }
    if (c.x >= 0) s.Set(c.x, c.y, c.r, c.g, c.b);
    CHECK(AllGrey(s.bytes.data(), s.width, s.height, s.stride) == (c.colour_type == 0));
    std::string png, error;
    REQUIRE(EncodePng(s.bytes.data(), s.width, s.height, s.stride, png, error));
    CHECK(ColourType(png) == c.colour_type);
    CHECK(WrongPixels(s, png) == 0);
  }
}

TEST_CASE("png file: the unused top byte and the row padding do not count") {
  // White and black pixels with top bytes of 0x00, 0x7F and 0xFF: still grey.
  Surface s(5, 3, 8);
  const uint32_t tops[] = {0x00, 0x7F, 0xFF};
  for (int y = 0; y < 3; ++y)
    for (int x = 0; x < 5; ++x) {
      const unsigned level = x % 2 ? 0 : 255;
      s.Set(x, y, level, level, level, tops[(x + y) % 3]);
    }
  CHECK(AllGrey(s.bytes.data(), 5, 3, s.stride));
  std::string png, error;
  REQUIRE(EncodePng(s.bytes.data(), 5, 3, s.stride, png, error));
  CHECK(ColourType(png) == 0);
  CHECK(WrongPixels(s, png) == 0);
}

TEST_CASE("png file: in bands of rows (zlib) the same pixels as whole (libdeflate)") {
  // Sizes around the bands' 1 MiB of rows: one row, one column, a band and a bit (RGB rows
  // of 1 + 3 × 700 bytes: 499 rows a band), several bands.
  struct Case {
    int width, height;
    bool colour;
  };
  const Case cases[] = {{1, 1, false},    {1, 1, true},      {3000, 1, true},   {1, 900, false},
                        {700, 520, true}, {700, 1100, true}, {1500, 800, false}};
  for (const Case& c : cases) {
    CAPTURE(c.width);
    CAPTURE(c.height);
    Surface s(c.width, c.height);
    uint32_t seed = 12345;
    for (int y = 0; y < s.height; ++y)
      for (int x = 0; x < s.width; ++x) {
        // Noise: compresses hardly at all, so the large cases fill several IDAT chunks.
        unsigned level[3];
        for (unsigned& l : level) {
          seed = seed * 1103515245u + 12345u;
          l = (seed >> 16) & 255;
        }
        if (c.colour)
          s.Set(x, y, level[0], level[1], level[2]);
        else
          s.Set(x, y, level[0], level[0], level[0]);
      }
    std::string whole, bands, error;
    REQUIRE(EncodePng(s.bytes.data(), s.width, s.height, s.stride, whole, error));
    REQUIRE(EncodePng(s.bytes.data(), s.width, s.height, s.stride, bands, error, 0));
    CHECK(ColourType(whole) == (c.colour ? 2 : 0));
    CHECK(ColourType(bands) == ColourType(whole));
    CHECK(WrongPixels(s, whole) == 0);
    CHECK(WrongPixels(s, bands) == 0);
    for (const std::string* png : {&whole, &bands}) {
      std::vector<Chunk> chunks = Chunks(*png);
      REQUIRE(chunks.size() >= 3);
      CHECK(chunks.front().type == "IHDR");
      CHECK(chunks.front().length == 13);
      CHECK(chunks.back().type == "IEND");
      CHECK(chunks.back().length == 0);
      size_t idat_bytes = 0, idat_chunks = 0;
      for (size_t i = 0; i < chunks.size(); ++i) {
        CHECK(chunks[i].crc_ok);
        if (i > 0 && i + 1 < chunks.size()) {
          CHECK(chunks[i].type == "IDAT");
          CHECK(chunks[i].length <= (1u << 20));
          idat_bytes += chunks[i].length;
          ++idat_chunks;
        }
      }
      // Full chunks of 1 MiB, then the rest; noise hardly compresses.
      CHECK(idat_chunks == (idat_bytes + (1u << 20) - 1) >> 20);
      CHECK(idat_bytes > static_cast<size_t>(c.width) * c.height * (c.colour ? 3 : 1) * 9 / 10);
      // The signature, IHDR (12 + 13 bytes), the IDAT chunks (12 + data), IEND (12).
      CHECK(png->size() == 8 + 25 + 12 * idat_chunks + idat_bytes + 12);
    }
  }
}

TEST_CASE("png file: a white page compresses to almost nothing") {
  const int width = 1170, height = 1654;  // an A3 page at 100 dpi
  std::vector<unsigned char> white(static_cast<size_t>(width) * height * 4, 0xFF);
  for (size_t limit : {kPngInMemoryLimit, size_t{0}}) {
    std::string png, error;
    REQUIRE(EncodePng(white.data(), width, height, 4 * width, png, error, limit));
    CHECK(ColourType(png) == 0);
    CAPTURE(png.size());
    CHECK(png.size() < 16000);  // of 1 654 rows of 1 + 1 170 bytes
    png_image image;
    std::vector<unsigned char> rgb = DecodeRgb(png, image);
    CHECK(rgb.size() == static_cast<size_t>(width) * height * 3);
    CHECK(std::all_of(rgb.begin(), rgb.end(), [](unsigned char c) { return c == 0xFF; }));
  }
}

TEST_CASE("png file: an image without pixels is refused") {
  const unsigned char pixel[4] = {0, 0, 0, 0};
  const int sizes[][2] = {{0, 1}, {1, 0}, {0, 0}, {-3, 2}};
  for (const auto& size : sizes) {
    std::string png = "old", error;
    CHECK_FALSE(EncodePng(pixel, size[0], size[1], 4, png, error));
    CHECK(error == "the PNG could not be written: an image needs at least one pixel a side");
    CHECK(png.empty());
  }
}
