// PDF content streams (render/pdf_page_content.h): AppendNumber's number format, and
// the operators PageContent writes for a hand-built page — text by glyph id with exact TJ
// adjustments and text matrices, colours for screen and press, rectangles, rules and
// pictures, whole or cropped — with glyph positions parsed back from the stream to show
// that every glyph lands where it was placed. The font metrics are made by hand: no font
// file is read.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "render/pdf_page_content.h"

using namespace banmian;

namespace {

std::string Number(double value, int decimals = 3) {
  std::string s;
  AppendNumber(s, value, decimals);
  return s;
}

// A page 200 pt high drawn with a 10 pt margin: media height 220, so a point at page
// (x, y) is at PDF (10 + x, 210 - y).
// Glyph ids, written as themselves (two-byte codes, Identity-H).
constexpr uint32_t kA = 0x0102, kB = 0x0abc, kC = 0x1f00;

struct Canvas {
  FontMetrics metrics;
  std::vector<const FontMetrics*> fonts;
  std::map<std::string, int> pictures{{"pictures/a.jpg", 1}, {"pictures/b.png", 2}};
  Page page;
  PageContentSettings settings;

  explicit Canvas(PdfColours colours = PdfColours::kScreenRgb) {
    // kA is a full em wide, kB half, kC a quarter.
    metrics.advances.assign(0x5000, 1000);  // a face of 0x5000 glyphs
    metrics.advances[kB] = 500, metrics.advances[kC] = 250;
    fonts = {&metrics, nullptr, nullptr, &metrics};  // fonts 1 and 2 are not embedded
    page.width = 150, page.height = 200;
    page.frames.resize(1);
    settings.colours = colours;
    settings.margin = 10;
    settings.media_height = page.height + 2 * settings.margin;
    settings.fonts = &fonts;
    settings.pictures = &pictures;
  }
  void Add(Item item) { page.frames[0].items.push_back(std::move(item)); }
  std::string Content() const { return PageContent(page, settings); }
};

GlyphRun Run(std::vector<PositionedGlyph> glyphs, double size = 10, int font = 0) {
  GlyphRun run;
  run.font = font;
  run.size = size;
  run.glyphs = std::move(glyphs);
  return run;
}

Cmyk Colour(double c, double m, double y, double k) {
  Cmyk colour;
  colour.c = c, colour.m = m, colour.y = y, colour.k = k;
  return colour;
}

// Where a content stream puts each glyph: a reader of Tf, Tm and TJ alone.
struct ShownGlyph {
  int code = 0;
  double x = 0, y = 0;
};

std::vector<ShownGlyph> ShownGlyphs(const std::string& content,
                                    const std::map<int, int>& width_of_code) {
  std::vector<ShownGlyph> shown;
  std::vector<double> operands;
  double size = 0, x = 0, y = 0;
  bool in_array = false;
  size_t i = 0;
  while (i < content.size()) {
    char c = content[i];
    if (c == ' ' || c == '\n') {
      ++i;
    } else if (c == '[') {
      in_array = true, ++i;
    } else if (c == ']') {
      in_array = false, ++i;
    } else if (c == '<') {
      size_t end = content.find('>', i);
      REQUIRE(end != std::string::npos);
      REQUIRE(in_array);
      std::string hex = content.substr(i + 1, end - i - 1);
      REQUIRE(hex.size() % 4 == 0);
      for (size_t h = 0; h < hex.size(); h += 4) {
        int code = std::stoi(hex.substr(h, 4), nullptr, 16);
        shown.push_back({code, x, y});
        REQUIRE(width_of_code.count(code) == 1);
        x += width_of_code.at(code) * size / 1000;
      }
      i = end + 1;
    } else if (c == '-' || c == '.' || (c >= '0' && c <= '9')) {
      size_t end = i;
      while (end < content.size() && (content[end] == '-' || content[end] == '.' ||
                                      (content[end] >= '0' && content[end] <= '9')))
        ++end;
      double value = std::strtod(content.substr(i, end - i).c_str(), nullptr);
      if (in_array)
        x -= value * size / 1000;
      else
        operands.push_back(value);
      i = end;
    } else {
      size_t end = i;
      while (end < content.size() && content[end] != ' ' && content[end] != '\n' &&
             content[end] != '[' && content[end] != '<')
        ++end;
      std::string op = content.substr(i, end - i);
      if (op == "Tf") {
        REQUIRE(!operands.empty());
        size = operands.back();
      } else if (op == "Tm") {
        REQUIRE(operands.size() >= 6);
        x = operands[operands.size() - 2], y = operands.back();
      }
      if (op[0] != '/') operands.clear();
      i = end;
    }
  }
  return shown;
}

}  // namespace

