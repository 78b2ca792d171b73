#include "render/press.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <ft2build.h>
#include <lcms2.h>
#include FT_FREETYPE_H

#include <cstdio>
#include <map>
#include <set>

#include "base/parallel.h"
#include "layout/press_marks.h"
#include "render/cmyk_picture.h"
#include "render/painter.h"

namespace banmian {

namespace {

cairo_status_t AppendToString(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// Pictures converted once for all pages; a little under the limit, for JPEG's error.
constexpr double kInkMargin = 6;

struct PressPictures {
  std::map<std::string, CmykPicture> converted;
  std::vector<std::string> errors;

  void Convert(const Document& doc, const PressOptions& options) {
    for (const Page& page : doc.pages)
      for (const Frame& f : page.frames)
        for (const Item& item : f.items)
          if (const auto* img = std::get_if<ImageItem>(&item)) {
            if (converted.count(img->path)) continue;
            std::string error;
            auto c = ConvertToCmykJpeg(img->path, options.settings.profile,
                                       options.settings.ink_limit - kInkMargin, error);
            if (!c) {
              errors.push_back("picture '" + img->path + "' " + error);
              continue;
            }
            converted[img->path] = *c;
          }
  }
};

std::string Percent(double v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.0f%%", v);
  return buf;
}

}  // namespace

std::string PressFileName(const PressOptions& options, const Page& page) {
  std::string label;
  for (char c : page.label) label += (c == '/' || c == ' ') ? '-' : c;
  return options.paper_id + "-" + options.date + "-" + label + ".pdf";
}

std::vector<PressProblem> PressProblems(const Document& doc, const PressOptions& options) {
  std::vector<PressProblem> problems;
  // The output intent must describe a CMYK printing condition.
  if (cmsHPROFILE profile = cmsOpenProfileFromFile(options.settings.profile.c_str(), "r")) {
    if (cmsGetColorSpace(profile) != cmsSigCmykData)
      problems.push_back(
          {"the output profile '" + options.settings.profile + "' is not a CMYK profile", ""});
    cmsCloseProfile(profile);
  } else {
    problems.push_back(
        {"the output profile '" + options.settings.profile + "' cannot be read as an ICC profile",
         ""});
    return problems;
  }
  // Fonts whose licence forbids embedding, or allows only bitmaps.
  FT_Library ft;
  if (FT_Init_FreeType(&ft) == 0) {
    for (const FontFace& f : doc.fonts) {
      FT_Face face;
      if (FT_New_Face(ft, f.file.c_str(), f.index, &face) != 0) {
        problems.push_back(
            {"font '" + f.family + "' (" + f.file + ") cannot be opened for embedding", ""});
        continue;
      }
      FT_UShort fs = FT_Get_FSType_Flags(face);
      if (fs & (FT_FSTYPE_RESTRICTED_LICENSE_EMBEDDING | FT_FSTYPE_BITMAP_EMBEDDING_ONLY))
        problems.push_back(
            {"font '" + f.family + "' (" + f.file + ") may not be embedded: its licence forbids it",
             ""});
      FT_Done_Face(face);
    }
    FT_Done_FreeType(ft);
  }
  // Declared colours on the page (not the marks) beyond the ink limit.
  std::set<std::string> reported;
  auto check = [&](const Cmyk& c) {
    double total = c.c + c.m + c.y + c.k;
    if (total > options.settings.ink_limit + 1e-9 && reported.insert(c.name).second)
      problems.push_back({"colour '" + c.name + "' puts " + Percent(total) +
                              " ink on the paper, over its " + Percent(options.settings.ink_limit) +
                              " limit",
                          c.name});
  };
  for (const Page& page : doc.pages)
    for (const Frame& f : page.frames) {
      if (f.name == "marks") continue;
      for (const Item& item : f.items) {
        if (const auto* r = std::get_if<GlyphRun>(&item)) check(r->colour);
        if (const auto* r = std::get_if<RuleItem>(&item)) check(r->colour);
        if (const auto* r = std::get_if<RectItem>(&item)) {
          if (r->has_fill) check(r->fill);
          if (r->has_stroke) check(r->stroke);
        }
      }
    }
  PressPictures pictures;
  pictures.Convert(doc, options);
  for (const std::string& e : pictures.errors) problems.push_back({e, ""});
  return problems;
}

namespace {
// One press file: the page painted on its media box with RGB proxies, then made PDF/X.
bool WritePressPage(const Document& doc, const Page& page, const PressOptions& options,
                    const PressPictures& pictures, const std::string& dir, std::string& path,
                    std::string& error) {
  const double margin = page.bleed + (options.marks ? kMarksMargin : 0);
  const double media_w = page.width + 2 * margin, media_h = page.height + 2 * margin;
  ColourProxies proxies;
  std::string cairo_pdf;
  cairo_surface_t* surface =
      cairo_pdf_surface_create_for_stream(AppendToString, &cairo_pdf, media_w, media_h);
  std::string date = doc.date + "T00:00:00";
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
  {
    Painter painter(doc, &proxies);
    for (auto& [file, picture] : pictures.converted) painter.OverrideJpeg(file, picture.jpeg);
    cairo_t* cr = cairo_create(surface);
    cairo_translate(cr, margin, margin);
    painter.PaintPage(cr, page);
    cairo_show_page(cr);
    cairo_destroy(cr);
    if (!painter.errors().empty()) {
      cairo_surface_destroy(surface);
      error = painter.errors().front();
      return false;
    }
  }
  cairo_surface_finish(surface);
  cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    error = std::string("the press page could not be drawn: ") + cairo_status_to_string(status);
    return false;
  }
  PdfxSettings s;
  s.standard = options.standard;
  s.title = doc.title + " 第" + page.label + "版";
  s.date = doc.date;
  s.profile_path = options.settings.profile;
  s.output_condition = options.settings.output_condition;
  s.media_w = media_w, s.media_h = media_h;
  s.trim_x = margin, s.trim_y = margin, s.trim_w = page.width, s.trim_h = page.height;
  s.bleed = page.bleed;
  std::string pdfx;
  if (!MakePdfX(cairo_pdf, proxies, s, pdfx, error)) {
    error = "page " + page.label + ": " + error;
    return false;
  }
  path = dir + "/" + PressFileName(options, page);
  return WriteFileAtomically(path, pdfx, error);
}

}  // namespace

ExportResult WritePressPdfs(const Document& doc, const PressOptions& options,
                            const std::string& dir, int jobs) {
  ExportResult result;
  PressPictures pictures;
  pictures.Convert(doc, options);
  if (!pictures.errors.empty()) {
    result.ok = false;
    result.error = pictures.errors.front();
    return result;
  }
  std::vector<PageFile> pages(doc.pages.size());
  ParallelFor(doc.pages.size(), jobs, [&](size_t index, int) {
    PageFile& page = pages[index];
    page.ok = WritePressPage(doc, doc.pages[index], options, pictures, dir, page.path, page.error);
  });
  return CollectInPageOrder(pages);
}

}  // namespace banmian
