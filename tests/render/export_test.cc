// The exporters' guarantees about their inputs and limits: a picture is written as the
// loader read and checked it, even when its file changes afterwards (render/export.h,
// load/picture_info.h); a preview too large for a Cairo surface is refused with the
// highest dpi that fits, before anything is written.
#include "render/export.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "../unit/test_util.h"
#include "base/read_file.h"
#include "pipeline/pipeline.h"
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

}  // namespace

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