TEST_CASE("pdf content: AppendNumber writes integers without a decimal point") {
  CHECK(Number(0) == "0");
  CHECK(Number(7) == "7");
  CHECK(Number(1234567) == "1234567");
  CHECK(Number(-42) == "-42");
  CHECK(Number(3, 0) == "3");
  CHECK(Number(2.0000001) == "2");
}

TEST_CASE("pdf content: AppendNumber trims trailing zeros and keeps the sign") {
  CHECK(Number(1.5) == "1.5");
  CHECK(Number(0.25) == "0.25");
  CHECK(Number(0.125) == "0.125");
  CHECK(Number(10.1) == "10.1");
  CHECK(Number(100.05) == "100.05");
  CHECK(Number(-3.25) == "-3.25");
  CHECK(Number(-0.5) == "-0.5");
  CHECK(Number(0.001) == "0.001");
  CHECK(Number(0.0625, 4) == "0.0625");
  CHECK(Number(0.5, 4) == "0.5");
}

TEST_CASE("pdf content: AppendNumber rounds to the given decimals and never writes -0") {
  CHECK(Number(1.23456) == "1.235");
  CHECK(Number(1.23456, 2) == "1.23");
  CHECK(Number(1.23456, 4) == "1.2346");
  CHECK(Number(1.2351, 2) == "1.24");
  CHECK(Number(2.9996) == "3");
  CHECK(Number(-2.9996) == "-3");
  CHECK(Number(0.0004) == "0");
  CHECK(Number(0.0006) == "0.001");
  CHECK(Number(-0.0004) == "0");
  CHECK(Number(-0.0006) == "-0.001");
  CHECK(Number(-0.004, 2) == "0");
  CHECK(Number(-0.0) == "0");
  CHECK(Number(0.6, 0) == "1");
  CHECK(Number(-0.4, 0) == "0");
  CHECK(Number(-1.005001, 2) == "-1.01");
  CHECK(Number(1.000049, 4) == "1");
  // More than five places are five.
  CHECK(Number(0.5, 6) == "0.5");
  CHECK(Number(1.25, 9) == "1.25");
  CHECK(Number(1.1234567, 7) == "1.12346");
  // The output is appended, not replacing what is there.
  std::string s = "x ";
  AppendNumber(s, 12.5);
  CHECK(s == "x 12.5");
}

TEST_CASE("pdf content: glyphs at their natural advance make one hex string") {
  Canvas canvas;
  canvas.Add(Run({{kA, 20, 30}, {kB, 30, 30}, {kC, 35, 30}, {kA, 37.5, 30}}));
  CHECK(canvas.Content() ==
        "0 0 0 rg\nBT\n/F0 10 Tf\n1 0 0 1 30 180 Tm\n[<01020abc1f000102>] TJ\nET\n");
}

TEST_CASE("pdf content: a justified gap or a kern gives the exact TJ adjustment") {
  Canvas canvas;
  // 6 is 1.5 pt right of where 5's advance leaves the pen (1.5 pt = 150 thousandths of
  // 10 pt, written -150); 7 is 0.25 pt left of 6's end (+25); 5 is 0.11234 pt right.
  canvas.Add(Run({{kA, 20, 30}, {kB, 31.5, 30}, {kC, 36.25, 30}, {kA, 38.86234, 30}}));
  CHECK(canvas.Content() ==
        "0 0 0 rg\nBT\n/F0 10 Tf\n1 0 0 1 30 180 Tm\n[<0102>-150<0abc>25<1f00>-11.23<0102>] TJ\n"
        "ET\n");
}

TEST_CASE("pdf content: a baseline jump, a long gap or a step back starts a new Tm") {
  Canvas canvas;
  canvas.Add(Run({{kA, 20, 30},
                  {kB, 30, 42.5},      // next line
                  {kC, 35, 42.5},      // natural advance
                  {kA, 150.25, 42.5},  // more than 10 em along
                  {kB, 100, 42.5}}));  // more than an em back
  CHECK(canvas.Content() ==
        "0 0 0 rg\nBT\n/F0 10 Tf\n"
        "1 0 0 1 30 180 Tm\n[<0102>] TJ\n"
        "1 0 0 1 40 167.5 Tm\n[<0abc1f00>] TJ\n"
        "1 0 0 1 160.25 167.5 Tm\n[<0102>] TJ\n"
        "1 0 0 1 110 167.5 Tm\n[<0abc>] TJ\nET\n");
}

TEST_CASE("pdf content: a glyph id beyond two bytes is left out, the next keeps its place") {
  Canvas canvas;
  canvas.Add(Run({{kA, 20, 30}, {0x10000, 30, 30}, {kB, 40, 30}}));
  CHECK(canvas.Content() ==
        "0 0 0 rg\nBT\n/F0 10 Tf\n1 0 0 1 30 180 Tm\n[<0102>-1000<0abc>] TJ\nET\n");
}

