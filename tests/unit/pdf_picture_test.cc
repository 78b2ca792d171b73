// Pictures for PDF image XObjects (render/pdf_picture.h): JPEGs made in memory with
// libjpeg (grey, RGB, CMYK) and a sample picture go in untouched as DCTDecode with the
// colour space of their header; PNGs made in memory with libpng are decoded and their
// pixels (and alpha, as a separate soft mask) deflated, checked by inflating them again;
// bytes that are no picture, or a damaged one, give an error.
#include <doctest/doctest.h>
#include <png.h>
#include <zlib.h>

#include <csetjmp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <jpeglib.h>

#include "render/pdf_picture.h"

using namespace banmian;

namespace {

// A JPEG of `width` × `height` pixels with `components` channels (1 grey, 3 RGB, 4 CMYK).
std::string MakeJpeg(int width, int height, int components) {
  jpeg_compress_struct cinfo;
  jpeg_error_mgr err;
  cinfo.err = jpeg_std_error(&err);
  jpeg_create_compress(&cinfo);
  unsigned char* buffer = nullptr;
  unsigned long size = 0;
  jpeg_mem_dest(&cinfo, &buffer, &size);
  cinfo.image_width = width;
  cinfo.image_height = height;
  cinfo.input_components = components;
  cinfo.in_color_space = components == 1 ? JCS_GRAYSCALE : components == 3 ? JCS_RGB : JCS_CMYK;
  jpeg_set_defaults(&cinfo);
  jpeg_set_quality(&cinfo, 90, TRUE);
  jpeg_start_compress(&cinfo, TRUE);
  std::vector<unsigned char> row(static_cast<size_t>(width) * components);
  while (cinfo.next_scanline < cinfo.image_height) {
    for (size_t i = 0; i < row.size(); ++i)
      row[i] = static_cast<unsigned char>((i * 37 + cinfo.next_scanline * 11) & 255);
    JSAMPROW rows[1] = {row.data()};
    jpeg_write_scanlines(&cinfo, rows, 1);
  }
  jpeg_finish_compress(&cinfo);
  jpeg_destroy_compress(&cinfo);
  std::string bytes(reinterpret_cast<char*>(buffer), size);
  std::free(buffer);
  return bytes;
}

void AppendPngBytes(png_structp png, png_bytep data, png_size_t length) {
  static_cast<std::string*>(png_get_io_ptr(png))->append(reinterpret_cast<char*>(data), length);
}
void FlushPng(png_structp) {}

// A PNG of the given colour type and depth whose rows are `pixels` (packed as libpng
// expects them for that type), with an optional palette and tRNS chunk.
std::string MakePng(int width, int height, int colour_type, int depth,
                    const std::vector<unsigned char>& pixels, bool interlaced = false,
                    const std::vector<png_color>& palette = {},
                    const std::vector<unsigned char>& transparency = {}) {
  std::string out;
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png_create_info_struct(png);
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    return {};
  }
  png_set_write_fn(png, &out, AppendPngBytes, FlushPng);
  png_set_IHDR(png, info, width, height, depth, colour_type,
               interlaced ? PNG_INTERLACE_ADAM7 : PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
               PNG_FILTER_TYPE_DEFAULT);
  if (!palette.empty()) png_set_PLTE(png, info, palette.data(), static_cast<int>(palette.size()));
  if (!transparency.empty())
    png_set_tRNS(png, info, transparency.data(), static_cast<int>(transparency.size()), nullptr);
  png_write_info(png, info);
  const size_t row_bytes = pixels.size() / height;
  std::vector<png_bytep> rows(height);
  for (int y = 0; y < height; ++y) rows[y] = const_cast<png_bytep>(pixels.data() + row_bytes * y);
  png_write_image(png, rows.data());
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  return out;
}

// Deflated data inflated again; empty if it is not exactly `size` bytes of zlib data.
std::vector<unsigned char> Inflate(const std::string& data, size_t size) {
  std::vector<unsigned char> out(size + 1);
  uLongf length = out.size();
  if (uncompress(out.data(), &length, reinterpret_cast<const Bytef*>(data.data()), data.size()) !=
          Z_OK ||
      length != size)
    return {};
  out.resize(length);
  return out;
}

