// —— one unbroken stroke (layout/dash_joins.h): a table of lines set in the styles the layouts
// use for each kind of text, with what JoinDashes makes of their dashes worked out by hand.
// Where the font has a two-em dash (Noto CJK: its ⸺ glyph, 2 em wide, ink 0.071–1.929 em in
// Noto Serif), two — one advance apart become that one glyph at the first one's place. Else a
// rectangle closes the gap, worked out from the dash glyphs' ink boxes (in em: Noto Serif CJK SC
// 0.071–0.929 × 0.360–0.400, AR PL UKai 72–951 × 372–403 of 1024 units; the vertical forms in
// Noto Serif Bold 0.480–0.520 × −0.046–0.806): from 0.02 em inside the first stroke's end to
// 0.02 em inside the next one's start, as thick as the two strokes are together. Each line
// starts at x 0 on the baseline y 100.
#include "layout/dash_joins.h"

#include <doctest/doctest.h>

#include "one_line.h"
#include "test_util.h"
#include "text/shaper.h"

using namespace banmian;
using test::AppendOneLine;
using test::OneLine;

namespace {

// The glyph a font shows for ⸺ (U+2E3A), in Chinese text: what its ccmp makes of —— too.
uint32_t TwoEmGlyphOf(const Style& style) {
  const ShapedText t = ShapeOne(test::ProjectFonts(), "国⸺", style);
  REQUIRE(t.glyphs.size() == 2);
  return t.glyphs[1].id;
}

struct Join {
  double x, y, width, height;
};

struct Case {
  const char* what;
  const char* family;
  bool bold;
  double size;
  const char* text;
  std::vector<double> two_em;  // x of each two-em dash glyph that —— becomes
  std::vector<Join> joins;     // the rectangles
  double letter_spacing = 0;
  bool red = false;
};

// Synthetic bold at 9pt: the outline stroked kSyntheticBoldStroke em wide, half outside.
constexpr double kHalfStroke = 9 * kSyntheticBoldStroke / 2;

const Case kCases[] = {
    {"body (Noto Serif 9pt): the issue's 美图——国家",
     "Noto Serif CJK SC",
     false,
     9,
     "美图——国家",
     {18},
     {}},
    {"bold body **…** (Noto Sans Bold 9pt)", "Noto Sans CJK SC", true, 9, "美图——国家", {18}, {}},
    {"headline (Noto Sans Bold 24pt)", "Noto Sans CJK SC", true, 24, "美图——国家", {48}, {}},
    {"kicker (Noto Sans 13pt)", "Noto Sans CJK SC", false, 13, "美图——国家", {26}, {}},
    {"subhead and pull quote (Noto Serif Bold 14pt)",
     "Noto Serif CJK SC",
     true,
     14,
     "美图——国家",
     {28},
     {}},
    {"section title (Noto Sans Bold 10.5pt, red): both dashes of ——医务——",
     "Noto Sans CJK SC",
     true,
     10.5,
     "——医务——",
     {0, 42},
     {},
     0,
     true},
    {"—— at the line's start", "Noto Serif CJK SC", false, 9, "——国家", {0}, {}},
    {"—— at the line's end", "Noto Serif CJK SC", false, 9, "国家——", {18}, {}},
    {"———— is one stroke four em long: two two-em dashes and the gap between them closed",
     "Noto Serif CJK SC",
     false,
     9,
     "一————二",
     {9, 27},
     {{9 + 17.361 - 0.18, 96.4, 1.638, 0.36}}},
    {"——— : a two-em dash and a dash, joined",
     "Noto Serif CJK SC",
     false,
     9,
     "一———二",
     {9},
     {{9 + 17.361 - 0.18, 96.4, 1.638, 0.36}}},
    {"emphasis *…* (AR PL UKai 9pt: no two-em dash)",
     "AR PL UKai CN",
     false,
     9,
     "美图——国家",
     {},
     {{18 + 9 * 951 / 1024.0 - 0.18, 100 - 9 * 403 / 1024.0, 9 * (1 + (72.0 - 951) / 1024 + 0.04),
       9 * 31 / 1024.0}}},
    {"AR PL UKai has no bold: drawn synthetic bold, its strokes thicker all round by half the "
     "outline's stroke",
     "AR PL UKai CN",
     true,
     9,
     "美图——国家",
     {},
     {{18 + 9 * 951 / 1024.0 + kHalfStroke - 0.18, 100 - 9 * 403 / 1024.0 - kHalfStroke,
       9 * (1 + (72.0 - 951) / 1024 + 0.04) - 2 * kHalfStroke, 9 * 31 / 1024.0 + 2 * kHalfStroke}}},
    {"⸺ typed is one glyph already", "Noto Serif CJK SC", false, 9, "一⸺二", {}, {}},
    {"⸺⸺ joined (ink 0.071–1.929 of two em)",
     "Noto Serif CJK SC",
     false,
     9,
     "一⸺⸺二",
     {},
     {{9 + 17.361 - 0.18, 96.4, 1.638, 0.36}}},
    {"── (U+2500) touches already", "Noto Serif CJK SC", false, 9, "一──二", {}, {}},
    {"letter spacing 2pt: no room for the two-em dash; the wider gap is closed",
     "Noto Serif CJK SC",
     false,
     9,
     "一——二",
     {},
     {{11 + 8.361 - 0.18, 96.4, 3.638, 0.36}},
     2},
    {"a dash alone is not joined to anything", "Noto Serif CJK SC", false, 9, "一—二—三", {}, {}},
};

Style StyleOf(const Case& c) {
  Style s = test::TextStyle("body", c.family, c.size, c.bold);
  s.letter_spacing = c.letter_spacing;
  if (c.red) s.colour = Cmyk{0, 100, 100, 0, "red"};
  return s;
}

std::vector<RectItem> Joins(const std::vector<Item>& items) {
  std::vector<RectItem> out;
  for (const Item& item : items)
    if (const auto* r = std::get_if<RectItem>(&item)) out.push_back(*r);
  return out;
}

void CheckJoins(const std::vector<RectItem>& got, const std::vector<Join>& want,
                const Cmyk& colour) {
  REQUIRE(got.size() == want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    CAPTURE(i);
    CHECK(got[i].x == doctest::Approx(want[i].x).epsilon(1e-6));
    CHECK(got[i].y == doctest::Approx(want[i].y).epsilon(1e-6));
    CHECK(got[i].width == doctest::Approx(want[i].width).epsilon(1e-6));
    CHECK(got[i].height == doctest::Approx(want[i].height).epsilon(1e-6));
    CHECK(got[i].has_fill);
    CHECK_FALSE(got[i].has_stroke);
    CHECK(got[i].fill == colour);
    CHECK(got[i].fill.name == colour.name);
    CHECK(got[i].role == "dash-join:body");
  }
}

}  // namespace

