// The preview PNG encoder: what it writes reads back, through libpng, as the same pixels.
#include <doctest/doctest.h>
#include <png.h>

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

}  // namespace

TEST_CASE("png file: cairo's RGB24 words come back as the same RGB pixels") {
  const int width = 37, height = 23, stride = 4 * width + 12;  // rows padded, as cairo may
  std::vector<unsigned char> words(static_cast<size_t>(stride) * height, 0xAB);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      const uint32_t p = 0xFF000000u | static_cast<uint32_t>((x * 7) & 255) << 16 |
                         static_cast<uint32_t>((y * 11) & 255) << 8 |
                         static_cast<uint32_t>((x * y) & 255);
      std::memcpy(words.data() + static_cast<size_t>(y) * stride + 4 * x, &p, 4);
    }
  std::string png, error;
  REQUIRE(EncodePng(words.data(), width, height, stride, png, error));
  CHECK(error.empty());
  CHECK(png.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
  png_image image;
  std::vector<unsigned char> rgb = DecodeRgb(png, image);
  CHECK(image.width == static_cast<unsigned>(width));
  CHECK(image.height == static_cast<unsigned>(height));
  int wrong = 0;
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      const unsigned char* p = rgb.data() + 3 * (static_cast<size_t>(y) * width + x);
      wrong += p[0] != ((x * 7) & 255) || p[1] != ((y * 11) & 255) || p[2] != ((x * y) & 255);
    }
  CHECK(wrong == 0);
}

TEST_CASE("png file: a white page compresses to almost nothing") {
  const int width = 1170, height = 1654;  // an A3 page at 100 dpi
  std::vector<unsigned char> white(static_cast<size_t>(width) * height * 4, 0xFF);
  std::string png, error;
  REQUIRE(EncodePng(white.data(), width, height, 4 * width, png, error));
  CHECK(png.size() < 40000);
  png_image image;
  std::vector<unsigned char> rgb = DecodeRgb(png, image);
  CHECK(rgb.size() == static_cast<size_t>(width) * height * 3);
  CHECK(std::all_of(rgb.begin(), rgb.end(), [](unsigned char c) { return c == 0xFF; }));
}
