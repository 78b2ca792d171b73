// Reading a picture's header: its format and pixel size.
//
// The loader checks every picture an article names before anything is composed, so
// a missing or corrupt picture is an input error at the Markdown line that names it.
// JPEG headers are read with libjpeg, PNG headers with libpng, and every pixel is decoded,
// so damage anywhere is found now; a picture larger than the one limit every decoder
// shares (kMaxPictureSide, kMaxPicturePixels) is refused from its header, before a pixel
// is decoded, as is a file over kMaxPictureFileBytes.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace banmian {

enum class PictureFormat { kJpeg, kPng };

struct PictureInfo {
  PictureFormat format = PictureFormat::kJpeg;
  int width = 0, height = 0;
  int components = 3;  // colour channels: 1 grey, 3 RGB (PNG palettes too), 4 CMYK (JPEG)
  bool transparency = false;  // PNG: an alpha channel or a tRNS chunk (some pixels see through)
};

// "" when a picture of this size may be decoded, else the error ("is too large: …"), for
// every decoder to give the same limit and message.
std::string PicturePixelsError(uint64_t width, uint64_t height);

// Returns the info, or an error message in `error`.
// `bytes`, when given, receives the file's bytes as read once and checked: what the PDF,
// previews and press files use (shared by every page that shows the picture; the file is
// never read again).
std::optional<PictureInfo> ReadPictureInfo(const std::string& path, std::string& error,
                                           std::shared_ptr<const std::string>* bytes = nullptr);

}  // namespace banmian
