// Pixel comparisons: sample pages rendered to PNG at a low resolution and compared with
// reference images in tests/render/expected/, within a tolerance (anti-aliasing may
// differ by a few levels; a moved line or a missing glyph does not pass). After an
// intended change, regenerate with UPDATE_GOLDEN=1 and look at the new images.
#include <cairo.h>
#include <doctest/doctest.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <string>

#include "../unit/test_util.h"
#include "model/utf8.h"
#include "pipeline/pipeline.h"
#include "render/export.h"
#include "text/script.h"

using namespace banmian;

namespace {

struct Difference {
  bool same_size = false;
  double mean = 0;           // mean absolute difference per channel, 0..255
  double changed_share = 0;  // share of pixels with a channel differing by more than 64
};

Difference Compare(cairo_surface_t* a, cairo_surface_t* b) {
  Difference d;
  int w = cairo_image_surface_get_width(a), h = cairo_image_surface_get_height(a);
  if (w != cairo_image_surface_get_width(b) || h != cairo_image_surface_get_height(b)) return d;
  d.same_size = true;
  cairo_surface_flush(a);
  cairo_surface_flush(b);
  const unsigned char *pa = cairo_image_surface_get_data(a), *pb = cairo_image_surface_get_data(b);
  int sa = cairo_image_surface_get_stride(a), sb = cairo_image_surface_get_stride(b);
  double total = 0;
  long changed = 0;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      int worst = 0;
      for (int c = 0; c < 3; ++c) {
        int diff = std::abs(pa[y * sa + x * 4 + c] - pb[y * sb + x * 4 + c]);
        total += diff;
        worst = std::max(worst, diff);
      }
      changed += worst > 64;
    }
  d.mean = total / (3.0 * w * h);
  d.changed_share = static_cast<double>(changed) / (static_cast<double>(w) * h);
  return d;
}

void CheckPixels(const std::string& issue) {
  RunOptions options;
  options.issue_dir = std::string(BANMIAN_SOURCE_DIR) + "/issues/" + issue;
  RunResult result = ComposeIssue(options);
  REQUIRE(result.document);
  char dir_template[] = "/tmp/banmian-png-XXXXXX";
  REQUIRE(mkdtemp(dir_template));
  std::string prefix = std::string(dir_template) + "/page";
  ExportResult png = WritePngs(*result.document, prefix, 30);
  REQUIRE(png.ok);
  std::string rendered = prefix + "-p01.png";
  std::string expected =
      std::string(BANMIAN_TEST_DATA) + "/render/expected/" + issue + "-30dpi.png";
  const char* update = std::getenv("UPDATE_GOLDEN");
  if (update && *update == '1') {
    REQUIRE(std::rename(rendered.c_str(), expected.c_str()) == 0);
    rendered = expected;
  }
  cairo_surface_t* got = cairo_image_surface_create_from_png(rendered.c_str());
  cairo_surface_t* want = cairo_image_surface_create_from_png(expected.c_str());
  REQUIRE_MESSAGE(cairo_surface_status(want) == CAIRO_STATUS_SUCCESS,
                  "no reference image " << expected);
  Difference d = Compare(got, want);
  cairo_surface_destroy(got);
  cairo_surface_destroy(want);
  if (rendered != expected) std::remove(rendered.c_str());
  rmdir(dir_template);
  CHECK(d.same_size);
  CHECK(d.mean < 1.0);
  CHECK(d.changed_share < 0.002);
}

}  // namespace

TEST_CASE("render: the 2021-05 inside page looks as its reference image") {
  CheckPixels("hongqiao-2021-05-inside");
}
TEST_CASE("render: the 2019-09 front page looks as its reference image") {
  CheckPixels("hongqiao-2019-09-front");
}

TEST_CASE("render: the tolerance tells two different pages apart") {
  std::string dir = std::string(BANMIAN_TEST_DATA) + "/render/expected/";
  cairo_surface_t* a =
      cairo_image_surface_create_from_png((dir + "hongqiao-2021-05-inside-30dpi.png").c_str());
  cairo_surface_t* b =
      cairo_image_surface_create_from_png((dir + "hongqiao-2019-09-front-30dpi.png").c_str());
  Difference d = Compare(a, b);
  cairo_surface_destroy(a);
  cairo_surface_destroy(b);
  REQUIRE(d.same_size);  // the same paper: only the content differs
  CHECK(d.mean >= 1.0);
  CHECK(d.changed_share >= 0.002);
}

TEST_CASE("render: a JPEG picture goes into the PDF byte for byte") {
  RunOptions options;
  options.issue_dir = std::string(BANMIAN_SOURCE_DIR) + "/issues/hongqiao-2021-05-front";
  RunResult result = ComposeIssue(options);
  REQUIRE(result.document);
  char dir_template[] = "/tmp/banmian-jpeg-XXXXXX";
  REQUIRE(mkdtemp(dir_template));
  std::string pdf_path = std::string(dir_template) + "/page.pdf";
  REQUIRE(WritePdf(*result.document, pdf_path).ok);
  auto read = [](const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  };
  std::string pdf = read(pdf_path);
  std::string jpeg = read(options.issue_dir + "/pictures/huichang-standin.jpg");
  std::remove(pdf_path.c_str());
  rmdir(dir_template);
  REQUIRE(jpeg.size() > 1000);
  CHECK(pdf.find(jpeg) != std::string::npos);
}

// The overset count is exact: the characters the report says were left over are the
// characters of the article missing from the text a reader extracts from the PDF.
TEST_CASE("render: the overset count equals the characters missing from the PDF's text") {
  RunOptions options;
  options.issue_dir = std::string(BANMIAN_TEST_DATA) + "/layout/cases/overset";
  RunResult result = ComposeIssue(options);
  REQUIRE(result.document);
  REQUIRE(result.layout.overset.size() == 1);
  const size_t reported = result.layout.overset[0].characters_left;
  char dir_template[] = "/tmp/banmian-overset-XXXXXX";
  REQUIRE(mkdtemp(dir_template));
  std::string pdf = std::string(dir_template) + "/page.pdf";
  REQUIRE(WritePdf(*result.document, pdf).ok);
  const std::string extracted = test::Output("pdftotext -enc UTF-8 '" + pdf + "' -");
  std::remove(pdf.c_str());
  rmdir(dir_template);
  auto count = [](const std::string& s, std::map<char32_t, long>& into, long sign) {
    for (size_t i = 0; i < s.size();) {
      char32_t c = Utf8Next(s, i);
      if (!IsSpace(c) && c != 0x3000) into[c] += sign;
    }
  };
  // What the article holds (normalised, as set), and what the PDF shows of it: the
  // page's text less the furniture and the overset mark.
  const Article& a = *result.issue->FindArticle("xiaolv");
  std::map<char32_t, long> article, on_page;
  for (const std::string* s : {&a.kicker, &a.headline, &a.subhead, &a.byline})
    count(*s, article, 1);
  for (const Block& b : a.blocks) count(b.PlainText() + b.credit, article, 1);
  count(extracted, on_page, 1);
  for (const Page& page : result.document->pages)
    for (const Frame& f : page.frames)
      for (const Item& item : f.items)
        if (const auto* run = std::get_if<GlyphRun>(&item))
          if (!f.name.starts_with("slot:") || run->role == "overset-mark")
            count(run->text, on_page, -1);
  long missing = 0;
  for (auto& [c, n] : article) missing += std::max(0L, n - std::max(0L, on_page[c]));
  CHECK(reported == 799);
  CHECK(missing == static_cast<long>(reported));
}
