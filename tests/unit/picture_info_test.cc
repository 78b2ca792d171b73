#include "load/picture_info.h"

#include <doctest/doctest.h>
#include <jpeglib.h>
#include <png.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

using namespace banmian;
namespace fs = std::filesystem;

namespace {

// Writes a grey-level JPEG of `components` channels (2: an unknown colour space).
std::string WriteJpeg(const std::string& name, int width, int height, int components) {
  const std::string path =
      (fs::temp_directory_path() / ("banmian-pic-" + std::to_string(getpid()) + "-" + name))
          .string();
  FILE* f = std::fopen(path.c_str(), "wb");
  REQUIRE(f);
  jpeg_compress_struct c;
  jpeg_error_mgr e;
  c.err = jpeg_std_error(&e);
  jpeg_create_compress(&c);
  jpeg_stdio_dest(&c, f);
  c.image_width = width, c.image_height = height, c.input_components = components;
  c.in_color_space = components == 3 ? JCS_RGB : components == 1 ? JCS_GRAYSCALE : JCS_UNKNOWN;
  jpeg_set_defaults(&c);
  if (components == 2) jpeg_set_colorspace(&c, JCS_UNKNOWN);
  jpeg_start_compress(&c, TRUE);
  std::vector<unsigned char> row(static_cast<size_t>(width) * components, 128);
  while (c.next_scanline < c.image_height) {
    JSAMPROW r = row.data();
    jpeg_write_scanlines(&c, &r, 1);
  }
  jpeg_finish_compress(&c);
  jpeg_destroy_compress(&c);
  std::fclose(f);
  return path;
}

// The file with its frame header's width and height set to `side` (a JPEG bomb: a small
// file declaring a huge picture).
std::string Bomb(const std::string& path, int side) {
  std::ifstream in(path, std::ios::binary);
  std::string d((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  for (size_t i = 2; i + 9 < d.size();) {
    const unsigned char marker = static_cast<unsigned char>(d[i + 1]);
    const size_t length =
        static_cast<unsigned char>(d[i + 2]) * 256 + static_cast<unsigned char>(d[i + 3]);
    if (marker == 0xC0 || marker == 0xC1 || marker == 0xC2) {
      for (size_t at : {i + 5, i + 7})
        d[at] = static_cast<char>(side >> 8), d[at + 1] = static_cast<char>(side);
      break;
    }
    i += 2 + length;
  }
  const std::string out = path + ".bomb";
  std::ofstream(out, std::ios::binary) << d;
  return out;
}

}  // namespace

TEST_CASE("picture info: one pixel limit on width, height and area, from the header") {
  std::string error;
  const std::string fine = WriteJpeg("fine.jpg", 64, 48, 3);
  auto info = ReadPictureInfo(fine, error);
  REQUIRE(info);
  CHECK(info->width == 64);
  // A valid 40 000 × 10 JPEG: too wide for a preview surface.
  const std::string wide = WriteJpeg("wide.jpg", 40000, 10, 3);
  CHECK_FALSE(ReadPictureInfo(wide, error));
  CHECK(error ==
        "is too large: 40000 × 10 pixels (a picture may be at most 32767 pixels wide and high, "
        "and 100 million pixels in all): scale it down");
  // Bombs of 30 000² and 60 000²: refused before a pixel is decoded.
  for (int side : {30000, 60000}) {
    const std::string bomb = Bomb(fine, side);
    CHECK_FALSE(ReadPictureInfo(bomb, error));
    CHECK(error.find("is too large: " + std::to_string(side) + " × " + std::to_string(side)) == 0);
    fs::remove(bomb);
  }
  CHECK(PicturePixelsError(32767, 3051) == "");  // 99.97 million
  CHECK(PicturePixelsError(10001, 10000) != "");
  CHECK(PicturePixelsError(32768, 1) != "");
  // A JPEG of two channels, which no writer can place: refused at load, not when writing.
  const std::string two = WriteJpeg("two.jpg", 8, 8, 2);
  CHECK_FALSE(ReadPictureInfo(two, error));
  CHECK(error == "is a JPEG with 2 colour channels (grey has 1, RGB 3, CMYK 4)");
  for (const std::string& p : {fine, wide, two}) fs::remove(p);
}

TEST_CASE("picture info: a file over the size limit is refused unread") {
  const std::string path =
      (fs::temp_directory_path() / ("banmian-pic-big-" + std::to_string(getpid()) + ".jpg"))
          .string();
  { std::ofstream(path) << "\xFF\xD8\xFF"; }
  fs::resize_file(path, (100u << 20) + 1);  // sparse: nothing is written
  std::string error;
  CHECK_FALSE(ReadPictureInfo(path, error));
  CHECK(error == "is 100.0 MB: a picture file may be 100.0 MB at most");
  fs::remove(path);
}

TEST_CASE("picture info: a PNG's colour channels by colour type and bit depth") {
  struct Row {
    int colour_type, bit_depth, components;
  };
  const Row rows[] = {{PNG_COLOR_TYPE_GRAY, 1, 1},       {PNG_COLOR_TYPE_GRAY, 4, 1},
                      {PNG_COLOR_TYPE_GRAY, 8, 1},       {PNG_COLOR_TYPE_GRAY, 16, 1},
                      {PNG_COLOR_TYPE_GRAY_ALPHA, 8, 1}, {PNG_COLOR_TYPE_GRAY_ALPHA, 16, 1},
                      {PNG_COLOR_TYPE_RGB, 8, 3},        {PNG_COLOR_TYPE_RGB, 16, 3},
                      {PNG_COLOR_TYPE_RGB_ALPHA, 8, 3},  {PNG_COLOR_TYPE_RGB_ALPHA, 16, 3},
                      {PNG_COLOR_TYPE_PALETTE, 8, 3},    {PNG_COLOR_TYPE_PALETTE, 2, 3}};
  for (const Row& row : rows) {
    CAPTURE(row.colour_type);
    CAPTURE(row.bit_depth);
    const std::string path =
        (fs::temp_directory_path() / ("banmian-pic-" + std::to_string(getpid()) + ".png")).string();
    FILE* f = std::fopen(path.c_str(), "wb");
    REQUIRE(f);
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png_create_info_struct(png);
    png_init_io(png, f);
    png_set_IHDR(png, info, 8, 8, row.bit_depth, row.colour_type, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_color palette[4] = {{0, 0, 0}, {255, 0, 0}, {0, 255, 0}, {0, 0, 255}};
    if (row.colour_type == PNG_COLOR_TYPE_PALETTE) png_set_PLTE(png, info, palette, 4);
    png_write_info(png, info);
    std::vector<unsigned char> line(64, 0);  // 8 pixels of up to 8 bytes: all zero
    for (int y = 0; y < 8; ++y) png_write_row(png, line.data());
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    std::fclose(f);
    std::string error;
    auto read = ReadPictureInfo(path, error);
    INFO(error);
    REQUIRE(read);
    CHECK(read->format == PictureFormat::kPng);
    CHECK(read->components == row.components);
    std::remove(path.c_str());
  }
}
