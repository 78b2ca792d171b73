#include "watch/page_picture.h"

#include <cairo.h>

#include "render/export.h"
#include "render/png_file.h"

namespace banmian {

PagePicture PaintPagePicture(Painter& painter, const Page& page, double dpi) {
  PagePicture out;
  const PreviewSize size = PreviewSizeOf(page, dpi);
  if (size.width < 1 || size.height < 1 || size.width > kMaxPreviewSide ||
      size.height > kMaxPreviewSide || size.width * size.height > kMaxPreviewPixels) {
    out.error = "page " + page.label + " is too large for a preview at this dpi";
    return out;
  }
  out.width = static_cast<int>(size.width), out.height = static_cast<int>(size.height);
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, out.width, out.height);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    out.error = "the preview of page " + page.label +
                " could not be made: " + cairo_status_to_string(cairo_surface_status(surface));
    cairo_surface_destroy(surface);
    return out;
  }
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_scale(cr, dpi / 72.0, dpi / 72.0);
  const size_t errors_before = painter.errors().size();
  painter.PaintPage(cr, page);
  cairo_destroy(cr);
  if (painter.errors().size() > errors_before) {
    out.error = painter.errors()[errors_before];
    cairo_surface_destroy(surface);
    return out;
  }
  cairo_surface_flush(surface);
  out.ok = EncodePng(cairo_image_surface_get_data(surface), out.width, out.height,
                     cairo_image_surface_get_stride(surface), out.png, out.error);
  cairo_surface_destroy(surface);
  return out;
}

}  // namespace banmian
