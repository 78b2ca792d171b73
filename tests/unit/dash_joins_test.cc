// —— one unbroken stroke (layout/dash_joins.h): a table of lines set in the styles the layouts
// use for each kind of text, with the rectangles JoinDashes adds worked out by hand from the
// dash glyphs' ink boxes (in em: Noto Serif CJK SC 0.071–0.929 × 0.360–0.400, its Bold
// 0.074–0.926 × 0.360–0.400, Noto Sans CJK SC 0.072–0.928 × 0.359–0.401, its Bold 0.074–0.926
// × 0.357–0.403, AR PL UKai 72–951 × 372–403 of 1024 units; the vertical form in Noto Serif
// Bold 0.480–0.520 × −0.046–0.806). Each line starts at x 0 on the baseline y 100; a join
// runs from 0.02 em inside the first stroke's end to 0.02 em inside the next one's start, as
// thick as the two strokes are together.
#include "layout/dash_joins.h"

#include <doctest/doctest.h>

#include "compose/justifier.h"
#include "layout/line_items.h"
#include "test_util.h"
#include "text/shaper.h"
#include "text/vertical_text.h"

using namespace banmian;

namespace {

// `text` set as one line, unjustified, from its left edge (or top).
ComposedLine OneLine(const ShapedText& text) {
  ParagraphStyle ps;
  ps.justify = false;
  return SetLine(text, 0, static_cast<uint32_t>(text.atoms.size()), 1000, 0, true, false, ps);
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
  std::vector<Join> joins;
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
     {{18 + 8.361 - 0.18, 100 - 3.6, 1.638, 0.36}}},
    {"bold body **…** (Noto Sans Bold 9pt)",
     "Noto Sans CJK SC",
     true,
     9,
     "美图——国家",
     {{18 + 8.334 - 0.18, 100 - 3.627, 1.692, 0.414}}},
    {"headline (Noto Sans Bold 24pt)",
     "Noto Sans CJK SC",
     true,
     24,
     "美图——国家",
     {{48 + 22.224 - 0.48, 100 - 9.672, 4.512, 1.104}}},
    {"kicker (Noto Sans 13pt)",
     "Noto Sans CJK SC",
     false,
     13,
     "美图——国家",
     {{26 + 12.064 - 0.26, 100 - 5.213, 2.392, 0.546}}},
    {"subhead and pull quote (Noto Serif Bold 14pt)",
     "Noto Serif CJK SC",
     true,
     14,
     "美图——国家",
     {{28 + 12.964 - 0.28, 100 - 5.6, 2.632, 0.56}}},
    {"section title (Noto Sans Bold 10.5pt, red): both dashes of ——医务——",
     "Noto Sans CJK SC",
     true,
     10.5,
     "——医务——",
     {{9.723 - 0.21, 100 - 4.2315, 1.974, 0.483}, {42 + 9.723 - 0.21, 100 - 4.2315, 1.974, 0.483}},
     0,
     true},
    {"emphasis *…* (AR PL UKai 9pt)",
     "AR PL UKai CN",
     false,
     9,
     "美图——国家",
     {{18 + 9 * 951 / 1024.0 - 0.18, 100 - 9 * 403 / 1024.0, 9 * (1 + (72.0 - 951) / 1024 + 0.04),
       9 * 31 / 1024.0}}},
    {"AR PL UKai has no bold: drawn synthetic bold, its strokes thicker all round by half the "
     "outline's stroke",
     "AR PL UKai CN",
     true,
     9,
     "美图——国家",
     {{18 + 9 * 951 / 1024.0 + kHalfStroke - 0.18, 100 - 9 * 403 / 1024.0 - kHalfStroke,
       9 * (1 + (72.0 - 951) / 1024 + 0.04) - 2 * kHalfStroke, 9 * 31 / 1024.0 + 2 * kHalfStroke}}},
    {"—— at the line's start",
     "Noto Serif CJK SC",
     false,
     9,
     "——国家",
     {{8.361 - 0.18, 96.4, 1.638, 0.36}}},
    {"—— at the line's end",
     "Noto Serif CJK SC",
     false,
     9,
     "国家——",
     {{18 + 8.361 - 0.18, 96.4, 1.638, 0.36}}},
    {"———— is one stroke four em long: three joins",
     "Noto Serif CJK SC",
     false,
     9,
     "一————二",
     {{9 + 8.361 - 0.18, 96.4, 1.638, 0.36},
      {18 + 8.361 - 0.18, 96.4, 1.638, 0.36},
      {27 + 8.361 - 0.18, 96.4, 1.638, 0.36}}},
    {"⸺ typed is one glyph already", "Noto Serif CJK SC", false, 9, "一⸺二", {}},
    {"⸺⸺ joined (ink 0.071–1.929 of two em)",
     "Noto Serif CJK SC",
     false,
     9,
     "一⸺⸺二",
     {{9 + 17.361 - 0.18, 96.4, 1.638, 0.36}}},
    {"── (U+2500) touches already", "Noto Serif CJK SC", false, 9, "一──二", {}},
    {"letter spacing 2pt: the wider gap is closed",
     "Noto Serif CJK SC",
     false,
     9,
     "一——二",
     {{11 + 8.361 - 0.18, 96.4, 3.638, 0.36}},
     2},
    {"a dash alone is not joined to anything", "Noto Serif CJK SC", false, 9, "一—二—三", {}},
};