TEST_CASE("pdf content: a glyph beyond the face's widths advances a full em") {
  Canvas canvas;
  // 0x7777 is beyond the metrics: the pen moves 10 pt past it, so kC 10 pt on needs no
  // adjustment, and kA 2 pt after kC (whose advance is 2.5 pt) needs 50 (a step back).
  canvas.Add(Run({{0x7777, 20, 30}, {kC, 30, 30}, {kA, 32, 30}}));
  CHECK(canvas.Content() ==
        "0 0 0 rg\nBT\n/F0 10 Tf\n1 0 0 1 30 180 Tm\n[<77771f00>50<0102>] TJ\nET\n");
}

TEST_CASE("pdf content: y is flipped from the page's top onto the media box") {
  Canvas canvas;
  canvas.settings.margin = 8.5;
  canvas.settings.media_height = canvas.page.height + 17;
  canvas.Add(Run({{kC, 0, 0}}));
  canvas.Add(Run({{kC, 1.25, 200}}));
  // media_height - (margin + y): 217 - 8.5 = 208.5 and 217 - 208.5 = 8.5.
  CHECK(canvas.Content() ==
        "0 0 0 rg\nBT\n/F0 10 Tf\n1 0 0 1 8.5 208.5 Tm\n[<1f00>] TJ\nET\n"
        "BT\n1 0 0 1 9.75 8.5 Tm\n[<1f00>] TJ\nET\n");
}

TEST_CASE("pdf content: Tf by document font index and size, only when it changes") {
  Canvas canvas;
  canvas.Add(Run({{kA, 0, 10}}, 10, 0));
  canvas.Add(Run({{kA, 0, 20}}, 10, 0));    // same font and size: no Tf
  canvas.Add(Run({{kA, 0, 30}}, 10.5, 0));  // new size
  canvas.Add(Run({{kA, 0, 40}}, 10.5, 3));  // new font
  canvas.Add(Run({{kA, 0, 50}}, 10.5, 1));  // not embedded: skipped
  canvas.Add(Run({{kA, 0, 60}}, 10.5, 9));  // no such font: skipped
  canvas.Add(Run({}, 10.5, 0));             // no glyphs: nothing at all
  const std::string content = canvas.Content();
  CHECK(content ==
        "0 0 0 rg\n"
        "BT\n/F0 10 Tf\n1 0 0 1 10 200 Tm\n[<0102>] TJ\nET\n"
        "BT\n1 0 0 1 10 190 Tm\n[<0102>] TJ\nET\n"
        "BT\n/F0 10.5 Tf\n1 0 0 1 10 180 Tm\n[<0102>] TJ\nET\n"
        "BT\n/F3 10.5 Tf\n1 0 0 1 10 170 Tm\n[<0102>] TJ\nET\n");
  CHECK(content.find("/F1") == std::string::npos);
  CHECK(content.find("/F9") == std::string::npos);
}

TEST_CASE("pdf content: screen colours are rg and RG, each set only when it changes") {
  Canvas canvas;
  GlyphRun black = Run({{kA, 0, 10}});
  GlyphRun cyan = Run({{kA, 0, 20}});
  cyan.colour = Colour(100, 0, 0, 0);
  GlyphRun brown = Run({{kA, 0, 30}});
  brown.colour = Colour(20, 40, 60, 10);
  GlyphRun brown_again = brown;
  canvas.Add(black);
  canvas.Add(cyan);
  canvas.Add(brown);
  canvas.Add(brown_again);
  RuleItem rule;
  rule.x1 = 0, rule.y1 = 100, rule.x2 = 50, rule.y2 = 100, rule.weight = 1;
  rule.colour = Colour(20, 40, 60, 10);
  canvas.Add(rule);
  const std::string content = canvas.Content();
  CHECK(content ==
        "0 0 0 rg\nBT\n/F0 10 Tf\n1 0 0 1 10 200 Tm\n[<0102>] TJ\nET\n"
        "0 1 1 rg\nBT\n1 0 0 1 10 190 Tm\n[<0102>] TJ\nET\n"
        "0.72 0.54 0.36 rg\nBT\n1 0 0 1 10 180 Tm\n[<0102>] TJ\nET\n"
        "BT\n1 0 0 1 10 180 Tm\n[<0102>] TJ\nET\n"
        "0.72 0.54 0.36 RG\n10 110 m 60 110 l S\n");
}

