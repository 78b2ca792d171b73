// Vertical text (竖排) set by the composer's own rules (text/vertical_text.h): a table of texts
// set top to bottom in 10pt Noto Serif CJK SC, with where each character's box starts down the
// line and where the line ends, worked out by hand from the font's vertical metrics: every
// glyph 1 em tall (⸺ 2 em); vhal gives ，、。》”） a blank half below and 《“（ one above, and
// leaves ！？：； whole (upright, a full em: kNoBlank stands for their blank). Then the same
// texts set across, which must come out the same where the fonts' blanks agree; the glyphs'
// places; and the measurements behind it all (text/glyph_metrics.h).
#include "text/vertical_text.h"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>

#include "compose/justifier.h"
#include "layout/line_items.h"
#include "test_util.h"
#include "text/glyph_metrics.h"
#include "text/shaper.h"

using namespace banmian;

namespace {

// The cases keep the blank of an opening mark at the line's start (the layout's
// line_start_opening: keep), so the blanks the vertical forms have show in full.
ParagraphStyle Setting() {
  ParagraphStyle ps;
  ps.justify = false;
  ps.rules.line_start_opening = TypesettingRules::LineStartOpening::kKeep;
  return ps;
}

ShapedText Vertical(const std::string& text, const Style& style) {
  FontSet& fonts = test::ProjectFonts();
  return TopToBottom(Shape(fonts, {{text, &style, "vert 1"}}), fonts.faces());
}

// `text` set as one line `length` long, unjustified: "line | x x x … | right".
std::string Set(const ShapedText& text, double length, const ParagraphStyle& setting) {
  const ComposedLine l =
      SetLine(text, 0, static_cast<uint32_t>(text.atoms.size()), length, 0, true, false, setting);
  std::string out = LineText(text, l) + " |";
  char buf[32];
  for (float x : l.x) {
    std::snprintf(buf, sizeof buf, " %.2f", x);
    out += buf;
  }
  std::snprintf(buf, sizeof buf, " | %.2f\n", l.right);
  return out + buf;
}

struct Case {
  const char* what;
  const char* text;
  double length;  // pt: the room down the line
  const char* expected;
  bool as_across;  // set across, the text comes out the same
};

const Case kCases[] = {
    {"ideographs one em apart", "一二三", 100, "一二三 | 0.00 10.00 20.00 | 30.00\n", true},
    {"the issue's ，《: two marks in a row take 1.5 em, as across", "社区，《读书》", 100,
     "社区，《读书》 | 0.00 10.00 20.00 25.00 35.00 45.00 55.00 | 60.00\n", true},
    {"the issue's headline: “ keeps its blank at the top, ！ at the end is a full em (across "
     "it ends half)",
     "“五星”社区，《读书》会——好！", 200,
     "“五星”社区，《读书》会——好！ | 0.00 10.00 20.00 30.00 40.00 50.00 60.00 65.00 75.00 "
     "85.00 95.00 105.00 115.00 125.00 135.00 145.00 | 155.00\n",
     false},
    {"）、 and 、（ squeezed; 、 at the end half", "（一）、（二）、", 200,
     "（一）、（二）、 | 0.00 10.00 20.00 25.00 30.00 40.00 50.00 55.00 | 60.00\n", true},
    {"。” at the end: the pair squeezed, ” half", "好。”", 100,
     "好。” | 0.00 10.00 15.00 | 20.00\n", true},
    {"！” : ！ has no blank below, ” none above: nothing squeezed (across: 1.5 em)", "好！”", 100,
     "好！” | 0.00 10.00 20.00 | 25.00\n", false},
    {"： and ？ upright, a full em each", "一：二？", 100,
     "一：二？ | 0.00 10.00 20.00 30.00 | 40.00\n", false},
    {"⸺ is two em tall", "一⸺二", 100, "一⸺二 | 0.00 10.00 30.00 | 40.00\n", true},
    {"a line 5 longer than its room is shrunk as across: the opening brackets' blanks left "
     "after the squeeze give 2.5 each",
     "一（二）（三）", 55, "一（二）（三） | 0.00 7.50 17.50 27.50 30.00 40.00 50.00 | 55.00\n",
     true},
};

}  // namespace

TEST_CASE("vertical text: set down the line by the composer's rules") {
  for (const Case& c : kCases) {
    CAPTURE(c.what);
    const ParagraphStyle setting = Setting();
    const ShapedText down = Vertical(c.text, test::TextStyle("vertical_headline"));
    CHECK(Set(down, c.length, setting) == c.expected);
    const ShapedText across =
        ShapeOne(test::ProjectFonts(), c.text, test::TextStyle("vertical_headline"));
    const std::string across_dump = Set(across, c.length, setting);
    if (c.as_across)
      CHECK(across_dump == c.expected);
    else
      CHECK(across_dump != c.expected);
  }
}

