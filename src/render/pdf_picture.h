// Pictures for PDF: a JPEG or PNG file's bytes turned into what an image XObject holds.
//
// A JPEG goes in untouched (DCTDecode), its colour space read from its header; a CMYK
// JPEG with Adobe's marker is stored inverted, so it gets a /Decode that flips it back.
// A PNG is decoded (libpng: 8 bits, palette and grey expanded as needed) and its pixels
// stored deflated, an alpha channel as a separate soft mask.
#pragma once

#include <optional>
#include <string>

namespace banmian {

struct PdfPicture {
  int width = 0, height = 0;
  std::string colour_space;  // "/DeviceRGB", "/DeviceGray" or "/DeviceCMYK"
  std::string filter;        // "/DCTDecode" or "/FlateDecode"
  std::string data;          // the stream's bytes, already encoded by `filter`
  bool inverted_cmyk = false;
  std::string alpha;  // deflated 8-bit alpha (FlateDecode), empty when opaque
};

// Nothing for bytes that are neither a JPEG nor a PNG, or are damaged; `error` says why.
std::optional<PdfPicture> EncodePdfPicture(const std::string& bytes, std::string& error);

}  // namespace banmian
