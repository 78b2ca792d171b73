// —— as one unbroken stroke, checked in pixels (layout/dash_joins.h): a small page of dashes in
// the styles the layouts use, across and down, painted by the PNG preview and written as the
// screen PDF (rendered by poppler's pdftoppm), both at 600 dpi. Along the middle of the stroke
// where two dashes meet, from the middle of one to the middle of the next, no pixel is light;
// without JoinDashes, every meeting shows light pixels (so the check does see a gap). The
// PDF's text (pdftotext) still holds the U+2014s typed.
#include <cairo.h>
#include <doctest/doctest.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "../unit/one_line.h"
#include "../unit/test_util.h"
#include "layout/dash_joins.h"
#include "render/export.h"
#include "render/press.h"
#include "text/glyph_metrics.h"

using namespace banmian;

namespace {

constexpr double kDpi = 600;
const Cmyk kRed{0, 100, 100, 0, "red"};

struct Line {
  const char* family;
  bool bold;
  double size;
  const char* text;
  double x, y;  // left edge and baseline; for vertical text the centre line and the top
  bool vertical = false;
  bool red = false;
};

// The dash lines of the page, each in the style of one kind of text.
const Line kLines[] = {
    {"Noto Serif CJK SC", false, 9, "美图——国家（正文）", 20, 30},
    {"Noto Sans CJK SC", true, 9, "问题意识——以问题为导向（粗体）", 20, 50},
    {"AR PL UKai CN", false, 9, "补位意识——持续补足短板（楷体）", 20, 70},
    {"Noto Sans CJK SC", true, 24, "关键字——准", 20, 110},
    {"Noto Sans CJK SC", false, 13, "转化为社区治理之能——", 20, 140},
    {"Noto Serif CJK SC", true, 14, "——记九里亭街道", 20, 170},
    {"Noto Sans CJK SC", true, 10.5, "—— 医务工作者 ——", 20, 195, false, true},
    {"Noto Serif CJK SC", false, 9, "两个破折号————四个", 20, 215},
    {"Noto Serif CJK SC", true, 30, "会——好！", 260, 20, true},
};

Document DashPage() {
  FontSet& fonts = test::ProjectFonts();
  Document doc;
  doc.title = "dashes";
  doc.date = "2021-05-10";
  Page page;
  page.width = 300, page.height = 240;
  Frame frame;
  frame.name = "slot:dashes";
  frame.width = page.width, frame.height = page.height;
  for (const Line& l : kLines) {
    Style s = test::TextStyle("line", l.family, l.size, l.bold);
    if (l.red) s.colour = kRed;
    test::AppendOneLine(l.text, s, l.vertical, l.x, l.y, frame.items);
  }
  page.frames.push_back(std::move(frame));
  doc.pages.push_back(std::move(page));
  doc.fonts = fonts.faces();
  return doc;
}

// A grey image, one byte a pixel (0 black), of the page at kDpi.
struct Grey {
  int width = 0, height = 0;
  std::vector<unsigned char> pixels;
  int At(int x, int y) const {
    if (x < 0 || y < 0 || x >= width || y >= height) return 255;
    return pixels[static_cast<size_t>(y) * width + x];
  }
};

Grey FromPng(const std::string& path) {
  Grey g;
  cairo_surface_t* s = cairo_image_surface_create_from_png(path.c_str());
  REQUIRE(cairo_surface_status(s) == CAIRO_STATUS_SUCCESS);
  g.width = cairo_image_surface_get_width(s), g.height = cairo_image_surface_get_height(s);
  const unsigned char* data = cairo_image_surface_get_data(s);
  const int stride = cairo_image_surface_get_stride(s);
  for (int y = 0; y < g.height; ++y)
    for (int x = 0; x < g.width; ++x) {
      const unsigned char* p = data + y * stride + x * 4;  // B G R A
      g.pixels.push_back(static_cast<unsigned char>((p[0] + p[1] + p[2]) / 3));
    }
  cairo_surface_destroy(s);
  return g;
}

// pdftoppm -gray writes a binary PGM: "P5\n<w> <h>\n255\n" and the pixels.
Grey FromPgm(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string magic;
  int max = 0;
  Grey g;
  in >> magic >> g.width >> g.height >> max;
  in.get();
  REQUIRE(magic == "P5");
  REQUIRE(max == 255);
  g.pixels.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  REQUIRE(g.pixels.size() == static_cast<size_t>(g.width) * g.height);
  return g;
}

// Where two dashes meet: the middle of the stroke, from the middle of the first dash's ink to
// the middle of the second's (so across the gap between them), in pt. Found from the glyphs
// as placed, before joining, and the fonts' ink boxes: not from what JoinDashes made.
struct Meeting {
  bool across = true;
  double from = 0, to = 0, at = 0;  // along the line, and across it
  bool red = false;                 // the text's colour: red, else black
};

std::vector<Meeting> Meetings(const Document& doc) {
  std::vector<Meeting> out;
  struct Ink {
    double left, right, top, bottom;
  };
  std::optional<Ink> previous;
  for (const Item& item : doc.pages[0].frames[0].items) {
    const auto* run = std::get_if<GlyphRun>(&item);
    if (!run) continue;
    size_t byte = 0, g = 0;
    for (const TextCluster& c : run->clusters) {
      std::optional<Ink> ink;
      if (run->text.substr(byte, c.bytes) == "—" && c.glyphs == 1) {
        const PositionedGlyph& glyph = run->glyphs[g];
        const InkBox box = GlyphInk(doc.fonts[run->font], glyph.id);
        ink = Ink{glyph.x + box.left * run->size, glyph.x + box.right * run->size,
                  glyph.y - box.top * run->size, glyph.y - box.bottom * run->size};
      }
      if (ink && previous) {
        const Ink& a = *previous;
        const Ink& b = *ink;
        if (std::abs(a.top - b.top) < 0.01 && b.left > a.left)
          out.push_back({true, (a.left + a.right) / 2, (b.left + b.right) / 2,
                         (a.top + a.bottom) / 2, run->colour == kRed});
        else if (std::abs(a.left - b.left) < 0.01 && b.top > a.top)
          out.push_back({false, (a.top + a.bottom) / 2, (b.top + b.bottom) / 2,
                         (a.left + a.right) / 2, run->colour == kRed});
      }
      previous = ink;
      byte += static_cast<size_t>(c.bytes);
      g += static_cast<size_t>(c.glyphs);
    }
  }
  return out;
}

// The lightest pixel along a meeting.
int Lightest(const Grey& g, const Meeting& m) {
  const double s = kDpi / 72;
  int lightest = 0;
  const int at = static_cast<int>(m.at * s);
  for (int i = static_cast<int>(m.from * s); i <= static_cast<int>(m.to * s); ++i)
    lightest = std::max(lightest, m.across ? g.At(i, at) : g.At(at, i));
  return lightest;
}

}  // namespace

