#include "load/svg_raster.h"

#include <cairo.h>
#include <librsvg/rsvg.h>

#include <algorithm>
#include <cmath>

#include "model/input_limits.h"

namespace banmian {

namespace {

cairo_status_t AppendPng(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

std::optional<SvgRaster> RasteriseSvg(const std::string& svg, double w, double h,
                                      std::string& error) {
  if (!(w > 0 && h > 0)) {
    error = "has no size to be drawn at";
    return std::nullopt;
  }
  GError* gerror = nullptr;
  RsvgHandle* handle =
      rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), svg.size(), &gerror);
  if (!handle) {
    error = "is not a readable SVG";
    if (gerror) g_error_free(gerror);
    return std::nullopt;
  }
  // The drawing's proportions: its width and height, else its viewBox, else the box's.
  double aspect = w / h;
  double iw = 0, ih = 0;
  gboolean has_w = FALSE, has_h = FALSE, has_viewbox = FALSE;
  RsvgLength lw, lh;
  RsvgRectangle viewbox;
  rsvg_handle_get_intrinsic_dimensions(handle, &has_w, &lw, &has_h, &lh, &has_viewbox, &viewbox);
  if (rsvg_handle_get_intrinsic_size_in_pixels(handle, &iw, &ih) && iw > 0 && ih > 0)
    aspect = iw / ih;
  else if (has_viewbox && viewbox.width > 0 && viewbox.height > 0)
    aspect = viewbox.width / viewbox.height;
  SvgRaster out;
  out.placed_width = std::min(w, h * aspect);
  out.placed_height = out.placed_width / aspect;
  double ppi = kSvgPixelsPerInch;
  const double longest = std::max(out.placed_width, out.placed_height) / 72;
  if (longest * ppi > kMaxPictureSide) ppi = kMaxPictureSide / longest;
  const double square_inches = out.placed_width / 72 * (out.placed_height / 72);
  if (square_inches * ppi * ppi > kMaxSvgPixels) ppi = std::sqrt(kMaxSvgPixels / square_inches);
  out.width = std::max(1, static_cast<int>(std::lround(out.placed_width / 72 * ppi)));
  out.height = std::max(1, static_cast<int>(std::lround(out.placed_height / 72 * ppi)));
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, out.width, out.height);
  cairo_t* cr = cairo_create(surface);
  RsvgRectangle viewport{0, 0, static_cast<double>(out.width), static_cast<double>(out.height)};
  const bool drawn = rsvg_handle_render_document(handle, cr, &viewport, &gerror);
  cairo_destroy(cr);
  g_object_unref(handle);
  if (!drawn) {
    error = std::string("could not be drawn: ") + (gerror ? gerror->message : "librsvg failed");
    if (gerror) g_error_free(gerror);
    cairo_surface_destroy(surface);
    return std::nullopt;
  }
  cairo_surface_flush(surface);
  const unsigned char* data = cairo_image_surface_get_data(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  for (int y = 0; y < out.height && !out.transparency; ++y) {
    const auto* row = reinterpret_cast<const uint32_t*>(data + static_cast<size_t>(y) * stride);
    for (int x = 0; x < out.width; ++x)
      if ((row[x] >> 24) != 0xff) {
        out.transparency = true;
        break;
      }
  }
  const cairo_status_t status = cairo_surface_write_to_png_stream(surface, AppendPng, &out.png);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    error = "could not be drawn: " + std::string(cairo_status_to_string(status));
    return std::nullopt;
  }
  return out;
}

}  // namespace banmian