TEST_CASE("pdf content: press colours are the declared CMYK, k and K, and never RGB") {
  Canvas canvas(PdfColours::kDeclaredCmyk);
  GlyphRun black = Run({{kA, 0, 10}});  // 100% K
  GlyphRun brown = Run({{kA, 0, 20}});
  brown.colour = Colour(20, 40, 60, 10);
  GlyphRun fine = Run({{kA, 0, 30}});
  fine.colour = Colour(12.345, 0, 0, 0);  // four decimals of a fraction
  canvas.Add(black);
  canvas.Add(brown);
  canvas.Add(fine);
  RuleItem rule;
  rule.x1 = 0, rule.y1 = 100, rule.x2 = 50, rule.y2 = 100, rule.weight = 1;
  canvas.Add(rule);  // 100% K
  const std::string content = canvas.Content();
  CHECK(content ==
        "0 0 0 1 k\nBT\n/F0 10 Tf\n1 0 0 1 10 200 Tm\n[<0102>] TJ\nET\n"
        "0.2 0.4 0.6 0.1 k\nBT\n1 0 0 1 10 190 Tm\n[<0102>] TJ\nET\n"
        "0.1235 0 0 0 k\nBT\n1 0 0 1 10 180 Tm\n[<0102>] TJ\nET\n"
        "0 0 0 1 K\n10 110 m 60 110 l S\n");
  CHECK(content.find("rg") == std::string::npos);
  CHECK(content.find("RG") == std::string::npos);
}

TEST_CASE("pdf content: rectangles are filled re f, stroked re S, or both re B") {
  Canvas canvas;
  RectItem fill;
  fill.x = 5, fill.y = 20, fill.width = 30, fill.height = 40;
  fill.has_fill = true, fill.fill = Colour(0, 0, 0, 50);
  RectItem stroke = fill;
  stroke.has_fill = false, stroke.has_stroke = true;
  stroke.stroke = Colour(0, 0, 0, 100), stroke.stroke_width = 2;
  RectItem both = fill;
  both.y = 100, both.has_stroke = true;
  both.fill = Colour(0, 0, 0, 0), both.stroke = Colour(0, 0, 0, 100), both.stroke_width = 0.25;
  RectItem neither = fill;
  neither.has_fill = false;
  canvas.Add(fill);
  canvas.Add(stroke);
  canvas.Add(both);
  canvas.Add(neither);
  // The rectangle's bottom-left corner: (10 + 5, 210 - (20 + 40)).
  CHECK(canvas.Content() ==
        "0.5 0.5 0.5 rg\n15 150 30 40 re f\n"
        "0 0 0 RG\n2 w\n15 150 30 40 re S\n"
        "1 1 1 rg\n0.25 w\n15 70 30 40 re B\n");
}

TEST_CASE("pdf content: rules are m l S with their weight as w") {
  Canvas canvas;
  RuleItem thin;
  thin.x1 = 0, thin.y1 = 100, thin.x2 = 50, thin.y2 = 100, thin.weight = 0.5;
  RuleItem same = thin;
  same.y1 = same.y2 = 120.125;
  RuleItem vertical;
  vertical.x1 = vertical.x2 = 75.5, vertical.y1 = 10, vertical.y2 = 190, vertical.weight = 1;
  vertical.colour = Colour(0, 100, 100, 0);
  canvas.Add(thin);
  canvas.Add(same);
  canvas.Add(vertical);
  CHECK(canvas.Content() ==
        "0 0 0 RG\n0.5 w\n10 110 m 60 110 l S\n"
        "10 89.875 m 60 89.875 l S\n"
        "1 0 0 RG\n1 w\n85.5 200 m 85.5 20 l S\n");
}

TEST_CASE("pdf content: a picture is scaled into place with cm and drawn as /Im<n>") {
  Canvas canvas;
  ImageItem picture;
  picture.path = "pictures/b.png";
  picture.x = 5, picture.y = 20, picture.width = 30.5, picture.height = 40;
  ImageItem unknown = picture;
  unknown.path = "pictures/not-embedded.jpg";
  ImageItem first = picture;
  first.path = "pictures/a.jpg", first.y = 0;
  canvas.Add(picture);
  canvas.Add(unknown);
  canvas.page.frames.push_back(Frame{});
  canvas.page.frames[1].items.push_back(first);
  CHECK(canvas.Content() ==
        "q 30.5 0 0 40 15 150 cm /Im2 Do Q\n"
        "q 30.5 0 0 40 15 170 cm /Im1 Do Q\n");
}