TEST_CASE("dash joins: —— is one stroke in every style") {
  FontSet& fonts = test::ProjectFonts();
  for (const Case& c : kCases) {
    CAPTURE(c.what);
    const Style style = StyleOf(c);
    std::vector<Item> items;
    AppendOneLine(c.text, style, false, 0, 100, items);
    REQUIRE(items.size() == 1);
    const size_t glyphs = std::get<GlyphRun>(items[0]).glyphs.size();
    JoinDashes(fonts.faces(), items);
    // The run first, its rectangles after it.
    REQUIRE(items.size() == 1 + c.joins.size());
    CheckJoins(Joins(items), c.joins, c.red ? Cmyk{0, 100, 100, 0, "red"} : Cmyk{});
    // The text is untouched; each —— that became one glyph is one cluster of two characters.
    const auto& run = std::get<GlyphRun>(items[0]);
    CHECK(run.text == c.text);
    CHECK(run.glyphs.size() == glyphs - c.two_em.size());
    std::vector<double> two_em;
    size_t byte = 0;
    for (size_t k = 0, g = 0; k < run.clusters.size(); ++k) {
      const TextCluster& cl = run.clusters[k];
      if (run.text.substr(byte, cl.bytes) == "——") {
        CHECK(cl.glyphs == 1);
        CHECK(run.glyphs[g].id == TwoEmGlyphOf(style));
        CHECK(run.glyphs[g].advance == doctest::Approx(2 * c.size).epsilon(1e-6));
        CHECK(run.glyphs[g].y == 100);
        two_em.push_back(run.glyphs[g].x);
      }
      byte += static_cast<size_t>(cl.bytes);
      g += static_cast<size_t>(cl.glyphs);
    }
    REQUIRE(two_em.size() == c.two_em.size());
    for (size_t i = 0; i < two_em.size(); ++i)
      CHECK(two_em[i] == doctest::Approx(c.two_em[i]).epsilon(1e-6));
  }
}

