#include "render/export.h"

#include <cairo-pdf.h>
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

namespace banmian {

std::string TemporaryPathFor(const std::string& path) {
  return path + ".tmp-" + std::to_string(::getpid());
}

bool WriteFileAtomically(const std::string& path, const std::string& data, std::string& error) {
  std::string tmp = TemporaryPathFor(path);
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

namespace {
bool Finish(const std::string& tmp, const std::string& path, cairo_status_t status,
            ExportResult& r) {
  if (status != CAIRO_STATUS_SUCCESS) {
    std::remove(tmp.c_str());
    r.ok = false;
    r.error = "cannot write '" + path + "': " + cairo_status_to_string(status);
    return false;
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    r.ok = false;
    r.error = "cannot rename into '" + path + "'";
    return false;
  }
  r.files.push_back(path);
  return true;
}
}  // namespace

ExportResult WritePdf(const Document& doc, const std::string& path) {
  ExportResult r;
  std::string tmp = TemporaryPathFor(path);
  double w = doc.pages.empty() ? 595 : doc.pages[0].width,
         h = doc.pages.empty() ? 842 : doc.pages[0].height;
  cairo_surface_t* surface = cairo_pdf_surface_create(tmp.c_str(), w, h);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, doc.title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "banmian " BANMIAN_VERSION);
  std::string date = doc.date + "T00:00:00";
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
  {
    Painter painter(doc);
    cairo_t* cr = cairo_create(surface);
    for (const Page& page : doc.pages) {
      cairo_pdf_surface_set_size(surface, page.width, page.height);
      cairo_pdf_surface_set_page_label(surface, page.label.c_str());
      std::string link = "page=" + std::to_string(page.number);
      cairo_pdf_surface_add_outline(surface, CAIRO_PDF_OUTLINE_ROOT,
                                    ("第 " + page.label + " 版").c_str(), link.c_str(),
                                    cairo_pdf_outline_flags_t(0));
      painter.PaintPage(cr, page);
      cairo_show_page(cr);
    }
    cairo_destroy(cr);
    if (!painter.errors().empty()) {
      cairo_surface_destroy(surface);
      std::remove(tmp.c_str());
      r.ok = false;
      r.error = painter.errors().front();
      return r;
    }
  }
  cairo_surface_finish(surface);
  cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  Finish(tmp, path, status, r);
  return r;
}

ExportResult WritePngs(const Document& doc, const std::string& prefix, double dpi, int jobs,
                       const std::function<void()>& alongside) {
  std::vector<PageFile> pages(doc.pages.size());
  // One painter per thread: it caches font faces and decoded pictures.
  std::vector<std::unique_ptr<Painter>> painters(std::max(jobs, 1));
  // The other work goes first: it is one long task (the screen PDF) the pages can fill in
  // around.
  const size_t first_page = alongside ? 1 : 0;
  ParallelFor(first_page + doc.pages.size(), jobs, [&](size_t task, int worker) {
    if (task < first_page) {
      alongside();
      return;
    }
    const size_t index = task - first_page;
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
    std::string tmp = TemporaryPathFor(result.path);
    cairo_status_t status = cairo_surface_write_to_png(surface, tmp.c_str());
    cairo_surface_destroy(surface);
    ExportResult one;
    result.ok = Finish(tmp, result.path, status, one);
    if (!result.ok) result.error = one.error;
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
