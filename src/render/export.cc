#include "render/export.h"

#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <limits>
#include <memory>
#include <new>

#include "base/new_file.h"
#include "base/parallel.h"
#include "render/painter.h"
#include "render/pdf_writer.h"
#include "render/png_file.h"

namespace banmian {

PreviewSize PreviewSizeOf(const Page& page, double dpi) {
  const double scale = dpi / 72.0;
  return {static_cast<long long>(std::ceil(page.width * scale)),
          static_cast<long long>(std::ceil(page.height * scale))};
}

namespace {

bool PreviewFits(const Page& page, double dpi) {
  const PreviewSize size = PreviewSizeOf(page, dpi);
  return size.width <= kMaxPreviewSide && size.height <= kMaxPreviewSide &&
         size.width * size.height <= kMaxPreviewPixels;
}

std::string Millimetres(double points) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.0f", points / 72.0 * 25.4);
  return buffer;
}

}  // namespace

std::optional<std::string> PreviewTooLarge(const Document& doc, double dpi, int& max_dpi) {
  const Page* first_too_large = nullptr;
  max_dpi = std::numeric_limits<int>::max();
  for (const Page& page : doc.pages) {
    if (!first_too_large && !PreviewFits(page, dpi)) first_too_large = &page;
    // The highest whole dpi for this page: from the side and area limits, then down
    // until the rounded-up pixel sizes fit.
    const double longest = std::max(page.width, page.height);
    double best = longest > 0 ? kMaxPreviewSide * 72.0 / longest : 1e9;
    if (page.width > 0 && page.height > 0)
      best = std::min(best, 72.0 * std::sqrt(kMaxPreviewPixels / (page.width * page.height)));
    int whole = static_cast<int>(std::min(best, 1e9));
    while (whole > 0 && !PreviewFits(page, whole)) --whole;
    max_dpi = std::min(max_dpi, whole);
  }
  if (!first_too_large) return std::nullopt;
  const PreviewSize size = PreviewSizeOf(*first_too_large, dpi);
  char dpi_text[32];
  std::snprintf(dpi_text, sizeof dpi_text, "%g", dpi);
  return "at --dpi " + std::string(dpi_text) + " the preview of page " + first_too_large->label +
         " (" + Millimetres(first_too_large->width) + " × " + Millimetres(first_too_large->height) +
         " mm) would be " + std::to_string(size.width) + " × " + std::to_string(size.height) +
         " pixels; a preview can have at most 32767 pixels a side and 536870911 in all";
}

ExportResult WritePdf(const Document& doc, const std::string& path, int jobs) {
  ExportResult r;
  std::vector<const Page*> pages;
  for (const Page& page : doc.pages) pages.push_back(&page);
  PdfSettings settings;
  settings.title = doc.title;
  settings.jobs = jobs;
  std::string bytes;
  if (!WritePdfBytes(doc, pages, settings, bytes, r.error) || !WriteNewFile(path, bytes, r.error)) {
    r.ok = false;
    return r;
  }
  r.files.push_back(path);
  return r;
}

namespace {

// A page's pixels, kept by a thread from page to page: a new surface for every page was
// zeroed by pixman, painted white and handed back to the system, three passes over 7.7 MB
// for an A3 page at 100 dpi before any type was drawn. The pixels are only reallocated when a
// page needs more than the last one had.
class Canvas {
 public:
  // A surface of `width` × `height` white pixels (RGB24), or one whose status says why not.
  cairo_surface_t* White(int width, int height) {
    const int stride = cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, width);
    const size_t size = static_cast<size_t>(stride) * static_cast<size_t>(height);
    if (stride > 0 && size > capacity_) {
      pixels_.reset(new (std::nothrow) unsigned char[size]);
      capacity_ = pixels_ ? size : 0;
    }
    if (stride <= 0 || !pixels_)
      return cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
    // White: every channel 255, as cairo_paint of white leaves an RGB24 surface.
    std::memset(pixels_.get(), 0xFF, size);
    return cairo_image_surface_create_for_data(pixels_.get(), CAIRO_FORMAT_RGB24, width, height,
                                               stride);
  }

 private:
  std::unique_ptr<unsigned char[]> pixels_;
  size_t capacity_ = 0;
};

}  // namespace

ExportResult WritePngs(const Document& doc, const std::string& prefix, double dpi, int jobs) {
  std::vector<PageFile> pages(doc.pages.size());
  // One painter per thread: it caches font faces and decoded pictures; one canvas per thread.
  std::vector<std::unique_ptr<Painter>> painters(std::max(jobs, 1));
  std::vector<Canvas> canvases(std::max(jobs, 1));
  ParallelFor(doc.pages.size(), jobs, [&](size_t index, int worker) {
    if (!painters[worker]) painters[worker] = std::make_unique<Painter>(doc);
    Painter& painter = *painters[worker];
    const Page& page = doc.pages[index];
    PageFile& result = pages[index];
    const double scale = dpi / 72.0;
    const PreviewSize size = PreviewSizeOf(page, dpi);
    if (size.width > kMaxPreviewSide || size.height > kMaxPreviewSide ||
        size.width * size.height > kMaxPreviewPixels) {
      result.error = "page " + page.label + " is too large for a preview at this dpi";
      return;
    }
    const int pw = static_cast<int>(size.width), ph = static_cast<int>(size.height);
    cairo_surface_t* surface = canvases[worker].White(pw, ph);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
      result.error = "the preview of page " + page.label + " (" + std::to_string(pw) + " × " +
                     std::to_string(ph) + " pixels) could not be made: " +
                     cairo_status_to_string(cairo_surface_status(surface));
      cairo_surface_destroy(surface);
      return;
    }
    cairo_t* cr = cairo_create(surface);
    cairo_scale(cr, scale, scale);
    size_t errors_before = painter.errors().size();
    painter.PaintPage(cr, page);
    cairo_destroy(cr);
    if (painter.errors().size() > errors_before) {
      cairo_surface_destroy(surface);
      result.error = painter.errors()[errors_before];
      return;
    }
    char name[32];
    std::snprintf(name, sizeof name, "-p%02d.png", page.number);
    result.path = prefix + name;
    cairo_surface_flush(surface);
    std::string png;
    result.ok = EncodePng(cairo_image_surface_get_data(surface), pw, ph,
                          cairo_image_surface_get_stride(surface), png, result.error) &&
                WriteNewFile(result.path, png, result.error);
    cairo_surface_destroy(surface);
  });
  return CollectInPageOrder(pages);
}

ExportResult CollectInPageOrder(const std::vector<PageFile>& pages) {
  ExportResult r;
  for (const PageFile& page : pages) {
    if (!page.ok) {
      r.ok = false;
      r.error = page.error;
      return r;
    }
    r.files.push_back(page.path);
  }
  return r;
}

}  // namespace banmian