TEST_CASE("vertical text: glyphs hang from the line's centre, their origins from the font") {
  const ShapedText down = Vertical("会——好⸺！", test::TextStyle("vertical_headline"));
  const ComposedLine line =
      SetLine(down, 0, static_cast<uint32_t>(down.atoms.size()), 500, 0, true, false, Setting());
  std::vector<Item> items;
  AppendVerticalLine(down, line, 100, 50, items, nullptr);
  REQUIRE(items.size() == 6);  // one run per character
  // Box tops 0, 10, 20, 30, 40 (⸺ two em), 60; each glyph 0.5 em left of the centre and its
  // vertical origin below its box's top: 0.88 em, ⸺ 1.38 em (VORG).
  const double tops[] = {0, 10, 20, 30, 40, 60}, origins[] = {8.8, 8.8, 8.8, 8.8, 13.8, 8.8};
  for (size_t i = 0; i < items.size(); ++i) {
    CAPTURE(i);
    const auto& run = std::get<GlyphRun>(items[i]);
    REQUIRE(run.glyphs.size() == 1);
    CHECK(run.glyphs[0].x == doctest::Approx(95).epsilon(1e-6));
    CHECK(run.glyphs[0].y == doctest::Approx(50 + tops[i] + origins[i]).epsilon(1e-6));
  }
  // The text copies out as typed.
  std::string text;
  for (const Item& item : items) text += std::get<GlyphRun>(item).text;
  CHECK(text == "会——好⸺！");
}

TEST_CASE("vertical text: letter spacing goes down the line") {
  Style spaced = test::TextStyle("vertical_headline");
  spaced.letter_spacing = 2;
  const ShapedText down = Vertical("一二，三", spaced);
  // Each box 12 tall; ，'s blank is half of its 12.
  CHECK(Set(down, 500, Setting()) == "一二，三 | 0.00 12.00 24.00 36.00 | 48.00\n");
  CHECK(down.atoms[2].blank_right == doctest::Approx(6));
}

