#include "render/cmyk_picture.h"

#include <jpeglib.h>
#include <lcms2.h>
#include <png.h>

#include <algorithm>
#include <cmath>
#include <csetjmp>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

#include "base/jpeg_error.h"
#include "base/png_error.h"

namespace banmian {

namespace {

enum class Model { kGrey, kRgb, kCmyk };

// A decoded picture: 8 bits a channel, 1 (grey), 3 (RGB) or 4 (CMYK, 255 = full ink)
// channels a pixel, with the ICC profile it carries ("" for none).
struct Decoded {
  Model model = Model::kRgb;
  int width = 0, height = 0;
  std::vector<unsigned char> pixels;
  std::string icc;
  bool srgb_chunk = false;  // a PNG sRGB or gAMA chunk: sRGB, said so
  int Channels() const { return model == Model::kGrey ? 1 : model == Model::kRgb ? 3 : 4; }
};

std::optional<Decoded> DecodeJpeg(const std::string& data, std::string& error) {
  jpeg_decompress_struct cinfo;
  JpegErrorJump err;
  cinfo.err = err.Install();
  Decoded img;
  if (setjmp(err.jump)) {
    jpeg_destroy_decompress(&cinfo);
    error = std::string("cannot be decoded: ") + err.message;
    return std::nullopt;
  }
  jpeg_create_decompress(&cinfo);
  jpeg_mem_src(&cinfo, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  // The ICC profile may be split over several APP2 markers: libjpeg joins them.
  jpeg_save_markers(&cinfo, JPEG_APP0 + 2, 0xFFFF);
  jpeg_read_header(&cinfo, TRUE);
  JOCTET* icc = nullptr;
  unsigned int icc_size = 0;
  if (jpeg_read_icc_profile(&cinfo, &icc, &icc_size) && icc) {
    img.icc.assign(reinterpret_cast<const char*>(icc), icc_size);
    std::free(icc);
  }
  bool inverted = false;
  switch (cinfo.num_components) {
    case 1:
      img.model = Model::kGrey, cinfo.out_color_space = JCS_GRAYSCALE;
      break;
    case 4:
      // Adobe's CMYK (and YCCK) JPEGs store 255 for no ink.
      img.model = Model::kCmyk, cinfo.out_color_space = JCS_CMYK;
      inverted = cinfo.saw_Adobe_marker;
      break;
    default:
      img.model = Model::kRgb, cinfo.out_color_space = JCS_RGB;
  }
  jpeg_start_decompress(&cinfo);
  img.width = static_cast<int>(cinfo.output_width),
  img.height = static_cast<int>(cinfo.output_height);
  const size_t stride = static_cast<size_t>(img.width) * img.Channels();
  img.pixels.resize(stride * img.height);
  while (cinfo.output_scanline < cinfo.output_height) {
    unsigned char* row = img.pixels.data() + static_cast<size_t>(cinfo.output_scanline) * stride;
    jpeg_read_scanlines(&cinfo, &row, 1);
  }
  jpeg_finish_decompress(&cinfo);
  jpeg_destroy_decompress(&cinfo);
  if (inverted)
    for (unsigned char& v : img.pixels) v = static_cast<unsigned char>(255 - v);
  return img;
}

struct PngSource {
  const std::string* bytes;
  size_t offset = 0;
};

void ReadPngBytes(png_structp png, png_bytep out, png_size_t length) {
  auto* source = static_cast<PngSource*>(png_get_io_ptr(png));
  if (source->bytes->size() - source->offset < length) png_error(png, "the file is truncated");
  std::memcpy(out, source->bytes->data() + source->offset, length);
  source->offset += length;
}

// Every PNG colour type and bit depth: palette to RGB, 1-4 bit grey to 8, 16 bits scaled
// to 8, transparency composed over white.
std::optional<Decoded> DecodePng(const std::string& data, std::string& error) {
  std::string message;
  png_structp png =
      png_create_read_struct(PNG_LIBPNG_VER_STRING, &message, PngErrorJump, PngIgnoreWarning);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  if (!png || !info) {
    png_destroy_read_struct(&png, nullptr, nullptr);
    error = "cannot be decoded: out of memory";
    return std::nullopt;
  }
  Decoded img;
  std::vector<unsigned char> buffer;
  std::vector<png_bytep> rows;
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_read_struct(&png, &info, nullptr);
    error = "cannot be decoded: " + message;
    return std::nullopt;
  }
  PngSource source{&data};
  png_set_read_fn(png, &source, ReadPngBytes);
  png_read_info(png, info);
  const int type = png_get_color_type(png, info);
  png_charp name = nullptr;
  int compression = 0;
  png_bytep profile = nullptr;
  png_uint_32 profile_size = 0;
  if (png_get_valid(png, info, PNG_INFO_iCCP) &&
      png_get_iCCP(png, info, &name, &compression, &profile, &profile_size) && profile)
    img.icc.assign(reinterpret_cast<const char*>(profile), profile_size);
  img.srgb_chunk =
      png_get_valid(png, info, PNG_INFO_sRGB) || png_get_valid(png, info, PNG_INFO_gAMA);
  img.model = (type & PNG_COLOR_MASK_COLOR) ? Model::kRgb : Model::kGrey;
  if (type == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(png);
  if (type == PNG_COLOR_TYPE_GRAY && png_get_bit_depth(png, info) < 8)
    png_set_expand_gray_1_2_4_to_8(png);
  if (png_get_valid(png, info, PNG_INFO_tRNS)) png_set_tRNS_to_alpha(png);
  if (png_get_bit_depth(png, info) == 16) png_set_scale_16(png);
  png_set_interlace_handling(png);
  png_read_update_info(png, info);
  img.width = static_cast<int>(png_get_image_width(png, info));
  img.height = static_cast<int>(png_get_image_height(png, info));
  const int channels = png_get_channels(png, info);
  const size_t row_bytes = png_get_rowbytes(png, info);
  buffer.resize(row_bytes * img.height);
  rows.resize(img.height);
  for (int y = 0; y < img.height; ++y) rows[y] = buffer.data() + y * row_bytes;
  png_read_image(png, rows.data());
  png_read_end(png, nullptr);
  png_destroy_read_struct(&png, &info, nullptr);
  // Alpha (the last channel when there is one more than the colour needs) over white.
  const int colour = img.Channels();
  const bool alpha = channels == colour + 1;
  img.pixels.resize(static_cast<size_t>(img.width) * img.height * colour);
  const size_t n = static_cast<size_t>(img.width) * img.height;
  for (size_t i = 0; i < n; ++i) {
    const unsigned char* p = buffer.data() + i * channels;
    const int a = alpha ? p[colour] : 255;
    for (int c = 0; c < colour; ++c)
      img.pixels[i * colour + c] =
          static_cast<unsigned char>((p[c] * a + 255 * (255 - a) + 127) / 255);
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

// An embedded profile lcms2 can use for a picture of this colour model, or null.
cmsHPROFILE OpenEmbedded(const std::string& icc, cmsColorSpaceSignature space) {
  if (icc.empty()) return nullptr;
  cmsHPROFILE p = cmsOpenProfileFromMem(icc.data(), static_cast<cmsUInt32Number>(icc.size()));
  if (p && cmsGetColorSpace(p) != space) {
    cmsCloseProfile(p);
    return nullptr;
  }
  return p;
}

// The relative luminance Y (0 … 1) of an sRGB-encoded grey level.
double SrgbLuminance(int level) {
  const double v = level / 255.0;
  return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

double LuminanceOfLightness(double l) {
  const double f = (l + 16) / 116;
  return f > 6.0 / 29 ? f * f * f : (l / 903.3);
}

}  // namespace

std::string ProfileDescription(const std::string& icc) {
  cmsHPROFILE p = cmsOpenProfileFromMem(icc.data(), static_cast<cmsUInt32Number>(icc.size()));
  if (!p) return "";
  char text[256] = {};
  cmsGetProfileInfoASCII(p, cmsInfoDescription, "en", "US", text, sizeof text);
  cmsCloseProfile(p);
  return text;
}

std::optional<std::array<unsigned char, 256>> GreyToK(const std::string& output_icc,
                                                      const std::string& grey_icc,
                                                      std::string& error) {
  cmsHPROFILE output =
      cmsOpenProfileFromMem(output_icc.data(), static_cast<cmsUInt32Number>(output_icc.size()));
  if (!output || cmsGetColorSpace(output) != cmsSigCmykData) {
    if (output) cmsCloseProfile(output);
    error = "cannot be converted: the output profile is not a CMYK ICC profile";
    return std::nullopt;
  }
  cmsHPROFILE lab = cmsCreateLab4Profile(nullptr);
  cmsHTRANSFORM to_lab = cmsCreateTransform(output, TYPE_CMYK_DBL, lab, TYPE_Lab_DBL,
                                            INTENT_RELATIVE_COLORIMETRIC, cmsFLAGS_NOCACHE);
  cmsCloseProfile(output);
  if (!to_lab) {
    cmsCloseProfile(lab);
    error = "cannot be converted: the output profile gives no colour for its CMYK";
    return std::nullopt;
  }
  // The luminance of each K-only print, relative to the paper, darkening with K.
  std::array<double, 256> ink_y;
  for (int k = 0; k < 256; ++k) {
    const double cmyk[4] = {0, 0, 0, k * 100.0 / 255};
    cmsCIELab out;
    cmsDoTransform(to_lab, cmyk, &out, 1);
    ink_y[k] = LuminanceOfLightness(out.L);
    if (k > 0) ink_y[k] = std::min(ink_y[k], ink_y[k - 1]);  // monotone
  }
  cmsDeleteTransform(to_lab);
  // The luminance of each grey level of the picture.
  std::array<double, 256> grey_y;
  cmsHPROFILE grey = OpenEmbedded(grey_icc, cmsSigGrayData);
  cmsHTRANSFORM grey_lab = grey ? cmsCreateTransform(grey, TYPE_GRAY_8, lab, TYPE_Lab_DBL,
                                                     INTENT_RELATIVE_COLORIMETRIC, cmsFLAGS_NOCACHE)
                                : nullptr;
  for (int g = 0; g < 256; ++g) {
    if (grey_lab) {
      const unsigned char level = static_cast<unsigned char>(g);
      cmsCIELab out;
      cmsDoTransform(grey_lab, &level, &out, 1);
      grey_y[g] = LuminanceOfLightness(out.L);
    } else {
      grey_y[g] = SrgbLuminance(g);
    }
  }
  if (grey_lab) cmsDeleteTransform(grey_lab);
  if (grey) cmsCloseProfile(grey);
  cmsCloseProfile(lab);
  // Black-point compensation: the picture's black to K 100 %, its white to paper.
  std::array<unsigned char, 256> table;
  const double y_black = grey_y[0], y_white = std::max(grey_y[255], y_black + 1e-9);
  const double paper = ink_y[0], solid = ink_y[255];
  for (int g = 0; g < 256; ++g) {
    const double t = std::clamp((grey_y[g] - y_black) / (y_white - y_black), 0.0, 1.0);
    const double target = solid + t * (paper - solid);
    int k = 0;
    while (k < 255 && ink_y[k + 1] > target) ++k;
    double ink = k;
    if (k < 255 && ink_y[k] > ink_y[k + 1]) ink += (ink_y[k] - target) / (ink_y[k] - ink_y[k + 1]);
    table[g] = static_cast<unsigned char>(std::clamp(std::lround(ink), 0L, 255L));
  }
  return table;
}

std::optional<CmykPicture> ConvertToCmykJpeg(const std::string& data, const std::string& output_icc,
                                             double ink_limit, std::string& error) {
  if (data.empty()) {
    error = "cannot be read";
    return std::nullopt;
  }
  std::optional<Decoded> img;
  if (data.size() >= 3 && static_cast<unsigned char>(data[0]) == 0xFF &&
      static_cast<unsigned char>(data[1]) == 0xD8)
    img = DecodeJpeg(data, error);
  else
    img = DecodePng(data, error);
  if (!img) return std::nullopt;

  CmykPicture out;
  out.colour_space = img->model == Model::kGrey  ? "Grey"
                     : img->model == Model::kRgb ? "RGB"
                                                 : "CMYK";
  const cmsColorSpaceSignature space = img->model == Model::kGrey  ? cmsSigGrayData
                                       : img->model == Model::kRgb ? cmsSigRgbData
                                                                   : cmsSigCmykData;
  cmsHPROFILE source = OpenEmbedded(img->icc, space);
  if (source) {
    out.profile = ProfileDescription(img->icc);
    if (out.profile.empty()) out.profile = "(no description)";
  } else if (!img->icc.empty()) {
    const std::string d = ProfileDescription(img->icc);
    out.profile = (d.empty() ? "an unreadable profile" : d) + " (not usable for " +
                  out.colour_space + ": ignored)";
  } else {
    out.profile = img->srgb_chunk ? "sRGB (PNG sRGB or gAMA chunk)" : "untagged";
  }
  const size_t n = static_cast<size_t>(img->width) * img->height;
  std::vector<unsigned char> cmyk(n * 4, 0);
  if (img->model == Model::kGrey) {
    if (source) cmsCloseProfile(source);
    auto table = GreyToK(output_icc, source ? img->icc : std::string(), error);
    if (!table) return std::nullopt;
    for (size_t i = 0; i < n; ++i) cmyk[i * 4 + 3] = (*table)[img->pixels[i]];
  } else {
    cmsHPROFILE output =
        cmsOpenProfileFromMem(output_icc.data(), static_cast<cmsUInt32Number>(output_icc.size()));
    if (!output || cmsGetColorSpace(output) != cmsSigCmykData) {
      if (output) cmsCloseProfile(output);
      if (source) cmsCloseProfile(source);
      error = "cannot be converted: the output profile is not a CMYK ICC profile";
      return std::nullopt;
    }
    if (img->model == Model::kCmyk && (!source || img->icc == output_icc)) {
      // Untagged CMYK, or tagged with the output profile: already in the output condition
      // (through the profile and back would separate it anew).
      cmyk = img->pixels;
    } else {
      if (!source) source = cmsCreate_sRGBProfile();
      const bool rgb = img->model == Model::kRgb;
      cmsHTRANSFORM transform = cmsCreateTransform(
          source, rgb ? TYPE_RGB_8 : TYPE_CMYK_8, output, TYPE_CMYK_8,
          rgb ? INTENT_PERCEPTUAL : INTENT_PRESERVE_K_ONLY_PERCEPTUAL, cmsFLAGS_NOCACHE);
      if (!transform) {
        cmsCloseProfile(source);
        cmsCloseProfile(output);
        error = "cannot be converted to the output condition's CMYK";
        return std::nullopt;
      }
      cmsDoTransform(transform, img->pixels.data(), cmyk.data(), static_cast<cmsUInt32Number>(n));
      cmsDeleteTransform(transform);
    }
    if (source) cmsCloseProfile(source);
    cmsCloseProfile(output);
  }

  // Hold every pixel within the ink limit, taking colour out of C, M and Y.
  const double limit = ink_limit / 100.0 * 255.0;
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
