// Press PDFs checked from the outside, as a printing plant would: Ghostscript renders
// each plate (bitcmyk: 8 bits of C, M, Y and K per pixel, no anti-aliasing), and
// pdfinfo, pdffonts and qpdf look at the file. Nothing here trusts banmian's own view.
#include <doctest/doctest.h>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>

#include "pipeline/pipeline.h"
#include "press_case.h"

using namespace banmian;

namespace {

using test::Output;
using test::Plates;
using test::Separate;
using test::Slurp;
using test::TempDir;

// Renders an issue with --press into `dir`; returns the press PDF of its first page.
std::string RenderPress(const std::string& issue, const std::string& dir, bool pdfx4 = false,
                        bool marks = false) {
  RunResult r = test::RenderPress(std::string(BANMIAN_SOURCE_DIR) + "/issues/" + issue, dir, false,
                                  pdfx4, 1, marks);
  REQUIRE(r.exit_status != kExitBadInput);
  const std::vector<std::string> files = test::PressFiles(r);
  if (files.empty()) FAIL("no press PDF written");
  return files.empty() ? std::string() : files[0];
}

// 社区晨报's press page: 280×400mm with 3mm bleed all round.
constexpr double kMm = 72 / 25.4;
constexpr double kBleed = 3 * kMm;
constexpr double kMediaW = 280 * kMm + 2 * kBleed, kMediaH = 400 * kMm + 2 * kBleed;

int Px(double mm_from_trim, double dpi) {
  return static_cast<int>((mm_from_trim * kMm + kBleed) * dpi / 72);
}

}  // namespace

TEST_CASE(
    "press: black text is on the black plate alone, colours arrive as declared, ink within limit") {
  TempDir dir;
  std::string pdf = RenderPress("hongqiao-2021-05-front", dir.path);
  Plates p = Separate(pdf, kMediaW, kMediaH, dir.path, 36);

  // A text-only area: the first column of the lead story, below its headline.
  int cmy = 0, k = 0;
  for (int y = Px(130, p.dpi); y < Px(190, p.dpi); ++y)
    for (int x = Px(16, p.dpi); x < Px(60, p.dpi); ++x) {
      auto v = p.At(x, y);
      cmy += v[0] || v[1] || v[2];
      k += v[3] > 0;
    }
  CHECK(k > 500);   // there is text there
  CHECK(cmy == 0);  // and none of it on C, M or Y

  // The masthead title, declared C0 M100 Y100 K0, on each plate within 1%.
  std::map<std::array<int, 4>, int> title;
  for (int y = Px(3, p.dpi); y < Px(28, p.dpi); ++y)
    for (int x = Px(50, p.dpi); x < Px(145, p.dpi); ++x) {
      auto v = p.At(x, y);
      if (v[1] > 128) title[v]++;
    }
  REQUIRE(!title.empty());
  auto most = std::max_element(title.begin(), title.end(),
                               [](auto& a, auto& b) { return a.second < b.second; });
  CHECK(most->first[0] <= 2.55);
  CHECK(most->first[1] >= 252.45);
  CHECK(most->first[2] >= 252.45);
  CHECK(most->first[3] <= 2.55);

  // The highest total ink anywhere on the page: within newsprint's 240%.
  int max_ink = 0;
  for (int y = 0; y < p.height; ++y)
    for (int x = 0; x < p.width; ++x) {
      auto v = p.At(x, y);
      max_ink = std::max(max_ink, v[0] + v[1] + v[2] + v[3]);
    }
  CHECK(max_ink / 255.0 * 100 <= 240.0);
  CHECK(max_ink / 255.0 * 100 > 150.0);  // the picture is there, in rich colour
}

TEST_CASE("press: boxes, fonts, syntax, annotations, PDF/X keys") {
  TempDir dir;
  std::string pdf = RenderPress("hongqiao-2021-05-front", dir.path);
  CHECK(pdf.ends_with("/press/shequchenbao-2021-05-10-A01.pdf"));
  std::string boxes = Output("pdfinfo -box '" + pdf + "'");
  CHECK(boxes.find("TrimBox:             8.50     8.50   802.21  1142.36") != std::string::npos);
  CHECK(boxes.find("BleedBox:            0.00     0.00   810.71  1150.87") != std::string::npos);
  CHECK(boxes.find("PDF version:     1.3") != std::string::npos);
  std::string fonts = Output("pdffonts '" + pdf + "' | tail -n +3");
  REQUIRE(!fonts.empty());
  CHECK(fonts.find(" no ") == std::string::npos);  // every font embedded and subset
  int status = 1;
  std::string check = Output("qpdf --check '" + pdf + "' 2>&1", &status);
  CHECK(status == 0);
  CHECK(check.find("No syntax or stream encoding errors found") != std::string::npos);

  QPDF q;
  q.processFile(pdf.c_str());
  for (auto& page : QPDFPageDocumentHelper(q).getAllPages())
    CHECK_FALSE(page.getObjectHandle().hasKey("/Annots"));
  QPDFObjectHandle info = q.getTrailer().getKey("/Info");
  CHECK(info.getKey("/GTS_PDFXVersion").getUTF8Value() == "PDF/X-1:2001");
  CHECK(info.getKey("/GTS_PDFXConformance").getUTF8Value() == "PDF/X-1a:2001");
  CHECK(info.getKey("/Trapped").isNameAndEquals("/False"));
  CHECK(info.getKey("/CreationDate").getUTF8Value() == "D:20210510000000Z");
  QPDFObjectHandle intent = q.getRoot().getKey("/OutputIntents").getArrayItem(0);
  CHECK(intent.getKey("/S").isNameAndEquals("/GTS_PDFX"));
  CHECK(intent.getKey("/DestOutputProfile").getDict().getKey("/N").getIntValue() == 4);
  CHECK(q.getTrailer().getKey("/ID").isArray());
}

