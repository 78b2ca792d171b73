// A page of a supplied PDF (an advertisement, a logo), as the loader read and inspected it.
//
// Ads arrive as finished PDF files (ideally PDF/X-1a) made by the advertiser's studio.
// banmian never re-renders them: the press file carries the chosen page as a form XObject
// whose content stream is the page's own (render/pdf_writer.h), and the previews rasterise
// it with poppler. What the press would refuse in it (RGB, spot colours, transparency,
// fonts not embedded, ink over the limit, another output condition) is found when it is
// loaded (load/pdf_art_reader.h) and kept here as plain values, for preflight to report
// (preflight/ad_checks.h). Boxes are in the PDF's own units (pt), y up, as the file has them.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace banmian {

struct PdfBox {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // pt, PDF user space (y up)
  double width() const { return x1 - x0; }
  double height() const { return y1 - y0; }
};

// What the press checks look at in one page, with its resources walked recursively (forms
// inside forms, patterns, shadings, images, soft masks; not annotations). Each list holds
// short descriptions of what was found, in the order met, each once.
struct PdfArtInspection {
  std::vector<std::string> rgb;               // "rg operator", "DeviceRGB colour space", "Lab …"
  std::vector<std::string> spot;              // spot colourants by name ("PANTONE 185 C")
  std::vector<std::string> transparency;      // "ExtGState /GS1 ca 0.5", "transparency group", …
  std::vector<std::string> unembedded_fonts;  // BaseFont names
  // The highest total ink (C+M+Y+K, percent) of a colour the content sets (k, K, sc/scn in
  // a CMYK, Separation, DeviceN or Indexed space), of a pixel of a CMYK, Indexed, Separation
  // or DeviceN image (1 to 16 bits, inline or not), or of a sample of a shading's function,
  // each counted alone: overprinted or overlapping objects are not added up.
  double max_ink = 0;
  std::string max_ink_where;  // "a fill colour", "image /Im1"
  // What carries ink that could not be measured, with why ("image /Im1 (JPXDecode filter)").
  std::vector<std::string> ink_unmeasured;
  // Why the walk stopped before it had seen everything ("" when it saw it all).
  std::string incomplete;
  bool has_output_intent = false;
  std::string output_condition_identifier;  // the GTS_PDFX OutputIntent's, if any
};

struct PdfArt {
  std::string path;                          // as the input named it
  std::string file;                          // joined to its folder: names it uniquely
  std::shared_ptr<const std::string> bytes;  // the file, as read once
  int page_index = 0;                        // 0-based
  int page_count = 0;
  PdfBox box;            // the page's TrimBox, else its CropBox, else its MediaBox
  std::string box_name;  // "TrimBox", "CropBox" or "MediaBox"
  PdfBox crop;           // CropBox, else MediaBox: what a viewer (poppler) shows
  int rotate = 0;        // the page's /Rotate (0, 90, 180, 270)
  PdfArtInspection inspection;

  // One name per file and page, for the writers' resource names and caches.
  std::string key() const { return file + "#" + std::to_string(page_index); }
};

}  // namespace banmian
