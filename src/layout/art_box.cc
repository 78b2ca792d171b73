#include "layout/art_box.h"

#include <algorithm>

namespace banmian {

PlacedArt PlaceArt(const SuppliedArt& art, double x, double y, double w, double h, ArtFit fit,
                   const std::string& role) {
  PlacedArt out;
  AdRecord& r = out.record;
  r.path = art.path;
  r.pdf = art.pdf;
  r.box_width = w, r.box_height = h;
  double nw = 0, nh = 0;
  if (art.pdf) {
    nw = art.pdf->box.width(), nh = art.pdf->box.height();
  } else {
    nw = std::max(1, art.pixel_width), nh = std::max(1, art.pixel_height);
    fit = ArtFit::kContain;
  }
  r.natural_width = nw, r.natural_height = nh;
  double pw = nw, ph = nh;
  if (fit == ArtFit::kContain) {
    r.scale = std::min(w / nw, h / nh);
    pw = nw * r.scale, ph = nh * r.scale;
    r.scaled = art.pdf != nullptr;
  }
  const double px = x + (w - pw) / 2, py = y + (h - ph) / 2;
  r.x = std::max(px, x), r.y = std::max(py, y);
  r.width = std::min(px + pw, x + w) - r.x, r.height = std::min(py + ph, y + h) - r.y;
  if (art.pdf) {
    FormItem f;
    f.art = art.pdf;
    f.x = px, f.y = py, f.width = pw, f.height = ph;
    f.clip_x = x, f.clip_y = y, f.clip_width = w, f.clip_height = h;
    f.role = role;
    out.item = f;
  } else {
    ImageItem image;
    image.path = art.source_format == "SVG" ? art.file + "#" + std::to_string(art.pixel_width) +
                                                  "x" + std::to_string(art.pixel_height)
                                            : art.file;
    image.bytes = art.raster;
    image.x = px, image.y = py, image.width = pw, image.height = ph;
    image.pixel_width = art.pixel_width, image.pixel_height = art.pixel_height;
    image.transparency = art.transparency;
    image.role = role;
    out.item = image;
  }
  return out;
}

}  // namespace banmian
