// The exporters' guarantees about their inputs and limits: a picture is written as the
// loader read and checked it, even when its file changes afterwards (render/export.h,
// load/picture_info.h); a preview too large for a Cairo surface is refused with the
// highest dpi that fits, before anything is written; a preview PNG decodes to exactly the
// pixels Cairo painted, as its own PNG writer would have kept them (render/png_file.h).
#include "render/export.h"

#include <cairo.h>
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

#include "../unit/test_util.h"
#include "base/read_file.h"
#include "pipeline/pipeline.h"
#include "render/painter.h"
#include "render/press.h"

namespace banmian {
namespace {

namespace fs = std::filesystem;

using test::TempDir;

// The issue `from` (a folder of the project) copied into `dir`, composed, and then its
// picture file `picture` cut to its first 200 bytes, as if rewritten during the render.
RunResult ComposeThenCutPicture(const std::string& from, const std::string& picture,
                                const std::string& dir) {
  fs::copy(std::string(BANMIAN_SOURCE_DIR) + "/" + from, dir + "/issue",
           fs::copy_options::recursive);
  RunOptions options;
  options.issue_dir = dir + "/issue";
  options.layouts_dir = std::string(BANMIAN_SOURCE_DIR) + "/layouts";
  options.press = true;
  RunResult result = ComposeIssue(options);
  const std::string path = dir + "/issue/" + picture;
  const std::string whole = ReadFileBytes(path).value();
  std::ofstream(path, std::ios::binary | std::ios::trunc) << whole.substr(0, 200);
  REQUIRE(fs::file_size(path) == 200);
  return result;
}

Document OnePage(const Page& page) {
  Document doc;
  doc.pages = {page};
  return doc;
}

// The number of pixels whose red, green or blue differ between two RGB24 surfaces of the
// same size (-1 when the sizes differ).
long DifferentPixels(cairo_surface_t* a, cairo_surface_t* b) {
  const int w = cairo_image_surface_get_width(a), h = cairo_image_surface_get_height(a);
  if (w != cairo_image_surface_get_width(b) || h != cairo_image_surface_get_height(b)) return -1;
  cairo_surface_flush(a);
  cairo_surface_flush(b);
  const unsigned char* pa = cairo_image_surface_get_data(a);
  const unsigned char* pb = cairo_image_surface_get_data(b);
  const int sa = cairo_image_surface_get_stride(a), sb = cairo_image_surface_get_stride(b);
  long different = 0;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      uint32_t va, vb;
      std::memcpy(&va, pa + y * sa + x * 4, 4);
      std::memcpy(&vb, pb + y * sb + x * 4, 4);
      different += (va & 0xFFFFFF) != (vb & 0xFFFFFF);
    }
  return different;
}

// Every page of a sample issue written by WritePngs at `dpi` and read back with Cairo's PNG
// reader, against the same page painted on a plain Cairo surface filled white with
// cairo_paint: the way the previews were made before their encoder was replaced.
void CheckPreviewPixelsExact(const std::string& issue, double dpi) {
  TempDir dir;
  RunOptions options;
  options.issue_dir = std::string(BANMIAN_SOURCE_DIR) + "/issues/" + issue;
  options.layouts_dir = std::string(BANMIAN_SOURCE_DIR) + "/layouts";
  RunResult r = ComposeIssue(options);
  REQUIRE(r.document);
  ExportResult written = WritePngs(*r.document, dir.path + "/page", dpi);
  REQUIRE_MESSAGE(written.ok, written.error);
  REQUIRE(written.files.size() == r.document->pages.size());
  Painter painter(*r.document);
  for (size_t i = 0; i < r.document->pages.size(); ++i) {
    const Page& page = r.document->pages[i];
    CAPTURE(issue);
    CAPTURE(page.label);
    const PreviewSize size = PreviewSizeOf(page, dpi);
    cairo_surface_t* painted = cairo_image_surface_create(
        CAIRO_FORMAT_RGB24, static_cast<int>(size.width), static_cast<int>(size.height));
    cairo_t* cr = cairo_create(painted);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, dpi / 72.0, dpi / 72.0);
    painter.PaintPage(cr, page);
    cairo_destroy(cr);
    cairo_surface_t* decoded = cairo_image_surface_create_from_png(written.files[i].c_str());
    REQUIRE(cairo_surface_status(decoded) == CAIRO_STATUS_SUCCESS);
    CHECK(DifferentPixels(painted, decoded) == 0);
    cairo_surface_destroy(decoded);
    cairo_surface_destroy(painted);
  }
  CHECK(painter.errors().empty());
}

}  // namespace

