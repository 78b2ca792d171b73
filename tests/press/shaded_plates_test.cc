// Text on fills, checked from outside (docs/formats.md, "Shaded and reversed modules"):
// the case tests/press/shaded has a story on a 30 % magenta fill (black text), a headline
// bar of 8pt white on blue, one of 8pt pale yellow on dark blue and a title bar of 12pt
// white. Ghostscript's bitcmyk plates of the press page show the black text overprinting
// the tint and the white text knocked out of the bar; preflight reports both small bars as
// reversed text; the preview PNG shows the fill's colour.
#include <doctest/doctest.h>
#include <png.h>

#include <algorithm>
#include <string>
#include <vector>

#include "press_case.h"

using namespace banmian;

namespace {

using test::Output;
using test::Plates;
using test::PressFiles;
using test::RenderPress;
using test::Slurp;
using test::TempDir;

const std::string kShadedCase = std::string(BANMIAN_SOURCE_DIR) + "/tests/press/shaded";
constexpr double kBleed = 3 * 72 / 25.4;  // pt

// The rectangle of role `role` in frame `frame` of the document's first page.
RectItem FindRect(const Document& doc, const std::string& frame, const std::string& role) {
  for (const Frame& f : doc.pages.at(0).frames)
    if (f.name == frame)
      for (const Item& item : f.items)
        if (const auto* r = std::get_if<RectItem>(&item); r && r->role == role) return *r;
  FAIL("no " << role << " in " << frame);
  return {};
}

// What the plates hold inside `rect` (2 pixels in from its edges, at 72 dpi with the
// bleed round the page): full-K pixels (text) and K-free ones, with their C and M ranges.
struct Inside {
  int text = 0, min_m_text = 255, max_m_text = 0;
  int bare = 0, min_m_bare = 255, max_m_bare = 0, min_c_bare = 255, max_c_bare = 0;
};
Inside Measure(const Plates& p, const RectItem& r) {
  Inside in;
  for (int y = static_cast<int>(kBleed + r.y) + 2;
       y < static_cast<int>(kBleed + r.y + r.height) - 2; ++y)
    for (int x = static_cast<int>(kBleed + r.x) + 2;
         x < static_cast<int>(kBleed + r.x + r.width) - 2; ++x) {
      const int c = p.At(x, y, 0), m = p.At(x, y, 1), k = p.At(x, y, 3);
      if (k == 255) {
        ++in.text;
        in.min_m_text = std::min(in.min_m_text, m), in.max_m_text = std::max(in.max_m_text, m);
      } else if (k == 0) {
        ++in.bare;
        in.min_m_bare = std::min(in.min_m_bare, m), in.max_m_bare = std::max(in.max_m_bare, m);
        in.min_c_bare = std::min(in.min_c_bare, c), in.max_c_bare = std::max(in.max_c_bare, c);
      }
    }
  return in;
}

}  // namespace

// 30 % magenta is 76 of 255 on the plate (Ghostscript truncates 76.5); blue's cyan is 255.
TEST_CASE("press: black text on a slot's fill overprints it, white on a bar knocks out") {
  TempDir dir;
  RunResult r = RenderPress(kShadedCase, dir.path + "/out", /*despite=*/true);
  REQUIRE(r.document);
  REQUIRE(PressFiles(r).size() == 1);
  const std::string press = Slurp(PressFiles(r)[0]);
  CHECK(press.find("/OP true") != std::string::npos);  // black overprint's graphics state
  Plates p = test::Separate(PressFiles(r)[0], 96 * 72 / 25.4, 136 * 72 / 25.4, dir.path, 72);

  const RectItem fill = FindRect(*r.document, "slot:story", "fill");
  CHECK(fill.fill.m == 30);
  Inside story = Measure(p, fill);
  CHECK(story.text > 100);        // the black headline and body
  CHECK(story.min_m_text == 76);  // the tint stays inked under every black pixel
  CHECK(story.max_m_text == 76);
  CHECK(story.bare > 1000);  // and around them
  CHECK(story.min_m_bare == 76);
  // Above the fill (the top margin), no magenta at all.
  for (int x = static_cast<int>(kBleed + fill.x); x < static_cast<int>(kBleed + fill.x + 50); ++x)
    CHECK(p.At(x, static_cast<int>(kBleed + fill.y) - 4, 1) == 0);

  // The white bar: cyan everywhere but the white letters, which show paper on every plate.
  const RectItem bar = FindRect(*r.document, "slot:white", "headline-bar");
  Inside white = Measure(p, bar);
  CHECK(white.text == 0);  // blue has 10 % K: no pixel is full black
  int paper = 0, cyan = 0;
  for (int y = static_cast<int>(kBleed + bar.y) + 2;
       y < static_cast<int>(kBleed + bar.y + bar.height) - 2; ++y)
    for (int x = static_cast<int>(kBleed + bar.x) + 2;
         x < static_cast<int>(kBleed + bar.x + bar.width) - 2; ++x) {
      const auto ink = p.At(x, y);
      if (ink[0] == 0 && ink[1] == 0 && ink[2] == 0 && ink[3] == 0) ++paper;
      if (ink[0] == 255) ++cyan;
    }
  CHECK(paper > 20);
  CHECK(cyan > 10 * paper);
}