TEST_CASE("render: —— is one unbroken stroke in the PNG preview and the PDF, copied out as typed") {
  test::TempDir dir;
  const Document without = DashPage();
  Document doc = without;
  JoinDashes(doc);
  const std::vector<Meeting> meetings = Meetings(without);
  // One in each line, two in the section title, three in ————.
  REQUIRE(meetings.size() == 12);

  // Without the joins there is a gap at each meeting, white or nearly (the check sees it).
  REQUIRE(WritePngs(without, dir.path + "/without", kDpi).ok);
  const Grey gaps = FromPng(dir.path + "/without-p01.png");
  for (const Meeting& m : meetings) {
    CAPTURE(m.from);
    CAPTURE(m.at);
    CHECK(Lightest(gaps, m) > 200);
  }

  // With them, the preview's stroke is dark all along.
  REQUIRE(WritePngs(doc, dir.path + "/page", kDpi).ok);
  const Grey preview = FromPng(dir.path + "/page-p01.png");
  for (const Meeting& m : meetings) {
    CAPTURE(m.from);
    CAPTURE(m.at);
    CHECK(Lightest(preview, m) < 100);
  }

  // The PDF, as poppler renders it.
  const std::string pdf = dir.path + "/page.pdf";
  REQUIRE(WritePdf(doc, pdf).ok);
  test::Output("pdftoppm -r 600 -gray '" + pdf + "' '" + dir.path + "/pdf'");
  const Grey rendered = FromPgm(dir.path + "/pdf-1.pgm");
  CHECK(rendered.width == preview.width);
  for (const Meeting& m : meetings) {
    CAPTURE(m.from);
    CAPTURE(m.at);
    CHECK(Lightest(rendered, m) < 100);
  }

  // Copied out: the characters typed, each dash a U+2014 (the joins are no text).
  const std::string text = test::Output("pdftotext -enc UTF-8 '" + pdf + "' -");
  for (const char* typed : {"美图——国家", "问题意识——以问题为导向", "关键字——准",
                            "两个破折号————四个", "—— 医务工作者 ——"})
    CHECK(text.find(typed) != std::string::npos);
}

