#include "render/export.h"

#include <cairo.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <functional>
#include <memory>

#include "base/parallel.h"
#include "render/painter.h"
#include "render/pdf_writer.h"
#include "render/png_file.h"

namespace banmian {

bool WriteFileAtomically(const std::string& path, const std::string& data, std::string& error) {
  const std::string tmp = path + ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << data;
    out.close();
    if (!out) {
      std::remove(tmp.c_str());
      error = "cannot write '" + path + "'";
      return false;
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    error = "cannot rename into '" + path + "'";
    return false;
  }
  return true;
}

ExportResult WritePdf(const Document& doc, const std::string& path, int jobs) {
  ExportResult r;
  std::vector<const Page*> pages;
  for (const Page& page : doc.pages) pages.push_back(&page);
  PdfSettings settings;
  settings.title = doc.title;
  settings.jobs = jobs;
  std::string bytes;
  if (!WritePdfBytes(doc, pages, settings, bytes, r.error) ||
      !WriteFileAtomically(path, bytes, r.error)) {
    r.ok = false;
    return r;
  }
  r.files.push_back(path);
  return r;
}

ExportResult WritePngs(const Document& doc, const std::string& prefix, double dpi, int jobs) {
  std::vector<PageFile> pages(doc.pages.size());
  // One painter per thread: it caches font faces and decoded pictures.
  std::vector<std::unique_ptr<Painter>> painters(std::max(jobs, 1));
  ParallelFor(doc.pages.size(), jobs, [&](size_t index, int worker) {
    if (!painters[worker]) painters[worker] = std::make_unique<Painter>(doc);
    Painter& painter = *painters[worker];
    const Page& page = doc.pages[index];
    const double scale = dpi / 72.0;
    int pw = static_cast<int>(std::ceil(page.width * scale)),
        ph = static_cast<int>(std::ceil(page.height * scale));
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, pw, ph);
    cairo_t* cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, scale, scale);
    size_t errors_before = painter.errors().size();
    painter.PaintPage(cr, page);
    cairo_destroy(cr);
    PageFile& result = pages[index];
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
                WriteFileAtomically(result.path, png, result.error);
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