// Reversed type is white text or text lighter than the fill under it; under 10pt (the
// default reversed_text_min) it is a warning. Black text on a tint and 12pt white are not.
TEST_CASE("press checks: small white and light text on bars are small-reversed-text") {
  RunOptions options;
  options.issue_dir = kShadedCase;
  RunResult r = ComposeIssue(options);
  REQUIRE(r.document);
  std::vector<std::string> where, messages;
  for (const Finding& f : r.findings)
    if (f.code == "small-reversed-text") where.push_back(f.where), messages.push_back(f.message);
  // In the report's order (column 2's bar is on the same grid lines, listed first).
  CHECK(where == std::vector<std::string>{"slot:pale", "slot:white"});
  REQUIRE(messages.size() == 2);
  CHECK(messages[0] ==
        "8pt reversed text (pale: C0 M0 Y20 K0, 20 % on C100 M60 Y0 K40, 200 %): under 10pt, "
        "the ink around it fills it in");
  CHECK(messages[1] == "8pt reversed (white) text: under 10pt, the ink around it fills it in");
}

// The preview paints the fill: a pixel of the padding (no text) is 30 % magenta's screen
// colour, r = 255, g = 0.7 × 255, b = 255.
TEST_CASE("preview: a slot's fill shows in the PNG in its colour") {
  TempDir dir;
  RunOptions options;
  options.issue_dir = kShadedCase;
  options.out_dir = dir.path + "/out";
  options.png_dpi = 72;
  RunResult r = RenderIssue(options);
  REQUIRE(r.document);
  std::string png_path;
  for (const std::string& f : r.outputs)
    if (f.ends_with("-p01.png")) png_path = f;
  REQUIRE(!png_path.empty());
  const std::string png = Slurp(png_path);
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  REQUIRE(png_image_begin_read_from_memory(&image, png.data(), png.size()));
  image.format = PNG_FORMAT_RGB;
  std::vector<unsigned char> pixels(PNG_IMAGE_SIZE(image));
  REQUIRE(png_image_finish_read(&image, nullptr, pixels.data(), 0, nullptr));
  // The preview is the trimmed page (90 mm wide: 255 pixels), or the page with its bleed.
  const double offset = image.width > 260 ? kBleed : 0;
  const RectItem fill = FindRect(*r.document, "slot:story", "fill");
  auto at = [&](double x, double y) {
    const size_t i =
        (static_cast<size_t>(offset + y) * image.width + static_cast<size_t>(offset + x)) * 3;
    return std::vector<int>{pixels[i], pixels[i + 1], pixels[i + 2]};
  };
  const std::vector<int> inside = at(fill.x + 2, fill.y + fill.height - 3);  // its foot padding
  CHECK(inside[0] == 255);
  CHECK(std::abs(inside[1] - 178) <= 1);
  CHECK(inside[2] == 255);
  const std::vector<int> above = at(fill.x + 2, fill.y - 4);  // the margin: paper
  CHECK(above == std::vector<int>{255, 255, 255});
}
