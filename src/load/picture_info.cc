#include "load/picture_info.h"

#include <jpeglib.h>
#include <png.h>

#include <sys/stat.h>

#include <csetjmp>
#include <cstdio>
#include <memory>
#include <vector>

#include "base/jpeg_error.h"
#include "base/png_error.h"
#include "base/read_file.h"
#include "load/text_file.h"
#include "model/input_limits.h"

namespace banmian {

namespace {

// libjpeg only warns about damaged data (a truncated file, a bad Huffman code) and
// fills the rest grey; a newspaper page must not print that, so a warning fails too.
void JpegWarning(j_common_ptr cinfo, int level) {
  if (level >= 0) return;  // trace messages
  auto* err = reinterpret_cast<JpegErrorJump*>(cinfo->err);
  (*cinfo->err->format_message)(cinfo, err->message);
  std::longjmp(err->jump, 1);
}

// Decodes the whole picture, so damage anywhere in it is found now, not while painting.
std::optional<PictureInfo> ReadJpeg(FILE* f, std::string& error) {
  jpeg_decompress_struct cinfo;
  JpegErrorJump err;
  cinfo.err = err.Install();
  err.mgr.emit_message = JpegWarning;
  std::vector<unsigned char> row;
  if (setjmp(err.jump)) {
    jpeg_destroy_decompress(&cinfo);
    error = std::string("is a damaged JPEG: ") + err.message;
    return std::nullopt;
  }
  jpeg_create_decompress(&cinfo);
  jpeg_stdio_src(&cinfo, f);
  jpeg_read_header(&cinfo, TRUE);
  // Refused before a pixel is decoded: a small file can declare a huge picture.
  error = PicturePixelsError(cinfo.image_width, cinfo.image_height);
  if (error.empty() && cinfo.num_components != 1 && cinfo.num_components != 3 &&
      cinfo.num_components != 4)
    error = "is a JPEG with " + std::to_string(cinfo.num_components) +
            " colour channels (grey has 1, RGB 3, CMYK 4)";
  if (!error.empty()) {
    jpeg_destroy_decompress(&cinfo);
    return std::nullopt;
  }
  PictureInfo info{PictureFormat::kJpeg, static_cast<int>(cinfo.image_width),
                   static_cast<int>(cinfo.image_height), cinfo.num_components};
  jpeg_start_decompress(&cinfo);
  row.resize(static_cast<size_t>(cinfo.output_width) * cinfo.output_components);
  while (cinfo.output_scanline < cinfo.output_height) {
    unsigned char* rows[] = {row.data()};
    jpeg_read_scanlines(&cinfo, rows, 1);
  }
  jpeg_finish_decompress(&cinfo);
  jpeg_destroy_decompress(&cinfo);
  return info;
}

std::optional<PictureInfo> ReadPng(FILE* f, std::string& error) {
  std::string message;
  png_structp png =
      png_create_read_struct(PNG_LIBPNG_VER_STRING, &message, PngErrorJump, PngIgnoreWarning);
  png_infop info_ptr = png ? png_create_info_struct(png) : nullptr;
  if (!png || !info_ptr) {
    png_destroy_read_struct(&png, nullptr, nullptr);
    error = "out of memory reading PNG";
    return std::nullopt;
  }
  std::vector<unsigned char> row;
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_read_struct(&png, &info_ptr, nullptr);
    error = "is a damaged PNG: " + message;
    return std::nullopt;
  }
  png_init_io(png, f);
  png_read_info(png, info_ptr);
  error =
      PicturePixelsError(png_get_image_width(png, info_ptr), png_get_image_height(png, info_ptr));
  if (!error.empty()) {
    png_destroy_read_struct(&png, &info_ptr, nullptr);
    return std::nullopt;
  }
  // Grey (1, 2, 4, 8 or 16 bits, with or without alpha) has one colour channel; RGB, RGBA
  // and palette pictures three.
  const int colours = (png_get_color_type(png, info_ptr) & PNG_COLOR_MASK_COLOR) ? 3 : 1;
  PictureInfo info{PictureFormat::kPng, static_cast<int>(png_get_image_width(png, info_ptr)),
                   static_cast<int>(png_get_image_height(png, info_ptr)), colours};
  info.transparency = (png_get_color_type(png, info_ptr) & PNG_COLOR_MASK_ALPHA) ||
                      png_get_valid(png, info_ptr, PNG_INFO_tRNS);
  // Read every row, so damage anywhere is found now.
  png_set_interlace_handling(png);
  png_read_update_info(png, info_ptr);
  row.resize(png_get_rowbytes(png, info_ptr));
  for (int pass = png_set_interlace_handling(png); pass > 0; --pass)
    for (png_uint_32 y = 0; y < png_get_image_height(png, info_ptr); ++y)
      png_read_row(png, row.data(), nullptr);
  png_read_end(png, nullptr);
  png_destroy_read_struct(&png, &info_ptr, nullptr);
  return info;
}

}  // namespace

std::string PicturePixelsError(uint64_t width, uint64_t height) {
  if (width <= static_cast<uint64_t>(kMaxPictureSide) &&
      height <= static_cast<uint64_t>(kMaxPictureSide) && width * height <= kMaxPicturePixels)
    return {};
  return "is too large: " + std::to_string(width) + " × " + std::to_string(height) +
         " pixels (a picture may be at most " + std::to_string(kMaxPictureSide) +
         " pixels wide and high, and 100 million pixels in all): scale it down";
}

std::optional<PictureInfo> ReadPictureInfo(const std::string& path, std::string& error,
                                           std::shared_ptr<const std::string>* kept) {
  auto too_large = [&](uint64_t size) {
    error = "is " + MegabytesText(size) + ": a picture file may be " +
            MegabytesText(kMaxPictureFileBytes) + " at most";
    return std::nullopt;
  };
  struct stat st;
  if (::stat(path.c_str(), &st) == 0 && static_cast<uint64_t>(st.st_size) > kMaxPictureFileBytes)
    return too_large(static_cast<uint64_t>(st.st_size));
  // The file is read once: the bytes checked here are the bytes the writers use, even if
  // the file changes while banmian runs.
  std::optional<std::string> bytes = ReadFileBytes(path);
  if (bytes && bytes->size() > kMaxPictureFileBytes) return too_large(bytes->size());
  if (bytes && bytes->empty()) {
    error = "is neither a JPEG nor a PNG picture";
    return std::nullopt;
  }
  std::unique_ptr<FILE, int (*)(FILE*)> f(
      bytes ? ::fmemopen(bytes->data(), bytes->size(), "rb") : nullptr, &std::fclose);
  if (!f) {
    error = "cannot be opened";
    return std::nullopt;
  }
  unsigned char magic[8] = {};
  size_t n = std::fread(magic, 1, sizeof magic, f.get());
  std::rewind(f.get());
  std::optional<PictureInfo> info;
  if (n >= 3 && magic[0] == 0xFF && magic[1] == 0xD8 && magic[2] == 0xFF) {
    info = ReadJpeg(f.get(), error);
  } else if (n == 8 && png_sig_cmp(magic, 0, 8) == 0) {
    info = ReadPng(f.get(), error);
  } else {
    error = "is neither a JPEG nor a PNG picture";
    return std::nullopt;
  }
  if (info && (info->width <= 0 || info->height <= 0)) {
    error = "has no pixels";
    return std::nullopt;
  }
  f.reset();
  if (info && kept) *kept = std::make_shared<const std::string>(std::move(*bytes));
  return info;
}

}  // namespace banmian