TEST_CASE("glyph metrics: ink boxes, vertical metrics and vertical blanks from the fonts") {
  FontSet& fonts = test::ProjectFonts();
  struct InkCase {
    const char* family;
    bool bold;
    const char* text;
    const char* features;
    double left, right, bottom, top;  // em, from the font's units
  };
  const InkCase inks[] = {
      // The dash —: Noto's full-width dash (units of 1000), AR PL UKai's (of 1024).
      {"Noto Serif CJK SC", false, "—", "", 0.071, 0.929, 0.360, 0.400},
      {"Noto Serif CJK SC", true, "—", "", 0.074, 0.926, 0.360, 0.400},
      {"Noto Sans CJK SC", false, "—", "", 0.072, 0.928, 0.359, 0.401},
      {"Noto Sans CJK SC", true, "—", "", 0.074, 0.926, 0.357, 0.403},
      {"AR PL UKai CN", false, "—", "", 72 / 1024.0, 951 / 1024.0, 372 / 1024.0, 403 / 1024.0},
      // Its vertical form ︱, and ⸺ (one glyph two em wide).
      {"Noto Serif CJK SC", true, "—", "vert 1", 0.480, 0.520, -0.046, 0.806},
      {"Noto Serif CJK SC", false, "⸺", "", 0.071, 1.929, 0.360, 0.400},
  };
  for (const InkCase& c : inks) {
    CAPTURE(c.family);
    CAPTURE(c.features);
    Style s = test::TextStyle("vertical_headline", c.family);
    s.bold = c.bold;
    // In Chinese text, as the shaper sees it there (a dash alone is set proportional).
    const ShapedText t = Shape(fonts, {{std::string("国") + c.text, &s, c.features}});
    REQUIRE(t.glyphs.size() == 2);
    const InkBox ink = GlyphInk(fonts.faces()[t.atoms[1].font], t.glyphs[1].id);
    CHECK(ink.left == doctest::Approx(c.left).epsilon(1e-9));
    CHECK(ink.right == doctest::Approx(c.right).epsilon(1e-9));
    CHECK(ink.bottom == doctest::Approx(c.bottom).epsilon(1e-9));
    CHECK(ink.top == doctest::Approx(c.top).epsilon(1e-9));
  }

  struct BlankCase {
    const char* family;
    char32_t ch;
    double top, bottom;
    bool from_font;
  };
  const BlankCase blanks[] = {
      {"Noto Serif CJK SC", U'，', 0, 0.5, true}, {"Noto Serif CJK SC", U'。', 0, 0.5, true},
      {"Noto Serif CJK SC", U'、', 0, 0.5, true}, {"Noto Serif CJK SC", U'《', 0.5, 0, true},
      {"Noto Serif CJK SC", U'》', 0, 0.5, true}, {"Noto Serif CJK SC", U'“', 0.5, 0, true},
      {"Noto Serif CJK SC", U'”', 0, 0.5, true},  {"Noto Serif CJK SC", U'（', 0.5, 0, true},
      {"Noto Sans CJK SC", U'）', 0, 0.5, true},  {"Noto Sans CJK SC", U'！', 0, 0, true},
      {"Noto Sans CJK SC", U'？', 0, 0, true},    {"Noto Sans CJK SC", U'：', 0, 0, true},
      {"Noto Serif CJK SC", U'；', 0, 0, true},   {"AR PL UKai CN", U'，', 0, 0, false},
      {"AR PL UKai CN", U'《', 0, 0, false},
  };
  for (const BlankCase& c : blanks) {
    CAPTURE(c.family);
    CAPTURE(static_cast<uint32_t>(c.ch));
    const Style s = test::TextStyle("vertical_headline", c.family);
    const ShapedText t = ShapeOne(fonts, "一", s);
    const VerticalBlanks b = MarkBlanksVertical(fonts.faces()[t.atoms[0].font], c.ch);
    CHECK(b.top == c.top);
    CHECK(b.bottom == c.bottom);
    CHECK(b.from_font == c.from_font);
  }

  // Vertical metrics: an ideograph 1 em tall from 0.88 em below its top; ⸺'s vertical form
  // 2 em from 1.38 em; in AR PL UKai (1024 units) 1 em from 900 units.
  struct VerticalCase {
    const char* family;
    const char* text;
    double advance, origin_x, origin_y;
  };
  const VerticalCase verticals[] = {
      {"Noto Serif CJK SC", "国", 1, -0.5, 0.88},
      {"Noto Serif CJK SC", "，", 1, -0.5, 0.88},
      {"Noto Serif CJK SC", "⸺", 2, -0.5, 1.38},
      {"AR PL UKai CN", "国", 1, -0.5, 900 / 1024.0},
  };
  for (const VerticalCase& c : verticals) {
    CAPTURE(c.text);
    const Style s = test::TextStyle("vertical_headline", c.family);
    const ShapedText t = Shape(fonts, {{std::string("国") + c.text, &s, "vert 1"}});
    REQUIRE(t.glyphs.size() == 2);
    const VerticalGlyph v = GlyphVertical(fonts.faces()[t.atoms[1].font], t.glyphs[1].id);
    CHECK(v.advance == doctest::Approx(c.advance).epsilon(1e-9));
    CHECK(v.origin_x == doctest::Approx(c.origin_x).epsilon(1e-9));
    CHECK(v.origin_y == doctest::Approx(c.origin_y).epsilon(1e-9));
  }
  // The two-em dash ccmp makes of ——: Noto's ⸺ glyph (across) and its vertical form (down),
  // two em; none in AR PL UKai.
  for (const bool bold : {false, true}) {
    Style s = test::TextStyle("vertical_headline");
    s.bold = bold;
    const ShapedText across = Shape(fonts, {{"国⸺", &s}});
    const ShapedText down = Shape(fonts, {{"国⸺", &s, "vert 1"}});
    const FontFace& face = fonts.faces()[across.atoms[1].font];
    CHECK(TwoEmDashGlyph(face, false).glyph == across.glyphs[1].id);
    CHECK(TwoEmDashGlyph(face, false).advance == 2);
    CHECK(TwoEmDashGlyph(face, true).glyph == down.glyphs[1].id);
    CHECK(TwoEmDashGlyph(face, true).advance == 2);
    CHECK(TwoEmDashGlyph(face, true).glyph != TwoEmDashGlyph(face, false).glyph);
  }
  const ShapedText ukai =
      ShapeOne(fonts, "一", test::TextStyle("vertical_headline", "AR PL UKai CN"));
  CHECK(TwoEmDashGlyph(fonts.faces()[ukai.atoms[0].font], false).glyph == 0);
  CHECK(TwoEmDashGlyph(fonts.faces()[ukai.atoms[0].font], true).glyph == 0);

  // A face that cannot be opened: an em square, no ink, no blanks.
  const FontFace nowhere{"/nonexistent/font.otf", 0, "", "", ""};
  CHECK(GlyphInk(nowhere, 5).empty());
  CHECK(GlyphVertical(nowhere, 5).advance == 1);
  CHECK_FALSE(MarkBlanksVertical(nowhere, U'，').from_font);
  CHECK(TwoEmDashGlyph(nowhere, false).glyph == 0);
}

TEST_CASE("vertical text: an opening mark at the top is flush by default, as across") {
  ParagraphStyle setting = Setting();
  setting.rules.line_start_opening = TypesettingRules::LineStartOpening::kFlush;
  // “ loses its blank half above (its ink at the box's top), ” its blank below at the end.
  CHECK(Set(Vertical("“五星”", test::TextStyle("vertical_headline")), 100, setting) ==
        "“五星” | -5.00 5.00 15.00 25.00 | 30.00\n");
  CHECK(Set(ShapeOne(test::ProjectFonts(), "“五星”", test::TextStyle("vertical_headline")), 100,
            setting) == "“五星” | -5.00 5.00 15.00 25.00 | 30.00\n");
}