// A cropped picture: the file drawn enlarged (1 / crop share in each direction) and shifted
// so its crop rectangle lands on the item's rectangle, clipped to that rectangle, all
// inside q ... Q so neither the clip nor the matrix outlives it.
TEST_CASE("pdf content: a cropped picture is clipped to its rectangle, its crop mapped onto it") {
  Canvas canvas;
  ImageItem picture;
  picture.path = "pictures/b.png";
  picture.x = 5, picture.y = 20, picture.width = 30, picture.height = 40;
  // The middle half across, the third quarter down.
  picture.crop_x = 0.25, picture.crop_y = 0.5, picture.crop_width = 0.5, picture.crop_height = 0.25;
  REQUIRE(picture.cropped());
  canvas.Add(picture);
  RectItem after;
  after.x = 0, after.y = 0, after.width = 10, after.height = 10, after.has_fill = true;
  canvas.Add(after);
  // Clip: the item's rectangle, bottom-left (10 + 5, 210 - 60), 30 by 40. The whole file
  // is 30 / 0.5 = 60 wide and 40 / 0.25 = 160 high, its top-left at page
  // (5 - 0.25 * 60, 20 - 0.5 * 160) = (-10, -60), so its bottom-left at PDF
  // (10 - 10, 210 - (-60 + 160)) = (0, 110). The crop's corners then fall on the clip's:
  // x 0 + 0.25 * 60 = 15 to 0 + 0.75 * 60 = 45; y 110 + (1 - 0.75) * 160 = 150 to
  // 110 + (1 - 0.5) * 160 = 190.
  CHECK(canvas.Content() ==
        "q 15 150 30 40 re W n 60 0 0 160 0 110 cm /Im2 Do Q\n"
        "0 0 0 rg\n10 200 10 10 re f\n");
}

TEST_CASE("pdf content: a crop reaching the file's right and bottom edges, in thirds") {
  Canvas canvas;
  ImageItem picture;
  picture.path = "pictures/a.jpg";
  picture.x = 12.5, picture.y = 7.25, picture.width = 100, picture.height = 50;
  picture.crop_x = 1.0 / 3, picture.crop_y = 0.2, picture.crop_width = 2.0 / 3,
  picture.crop_height = 0.8;
  canvas.Add(picture);
  // The file is 150 by 62.5; its top-left at page (12.5 - 50, 7.25 - 12.5) = (-37.5,
  // -5.25): PDF x 10 - 37.5 = -27.5, bottom 210 - (-5.25 + 62.5) = 152.75. The file's
  // right edge, -27.5 + 150 = 122.5, is the clip's (22.5 + 100); its bottom is the clip's.
  CHECK(canvas.Content() == "q 22.5 152.75 100 50 re W n 150 0 0 62.5 -27.5 152.75 cm /Im1 Do Q\n");
}

TEST_CASE("pdf content: only a crop that is not the whole file writes a clip") {
  Canvas canvas;
  ImageItem whole;
  whole.path = "pictures/a.jpg";
  whole.x = 5, whole.y = 20, whole.width = 30, whole.height = 40;
  REQUIRE_FALSE(whole.cropped());
  ImageItem across = whole;
  across.crop_width = 0.5;  // the left half: cropped across only
  canvas.Add(whole);
  canvas.Add(across);
  CHECK(canvas.Content() ==
        "q 30 0 0 40 15 150 cm /Im1 Do Q\n"
        "q 15 150 30 40 re W n 60 0 0 40 15 150 cm /Im1 Do Q\n");
}

TEST_CASE("pdf content: a crop without area draws nothing") {
  Canvas canvas;
  ImageItem picture;
  picture.path = "pictures/a.jpg";
  picture.x = 5, picture.y = 20, picture.width = 30, picture.height = 40;
  ImageItem flat = picture, narrow = picture, negative = picture;
  flat.crop_height = 0;
  narrow.crop_width = 0;
  negative.crop_width = -0.5;
  canvas.Add(flat);
  canvas.Add(narrow);
  canvas.Add(negative);
  CHECK(canvas.Content().empty());
}

// A run of 40 glyphs (ids 0x4e00 + 3i, widths of many sizes) spaced
// irregularly: each glyph's advance plus a justification, a kern or nothing, with a
// line break after 17 glyphs. `y` is the first baseline.
struct IrregularRun {
  Canvas canvas;
  GlyphRun run;
  std::map<int, int> width_of_code;

  IrregularRun(double x, double y, double line_step, double size = 9.37) {
    const int kWidths[] = {1000, 500, 333, 667, 917, 250, 1000, 556, 1000, 611, 278};
    for (int i = 0; i < 40; ++i) {
      canvas.metrics.advances[0x4e00 + 3 * i] = kWidths[i % 11];
      width_of_code[0x4e00 + 3 * i] = kWidths[i % 11];
    }
    run = Run({}, size);
    const double x0 = x;
    for (int i = 0; i < 40; ++i) {
      if (i == 17) y += line_step, x = x0;
      PositionedGlyph g;
      g.id = 0x4e00 + 3 * i, g.x = x, g.y = y;
      run.glyphs.push_back(g);
      const double extra = i % 5 == 0 ? 0 : ((i * 7919) % 1000) / 1000.0 * 1.1 - 0.3 + 1.23e-5 * i;
      x += kWidths[i % 11] * size / 1000 + extra;
    }
    canvas.Add(run);
  }

  size_t TextMatrices(const std::string& content) const {
    size_t n = 0;
    for (size_t at = content.find(" Tm\n"); at != std::string::npos;
         at = content.find(" Tm\n", at + 1))
      ++n;
    return n;
  }