std::vector<Item> SetAcross(const Case& c) {
  Style s;
  s.name = "body";
  s.family = c.family;
  s.bold = c.bold;
  s.size = c.size;
  s.letter_spacing = c.letter_spacing;
  if (c.red) s.colour = Cmyk{0, 100, 100, 0, "red"};
  const ShapedText text = ShapeOne(test::ProjectFonts(), c.text, s);
  std::vector<Item> items;
  AppendLineRuns(text, OneLine(text), 0, 100, items, nullptr);
  return items;
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
  for (const Case& c : kCases) {
    CAPTURE(c.what);
    std::vector<Item> items = SetAcross(c);
    const size_t runs = items.size();
    JoinDashes(test::ProjectFonts().faces(), items);
    CheckJoins(Joins(items), c.joins, c.red ? Cmyk{0, 100, 100, 0, "red"} : Cmyk{});
    // The text is untouched: the same runs, each join after the run of its second dash.
    CHECK(items.size() == runs + c.joins.size());
    std::string text;
    for (const Item& item : items)
      if (const auto* run = std::get_if<GlyphRun>(&item)) text += run->text;
    CHECK(text == c.text);
    if (!c.joins.empty()) CHECK(std::holds_alternative<RectItem>(items.back()));
  }
}

TEST_CASE("dash joins: the vertical headline's —— (vertical forms) is one stroke") {
  Style s;
  s.name = "body";
  s.family = "Noto Serif CJK SC";
  s.bold = true;
  s.size = 30;
  FontSet& fonts = test::ProjectFonts();
  const ShapedText down = TopToBottom(Shape(fonts, {{"会——好", &s, "vert 1"}}), fonts.faces());
  std::vector<Item> items;
  AppendVerticalLine(down, OneLine(down), 100, 50, items, nullptr);
  JoinDashes(fonts.faces(), items);
  // The dashes' boxes start 30 and 60 below the top (50), their origins 0.88 em (26.4) lower
  // and 0.5 em (15) left of the centre (100): the first stroke ends 0.046 em (1.38) below its
  // origin at 107.78, the second starts 0.806 em (24.18) above its own at 112.22; across,
  // both 0.480–0.520 em from their origin 85.
  CheckJoins(Joins(items), {{99.4, 107.78 - 0.6, 1.2, 4.44 + 1.2}}, Cmyk{});
}

TEST_CASE("dash joins: dashes on two lines, in two colours, or far apart are not joined") {
  Style s;
  s.name = "body";
  s.family = "Noto Serif CJK SC";
  s.size = 9;
  FontSet& fonts = test::ProjectFonts();
  const ShapedText first = ShapeOne(fonts, "一—", s), second = ShapeOne(fonts, "—二", s);
  std::vector<Item> items;
  AppendLineRuns(first, OneLine(first), 0, 100, items, nullptr);
  AppendLineRuns(second, OneLine(second), 0, 113.5, items, nullptr);
  JoinDashes(fonts.faces(), items);
  CHECK(Joins(items).empty());  // one under the other, but not in line

  // Side by side but in two colours.
  Style red = s;
  red.colour = Cmyk{0, 100, 100, 0, "red"};
  const ShapedText two = Shape(fonts, {{"一—", &s}, {"—二", &red}});
  items.clear();
  AppendLineRuns(two, OneLine(two), 0, 100, items, nullptr);
  REQUIRE(items.size() == 2);
  JoinDashes(fonts.faces(), items);
  CHECK(Joins(items).empty());

  // Level, but more than half an em apart (a column's last dash and the next column's first):
  // the first stroke ends at 9 + 8.361, the second starts 0.639 into the second line.
  items.clear();
  AppendLineRuns(first, OneLine(first), 0, 100, items, nullptr);
  AppendLineRuns(second, OneLine(second), 22, 100, items, nullptr);
  JoinDashes(fonts.faces(), items);
  CHECK(Joins(items).empty());  // 5.278 apart
  // Closer than half an em: joined, across the two runs.
  items.clear();
  AppendLineRuns(first, OneLine(first), 0, 100, items, nullptr);
  AppendLineRuns(second, OneLine(second), 20, 100, items, nullptr);
  JoinDashes(fonts.faces(), items);
  CheckJoins(Joins(items), {{9 + 8.361 - 0.18, 96.4, 20.819 - 17.181, 0.36}}, Cmyk{});
}

TEST_CASE("dash joins: every page and frame of a document") {
  Style s;
  s.name = "body";
  s.family = "Noto Serif CJK SC";
  s.size = 9;
  FontSet& fonts = test::ProjectFonts();
  const ShapedText text = ShapeOne(fonts, "美图——国家", s);
  Document doc;
  doc.fonts = fonts.faces();
  for (int p = 0; p < 2; ++p) {
    Page page;
    for (int f = 0; f < 2; ++f) {
      Frame frame;
      AppendLineRuns(text, OneLine(text), 10 * f, 100, frame.items, nullptr);
      page.frames.push_back(std::move(frame));
    }
    doc.pages.push_back(std::move(page));
  }
  JoinDashes(doc);
  for (const Page& page : doc.pages)
    for (size_t f = 0; f < page.frames.size(); ++f) {
      const std::vector<RectItem> joins = Joins(page.frames[f].items);
      REQUIRE(joins.size() == 1);
      CHECK(joins[0].x == doctest::Approx(10.0 * f + 18 + 8.361 - 0.18).epsilon(1e-6));
    }
}
