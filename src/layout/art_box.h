// Supplied art (an ad, a logo: model/layout.h SuppliedArt) placed in a box on the page.
//
// A PDF page becomes a FormItem, its box (TrimBox, else CropBox, else MediaBox) mapped onto
// the placed rectangle and clipped to the box it is given; a JPEG, PNG or rasterised SVG an
// ImageItem. With ArtFit::kContain the art is scaled, proportions kept, as large as the box
// allows and centred; with kNone a PDF keeps its own size, centred (raster art has no size
// of its own and is always contained).
#pragma once

#include <string>

#include "layout/layout_report.h"
#include "model/frame.h"
#include "model/layout.h"

namespace banmian {

struct PlacedArt {
  Item item;
  AdRecord record;  // page, where and pos are left to the caller
};

// (x, y, w, h): the box, pt, page coordinates.
PlacedArt PlaceArt(const SuppliedArt& art, double x, double y, double w, double h, ArtFit fit,
                   const std::string& role);

}  // namespace banmian
