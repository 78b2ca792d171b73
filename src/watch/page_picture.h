// One page's preview painted into memory as a PNG: what watch serves instead of files.
//
// The same pixels as render's preview files (render/export.h WritePngs): the page painted
// by a Painter on white at `dpi`, encoded by render/png_file.h.
#pragma once

#include <string>

#include "model/frame.h"
#include "render/painter.h"

namespace banmian {

struct PagePicture {
  bool ok = false;
  std::string png;            // the PNG file's bytes
  std::string error;          // why not, when !ok
  int width = 0, height = 0;  // pixels
};

// Paints `page` of the document `painter` was made for; `dpi` within render's limits.
PagePicture PaintPagePicture(Painter& painter, const Page& page, double dpi);

}  // namespace banmian