  // Every glyph as the content shows it, checked against where it was placed.
  void CheckPositions(const std::string& content) const {
    std::vector<ShownGlyph> shown = ShownGlyphs(content, width_of_code);
    REQUIRE(shown.size() == run.glyphs.size());
    for (size_t i = 0; i < shown.size(); ++i) {
      CAPTURE(i);
      const PositionedGlyph& placed = run.glyphs[i];
      CHECK(shown[i].code == static_cast<int>(placed.id));
      const double want_x = 10 + placed.x, want_y = 210 - placed.y;
      CHECK(std::abs(shown[i].x - want_x) < 0.001);
      CHECK(std::abs(shown[i].y - want_y) < 0.001);
    }
  }
};

TEST_CASE("pdf content: ~40 irregularly spaced glyphs land within 0.001 pt, no drift") {
  IrregularRun r(12.3456, 45.678, 13.062);
  const std::string content = r.canvas.Content();
  r.CheckPositions(content);
  // One text object, one text matrix per line: the glyphs between are placed by TJ
  // adjustments measured from the written numbers.
  CHECK(content.find("BT") == content.rfind("BT"));
  CHECK(r.TextMatrices(content) == 2);
  CHECK(content.find("] TJ\n1 0 0 1 ") != std::string::npos);
}

TEST_CASE("pdf content: large type far along the page still lands within 0.001 pt") {
  IrregularRun r(512.78901, 1001.25, 80.5, 72.5);
  const std::string content = r.canvas.Content();
  r.CheckPositions(content);
  CHECK(r.TextMatrices(content) < 10);
}

// A baseline whose y has a fourth decimal is compared as it is written (rounded to three),
// so its glyphs stay in one text object rather than one text matrix each.
TEST_CASE("pdf content: a baseline with more than three decimals keeps one Tm per line") {
  IrregularRun r(12.3456, 45.6789, 13.0625);
  const std::string content = r.canvas.Content();
  r.CheckPositions(content);
  CHECK(r.TextMatrices(content) == 2);
}

// ---------------------------------------------------------------------------------------
// Copy-out: a line whose glyphs would not copy out as its text is wrapped in an
// /ActualText span (render/glyph_text.h).

namespace {

// A run whose glyphs stand for `text`, one cluster per (bytes, glyphs) pair.
GlyphRun TextRun(std::vector<PositionedGlyph> glyphs, std::string text,
                 std::vector<TextCluster> clusters, double size = 10) {
  GlyphRun run = Run(std::move(glyphs), size);
  run.text = std::move(text);
  run.clusters = std::move(clusters);
  return run;
}

// The page's content with the ToUnicode map the writer would make from its runs.
std::string ContentWithMap(Canvas& canvas) {
  GlyphTexts map;
  for (const Item& item : canvas.page.frames[0].items)
    if (const auto* run = std::get_if<GlyphRun>(&item)) map.Add(*run);
  std::vector<const GlyphTexts*> maps = {&map, nullptr, nullptr, &map};
  canvas.settings.texts = &maps;
  return canvas.Content();
}

}  // namespace

TEST_CASE(
    "pdf content: a gap extractors read as a space, or an overlap as a break, gets ActualText") {
  // 甲 (kA, a full em) then 乙 (kB, half an em) at 10 pt: 乙 `gap` pt after 甲's end.
  // pdftotext starts a new word past 0.1 em of space or 0.2 em of overlap, pdf.js adds a
  // space past 0.102 em: a span from 0.05 em of space and 0.15 em of overlap.
  struct Case {
    double gap;  // pt
    bool span;
  } cases[] = {{0, false},  {0.4, false},  {0.5, false},  {0.6, true},  {1.5, true},
               {2.5, true}, {-1.4, false}, {-1.5, false}, {-1.6, true}, {-5, true}};
  for (const Case& c : cases) {
    CAPTURE(c.gap);
    Canvas canvas;
    canvas.Add(TextRun({{kA, 20, 30}, {kB, 30 + c.gap, 30}}, "甲乙", {{3, 1}, {3, 1}}));
    const std::string content = ContentWithMap(canvas);
    const std::string span = "/Span <</ActualText <feff75324e59>>> BDC\n";
    CHECK((content.find(span) == 0) == c.span);
    CHECK((content.find("EMC\n") != std::string::npos) == c.span);
    if (c.span) CHECK(content.substr(content.size() - 4) == "EMC\n");
  }
}