TEST_CASE(
    "press: two runs give byte-identical files, with marks too when the output time is fixed") {
  TempDir a, b;
  CHECK(Slurp(RenderPress("hongqiao-2021-05-front", a.path)) ==
        Slurp(RenderPress("hongqiao-2021-05-front", b.path)));
  setenv("SOURCE_DATE_EPOCH", "1620604800", 1);
  TempDir c, d;
  std::string with_marks = Slurp(RenderPress("hongqiao-2021-05-front", c.path, false, true));
  CHECK(with_marks == Slurp(RenderPress("hongqiao-2021-05-front", d.path, false, true)));
  unsetenv("SOURCE_DATE_EPOCH");
  CHECK(with_marks.find("/TrimBox") != std::string::npos);
}

TEST_CASE("press: crop marks and slug line lie outside the bleed, on every plate") {
  setenv("SOURCE_DATE_EPOCH", "1620604800", 1);
  TempDir dir;
  std::string pdf = RenderPress("hongqiao-2021-05-front", dir.path, false, true);
  unsetenv("SOURCE_DATE_EPOCH");
  const double margin = kBleed + 12 * kMm;
  std::string boxes = Output("pdfinfo -box '" + pdf + "'");
  size_t at = boxes.find("TrimBox:");
  REQUIRE(at != std::string::npos);
  double x0 = 0, y0 = 0;
  std::sscanf(boxes.c_str() + at, "TrimBox: %lf %lf", &x0, &y0);
  CHECK(std::abs(x0 - margin) < 0.01);
  CHECK(std::abs(y0 - margin) < 0.01);
  Plates p = Separate(pdf, 280 * kMm + 2 * margin, 400 * kMm + 2 * margin, dir.path, 72);
  // Registration colour: a pixel outside the bleed on all four plates.
  int registration = 0;
  for (int y = 0; y < p.height; ++y)
    for (int x = 0; x < p.width; ++x) {
      bool outside = x < margin - kBleed || y < margin - kBleed ||
                     x > p.width - (margin - kBleed) || y > p.height - (margin - kBleed);
      auto v = p.At(x, y);
      if (outside && v[0] == 255 && v[1] == 255 && v[2] == 255 && v[3] == 255) ++registration;
    }
  CHECK(registration > 20);
}

TEST_CASE("press: PDF/X-4 on request") {
  TempDir dir;
  std::string pdf = RenderPress("songjiang-2022-07-inside", dir.path, true);
  CHECK(pdf.ends_with("/press/songjiangbao-2022-07-26-4.pdf"));
  CHECK(Output("pdfinfo '" + pdf + "'").find("PDF version:     1.6") != std::string::npos);
  QPDF q;
  q.processFile(pdf.c_str());
  CHECK(q.getTrailer().getKey("/Info").getKey("/GTS_PDFXVersion").getUTF8Value() == "PDF/X-4");
  QPDFObjectHandle meta = q.getRoot().getKey("/Metadata");
  REQUIRE(meta.isStream());
  auto data = meta.getStreamData();
  std::string xmp(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
  CHECK(xmp.find("<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>") != std::string::npos);
  int status = 1;
  Output("qpdf --check '" + pdf + "' 2>&1", &status);
  CHECK(status == 0);
  // Every picture on the press page is CMYK.
  std::string images = Output("pdfimages -list '" + pdf + "' | tail -n +3");
  CHECK(images.find("cmyk") != std::string::npos);
  CHECK(images.find(" rgb ") == std::string::npos);
}

TEST_CASE("press: the screen PDF is the same with or without --press") {
  TempDir a, b;
  RunOptions plain;
  plain.issue_dir = std::string(BANMIAN_SOURCE_DIR) + "/issues/hongqiao-2021-05-front";
  plain.out_dir = a.path;
  plain.png = false;
  REQUIRE(RenderIssue(plain).exit_status == kExitClean);
  RenderPress("hongqiao-2021-05-front", b.path);
  CHECK(Slurp(a.path + "/hongqiao-2021-05-front.pdf") ==
        Slurp(b.path + "/hongqiao-2021-05-front.pdf"));
}
