// The press export: one PDF/X file per page, named for the plant.
//
// The pictures are converted to CMYK once (ConvertPressPictures); PressProblems then
// checks that the document can go to press at all — every font may be embedded, every
// declared colour used on the page is within the ink limit, every picture converted —
// and nothing is written if not. WritePressPdfs writes each page with the bleed around it (and the
// printer's marks, when the document has a "marks" frame) in the declared CMYK colours, its
// pictures replaced by CMYK JPEGs, as PDF/X (pdf_writer.h, pdfx.h). Files are
// <paper>-<date>-<label>.pdf, written under a temporary name and renamed when complete.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/frame.h"
#include "model/layout.h"
#include "render/export.h"
#include "render/pdfx.h"

namespace banmian {

struct PressOptions {
  PdfxSettings::Standard standard = PdfxSettings::Standard::kX1a2001;
  bool marks = false;          // the pages carry a "marks" frame: grow them to show it
  std::string paper_id, date;  // for the file names
  PressSettings settings;
};

// Something that keeps the document from press.
struct PressProblem {
  std::string message;
  std::string colour;  // the declared colour it is about, if any
};

// The document's pictures in the printing condition's CMYK, converted once for both the
// check and the files (a conversion runs every pixel through the ICC profile).
struct PressPictures {
  std::map<std::string, std::string> jpegs;  // picture path → CMYK JPEG bytes
  std::vector<std::string> errors;           // pictures that would not convert
};
PressPictures ConvertPressPictures(const Document& doc, const PressOptions& options);

// The problems that keep the document from press; empty when none.
std::vector<PressProblem> PressProblems(const Document& doc, const PressOptions& options,
                                        const PressPictures& pictures);

// Pages are written `jobs` at a time; the files do not depend on `jobs`.
ExportResult WritePressPdfs(const Document& doc, const PressOptions& options,
                            const PressPictures& pictures, const std::string& dir, int jobs = 1);

// The file name the plant gets for a page: shequchenbao-2021-05-10-A01.pdf.
std::string PressFileName(const PressOptions& options, const Page& page);

}  // namespace banmian
