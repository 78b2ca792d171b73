#include "render/press.h"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "base/new_file.h"
#include "base/parallel.h"
#include "layout/press_marks.h"
#include "render/clean_page.h"
#include "render/cmyk_picture.h"
#include "render/output_profile.h"
#include "render/pdf_writer.h"

namespace banmian {

namespace {

// Pictures are converted a little under the limit, for JPEG's error.
constexpr double kInkMargin = 6;

std::string Percent(double v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.0f%%", v);
  return buf;
}

}  // namespace

PressPictures ConvertPressPictures(const Document& doc, const PressOptions& options) {
  PressPictures pictures;
  std::string profile_error;
  const std::optional<std::string> profile =
      OutputProfileBytes(options.settings.profile, profile_error);
  if (!profile) return pictures;  // PressProblems says why
  std::set<std::string> seen;
  for (const Page& page : doc.pages)
    for (const Frame& f : page.frames)
      for (const Item& item : f.items)
        if (const auto* img = std::get_if<ImageItem>(&item)) {
          if (!seen.insert(img->path).second) continue;
          std::string error;
          static const std::string kNone;  // a picture the loader did not read
          auto c = ConvertToCmykJpeg(img->bytes ? *img->bytes : kNone, *profile,
                                     options.settings.ink_limit - kInkMargin, error);
          if (!c) {
            pictures.errors.push_back("picture '" + img->path + "' " + error);
            continue;
          }
          pictures.jpegs[img->path] = std::move(c->jpeg);
          pictures.reports[img->path] = {c->colour_space, c->profile, c->max_total_ink};
        }
  return pictures;
}

namespace {

// Where a label's trailing number starts (its size when it ends in none).
size_t NumberStart(const std::string& label) {
  size_t at = label.size();
  while (at > 0 && label[at - 1] >= '0' && label[at - 1] <= '9') --at;
  return at;
}

}  // namespace

std::string PressFileName(const PressOptions& options, const Document& doc, const Page& page) {
  const size_t start = NumberStart(page.label);
  std::string label = page.label;
  if (start < label.size()) {
    size_t digits = label.size() - start;
    for (const Page& other : doc.pages) {
      const size_t s = NumberStart(other.label);
      if (s < other.label.size() && other.label.compare(0, s, label, 0, start) == 0)
        digits = std::max(digits, other.label.size() - s);
    }
    label.insert(start, digits - (label.size() - start), '0');
  }
  for (char& c : label)
    if (c == '/' || c == ' ') c = '-';
  return options.paper_id + "-" + options.date + "-" + label + ".pdf";
}

std::vector<PressProblem> PressProblems(const Document& doc, const PressOptions& options,
                                        const PressPictures& pictures) {
  std::vector<PressProblem> problems;
  // The output intent must describe a CMYK printing condition.
  std::string profile_error;
  if (!OutputProfileBytes(options.settings.profile, profile_error)) {
    problems.push_back({profile_error, ""});
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
  for (const std::string& e : pictures.errors) problems.push_back({e, ""});
  return problems;
}

namespace {
// One press file: the clean page (no proof marks: clean_page.h) on its media box (bleed and
// printer's marks around it) in the declared CMYK, black overprinting unless the paper
// says otherwise, its pictures replaced by their CMYK conversions, as PDF/X.
bool WritePressPage(const Document& doc, const Page& page, const PressOptions& options,
                    const std::map<std::string, std::string>& pictures, const std::string& dir,
                    std::string& path, std::string& error) {
  PdfxSettings pdfx;
  pdfx.standard = options.standard;
  pdfx.profile_path = options.settings.profile;
  pdfx.output_condition = options.settings.output_condition;
  pdfx.output_condition_identifier = options.settings.output_condition_identifier;
  pdfx.registry_name = options.settings.registry_name;
  pdfx.bleed = page.bleed;
  PdfSettings settings;
  settings.colours = PdfColours::kDeclaredCmyk;
  settings.margin = page.bleed + (options.marks ? kMarksMargin : 0);
  settings.navigation = false;
  settings.title = doc.title + " 第" + page.label + "版";
  settings.picture_bytes = &pictures;
  settings.pdfx = &pdfx;
  settings.overprint_black = options.settings.overprint;
  settings.document_key = options.paper_id + "\n" + options.date + "\n" + page.label;
  std::string bytes;
  const Page clean = CleanPage(page);
  if (!WritePdfBytes(doc, {&clean}, settings, bytes, error)) {
    error = "page " + page.label + ": " + error;
    return false;
  }
  path = dir + "/" + PressFileName(options, doc, page);
  return WriteNewFile(path, bytes, error);
}

}  // namespace

ExportResult WritePressPdfs(const Document& doc, const PressOptions& options,
                            const PressPictures& pictures, const std::string& dir, int jobs) {
  ExportResult result;
  if (!pictures.errors.empty()) {
    result.ok = false;
    result.error = pictures.errors.front();
    return result;
  }
  std::vector<PageFile> pages(doc.pages.size());
  ParallelFor(doc.pages.size(), jobs, [&](size_t index, int) {
    PageFile& page = pages[index];
    page.ok =
        WritePressPage(doc, doc.pages[index], options, pictures.jpegs, dir, page.path, page.error);
  });
  return CollectInPageOrder(pages);
}

}  // namespace banmian