// The press PDF (PDF/X-1a, declared CMYK) of the same page, separated by Ghostscript (bitcmyk,
// 600 dpi, no anti-aliasing): along every meeting each pixel carries the text's colour in full
// and nothing on the other plates, black on K alone and red on M and Y, as the text does (no
// overprint is set: text and joins both knock out).
TEST_CASE("render: —— is one stroke on the press plates, in the text's declared CMYK") {
  test::TempDir dir;
  Document doc = DashPage();
  JoinDashes(doc);
  const std::vector<Meeting> meetings = Meetings(DashPage());
  PressOptions options;
  options.paper_id = "dashes";
  options.date = doc.date;
  const PressPictures pictures = ConvertPressPictures(doc, options);
  const ExportResult press = WritePressPdfs(doc, options, pictures, dir.path);
  REQUIRE(press.ok);
  REQUIRE(press.files.size() == 1);
  const std::string raw = dir.path + "/plates.raw";
  test::Output(
      "gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=bitcmyk -dGrayValues=256 -r600 "
      "-dTextAlphaBits=1 -dGraphicsAlphaBits=1 -sOutputFile='" +
      raw + "' '" + press.files[0] + "' 2>&1");
  std::ifstream in(raw, std::ios::binary);
  const std::string plates((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const int width = static_cast<int>(300 * kDpi / 72), height = static_cast<int>(240 * kDpi / 72);
  REQUIRE(plates.size() == static_cast<size_t>(width) * height * 4);
  const double s = kDpi / 72;
  for (const Meeting& m : meetings) {
    CAPTURE(m.from);
    CAPTURE(m.at);
    const std::array<int, 4> ink =
        m.red ? std::array<int, 4>{0, 255, 255, 0} : std::array<int, 4>{0, 0, 0, 255};
    int wrong = 0;
    const int at = static_cast<int>(m.at * s);
    for (int i = static_cast<int>(m.from * s); i <= static_cast<int>(m.to * s); ++i) {
      const size_t pixel =
          (static_cast<size_t>(m.across ? at : i) * width + (m.across ? i : at)) * 4;
      for (int plate = 0; plate < 4; ++plate)
        wrong += static_cast<unsigned char>(plates[pixel + plate]) != ink[plate];
    }
    CHECK(wrong == 0);
  }
}

// …… is six dots evenly spaced: the fonts place the dots of U+2026 a third of an em apart and
// a sixth of an em in from each side, so two side by side continue the spacing and need no
// join (measured: Noto CJK 333 and 334 units of 1000 between dots inside a glyph and across
// two; AR PL UKai 340 and 348 inside, 336 across, of 1024). Painted at 600 dpi, the centres of
// the six dots along the row through them are spaced alike within 0.015 em, across and down.
TEST_CASE("render: …… is six evenly spaced dots, in every font the layouts use") {
  struct Dots {
    const char* family;
    bool bold;
    bool vertical;
  };
  const Dots fonts_used[] = {
      {"Noto Serif CJK SC", false, false}, {"Noto Serif CJK SC", true, false},
      {"Noto Sans CJK SC", false, false},  {"Noto Sans CJK SC", true, false},
      {"AR PL UKai CN", false, false},     {"Noto Serif CJK SC", true, true},
      {"Noto Sans CJK SC", false, true}};
  constexpr double kSize = 20;
  FontSet& fonts = test::ProjectFonts();
  for (const Dots& d : fonts_used) {
    CAPTURE(d.family);
    CAPTURE(d.bold);
    CAPTURE(d.vertical);
    const Style s = test::TextStyle("line", d.family, kSize, d.bold);
    Document doc;
    doc.date = "2021-05-10";
    Page page;
    page.width = page.height = 100;
    Frame frame;
    // 一……二 from (10, 40) across, or down the centre line x 50 from the top 10.
    if (d.vertical)
      test::AppendOneLine("一……二", s, true, 50, 10, frame.items);
    else
      test::AppendOneLine("一……二", s, false, 10, 40, frame.items);
    page.frames.push_back(std::move(frame));
    doc.pages.push_back(std::move(page));
    doc.fonts = fonts.faces();
    test::TempDir dir;
    REQUIRE(WritePngs(doc, dir.path + "/dots", kDpi).ok);
    const Grey g = FromPng(dir.path + "/dots-p01.png");
    // The line through the dots' middle: the ellipsis glyph's ink, from the font.
    // (Across, one run holds the line; down, each character is a run.)
    const auto& run = std::get<GlyphRun>(doc.pages[0].frames[0].items[d.vertical ? 1 : 0]);
    REQUIRE(run.glyphs.size() > (d.vertical ? 0u : 1u));
    const PositionedGlyph& dot = run.glyphs[d.vertical ? 0 : 1];
    const InkBox ink = GlyphInk(fonts.faces()[run.font], dot.id);
    const double px = kDpi / 72;
    std::vector<double> centres;  // of the dark runs along the line, in pixels
    int start = -1;
    // The two ellipses take the second and third em of the line, across or down, from 10.
    const int from = static_cast<int>((10 + kSize) * px),
              to = static_cast<int>((10 + 3 * kSize) * px);
    const int across = static_cast<int>((d.vertical ? dot.x + (ink.left + ink.right) / 2 * kSize
                                                    : dot.y - (ink.bottom + ink.top) / 2 * kSize) *
                                        px);
    for (int i = from; i <= to; ++i) {
      const bool dark = (d.vertical ? g.At(across, i) : g.At(i, across)) < 128;
      if (dark && start < 0) start = i;
      if (!dark && start >= 0) centres.push_back((start + i - 1) / 2.0), start = -1;
    }
    REQUIRE(centres.size() == 6);
    double least = 1e9, most = 0;
    for (size_t i = 1; i < centres.size(); ++i) {
      least = std::min(least, centres[i] - centres[i - 1]);
      most = std::max(most, centres[i] - centres[i - 1]);
    }
    CHECK(least > kSize / 3 * px * 0.95);
    CHECK(most - least <= 0.015 * kSize * px);
  }
}
