// Loading supplied art: an ad or a logo named by an input file, as a SuppliedArt value.
//
// The path must lie inside its folder (the for an issue's ads, the paper's for a
// template's logos and standing ads; load/contained_path.h), and is read once. A PDF is
// read and inspected (load/pdf_art_reader.h) at the page asked for; a JPEG or PNG is checked
// like an article's picture (load/picture_info.h); an SVG, where `svg_w` and `svg_h` give the
// box it is drawn for, is rasterised to a PNG (load/svg_raster.h). Every problem is an error
// at `pos`, the line that names the file: outside its folder (`outside_code`), missing
// (missing-file), not a file banmian places or damaged (bad-art), a page it does not have
// (bad-page).
#pragma once

#include <memory>
#include <string>

#include "model/diagnostic.h"
#include "model/layout.h"

namespace banmian {

struct ArtRequest {
  std::string folder;           // the folder the path is relative to and must stay in
  std::string folder_name;      // "the issue folder", "the paper's folder"
  std::string outside_code;     // "outside-issue", "outside-paper"
  std::string what;             // "ad", "image" (for messages)
  int page = 1;                 // a PDF's page, from 1
  double svg_w = 0, svg_h = 0;  // pt: the box an SVG is drawn for (0: SVG not taken)
};

std::shared_ptr<const SuppliedArt> LoadSuppliedArt(const ArtRequest& request,
                                                   const std::string& rel, const SourcePos& pos,
                                                   Diagnostics& diags);

}  // namespace banmian