// Pixels of a test pattern: `channels` bytes per pixel, every value different nearby.
std::vector<unsigned char> Pattern(int width, int height, int channels) {
  std::vector<unsigned char> p(static_cast<size_t>(width) * height * channels);
  for (size_t i = 0; i < p.size(); ++i) p[i] = static_cast<unsigned char>((i * 29 + i / 7) & 255);
  return p;
}

// Every `channels`-th byte from `first` on, and the rest: one channel split off pixels.
std::vector<unsigned char> Channels(const std::vector<unsigned char>& pixels, int channels,
                                    int first, int count) {
  std::vector<unsigned char> out;
  for (size_t i = 0; i < pixels.size(); i += channels)
    out.insert(out.end(), pixels.begin() + i + first, pixels.begin() + i + first + count);
  return out;
}

}  // namespace

TEST_CASE("pdf picture: an RGB JPEG goes in untouched as DCTDecode DeviceRGB") {
  const std::string jpeg = MakeJpeg(17, 9, 3);
  REQUIRE(jpeg.size() > 100);
  std::string error;
  auto picture = EncodePdfPicture(jpeg, error);
  REQUIRE_MESSAGE(picture, error);
  CHECK(picture->width == 17);
  CHECK(picture->height == 9);
  CHECK(picture->filter == "/DCTDecode");
  CHECK(picture->colour_space == "/DeviceRGB");
  CHECK(picture->data == jpeg);
  CHECK_FALSE(picture->inverted_cmyk);
  CHECK(picture->alpha.empty());
}

TEST_CASE("pdf picture: a CMYK JPEG with Adobe's marker is DeviceCMYK and inverted") {
  const std::string jpeg = MakeJpeg(12, 20, 4);
  // libjpeg writes the Adobe APP14 marker for CMYK.
  REQUIRE(jpeg.find("Adobe") != std::string::npos);
  std::string error;
  auto picture = EncodePdfPicture(jpeg, error);
  REQUIRE_MESSAGE(picture, error);
  CHECK(picture->width == 12);
  CHECK(picture->height == 20);
  CHECK(picture->filter == "/DCTDecode");
  CHECK(picture->colour_space == "/DeviceCMYK");
  CHECK(picture->inverted_cmyk);
  CHECK(picture->data == jpeg);
  CHECK(picture->alpha.empty());
}

TEST_CASE("pdf picture: a grey JPEG is DeviceGray") {
  const std::string jpeg = MakeJpeg(8, 8, 1);
  std::string error;
  auto picture = EncodePdfPicture(jpeg, error);
  REQUIRE_MESSAGE(picture, error);
  CHECK(picture->colour_space == "/DeviceGray");
  CHECK(picture->filter == "/DCTDecode");
  CHECK(picture->data == jpeg);
  CHECK_FALSE(picture->inverted_cmyk);
}