TEST_CASE("pdf content: a cluster the ToUnicode map cannot say gets its line's ActualText") {
  struct Case {
    const char* what;
    GlyphRun line;
    std::string actual_text;  // "" for no span
  } cases[] = {
      // .notdef maps to U+FFFD: 🍷 (U+1F377, surrogates D83C DF77) needs the span.
      {"notdef", TextRun({{kA, 0, 30}, {0, 10, 30}}, "甲🍷", {{3, 1}, {4, 1}}),
       "<feff7532d83cdf77>"},
      // 甲 with VS17 (U+E0100, DB40 DD00) drawn with 甲's own glyph, which maps to 甲.
      {"selector", TextRun({{kA, 0, 30}, {kA, 10, 30}}, "甲甲󠄀", {{3, 1}, {7, 1}}),
       "<feff75327532db40dd00>"},
      // A family of three .notdef, one cluster of five characters.
      {"three glyphs",
       TextRun({{0, 0, 30}, {0, 10, 30}, {0, 20, 30}}, "👨‍👩‍👧", {{18, 3}}),
       "<feffd83ddc68200dd83ddc69200dd83ddc67>"},
      // Two characters drawn as one glyph (a ligature): the map has no text for it.
      {"ligature", TextRun({{kB, 0, 30}}, "ff", {{2, 1}}), "<feff00660066>"},
      // A cluster with no glyph at all (only an invisible one, left out).
      {"no glyph", TextRun({{kA, 0, 30}}, "甲\u200b", {{3, 1}, {3, 0}}), "<feff7532200b>"},
      // Plain: one glyph per character, each its map's text.
      {"plain", TextRun({{kA, 0, 30}, {kB, 10, 30}}, "甲乙", {{3, 1}, {3, 1}}), ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.what);
    Canvas canvas;
    // The glyphs seen alone first, so the map says what they are.
    canvas.Add(TextRun({{kA, 0, 100}, {kB, 10, 100}}, "甲乙", {{3, 1}, {3, 1}}));
    canvas.Add(c.line);
    const std::string content = ContentWithMap(canvas);
    if (c.actual_text.empty()) {
      CHECK(content.find("BDC") == std::string::npos);
    } else {
      CHECK(content.find("/Span <</ActualText " + c.actual_text + ">> BDC\n") != std::string::npos);
      CHECK(content.find("BDC") == content.rfind("BDC"));  // only this line
    }
  }
}

TEST_CASE("pdf content: the runs of one line share one span, other lines have their own") {
  Canvas canvas;
  // 甲 and 乙 in font 0, then "x" in font 3 a quarter em on (the space between Han and
  // Latin), on the same baseline: one line. Then 甲 on the next line, alone.
  canvas.Add(TextRun({{kA, 20, 30}, {kB, 30, 30}}, "甲乙", {{3, 1}, {3, 1}}));
  GlyphRun latin = TextRun({{kC, 37.5, 30}}, "x", {{1, 1}});
  latin.font = 3;
  canvas.Add(latin);
  canvas.Add(TextRun({{kA, 20, 45}}, "甲", {{3, 1}}));
  CHECK(ContentWithMap(canvas) ==
        "/Span <</ActualText <feff75324e590078>>> BDC\n"
        "0 0 0 rg\nBT\n/F0 10 Tf\n1 0 0 1 30 180 Tm\n[<01020abc>] TJ\nET\n"
        "BT\n/F3 10 Tf\n1 0 0 1 47.5 180 Tm\n[<1f00>] TJ\nET\n"
        "EMC\n"
        "BT\n/F0 10 Tf\n1 0 0 1 30 165 Tm\n[<0102>] TJ\nET\n");
}

TEST_CASE("pdf content: synthetic bold fills and strokes in the run's colour, inside q Q") {
  for (PdfColours colours : {PdfColours::kScreenRgb, PdfColours::kDeclaredCmyk}) {
    Canvas canvas(colours);
    GlyphRun bold = Run({{kA, 20, 30}}, 12);
    bold.synthetic_bold = true;
    bold.colour = Colour(0, 100, 100, 0);  // red
    canvas.Add(bold);
    canvas.Add(Run({{kA, 20, 50}}));  // black, 10 pt, after Q: colour and font set again
    const bool press = colours == PdfColours::kDeclaredCmyk;
    const std::string red = press ? "0 1 1 0" : "1 0 0";
    const std::string black = press ? "0 0 0 1 k\n" : "0 0 0 rg\n";
    CAPTURE(press);
    // Stroke width 0.06 em of 12 pt = 0.72 pt; round joins.
    CHECK(canvas.Content() == "q 1 j 2 Tr\n" + red + (press ? " K\n" : " RG\n") + "0.72 w\n" + red +
                                  (press ? " k\n" : " rg\n") +
                                  "BT\n/F0 12 Tf\n1 0 0 1 30 180 Tm\n[<0102>] TJ\nET\nQ\n" + black +
                                  "BT\n/F0 10 Tf\n1 0 0 1 30 160 Tm\n[<0102>] TJ\nET\n");
  }
}

