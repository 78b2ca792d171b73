#include "load/supplied_art.h"

#include <sys/stat.h>

#include "base/read_file.h"
#include "load/contained_path.h"
#include "load/pdf_art_reader.h"
#include "load/picture_info.h"
#include "load/svg_raster.h"
#include "load/text_file.h"
#include "load/yaml_reader.h"
#include "model/input_limits.h"

namespace banmian {

namespace {

bool LooksLikeSvg(const std::string& rel, const std::string& bytes) {
  const std::string head = bytes.substr(0, 1024);
  return rel.ends_with(".svg") || rel.ends_with(".SVG") || head.find("<svg") != std::string::npos;
}

}  // namespace

std::shared_ptr<const SuppliedArt> LoadSuppliedArt(const ArtRequest& r, const std::string& rel,
                                                   const SourcePos& pos, Diagnostics& diags) {
  const std::string named = r.what + " '" + rel + "'";
  if (rel.find_first_not_of(" \t") == std::string::npos) {
    diags.Error("missing-file", pos, "the " + r.what + "'s path is empty",
                "name the " + r.what + "'s file relative to " + r.folder_name);
    return nullptr;
  }
  const ContainedPath inside = ResolveInside(r.folder, rel, r.folder_name);
  if (!inside.error.empty() && !inside.missing) {
    diags.Error(r.outside_code, pos, named + " " + inside.error,
                "copy the file into " + r.folder_name + " and name it relative to it");
    return nullptr;
  }
  const std::string path = JoinPath(r.folder, rel);
  struct stat st;
  if (!inside.missing && ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
    diags.Error("missing-file", pos, named + " is a folder, not a file",
                "name the " + r.what + "'s file itself, relative to " + r.folder_name);
    return nullptr;
  }
  if (inside.missing || !FileExists(path) || ::stat(path.c_str(), &st) != 0 ||
      !S_ISREG(st.st_mode)) {
    diags.Error("missing-file", pos, named + " does not exist",
                "files are found relative to " + r.folder_name + " " + r.folder);
    return nullptr;
  }
  if (static_cast<uint64_t>(st.st_size) > kMaxPictureFileBytes) {
    diags.Error("bad-art", pos,
                named + " is " + std::to_string(st.st_size >> 20) + " MB: a supplied file may be " +
                    std::to_string(kMaxPictureFileBytes >> 20) + " MB at most");
    return nullptr;
  }
  std::optional<std::string> read = ReadFileBytes(path);
  if (!read) {
    diags.Error("missing-file", pos, named + " cannot be read");
    return nullptr;
  }
  auto bytes = std::make_shared<const std::string>(std::move(*read));
  auto art = std::make_shared<SuppliedArt>();
  art->path = rel;
  art->file = path;
  std::string error;
  if (LooksLikePdf(*bytes)) {
    std::optional<PdfArt> pdf = ReadPdfArt(rel, bytes, r.page, error);
    if (!pdf) {
      const bool page = error.find(", not a page ") != std::string::npos;
      diags.Error(page ? "bad-page" : "bad-art", pos, named + " " + error,
                  page ? "pages are counted from 1" : "");
      return nullptr;
    }
    if (pdf->rotate != 0) {
      diags.Error("bad-art", pos,
                  named + " page " + std::to_string(r.page) + " is rotated (/Rotate " +
                      std::to_string(pdf->rotate) + "), which banmian does not place",
                  "have the " + r.what + " made upright, at the size it is printed");
      return nullptr;
    }
    pdf->file = path;
    art->pdf = std::make_shared<const PdfArt>(std::move(*pdf));
    art->source_format = "PDF";
    return art;
  }
  if (r.page != 1) {
    diags.Error("bad-page", pos, named + " is not a PDF: it has no page " + std::to_string(r.page),
                "'page' goes with a PDF");
    return nullptr;
  }
  const unsigned char* b = reinterpret_cast<const unsigned char*>(bytes->data());
  const bool raster = bytes->size() >= 8 && ((b[0] == 0xFF && b[1] == 0xD8) || b[0] == 0x89);
  if (!raster && LooksLikeSvg(rel, *bytes)) {
    if (!(r.svg_w > 0)) {
      diags.Error("bad-art", pos, named + " is an SVG, which an ad cannot be",
                  "send the ad as a PDF (PDF/X-1a), a JPEG or a PNG");
      return nullptr;
    }
    std::optional<SvgRaster> svg = RasteriseSvg(*bytes, r.svg_w, r.svg_h, error);
    if (!svg) {
      diags.Error("bad-art", pos, named + " " + error);
      return nullptr;
    }
    art->raster = std::make_shared<const std::string>(std::move(svg->png));
    art->pixel_width = svg->width, art->pixel_height = svg->height;
    art->transparency = svg->transparency;
    art->source_format = "SVG";
    art->colour_space = "RGB";  // librsvg draws RGB with alpha
    return art;
  }
  if (!raster) {
    diags.Error("bad-art", pos,
                named + (r.svg_w > 0 ? " is not a PDF, a JPEG, a PNG or an SVG file"
                                     : " is not a PDF, a JPEG or a PNG file"),
                r.svg_w > 0 ? "an image is a PDF, a JPEG, a PNG or an SVG"
                            : "an ad is a PDF (PDF/X-1a), a JPEG or a PNG");
    return nullptr;
  }
  std::shared_ptr<const std::string> kept;
  std::optional<PictureInfo> info = ReadPictureInfo(path, error, &kept);
  if (!info) {
    diags.Error("bad-art", pos, named + " " + error,
                r.svg_w > 0 ? "an image is a PDF, a JPEG, a PNG or an SVG"
                            : "an ad is a PDF (PDF/X-1a), a JPEG or a PNG");
    return nullptr;
  }
  art->raster = kept;
  art->pixel_width = info->width, art->pixel_height = info->height;
  art->transparency = info->transparency;
  art->source_format = info->format == PictureFormat::kJpeg ? "JPEG" : "PNG";
  art->colour_space = info->components == 4 ? "CMYK" : info->components == 1 ? "Grey" : "RGB";
  return art;
}

}  // namespace banmian
