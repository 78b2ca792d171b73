// The press export: one PDF/X file per page, named for the plant.
//
// The pictures are converted to CMYK once (ConvertPressPictures); PressProblems then
// checks that the document can go to press at all — every font may be embedded, every
// declared colour used on the page is within the ink limit, every picture converted —
// and nothing is written if not. WritePressPdfs writes each page with the bleed around it (and the
// printer's marks, when the document has a "marks" frame) in the declared CMYK colours, its
// pictures replaced by CMYK JPEGs, as PDF/X (pdf_writer.h, pdfx.h), without proof marks
// (clean_page.h), black overprinting (pdf_page_content.h). Files are
// <paper>-<date>-<label>.pdf, the label's number padded so the files sort in page order.
// A page's document id (the /ID's first element, X-4's xmpMM:DocumentID) comes from
// its paper, date and label, so a corrected resend keeps it; its instance id changes
// with the content.
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
// What the conversion found of each picture, for report.json.
struct PressPictureReport {
  std::string colour_space;  // the source's: RGB, Grey or CMYK
  std::string profile;       // its ICC profile's description, or "untagged"
  double max_total_ink = 0;  // the highest C+M+Y+K of the converted picture, percent
};
struct PressPictures {
  std::map<std::string, std::string> jpegs;           // picture path → CMYK JPEG bytes
  std::map<std::string, PressPictureReport> reports;  // picture path → what it was
  std::vector<std::string> errors;                    // pictures that would not convert
};
PressPictures ConvertPressPictures(const Document& doc, const PressOptions& options);

// The problems that keep the document from press; empty when none.
std::vector<PressProblem> PressProblems(const Document& doc, const PressOptions& options,
                                        const PressPictures& pictures);

// Pages are written `jobs` at a time; the files do not depend on `jobs`.
ExportResult WritePressPdfs(const Document& doc, const PressOptions& options,
                            const PressPictures& pictures, const std::string& dir, int jobs = 1);

// The file name the plant gets for a page of `doc`: shequchenbao-2021-05-10-A01.pdf. '/'
// and ' ' in a label become '-'; a label's trailing number is padded with zeros to as
// many digits as the longest number after the same prefix in the issue, so names sort in
// page order: pages 4 and 10 are -04 and -10, A1 and A10 are -A01 and -A10; B3 stays -B3
// when no B label has two digits, and labels that are already as long (A01) or end in
// no number stay as they are.
std::string PressFileName(const PressOptions& options, const Document& doc, const Page& page);

}  // namespace banmian