// Black overprint on press pages: what is painted in 100 % K alone is drawn under
// /BlackOverprint, everything else (white text, a red rule, a tint, registration, a
// picture) under /Knockout, each gs written only where the state changes.
TEST_CASE("pdf content: press black overprints, every other colour knocks out") {
  Canvas canvas(PdfColours::kDeclaredCmyk);
  canvas.settings.overprint_black = true;
  RectItem tint;  // a 20 % magenta box: knocks out
  tint.x = 0, tint.y = 0, tint.width = 50, tint.height = 30, tint.has_fill = true;
  tint.fill = Colour(0, 20, 0, 0);
  canvas.Add(tint);
  canvas.Add(Run({{kA, 0, 10}}));  // black text on it: overprints
  RuleItem black_rule;
  black_rule.x1 = 0, black_rule.y1 = 40, black_rule.x2 = 50, black_rule.y2 = 40;
  canvas.Add(black_rule);  // still black: no second gs
  GlyphRun white = Run({{kA, 0, 20}});
  white.colour = Colour(0, 0, 0, 0);  // reversed text: knocks out
  canvas.Add(white);
  RuleItem red_rule = black_rule;
  red_rule.colour = Colour(0, 100, 100, 0);
  canvas.Add(red_rule);  // already knocking out
  GlyphRun rich = Run({{kA, 0, 30}});
  rich.colour = Colour(40, 0, 0, 100);  // not K alone: knocks out
  canvas.Add(rich);
  GlyphRun grey = Run({{kA, 0, 50}});
  grey.colour = Colour(0, 0, 0, 60);  // a tint of black is not the declared black
  canvas.Add(grey);
  RectItem box;  // a black outline: overprints
  box.x = 0, box.y = 60, box.width = 20, box.height = 20, box.has_stroke = true;
  box.stroke = Colour(0, 0, 0, 100), box.stroke_width = 1;
  canvas.Add(box);
  RectItem framed = box;  // black outline, white fill: knocks out as a whole
  framed.has_fill = true, framed.fill = Colour(0, 0, 0, 0);
  canvas.Add(framed);
  GlyphRun bold = Run({{kA, 0, 90}});
  bold.synthetic_bold = true;  // black, outlined (K as the box's): the gs comes before its q
  canvas.Add(bold);
  ImageItem picture;
  picture.path = "pictures/a.jpg";
  picture.x = 0, picture.y = 100, picture.width = 10, picture.height = 10;
  canvas.Add(picture);
  const std::string content = canvas.Content();
  CHECK(content ==
        "0 0.2 0 0 k\n10 180 50 30 re f\n"
        "/BlackOverprint gs\n0 0 0 1 k\nBT\n/F0 10 Tf\n1 0 0 1 10 200 Tm\n[<0102>] TJ\nET\n"
        "0 0 0 1 K\n0.5 w\n10 170 m 60 170 l S\n"
        "/Knockout gs\n0 0 0 0 k\nBT\n1 0 0 1 10 190 Tm\n[<0102>] TJ\nET\n"
        "0 1 1 0 K\n10 170 m 60 170 l S\n"
        "0.4 0 0 1 k\nBT\n1 0 0 1 10 180 Tm\n[<0102>] TJ\nET\n"
        "0 0 0 0.6 k\nBT\n1 0 0 1 10 160 Tm\n[<0102>] TJ\nET\n"
        "/BlackOverprint gs\n0 0 0 1 K\n1 w\n10 130 20 20 re S\n"
        "/Knockout gs\n0 0 0 0 k\n10 130 20 20 re B\n"
        "/BlackOverprint gs\nq 1 j 2 Tr\n0.6 w\n0 0 0 1 k\nBT\n1 0 0 1 10 120 Tm\n"
        "[<0102>] TJ\nET\nQ\n"
        "/Knockout gs\nq 10 0 0 10 10 100 cm /Im1 Do Q\n");
}

TEST_CASE("pdf content: no overprint state with overprint off, nor on screen colours") {
  for (PdfColours colours : {PdfColours::kDeclaredCmyk, PdfColours::kScreenRgb})
    for (bool overprint : {false, true}) {
      if (colours == PdfColours::kDeclaredCmyk && overprint) continue;
      CAPTURE(overprint);
      Canvas canvas(colours);
      canvas.settings.overprint_black = overprint;
      canvas.Add(Run({{kA, 0, 10}}));
      RuleItem rule;
      rule.x1 = 0, rule.y1 = 40, rule.x2 = 50, rule.y2 = 40;
      canvas.Add(rule);
      GlyphRun white = Run({{kA, 0, 20}});
      white.colour = Colour(0, 0, 0, 0);
      canvas.Add(white);
      const std::string content = canvas.Content();
      CHECK(content.find(" gs") == std::string::npos);
      CHECK(content.find("Overprint") == std::string::npos);
      CHECK(content.find("Knockout") == std::string::npos);
    }
}
