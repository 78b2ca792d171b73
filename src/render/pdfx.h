// PDF/X: turning a page Cairo wrote with colour proxies into a press-ready PDF/X file.
//
// With libqpdf: every proxy colour operator in the content streams is replaced by the
// declared CMYK (so black stays on the K plate alone), Cairo's no-op transparency
// states are dropped, the page gets its MediaBox, BleedBox and TrimBox, the document
// an OutputIntent with the printing condition's ICC profile, the PDF/X version keys,
// Trapped, title and dates taken from the issue (so reruns give the same bytes), and
// a document ID computed from the content. Annotations are removed. Anything left in
// RGB is an error: a press file must not carry it.
#pragma once

#include <string>

#include "render/colour_proxy.h"

namespace banmian {

struct PdfxSettings {
  enum class Standard { kX1a2001, kX4 };
  Standard standard = Standard::kX1a2001;
  std::string title;
  std::string date;              // ISO date of the issue: creation and modification date
  std::string profile_path;      // the output intent's ICC profile (CMYK)
  std::string output_condition;  // e.g. "Newsprint (plant profile)"
  // Page boxes in points, in the PDF's own coordinates (origin bottom-left).
  double media_w = 0, media_h = 0;
  double trim_x = 0, trim_y = 0, trim_w = 0, trim_h = 0;
  double bleed = 0;
};

// Rewrites `cairo_pdf` (one or more pages) into PDF/X bytes; on failure returns false
// and explains in `error`.
bool MakePdfX(const std::string& cairo_pdf, const ColourProxies& proxies,
              const PdfxSettings& settings, std::string& out, std::string& error);

}  // namespace banmian