TEST_CASE("pdf picture: a sample issue's photograph keeps its bytes and size") {
  std::ifstream in(std::string(BANMIAN_SOURCE_DIR) +
                       "/issues/hongqiao-2021-05-front/pictures/huichang-standin.jpg",
                   std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  REQUIRE(bytes.size() > 1000);
  std::string error;
  auto picture = EncodePdfPicture(bytes, error);
  REQUIRE_MESSAGE(picture, error);
  CHECK(picture->width == 800);
  CHECK(picture->height == 600);
  CHECK(picture->colour_space == "/DeviceRGB");
  CHECK(picture->data == bytes);
}

TEST_CASE("pdf picture: an RGBA PNG gives deflated RGB pixels and a deflated alpha") {
  const int w = 13, h = 7;
  std::vector<unsigned char> rgba = Pattern(w, h, 4);
  rgba[3] = 255;  // opaque, transparent and in between
  rgba[7] = 0;
  const std::string png = MakePng(w, h, PNG_COLOR_TYPE_RGB_ALPHA, 8, rgba);
  REQUIRE_FALSE(png.empty());
  std::string error;
  auto picture = EncodePdfPicture(png, error);
  REQUIRE_MESSAGE(picture, error);
  CHECK(picture->width == w);
  CHECK(picture->height == h);
  CHECK(picture->filter == "/FlateDecode");
  CHECK(picture->colour_space == "/DeviceRGB");
  CHECK_FALSE(picture->inverted_cmyk);
  CHECK(Inflate(picture->data, w * h * 3) == Channels(rgba, 4, 0, 3));
  REQUIRE_FALSE(picture->alpha.empty());
  CHECK(Inflate(picture->alpha, w * h) == Channels(rgba, 4, 3, 1));
}

TEST_CASE("pdf picture: an opaque PNG has no alpha") {
  const int w = 10, h = 6;
  SUBCASE("RGB") {
    std::vector<unsigned char> rgb = Pattern(w, h, 3);
    auto picture = [&] {
      std::string error;
      return EncodePdfPicture(MakePng(w, h, PNG_COLOR_TYPE_RGB, 8, rgb), error);
    }();
    REQUIRE(picture);
    CHECK(picture->colour_space == "/DeviceRGB");
    CHECK(picture->filter == "/FlateDecode");
    CHECK(picture->alpha.empty());
    CHECK(Inflate(picture->data, w * h * 3) == rgb);
  }
  SUBCASE("RGBA, every pixel at full alpha") {
    std::vector<unsigned char> rgba = Pattern(w, h, 4);
    for (size_t i = 3; i < rgba.size(); i += 4) rgba[i] = 255;
    std::string error;
    auto picture = EncodePdfPicture(MakePng(w, h, PNG_COLOR_TYPE_RGB_ALPHA, 8, rgba), error);
    REQUIRE_MESSAGE(picture, error);
    CHECK(picture->colour_space == "/DeviceRGB");
    CHECK(picture->alpha.empty());
    CHECK(Inflate(picture->data, w * h * 3) == Channels(rgba, 4, 0, 3));
  }
  SUBCASE("grey") {
    std::vector<unsigned char> grey = Pattern(w, h, 1);
    std::string error;
    auto picture = EncodePdfPicture(MakePng(w, h, PNG_COLOR_TYPE_GRAY, 8, grey), error);
    REQUIRE_MESSAGE(picture, error);
    CHECK(picture->colour_space == "/DeviceGray");
    CHECK(picture->alpha.empty());
    CHECK(Inflate(picture->data, w * h) == grey);
  }
}

TEST_CASE("pdf picture: grey with alpha is DeviceGray with a soft mask") {
  const int w = 5, h = 4;
  std::vector<unsigned char> ga = Pattern(w, h, 2);
  ga[1] = 10;
  std::string error;
  auto picture = EncodePdfPicture(MakePng(w, h, PNG_COLOR_TYPE_GRAY_ALPHA, 8, ga), error);
  REQUIRE_MESSAGE(picture, error);
  CHECK(picture->colour_space == "/DeviceGray");
  CHECK(Inflate(picture->data, w * h) == Channels(ga, 2, 0, 1));
  CHECK(Inflate(picture->alpha, w * h) == Channels(ga, 2, 1, 1));
}

TEST_CASE("pdf picture: a palette PNG is expanded to RGB, its tRNS to alpha") {
  const int w = 4, h = 2;
  const std::vector<png_color> palette = {{255, 0, 0}, {0, 255, 0}, {0, 0, 255}, {9, 8, 7}};
  const std::vector<unsigned char> indices = {0, 1, 2, 3, 3, 2, 1, 0};
  std::vector<unsigned char> rgb;
  for (unsigned char i : indices)
    rgb.insert(rgb.end(), {palette[i].red, palette[i].green, palette[i].blue});
  SUBCASE("opaque") {
    std::string error;
    auto picture =
        EncodePdfPicture(MakePng(w, h, PNG_COLOR_TYPE_PALETTE, 8, indices, false, palette), error);
    REQUIRE_MESSAGE(picture, error);
    CHECK(picture->colour_space == "/DeviceRGB");
    CHECK(picture->alpha.empty());
    CHECK(Inflate(picture->data, w * h * 3) == rgb);
  }
  SUBCASE("with a transparent entry") {
    std::string error;
    auto picture = EncodePdfPicture(
        MakePng(w, h, PNG_COLOR_TYPE_PALETTE, 8, indices, false, palette, {255, 0}), error);
    REQUIRE_MESSAGE(picture, error);
    CHECK(picture->colour_space == "/DeviceRGB");
    CHECK(Inflate(picture->data, w * h * 3) == rgb);
    const std::vector<unsigned char> alpha = {255, 0, 255, 255, 255, 255, 0, 255};
    CHECK(Inflate(picture->alpha, w * h) == alpha);
  }
}

TEST_CASE("pdf picture: 16-bit and interlaced PNGs come out as the same 8-bit pixels") {
  const int w = 11, h = 9;
  std::vector<unsigned char> rgb = Pattern(w, h, 3);
  std::string error;
  auto interlaced =
      EncodePdfPicture(MakePng(w, h, PNG_COLOR_TYPE_RGB, 8, rgb, /*interlaced=*/true), error);
  REQUIRE_MESSAGE(interlaced, error);
  CHECK(Inflate(interlaced->data, w * h * 3) == rgb);

  std::vector<unsigned char> rgb16;  // big-endian samples: the high byte is the 8-bit value
  for (unsigned char v : rgb) rgb16.insert(rgb16.end(), {v, static_cast<unsigned char>(v ^ 0x5a)});
  auto deep = EncodePdfPicture(MakePng(w, h, PNG_COLOR_TYPE_RGB, 16, rgb16), error);
  REQUIRE_MESSAGE(deep, error);
  CHECK(deep->width == w);
  CHECK(Inflate(deep->data, w * h * 3) == rgb);
}

TEST_CASE("pdf picture: bytes that are no picture give an error") {
  std::string error;
  CHECK_FALSE(EncodePdfPicture("GIF89a this is not a JPEG or a PNG", error));
  CHECK(error == "is neither a JPEG nor a PNG");
  error.clear();
  CHECK_FALSE(EncodePdfPicture("", error));
  CHECK(error == "is neither a JPEG nor a PNG");
  error.clear();
  CHECK_FALSE(EncodePdfPicture(std::string("\x89PNG", 4), error));  // too short for a PNG
  CHECK(error == "is neither a JPEG nor a PNG");
}

TEST_CASE("pdf picture: a damaged JPEG or PNG gives an error saying which") {
  std::string error;
  SUBCASE("a JPEG whose frame header has a bogus length") {
    std::string jpeg = MakeJpeg(8, 8, 3);
    const size_t sof = jpeg.find("\xff\xc0");
    REQUIRE(sof != std::string::npos);
    jpeg[sof + 2] = 0, jpeg[sof + 3] = 2;
    CHECK_FALSE(EncodePdfPicture(jpeg, error));
    CHECK(error.rfind("is not a readable JPEG: ", 0) == 0);
    CHECK(error.size() > std::string("is not a readable JPEG: ").size());
  }
  SUBCASE("a PNG cut short in its pixels") {
    std::string png = MakePng(40, 40, PNG_COLOR_TYPE_RGB, 8, Pattern(40, 40, 3));
    REQUIRE(png.size() > 200);
    CHECK_FALSE(EncodePdfPicture(png.substr(0, png.size() / 2), error));
    CHECK(error.rfind("is not a readable PNG: ", 0) == 0);
  }
  SUBCASE("a PNG signature and nothing else") {
    const std::string png = MakePng(4, 4, PNG_COLOR_TYPE_RGB, 8, Pattern(4, 4, 3));
    CHECK_FALSE(EncodePdfPicture(png.substr(0, 8), error));
    CHECK(error == "is not a readable PNG: the file ends early");
  }
}

TEST_CASE("pdf picture: a PNG declaring more than 100 million pixels is refused unread") {
  // A 1×1 PNG whose header is rewritten to 20000 × 20000 (its CRC with it): a small file
  // that would need 1.6 GB decoded.
  std::string png = MakePng(1, 1, PNG_COLOR_TYPE_RGB_ALPHA, 8, Pattern(1, 1, 4));
  REQUIRE(png.compare(12, 4, "IHDR") == 0);
  for (int offset : {16, 20}) {  // width, height: big-endian
    const uint32_t v = 20000;
    png[offset] = static_cast<char>(v >> 24), png[offset + 1] = static_cast<char>(v >> 16);
    png[offset + 2] = static_cast<char>(v >> 8), png[offset + 3] = static_cast<char>(v);
  }
  const uLong crc = crc32(0, reinterpret_cast<const Bytef*>(png.data() + 12), 17);
  for (int k = 0; k < 4; ++k) png[29 + k] = static_cast<char>(crc >> (24 - 8 * k));
  std::string error;
  CHECK_FALSE(EncodePdfPicture(png, error));
  CHECK(error == "is too large: 20000 × 20000 pixels (at most 100 million)");
}