TEST_CASE("dash joins: the vertical headline's —— is the font's vertical two-em dash") {
  const Style s = test::TextStyle("body", "Noto Serif CJK SC", 30, true);
  FontSet& fonts = test::ProjectFonts();
  std::vector<Item> items;
  AppendOneLine("会——好", s, true, 100, 50, items);
  REQUIRE(items.size() == 4);  // a run per character
  JoinDashes(fonts.faces(), items);
  REQUIRE(items.size() == 3);
  CHECK(Joins(items).empty());
  const auto& dash = std::get<GlyphRun>(items[1]);
  CHECK(dash.text == "——");
  REQUIRE(dash.glyphs.size() == 1);
  REQUIRE(dash.clusters.size() == 1);
  CHECK(dash.clusters[0].bytes == 6);
  // The vertical form of ⸺: the dashes' box starts 30 below the top (50); the glyph's origin
  // is 1.38 em (41.4) below that (its VORG) and 0.5 em (15) left of the centre (100).
  const ShapedText two = Shape(fonts, {{"国⸺", &s, "vert 1"}});
  CHECK(dash.glyphs[0].id == two.glyphs[1].id);
  CHECK(dash.glyphs[0].x == doctest::Approx(85).epsilon(1e-6));
  CHECK(dash.glyphs[0].y == doctest::Approx(121.4).epsilon(1e-6));
  // The characters around it are where they were.
  CHECK(std::get<GlyphRun>(items[2]).glyphs[0].y == doctest::Approx(50 + 90 + 26.4).epsilon(1e-6));
}

TEST_CASE("dash joins: dashes one under the other but across are not joined") {
  // AR PL UKai has no vertical form of —: its dash is set across, one under the other, so the
  // two do not lie in line and nothing is joined (the font's lack, which joining cannot mend).
  const Style s = test::TextStyle("body", "AR PL UKai CN", 30);
  FontSet& fonts = test::ProjectFonts();
  std::vector<Item> items;
  AppendOneLine("会——好", s, true, 100, 50, items);
  JoinDashes(fonts.faces(), items);
  CHECK(items.size() == 4);
  CHECK(Joins(items).empty());
}

TEST_CASE("dash joins: dashes on two lines, in two colours, or far apart are not joined") {
  const Style s = test::TextStyle("body", "Noto Serif CJK SC", 9);
  FontSet& fonts = test::ProjectFonts();
  std::vector<Item> items;
  AppendOneLine("一—", s, false, 0, 100, items);
  AppendOneLine("—二", s, false, 0, 113.5, items);
  JoinDashes(fonts.faces(), items);
  CHECK(items.size() == 2);  // one under the other, but not in line

  // Side by side but in two colours.
  Style red = s;
  red.colour = Cmyk{0, 100, 100, 0, "red"};
  const ShapedText two = Shape(fonts, {{"一—", &s}, {"—二", &red}});
  items.clear();
  AppendLineRuns(two, OneLine(two), 0, 100, items, nullptr);
  REQUIRE(items.size() == 2);
  JoinDashes(fonts.faces(), items);
  CHECK(items.size() == 2);

  // Level, but more than half an em apart (a column's last dash and the next column's first):
  // the first stroke ends at 9 + 8.361, the second starts 0.639 into the second line.
  items.clear();
  AppendOneLine("一—", s, false, 0, 100, items);
  AppendOneLine("—二", s, false, 22, 100, items);
  JoinDashes(fonts.faces(), items);
  CHECK(items.size() == 2);  // 5.278 apart
  // Closer than half an em, in two runs: no two-em dash (that is for one run), but joined.
  items.clear();
  AppendOneLine("一—", s, false, 0, 100, items);
  AppendOneLine("—二", s, false, 20, 100, items);
  JoinDashes(fonts.faces(), items);
  CheckJoins(Joins(items), {{9 + 8.361 - 0.18, 96.4, 20.819 - 17.181, 0.36}}, Cmyk{});
}

TEST_CASE("dash joins: every page and frame of a document") {
  const Style s = test::TextStyle("body", "AR PL UKai CN", 9);
  FontSet& fonts = test::ProjectFonts();
  Document doc;
  for (int p = 0; p < 2; ++p) {
    Page page;
    for (int f = 0; f < 2; ++f) {
      Frame frame;
      AppendOneLine("美图——国家", s, false, 10 * f, 100, frame.items);
      page.frames.push_back(std::move(frame));
    }
    doc.pages.push_back(std::move(page));
  }
  doc.fonts = fonts.faces();  // after shaping, which loads the faces it uses
  JoinDashes(doc);
  for (const Page& page : doc.pages)
    for (size_t f = 0; f < page.frames.size(); ++f) {
      const std::vector<RectItem> joins = Joins(page.frames[f].items);
      REQUIRE(joins.size() == 1);
      CHECK(joins[0].x == doctest::Approx(10.0 * f + 18 + 9 * 951 / 1024.0 - 0.18).epsilon(1e-6));
    }
}
