// The export stage: a Document → the screen PDF and PNG previews on disk.
//
// The files are written as new files (base/new_file.h) into a folder where they do not
// exist yet: a render's staging folder, which pipeline/output_folder.h swaps in as the
// output folder only when the whole set is written. The PDF gets the title, its
// date as creation date (so reruns are byte-identical), page labels and an outline entry
// per page. The previews are Cairo image surfaces, whose size is limited: PreviewTooLarge
// says, before anything is written, when a --dpi makes a page too large for one.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/frame.h"

namespace banmian {

struct ExportResult {
  bool ok = true;
  std::string error;
  std::vector<std::string> files;
};

// Writes the screen PDF, `jobs` threads subsetting fonts and writing pages at once.
ExportResult WritePdf(const Document& doc, const std::string& path, int jobs = 1);
// Writes one PNG per page as <prefix>-p01.png …, at `dpi`, painting `jobs` pages at once.
ExportResult WritePngs(const Document& doc, const std::string& prefix, double dpi, int jobs = 1);

// One page's file, written by whichever thread took the page.
struct PageFile {
  std::string path, error;
  bool ok = false;
};
// The files in page order (not finishing order); the first page's error if any failed.
ExportResult CollectInPageOrder(const std::vector<PageFile>& pages);

// A page's preview size in pixels at `dpi` (what WritePngs paints).
struct PreviewSize {
  long long width = 0, height = 0;
};
PreviewSize PreviewSizeOf(const Page& page, double dpi);

// Cairo's image surfaces hold at most 32767 pixels a side; banmian also keeps one within
// 2 GiB (536 870 911 pixels of 4 bytes), the most Cairo's and pixman's int sizes allow.
inline constexpr long long kMaxPreviewSide = 32767;
inline constexpr long long kMaxPreviewPixels = 536'870'911;

// Why the previews cannot be painted at `dpi` (the first page too large for a surface,
// "at --dpi 1200 page A01 (700 × 500 mm) would be 33071 × 23622 pixels; …"), with in
// `max_dpi` the highest whole dpi at which every page fits (0 when none does); nothing
// when every page fits.
std::optional<std::string> PreviewTooLarge(const Document& doc, double dpi, int& max_dpi);

}  // namespace banmian
