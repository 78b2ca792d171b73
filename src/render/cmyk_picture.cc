#include "render/cmyk_picture.h"

#include <jpeglib.h>
#include <lcms2.h>
#include <png.h>

#include <algorithm>
#include <cmath>
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

#include "base/jpeg_error.h"

namespace banmian {

namespace {

// 8-bit RGB pixels of a picture.
struct RgbImage {
  int width = 0, height = 0;
  std::vector<unsigned char> pixels;  // RGBRGB…
};

std::optional<RgbImage> DecodeJpegRgb(const std::string& data, int& components,
                                      std::string& error) {
  jpeg_decompress_struct cinfo;
  JpegErrorJump err;
  cinfo.err = err.Install();
  RgbImage img;
  if (setjmp(err.jump)) {
    jpeg_destroy_decompress(&cinfo);
    error = std::string("cannot be decoded: ") + err.message;
    return std::nullopt;
  }
  jpeg_create_decompress(&cinfo);
  jpeg_mem_src(&cinfo, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  jpeg_read_header(&cinfo, TRUE);
  components = cinfo.num_components;
  if (components == 4) {
    jpeg_destroy_decompress(&cinfo);
    return img;  // CMYK already: the caller passes it through
  }
  cinfo.out_color_space = JCS_RGB;
  jpeg_start_decompress(&cinfo);
  img.width = cinfo.output_width, img.height = cinfo.output_height;
  img.pixels.resize(static_cast<size_t>(img.width) * img.height * 3);
  while (cinfo.output_scanline < cinfo.output_height) {
    unsigned char* row =
        img.pixels.data() + static_cast<size_t>(cinfo.output_scanline) * img.width * 3;
    jpeg_read_scanlines(&cinfo, &row, 1);
  }
  jpeg_finish_decompress(&cinfo);
  jpeg_destroy_decompress(&cinfo);
  return img;
}

std::optional<RgbImage> DecodePngRgb(const std::string& data, std::string& error) {
  png_image image;
  std::memset(&image, 0, sizeof image);
  image.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_memory(&image, data.data(), data.size())) {
    error = std::string("cannot be decoded: ") + image.message;
    return std::nullopt;
  }
  // Transparent pixels are composed over white paper.
  image.format = PNG_FORMAT_RGB;
  RgbImage img;
  img.width = static_cast<int>(image.width), img.height = static_cast<int>(image.height);
  img.pixels.resize(PNG_IMAGE_SIZE(image));
  png_color white{255, 255, 255};
  if (!png_image_finish_read(&image, &white, img.pixels.data(), 0, nullptr)) {
    error = std::string("cannot be decoded: ") + image.message;
    png_image_free(&image);
    return std::nullopt;
  }
  return img;
}

std::string EncodeCmykJpeg(const std::vector<unsigned char>& cmyk, int width, int height) {
  jpeg_compress_struct cinfo;
  jpeg_error_mgr jerr;
  cinfo.err = jpeg_std_error(&jerr);
  jpeg_create_compress(&cinfo);
  unsigned char* buffer = nullptr;
  unsigned long size = 0;
  jpeg_mem_dest(&cinfo, &buffer, &size);
  cinfo.image_width = width, cinfo.image_height = height;
  cinfo.input_components = 4;
  cinfo.in_color_space = JCS_CMYK;
  jpeg_set_defaults(&cinfo);
  jpeg_set_colorspace(&cinfo, JCS_CMYK);
  // Plain CMYK, 0 = no ink, and no Adobe marker: that is what a PDF reader assumes of
  // a DCT image without a /Decode array (Adobe-marked JPEGs are stored inverted).
  cinfo.write_Adobe_marker = FALSE;
  jpeg_set_quality(&cinfo, 92, TRUE);
  jpeg_start_compress(&cinfo, TRUE);
  std::vector<unsigned char> row(static_cast<size_t>(width) * 4);
  while (cinfo.next_scanline < cinfo.image_height) {
    const unsigned char* src = cmyk.data() + static_cast<size_t>(cinfo.next_scanline) * width * 4;
    std::copy(src, src + row.size(), row.begin());
    unsigned char* rows[] = {row.data()};
    jpeg_write_scanlines(&cinfo, rows, 1);
  }
  jpeg_finish_compress(&cinfo);
  jpeg_destroy_compress(&cinfo);
  std::string out(reinterpret_cast<char*>(buffer), size);
  std::free(buffer);
  return out;
}

}  // namespace

std::optional<CmykPicture> ConvertToCmykJpeg(const std::string& data,
                                             const std::string& profile_path, double ink_limit,
                                             std::string& error) {
  if (data.empty()) {
    error = "cannot be read";
    return std::nullopt;
  }
  std::optional<RgbImage> img;
  if (data.size() >= 3 && static_cast<unsigned char>(data[0]) == 0xFF &&
      static_cast<unsigned char>(data[1]) == 0xD8) {
    int components = 0;
    img = DecodeJpegRgb(data, components, error);
    if (img && components == 4) return CmykPicture{data, 0, true};
  } else {
    img = DecodePngRgb(data, error);
  }
  if (!img) return std::nullopt;

  cmsHPROFILE srgb = cmsCreate_sRGBProfile();
  cmsHPROFILE output = cmsOpenProfileFromFile(profile_path.c_str(), "r");
  if (!output || cmsGetColorSpace(output) != cmsSigCmykData) {
    if (output) cmsCloseProfile(output);
    cmsCloseProfile(srgb);
    error = "cannot be converted: '" + profile_path + "' is not a CMYK ICC profile";
    return std::nullopt;
  }
  cmsHTRANSFORM transform = cmsCreateTransform(srgb, TYPE_RGB_8, output, TYPE_CMYK_8,
                                               INTENT_PERCEPTUAL, cmsFLAGS_NOCACHE);
  cmsCloseProfile(srgb);
  cmsCloseProfile(output);
  if (!transform) {
    error = "cannot be converted to CMYK through '" + profile_path + "'";
    return std::nullopt;
  }
  const size_t n = static_cast<size_t>(img->width) * img->height;
  std::vector<unsigned char> cmyk(n * 4);
  cmsDoTransform(transform, img->pixels.data(), cmyk.data(), static_cast<cmsUInt32Number>(n));
  cmsDeleteTransform(transform);

  // Hold every pixel within the ink limit, taking colour out of C, M and Y.
  const double limit = ink_limit / 100.0 * 255.0;
  CmykPicture out;
  for (size_t i = 0; i < n; ++i) {
    unsigned char* p = &cmyk[i * 4];
    double cmy = p[0] + p[1] + p[2], k = p[3];
    if (cmy + k > limit && cmy > 0) {
      double scale = std::max(0.0, (limit - k) / cmy);
      for (int c = 0; c < 3; ++c) p[c] = static_cast<unsigned char>(std::floor(p[c] * scale));
    }
    out.max_total_ink = std::max(out.max_total_ink, (p[0] + p[1] + p[2] + p[3]) / 255.0 * 100.0);
  }
  out.jpeg = EncodeCmykJpeg(cmyk, img->width, img->height);
  return out;
}

}  // namespace banmian
