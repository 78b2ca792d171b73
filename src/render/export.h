// The export stage: a Document → the screen PDF and PNG previews on disk.
//
// Every file is written under a temporary name in its final folder and renamed into
// place only when complete, so a crash or kill never leaves half a PDF. The PDF gets
// the title, its date as creation date (so reruns are byte-identical), page
// labels and an outline entry per page.
#pragma once

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

// Writes `data` to `path` through a temporary file and a rename.
bool WriteFileAtomically(const std::string& path, const std::string& data, std::string& error);

}  // namespace banmian
