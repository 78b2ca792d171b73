// The press's pictures: the built-in newsprint output profile measured through lcms2, and
// pictures of every kind (made here, in memory) separated and decoded again.
#include "render/cmyk_picture.h"

#include <doctest/doctest.h>
#include <jpeglib.h>
#include <lcms2.h>
#include <png.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "base/read_file.h"
#include "render/output_profile.h"

using namespace banmian;

namespace {

constexpr int kSide = 16;  // every test picture is 16 × 16 pixels of one colour

// A JPEG of `components` channels, every pixel `pixel`; CMYK with an Adobe marker is
// written inverted (255 = no ink), as Photoshop does; `icc` embedded when given.
std::string Jpeg(const std::vector<unsigned char>& pixel, bool adobe = false,
                 const std::string& icc = "") {
  const int components = static_cast<int>(pixel.size());
  jpeg_compress_struct c;
  jpeg_error_mgr e;
  c.err = jpeg_std_error(&e);
  jpeg_create_compress(&c);
  unsigned char* buffer = nullptr;
  unsigned long size = 0;
  jpeg_mem_dest(&c, &buffer, &size);
  c.image_width = kSide, c.image_height = kSide, c.input_components = components;
  c.in_color_space = components == 4 ? JCS_CMYK : components == 3 ? JCS_RGB : JCS_GRAYSCALE;
  jpeg_set_defaults(&c);
  if (components == 4) {
    jpeg_set_colorspace(&c, JCS_CMYK);
    c.write_Adobe_marker = adobe;
  }
  jpeg_set_quality(&c, 95, TRUE);
  jpeg_start_compress(&c, TRUE);
  if (!icc.empty())
    jpeg_write_icc_profile(&c, reinterpret_cast<const JOCTET*>(icc.data()),
                           static_cast<unsigned>(icc.size()));
  std::vector<unsigned char> row;
  for (int x = 0; x < kSide; ++x)
    for (unsigned char v : pixel) row.push_back(adobe ? 255 - v : v);
  while (c.next_scanline < c.image_height) {
    JSAMPROW r = row.data();
    jpeg_write_scanlines(&c, &r, 1);
  }
  jpeg_finish_compress(&c);
  jpeg_destroy_compress(&c);
  std::string out(reinterpret_cast<char*>(buffer), size);
  std::free(buffer);
  return out;
}

void AppendPng(png_structp png, png_bytep data, png_size_t length) {
  static_cast<std::string*>(png_get_io_ptr(png))->append(reinterpret_cast<char*>(data), length);
}

// A PNG of the given colour type and bit depth, every pixel `samples` (one value per
// channel, at the bit depth).
std::string Png(int colour_type, int bit_depth, const std::vector<unsigned>& samples,
                const std::string& icc = "") {
  std::string out;
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png_create_info_struct(png);
  png_set_write_fn(png, &out, AppendPng, nullptr);
  png_set_IHDR(png, info, kSide, kSide, bit_depth, colour_type, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  if (!icc.empty())
    png_set_iCCP(png, info, "test", 0, reinterpret_cast<png_const_bytep>(icc.data()),
                 static_cast<png_uint_32>(icc.size()));
  png_write_info(png, info);
  std::vector<unsigned char> row;
  if (bit_depth < 8) {  // grey, packed: 8 / bit_depth pixels a byte
    unsigned byte = 0;
    for (int i = 0; i < 8 / bit_depth; ++i) byte = byte << bit_depth | samples[0];
    row.assign(kSide * bit_depth / 8, static_cast<unsigned char>(byte));
  }
  for (int x = 0; x < kSide && bit_depth >= 8; ++x)
    for (unsigned v : samples) {
      if (bit_depth == 16) row.push_back(static_cast<unsigned char>(v >> 8));
      row.push_back(static_cast<unsigned char>(v & 0xFF));
    }
  for (int y = 0; y < kSide; ++y) png_write_row(png, row.data());
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  return out;
}

// The converted picture's pixels: C, M, Y, K, 0 … 255 (plain, not inverted).
std::vector<std::array<int, 4>> Decode(const std::string& jpeg) {
  jpeg_decompress_struct d;
  jpeg_error_mgr e;
  d.err = jpeg_std_error(&e);
  jpeg_create_decompress(&d);
  jpeg_mem_src(&d, reinterpret_cast<const unsigned char*>(jpeg.data()), jpeg.size());
  jpeg_read_header(&d, TRUE);
  REQUIRE(d.num_components == 4);
  CHECK_FALSE(d.saw_Adobe_marker);
  d.out_color_space = JCS_CMYK;
  jpeg_start_decompress(&d);
  std::vector<std::array<int, 4>> pixels;
  std::vector<unsigned char> row(d.output_width * 4);
  while (d.output_scanline < d.output_height) {
    JSAMPROW r = row.data();
    jpeg_read_scanlines(&d, &r, 1);
    for (size_t x = 0; x < d.output_width; ++x)
      pixels.push_back({row[x * 4], row[x * 4 + 1], row[x * 4 + 2], row[x * 4 + 3]});
  }
  jpeg_finish_decompress(&d);
  jpeg_destroy_decompress(&d);
  return pixels;
}

CmykPicture Convert(const std::string& data, double limit = 234) {
  std::string error;
  auto c = ConvertToCmykJpeg(data, BuiltInOutputProfile(), limit, error);
  INFO(error);
  REQUIRE(c);
  return *c;
}

// The picture's pixels all alike (it is one colour): their average, in percent.
std::array<double, 4> Average(const CmykPicture& c) {
  std::array<double, 4> sum{};
  const auto pixels = Decode(c.jpeg);
  for (const auto& p : pixels)
    for (int i = 0; i < 4; ++i) sum[i] += p[i];
  for (double& s : sum) s = s / pixels.size() / 2.55;
  return sum;
}

double MaxInk(const CmykPicture& c) {
  int most = 0;
  for (const auto& p : Decode(c.jpeg)) most = std::max(most, p[0] + p[1] + p[2] + p[3]);
  return most / 2.55;
}

// An Adobe RGB (1998) compatible profile: its primaries, D65 and gamma 563/256.
std::string AdobeRgbProfile() {
  cmsCIExyY white = {0.3127, 0.3290, 1};
  cmsCIExyYTRIPLE primaries = {{0.64, 0.33, 1}, {0.21, 0.71, 1}, {0.15, 0.06, 1}};
  cmsToneCurve* gamma = cmsBuildGamma(nullptr, 563.0 / 256);
  cmsToneCurve* curves[3] = {gamma, gamma, gamma};
  cmsHPROFILE p = cmsCreateRGBProfile(&white, &primaries, curves);
  cmsMLU* desc = cmsMLUalloc(nullptr, 1);
  cmsMLUsetASCII(desc, "en", "US", "Adobe RGB compatible (test)");
  cmsWriteTag(p, cmsSigProfileDescriptionTag, desc);
  cmsMLUfree(desc);
  cmsUInt32Number size = 0;
  cmsSaveProfileToMem(p, nullptr, &size);
  std::string bytes(size, '\0');
  cmsSaveProfileToMem(p, bytes.data(), &size);
  cmsCloseProfile(p);
  cmsFreeToneCurve(gamma);
  return bytes;
}

// Relative luminance of K alone at `k` (0 … 255) on the built-in condition.
double KOnlyLuminance(int k) {
  const std::string& icc = BuiltInOutputProfile();
  cmsHPROFILE out = cmsOpenProfileFromMem(icc.data(), static_cast<cmsUInt32Number>(icc.size()));
  cmsHPROFILE xyz = cmsCreateXYZProfile();
  cmsHTRANSFORM t =
      cmsCreateTransform(out, TYPE_CMYK_DBL, xyz, TYPE_XYZ_DBL, INTENT_RELATIVE_COLORIMETRIC, 0);
  const double cmyk[4] = {0, 0, 0, k / 2.55};
  cmsCIEXYZ result;
  cmsDoTransform(t, cmyk, &result, 1);
  cmsDeleteTransform(t);
  cmsCloseProfile(xyz);
  cmsCloseProfile(out);
  return result.Y;
}

}  // namespace

TEST_CASE("output profile: the built-in newsprint condition puts greys on K, within 220 %") {
  const std::string& icc = BuiltInOutputProfile();
  CHECK(icc.size() == 84184);
  cmsHPROFILE out = cmsOpenProfileFromMem(icc.data(), static_cast<cmsUInt32Number>(icc.size()));
  REQUIRE(out);
  CHECK(cmsGetColorSpace(out) == cmsSigCmykData);
  cmsHPROFILE lab = cmsCreateLab4Profile(nullptr);
  cmsHTRANSFORM t =
      cmsCreateTransform(lab, TYPE_Lab_DBL, out, TYPE_CMYK_DBL, INTENT_RELATIVE_COLORIMETRIC, 0);
  REQUIRE(t);
  // Neutral greys (a* = b* = 0), as transicc -t1 gave them from the committed profile.
  struct Row {
    double l;
    std::array<double, 4> cmyk;
  };
  const Row rows[] = {{0, {58.0, 45.1, 16.2, 100}},
                      {30, {54.6, 36.8, 28.5, 100}},
                      {50, {15.8, 2.4, 0.0, 90.8}},
                      {70, {5.3, 1.0, 0.0, 43.5}},
                      {90, {1.3, 0.4, 0.2, 12.1}}};
  for (const Row& row : rows) {
    CAPTURE(row.l);
    const cmsCIELab in = {row.l, 0, 0};
    double got[4];
    cmsDoTransform(t, &in, got, 1);
    for (int i = 0; i < 4; ++i) CHECK(std::abs(got[i] - row.cmyk[i]) < 0.3);
    const double total = got[0] + got[1] + got[2] + got[3];
    CHECK(total <= 220.5);  // the profile's ink limit (colprof -l 220)
    // Mid and light greys mostly K: heavy GCR.
    if (row.l >= 50) CHECK(got[3] / total >= 0.75);
  }
  cmsDeleteTransform(t);
  cmsCloseProfile(lab);
  cmsCloseProfile(out);
  CHECK(ProfileDescription(icc).find("CGATS TR 002") != std::string::npos);
}

TEST_CASE("press pictures: CMYK over the ink limit comes out at or under it") {
  struct Row {
    std::vector<unsigned char> ink;  // C, M, Y, K, 0 … 255
    double limit;
    std::array<double, 4> want;  // percent: CMY scaled down to the limit, K kept
  };
  // 100/100/100/100 at 234 %: K 100, CMY (234 − 100) / 3 = 44.67 each; 100/90/80/70 at 234 %:
  // CMY × 164 / 270; 50/40/30/0 (120 %) unchanged; 400 % at 220: CMY 40 each.
  const Row rows[] = {
      {{255, 255, 255, 255}, 234, {44.67, 44.67, 44.67, 100}},
      {{255, 230, 204, 179}, 234, {60.74, 54.70, 48.59, 70.2}},
      {{128, 102, 77, 0}, 234, {50.2, 40.0, 30.2, 0}},
      {{255, 255, 255, 255}, 220, {40, 40, 40, 100}},
  };
  for (const Row& row : rows)
    for (bool adobe : {false, true}) {
      CAPTURE(row.limit);
      CAPTURE(adobe);
      const CmykPicture c = Convert(Jpeg(row.ink, adobe), row.limit);
      CHECK(c.colour_space == "CMYK");
      CHECK(c.profile == "untagged");
      const auto got = Average(c);
      for (int i = 0; i < 4; ++i) CHECK(std::abs(got[i] - row.want[i]) < 1.5);
      CHECK(c.max_total_ink <= row.limit + 0.5);
      CHECK(MaxInk(c) <= row.limit + 2);  // as decoded: JPEG's error
    }
}

TEST_CASE("press pictures: grey JPEG and PNG of every depth go to the K plate alone") {
  // Each grey level's K has, printed alone, the level's luminance scaled between K 100 %
  // (black) and paper (white): black-point compensation on the sRGB tone curve.
  const double solid = KOnlyLuminance(255), paper = KOnlyLuminance(0);
  auto want_luminance = [&](int level) {
    const double v = level / 255.0;
    const double y = v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    return solid + y * (paper - solid);
  };
  struct Row {
    const char* what;
    std::string data;
    int level;  // the grey level, 8 bits
  };
  const Row rows[] = {
      {"JPEG black", Jpeg({0}), 0},
      {"JPEG 64", Jpeg({64}), 64},
      {"JPEG 128", Jpeg({128}), 128},
      {"JPEG 200", Jpeg({200}), 200},
      {"JPEG white", Jpeg({255}), 255},
      {"PNG 8-bit 100", Png(PNG_COLOR_TYPE_GRAY, 8, {100}), 100},
      {"PNG 16-bit 0x8080", Png(PNG_COLOR_TYPE_GRAY, 16, {0x8080}), 128},
      {"PNG 16-bit 0x4000", Png(PNG_COLOR_TYPE_GRAY, 16, {0x4000}), 64},
      {"PNG 16-bit black", Png(PNG_COLOR_TYPE_GRAY, 16, {0}), 0},
      {"PNG 4-bit 8", Png(PNG_COLOR_TYPE_GRAY, 4, {8}), 136},  // 8 × 17
      {"PNG grey+alpha opaque", Png(PNG_COLOR_TYPE_GRAY_ALPHA, 8, {64, 255}), 64},
      // Half-transparent black over white paper: (0 × 128 + 255 × 127) / 255 = 127.
      {"PNG grey+alpha half", Png(PNG_COLOR_TYPE_GRAY_ALPHA, 8, {0, 128}), 127},
      {"PNG 16-bit grey+alpha", Png(PNG_COLOR_TYPE_GRAY_ALPHA, 16, {0xC8C8, 0xFFFF}), 200},
  };
  std::string error;
  const auto table = GreyToK(BuiltInOutputProfile(), "", error);
  REQUIRE(table);
  CHECK((*table)[0] == 255);
  CHECK((*table)[255] == 0);
  for (int g = 1; g < 256; ++g) CHECK((*table)[g] <= (*table)[g - 1]);
  for (const Row& row : rows) {
    const std::string what = row.what;
    CAPTURE(what);
    const CmykPicture c = Convert(row.data);
    CHECK(c.colour_space == "Grey");
    CHECK(c.profile == "untagged");
    const int k = (*table)[row.level];
    // K's print matches the grey's luminance within one step of K.
    const double y = want_luminance(row.level);
    CHECK(KOnlyLuminance(std::max(0, k - 1)) >= y - 1e-6);
    CHECK(KOnlyLuminance(std::min(255, k + 1)) <= y + 1e-6);
    int wrong = 0, k_min = 255, k_max = 0;
    for (const auto& p : Decode(c.jpeg)) {
      if (p[0] != 0 || p[1] != 0 || p[2] != 0 || std::abs(p[3] - k) > 2) ++wrong;
      k_min = std::min(k_min, p[3]), k_max = std::max(k_max, p[3]);
    }
    CAPTURE(k);
    CAPTURE(k_min);
    CAPTURE(k_max);
    CHECK(wrong == 0);
  }
}

TEST_CASE("press pictures: an embedded RGB profile is honoured, untagged RGB is sRGB") {
  const std::string adobe = AdobeRgbProfile();
  struct Row {
    std::vector<unsigned char> rgb;
    double min_difference;  // percent of ink, summed over C, M, Y, K, tagged vs untagged
  };
  // Saturated green is far greener in Adobe RGB; a mid grey differs little (both gamma
  // ≈ 2.2 greys), a saturated red a little.
  const Row rows[] = {{{0, 255, 0}, 15}, {{0, 160, 60}, 8}, {{128, 128, 128}, 0}};
  for (const Row& row : rows) {
    CAPTURE(int(row.rgb[1]));
    const CmykPicture tagged = Convert(Jpeg(row.rgb, false, adobe));
    const CmykPicture untagged = Convert(Jpeg(row.rgb));
    const CmykPicture png_tagged =
        Convert(Png(PNG_COLOR_TYPE_RGB, 8, {row.rgb[0], row.rgb[1], row.rgb[2]}, adobe));
    CHECK(tagged.colour_space == "RGB");
    CHECK(tagged.profile == "Adobe RGB compatible (test)");
    CHECK(png_tagged.profile == "Adobe RGB compatible (test)");
    CHECK(untagged.profile == "untagged");
    const auto a = Average(tagged), b = Average(untagged), p = Average(png_tagged);
    double difference = 0;
    for (int i = 0; i < 4; ++i) {
      difference += std::abs(a[i] - b[i]);
      CHECK(std::abs(a[i] - p[i]) < 1.5);  // JPEG and PNG agree
    }
    CHECK(difference >= row.min_difference);
    if (row.min_difference == 0) CHECK(difference < 4);
  }
  // Adobe RGB's green takes more cyan and less yellow than sRGB's on newsprint.
  const auto adobe_green = Average(Convert(Jpeg({0, 255, 0}, false, adobe)));
  const auto srgb_green = Average(Convert(Jpeg({0, 255, 0})));
  CHECK(adobe_green[0] > srgb_green[0] + 5);
}

TEST_CASE("press pictures: CMYK tagged with another condition's profile is converted") {
  const std::string swop =
      ReadFileBytes("/usr/share/color/icc/ghostscript/default_cmyk.icc").value_or("");
  REQUIRE(swop.size() > 65519);  // split over several APP2 markers
  struct Row {
    std::vector<unsigned char> ink;
    bool k_only;  // stays on K alone
  };
  const Row rows[] = {{{0, 0, 0, 128}, true},
                      {{0, 0, 0, 255}, true},
                      {{255, 0, 0, 0}, false},
                      {{255, 255, 255, 255}, false},
                      {{128, 100, 20, 30}, false}};
  for (const Row& row : rows)
    for (bool adobe : {false, true}) {
      CAPTURE(int(row.ink[0]));
      CAPTURE(adobe);
      const CmykPicture tagged = Convert(Jpeg(row.ink, adobe, swop));
      const CmykPicture untagged = Convert(Jpeg(row.ink, adobe));
      CHECK(tagged.colour_space == "CMYK");
      CHECK(tagged.profile == ProfileDescription(swop));
      CHECK(tagged.profile != "");
      CHECK(MaxInk(tagged) <= 236);
      const auto a = Average(tagged), b = Average(untagged);
      if (row.k_only) {
        CHECK(a[0] < 0.5);
        CHECK(a[1] < 0.5);
        CHECK(a[2] < 0.5);
      } else {
        double difference = 0;
        for (int i = 0; i < 4; ++i) difference += std::abs(a[i] - b[i]);
        CHECK(difference > 5);  // not passed through
      }
    }
  // Tagged with the output condition's own profile (84 KB: two APP2 markers): as is.
  const CmykPicture same = Convert(Jpeg({128, 100, 20, 30}, false, BuiltInOutputProfile()));
  CHECK(same.profile == ProfileDescription(BuiltInOutputProfile()));
  const auto s = Average(same);
  const std::array<double, 4> in = {50.2, 39.2, 7.8, 11.8};
  for (int i = 0; i < 4; ++i) CHECK(std::abs(s[i] - in[i]) < 1.5);
}