TEST_CASE("export: preview PNGs hold exactly the painted pixels, grey and colour pages") {
  // chunshen has colour pages (blue bars, a red ad title) and grey ones; hongqiao's front
  // page has a colour photo.
  CheckPreviewPixelsExact("chunshen-2024-06-07", 20);
  CheckPreviewPixelsExact("hongqiao-2021-05-front", 36);
}

TEST_CASE("export: a JPEG rewritten after loading is embedded as it was checked") {
  TempDir dir;
  RunResult r = ComposeThenCutPicture("issues/hongqiao-2021-05-front",
                                      "pictures/huichang-standin.jpg", dir.path);
  REQUIRE(r.document);
  const std::string pdf = dir.path + "/front.pdf";
  ExportResult written = WritePdf(*r.document, pdf);
  REQUIRE_MESSAGE(written.ok, written.error);
  // The JPEG goes in untouched: the stream extracted from the PDF is the file as loaded.
  const std::string original = ReadFileBytes(std::string(BANMIAN_SOURCE_DIR) +
                                             "/issues/hongqiao-2021-05-front/pictures/"
                                             "huichang-standin.jpg")
                                   .value();
  REQUIRE(std::system(("cd '" + dir.path + "' && pdfimages -j '" + pdf + "' img").c_str()) == 0);
  CHECK(ReadFileBytes(dir.path + "/img-000.jpg").value_or("") == original);
  ExportResult previews = WritePngs(*r.document, dir.path + "/front", 20);
  CHECK_MESSAGE(previews.ok, previews.error);
  PressOptions press;
  press.settings = r.issue->paper.press;
  PressPictures converted = ConvertPressPictures(*r.document, press);
  CHECK(converted.errors.empty());
  CHECK(converted.jpegs.size() == 1);
}

TEST_CASE("export: a PNG rewritten after loading is decoded as it was checked") {
  TempDir dir;
  RunResult r = ComposeThenCutPicture("tests/layout/cases/png-picture", "picture.png", dir.path);
  REQUIRE(r.document);
  ExportResult written = WritePdf(*r.document, dir.path + "/png.pdf");
  REQUIRE_MESSAGE(written.ok, written.error);
  CHECK(test::Output("pdfimages -list '" + dir.path +
                     "/png.pdf' | tail -n +3 | awk '{print $4, $5}'") == "400 300\n");
  ExportResult previews = WritePngs(*r.document, dir.path + "/png", 20);
  CHECK_MESSAGE(previews.ok, previews.error);
}

TEST_CASE("export: a dpi that makes a preview too large for a surface is refused") {
  Document doc;
  Page a3;  // 297 × 420 mm
  a3.label = "A01", a3.width = 841.89, a3.height = 1190.55;
  Page tall = a3;  // 280 × 700 mm
  tall.label = "A02", tall.width = 793.7, tall.height = 1984.25;
  doc.pages = {a3, tall};
  int max_dpi = 0;
  CHECK(!PreviewTooLarge(OnePage(a3), 1200, max_dpi));
  CHECK(PreviewTooLarge(doc, 1200, max_dpi) ==
        "at --dpi 1200 the preview of page A02 (280 × 700 mm) would be 13229 × 33071 pixels; a "
        "preview can have at most 32767 pixels a side and 536870911 in all");
  CHECK(max_dpi == 1188);
  CHECK(!PreviewTooLarge(doc, max_dpi, max_dpi));
  const PreviewSize at_max = PreviewSizeOf(tall, 1188);
  CHECK(at_max.height <= kMaxPreviewSide);
  CHECK(PreviewSizeOf(tall, 1189).height > kMaxPreviewSide);
  // The area limit: a 1.2 m square page at 600 dpi is within the side limit, but its
  // pixels would take more than 2 GiB.
  Page square;
  square.label = "B01", square.width = square.height = 1.2 / 0.0254 * 72;
  CHECK(PreviewSizeOf(square, 600).width <= kMaxPreviewSide);
  CHECK(PreviewTooLarge(OnePage(square), 600, max_dpi));
  CHECK(max_dpi == 490);
}

}  // namespace banmian
