#include "load/layout_loader.h"

#include <doctest/doctest.h>

#include "test_util.h"

using namespace banmian;
using banmian::test::Messages;

namespace {

const char* kStyles = R"(styles:
  body: {family: Noto Serif CJK SC, size: 9pt}
  body_emph: {family: AR PL UKai CN, size: 9pt}
  body_strong: {family: Noto Sans CJK SC, weight: bold, size: 9pt}
  kicker: {family: Noto Sans CJK SC, size: 12pt}
  headline: {family: Noto Sans CJK SC, weight: bold, size: 24pt}
  subhead: {family: Noto Serif CJK SC, weight: bold, size: 14pt}
  byline: {family: AR PL UKai CN, size: 9pt}
  section_title: {family: Noto Sans CJK SC, weight: bold, size: 10pt}
  crosshead: {family: Noto Sans CJK SC, weight: bold, size: 10pt, align: center}
  caption: {family: AR PL UKai CN, size: 8pt}
  tag: {family: Noto Sans CJK SC, weight: bold, size: 10pt, colour: red}
)";

std::string PaperText(const std::string& grid =
                          "  columns: 4\n  characters: 10\n  gutter: 1ch\n"
                          "  body_size: 9pt\n  line_pitch: 13.5pt\n") {
  return "name: 测试报\npage:\n  width: 200mm\n  height: 300mm\n  margins: {top: 10mm, bottom: "
         "10mm, "
         "left: 10mm, right: 10mm}\ngrid:\n" +
         grid + "colours:\n  black: [0, 0, 0, 100]\n  red: [0, 100, 100, 0]\n" + kStyles;
}

}  // namespace

TEST_CASE("layout: a good paper gives the grid, colours and styles") {
  Diagnostics d;
  auto paper = ParsePaper("paper.yaml", PaperText(), d);
  REQUIRE(paper);
  CHECK(Messages(d) == "");
  CHECK(paper->grid.columns == 4);
  CHECK(paper->grid.column_width() == doctest::Approx(90));
  CHECK(paper->grid.gutter == doctest::Approx(9));
  // (300 - 20) mm = 793.7pt of 13.5pt lines
  CHECK(paper->grid.lines == 58);
  CHECK(paper->page.bleed == doctest::Approx(3 * kPointsPerMm));
  CHECK(paper->styles.at("tag").colour.m == 100);
  CHECK(paper->styles.at("tag").colour.name == "red");
  CHECK(paper->styles.at("crosshead").align == Align::kCenter);
}

TEST_CASE("layout: an unknown key is an error with a did-you-mean hint") {
  Diagnostics d;
  std::string text = PaperText();
  text.replace(text.find("  gutter:"), 9, "  gutte:");
  CHECK_FALSE(ParsePaper("paper.yaml", text, d));
  CHECK(Messages(d) ==
        "paper.yaml:9:3: error[unknown-key]: unknown key 'gutte' in the grid\n"
        "  hint: did you mean 'gutter'?\n");
}

TEST_CASE("layout: a grid wider than the page between its margins") {
  Diagnostics d;
  CHECK_FALSE(
      ParsePaper("paper.yaml",
                 PaperText("  columns: 6\n  characters: 10\n  gutter: 1ch\n  body_size: 9pt\n"
                           "  line_pitch: 13.5pt\n"),
                 d));
  CHECK(
      Messages(d) ==
      "paper.yaml:7:3: error[grid-too-wide]: the grid is 206.4mm wide (6 columns of 10 characters "
      "at 9pt) but the page has 180.0mm between its margins\n"
      "  hint: use fewer columns or characters, or smaller margins\n");
}

TEST_CASE("layout: absurd sizes are refused") {
  Diagnostics d;
  CHECK_FALSE(
      ParsePaper("paper.yaml",
                 PaperText("  columns: 0\n  characters: 10\n  gutter: 1ch\n  body_size: 9pt\n"
                           "  line_pitch: 5pt\n"),
                 d));
  CHECK(
      Messages(d) ==
      "paper.yaml:7:12: error[out-of-range]: 'columns' in the grid must be between 1 and 40, not "
      "0\n"
      "paper.yaml:11:3: error[out-of-range]: the grid's line_pitch must be at least the body size\n"
      "  hint: lines would overlap\n");
}

TEST_CASE("layout: colours must be CMYK, and styles name declared colours") {
  Diagnostics d;
  std::string text = PaperText();
  text.replace(text.find("red: [0, 100, 100, 0]"), 21, "red: '#ff0000'");
  CHECK_FALSE(ParsePaper("paper.yaml", text, d));
  CHECK(Messages(d) ==
        "paper.yaml:14:8: error[bad-colour]: colour 'red' must be four CMYK percentages [C, M, Y, "
        "K]\n"
        "  hint: colours are declared in CMYK, e.g. [0, 100, 100, 0] for a masthead red\n"
        "paper.yaml:26:69: error[unknown-colour]: style 'tag': colour 'red' is not declared in "
        "paper.yaml\n"
        "  hint: declared colours: black\n");
}

TEST_CASE("layout: YAML syntax errors point at the line") {
  Diagnostics d;
  CHECK_FALSE(ParsePaper("paper.yaml", "name: x\npage: [1, 2\n", d));
  // At the bracket left open, not at the end where the reader gave up.
  CHECK(Messages(d).starts_with("paper.yaml:2:7: error[yaml-syntax]: YAML syntax error: this '['"));
}

TEST_CASE("layout: templates place slots on the grid and refuse overlaps") {
  Diagnostics d;
  auto paper = ParsePaper("paper.yaml", PaperText(), d);
  REQUIRE(paper);
  auto t = ParseTemplate("t.yaml", "t",
                         "slots:\n  a:\n    area: {col: 1, cols: 2, row: 1, rows: 10}\n"
                         "  b:\n    area: {col: 2, cols: 2, row: 5, rows: 10}\n",
                         *paper, d);
  CHECK_FALSE(t);
  CHECK(Messages(d) ==
        "t.yaml:4:3: error[slots-overlap]: slot 'b' overlaps slot 'a'\n"
        "  hint: slots are rectangles of grid cells and may not share a cell\n");
  Diagnostics d2;
  auto ok = ParseTemplate(
      "t.yaml", "t", "slots:\n  a:\n    area: {col: 2, cols: 3, row: 2, rows: 10}\n", *paper, d2);
  REQUIRE(ok);
  const Slot& a = ok->slots[0];
  CHECK(a.area.x == doctest::Approx(10 * kPointsPerMm + 99));
  CHECK(a.area.y == doctest::Approx(10 * kPointsPerMm + 13.5));
  CHECK(a.area.width == doctest::Approx(3 * 90 + 2 * 9));
}

TEST_CASE("layout: an area outside the grid names the limit") {
  Diagnostics d;
  auto paper = ParsePaper("paper.yaml", PaperText(), d);
  REQUIRE(paper);
  CHECK_FALSE(ParseTemplate(
      "t.yaml", "t", "slots:\n  a:\n    area: {col: 3, cols: 3, row: 1, rows: 10}\n", *paper, d));
  CHECK(Messages(d) ==
        "t.yaml:3:20: error[outside-grid]: slot 'a' area reaches column 5 but the grid has 4 "
        "columns\n");
}

TEST_CASE("layout: typesetting rules are read from the paper, strict full-width by default") {
  Diagnostics d;
  auto plain = ParsePaper("paper.yaml", PaperText(), d);
  REQUIRE(plain);
  CHECK(plain->rules.strictness == TypesettingRules::Strictness::kStrict);
  CHECK(plain->rules.punctuation == TypesettingRules::Punctuation::kFullWidth);
  CHECK_FALSE(plain->rules.hanging);
  std::string text = PaperText();
  text.replace(text.find("colours:"), 8,
               "typesetting: {strictness: basic, punctuation: kaiming, hanging: true}\ncolours:");
  auto set = ParsePaper("paper.yaml", text, d);
  REQUIRE(set);
  CHECK(set->rules.strictness == TypesettingRules::Strictness::kBasic);
  CHECK(set->rules.punctuation == TypesettingRules::Punctuation::kKaiming);
  CHECK(set->rules.hanging);
  CHECK(Messages(d) == "");
  text.replace(text.find("kaiming"), 7, "kaming");
  CHECK_FALSE(ParsePaper("paper.yaml", text, d));
  CHECK(
      Messages(d) ==
      "paper.yaml:12:47: error[bad-value]: 'punctuation' in typesetting must be one of full-width, "
      "kaiming, not 'kaming'\n"
      "  hint: did you mean 'kaiming'?\n");
}

// Found by the fuzzer: a region whose 'items' key is misspelt threw out of yaml-cpp.
TEST_CASE("layout: a misspelt optional key is reported, never thrown") {
  Diagnostics d;
  auto paper = ParsePaper("paper.yaml", PaperText(), d);
  REQUIRE(paper);
  auto t = ParseTemplate("t.yaml", "t",
                         "regions:\n  folio:\n    area: {col: 1, cols: 2, row: 1, rows: 1}\n"
                         "    itemz: []\n"
                         "slots:\n  a:\n    area: {col: 1, cols: 2, row: 2, rows: 10}\n",
                         *paper, d);
  CHECK_FALSE(t);
  CHECK(Messages(d) ==
        "t.yaml:4:5: error[unknown-key]: unknown key 'itemz' in region 'folio'\n"
        "  hint: did you mean 'items'?\n");
}

TEST_CASE("layout: relative slots are read (below, fit with limits, rest) and checked") {
  Diagnostics d;
  auto paper = ParsePaper("paper.yaml", PaperText(), d);
  REQUIRE(paper);
  auto t = ParseTemplate("t.yaml", "t",
                         "slots:\n"
                         "  lead:\n    area: {col: 1, cols: 4, row: 1, rows: fit, max_rows: 20}\n"
                         "  second:\n    area: {col: 1, cols: 2, below: lead, rows: rest}\n"
                         "  news:\n    area: {col: 3, cols: 2, below: [lead], rows: 8}\n"
                         "    kind: stack\n    optional: true\n",
                         *paper, d);
  REQUIRE(t);
  CHECK(Messages(d) == "");
  const SlotGeometry& lead = t->FindSlot("lead")->geometry;
  CHECK(lead.rows_mode == RowsMode::kFit);
  CHECK(lead.max_rows == 20);
  CHECK(t->FindSlot("second")->geometry.below == std::vector<std::string>{"lead"});
  CHECK(t->FindSlot("second")->geometry.rows_mode == RowsMode::kRest);
  CHECK(t->FindSlot("news")->optional);

  struct Case {
    const char* area;
    const char* message;
  };
  const Case cases[] = {
      {"{col: 1, cols: 2, row: 1, rows: FIT}",
       "t.yaml:3:43: error[bad-value]: slot 'a': 'rows' takes a number of grid lines, fit or "
       "rest, not 'FIT'\n  hint: did you mean 'fit'?\n"},
      {"{col: 1, cols: 2, row: 1, below: b, rows: 3}",
       "t.yaml:3:37: error[bad-value]: slot 'a' area gives both 'row' and 'below'; its top is "
       "one or the other\n"},
      {"{col: 1, cols: 2, row: 1, rows: 3, max_rows: 5}",
       "t.yaml:3:46: error[bad-value]: slot 'a': 'max_rows' goes with 'rows: fit'\n"
       "  hint: a slot sized by its article takes rows: fit, min_rows and max_rows\n"},
      {"{col: 1, cols: 2, row: 1, rows: fit, min_rows: 9, max_rows: 5}",
       "t.yaml:3:61: error[bad-value]: slot 'a': max_rows 5 is less than min_rows 9\n"},
      {"{col: 1, cols: 2, below: nowhere, rows: 3}",
       "t.yaml:3:11: error[unknown-slot]: slot 'a' is below 'nowhere', which is no other slot or "
       "region of template 't'\n"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.area);
    Diagnostics e;
    CHECK_FALSE(ParseTemplate("t.yaml", "t",
                              std::string("slots:\n  a:\n    area: ") + c.area + "\n", *paper, e));
    CHECK(Messages(e) == c.message);
  }
}

// A slot's fill in each of its three forms (docs/formats.md, "Shaded and reversed
// modules"), worked out by hand: a declared colour as declared, a CMYK tint as written, a
// share of a declared colour with each ink scaled and rounded to 0.01 %.
TEST_CASE("layout: a slot's fill as a colour, a CMYK tint or a share of a colour") {
  Diagnostics d;
  std::string text = PaperText();
  text.replace(text.find("  red: [0, 100, 100, 0]\n"), 24,
               "  red: [0, 100, 100, 0]\n  blue: [100, 60, 0, 10]\n  odd: [33, 0, 7, 0]\n");
  auto paper = ParsePaper("paper.yaml", text, d);
  REQUIRE(paper);
  struct Row {
    const char* fill;
    double c, m, y, k;
    const char* name;
  };
  const Row rows[] = {
      {"red", 0, 100, 100, 0, "red"},
      {"blue", 100, 60, 0, 10, "blue"},
      {"[0, 0, 0, 10]", 0, 0, 0, 10, ""},
      {"[12.5, 0, 100, 0]", 12.5, 0, 100, 0, ""},
      {"[0, 0, 0, 0]", 0, 0, 0, 0, ""},
      {"blue 20%", 20, 12, 0, 2, "blue 20%"},
      {"blue 10%", 10, 6, 0, 1, "blue 10%"},
      {"blue 100%", 100, 60, 0, 10, "blue 100%"},
      {"blue 0%", 0, 0, 0, 0, "blue 0%"},
      {"red 35%", 0, 35, 35, 0, "red 35%"},
      {"odd 33%", 10.89, 0, 2.31, 0, "odd 33%"},
      {"odd 12.5%", 4.13, 0, 0.88, 0, "odd 12.5%"},  // 4.125 and 0.875, rounded half up
      {"black 15%", 0, 0, 0, 15, "black 15%"},
  };
  for (const Row& r : rows) {
    CAPTURE(r.fill);
    Diagnostics dt;
    auto t = ParseTemplate("t.yaml", "t",
                           std::string("slots:\n  a:\n    area: {col: 1, cols: 2, row: 1, rows: "
                                       "10}\n    fill: ") +
                               r.fill + "\n",
                           *paper, dt);
    REQUIRE(t);
    REQUIRE(t->slots[0].fill);
    const Cmyk& c = *t->slots[0].fill;
    CHECK(c.c == doctest::Approx(r.c));
    CHECK(c.m == doctest::Approx(r.m));
    CHECK(c.y == doctest::Approx(r.y));
    CHECK(c.k == doctest::Approx(r.k));
    CHECK(c.name == r.name);
  }
}

// Padding: the measure loses whole characters (half at each side) and the text whole grid
// lines, the fewest that clear the padding. 9pt body on 13.5pt: the text's em box starts
// 2.25pt below a grid line's top.
TEST_CASE("layout: padding kept on the character grid and the baseline grid") {
  Grid g;
  g.characters = 10, g.body_size = 9, g.line_pitch = 13.5;
  struct Row {
    double padding;  // pt
    int loss, rows;
  };
  const Row rows[] = {
      {0, 0, 0},     {2, 1, 0},    // half a character (4.5pt) clears 2pt; 2.25pt above the text too
      {2.25, 1, 0},                // exactly the air above the text: no grid line
      {2.26, 1, 1},  {4.5, 1, 1},  // exactly half a character
      {4.51, 2, 1},  {2 * kPointsPerMm, 2, 1},  // 5.67pt: a character each side
      {9, 2, 1},     {15.75, 4, 1},             // 2.25 + 13.5: one grid line exactly
      {15.76, 4, 2},
  };
  for (const Row& r : rows) {
    CAPTURE(r.padding);
    const PaddingInset inset = InsetFor(r.padding, g);
    CHECK(inset.measure_loss == r.loss);
    CHECK(inset.rows == r.rows);
    CHECK(inset.side() == doctest::Approx(r.loss * 4.5));
  }
}

TEST_CASE("layout: headline bars and banner slots are read") {
  Diagnostics d;
  std::string text = PaperText();
  text.replace(text.find("  red: [0, 100, 100, 0]\n"), 24,
               "  red: [0, 100, 100, 0]\n  white: [0, 0, 0, 0]\n");
  text +=
      "  headline_reversed: {family: Noto Sans CJK SC, weight: bold, size: 12pt, colour: white}\n";
  auto paper = ParsePaper("paper.yaml", text, d);
  REQUIRE(paper);
  auto t = ParseTemplate(
      "t.yaml", "t",
      "slots:\n"
      "  banner:\n    area: {col: 1, cols: 4, row: 1, rows: fit}\n    kind: banner\n"
      "  a:\n    area: {col: 1, cols: 2, below: banner, rows: 10}\n"
      "    headline_bar: {fill: red 50%, style: headline_reversed}\n"
      "  b:\n    area: {col: 3, cols: 2, below: banner, rows: 10}\n    kind: stack\n"
      "    headline_bar: {fill: [0, 0, 0, 80], style: headline_reversed, text: 简讯}\n"
      "    boxed: true\n    padding: 1ch\n",
      *paper, d);
  CHECK(Messages(d) == "");
  REQUIRE(t);
  CHECK(t->slots[0].kind == SlotKind::kBanner);
  REQUIRE(t->slots[1].headline_bar);
  CHECK(t->slots[1].headline_bar->fill == Cmyk{0, 50, 50, 0, ""});
  CHECK(t->slots[1].headline_bar->style == "headline_reversed");
  CHECK(t->slots[1].headline_bar->text == "");
  REQUIRE(t->slots[2].headline_bar);
  CHECK(t->slots[2].headline_bar->fill == Cmyk{0, 0, 0, 80, ""});
  CHECK(t->slots[2].headline_bar->text == "简讯");
  CHECK_FALSE(t->slots[2].fill);
  CHECK(t->slots[2].padding == doctest::Approx(9));  // boxed: padding from the frame
}

TEST_CASE("layout: the headline ladder, an auto template's body and a slot's picture keys") {
  Diagnostics d;
  auto paper = ParsePaper("paper.yaml",
                          PaperText() +
                              "auto_layout:\n  headlines:\n"
                              "    - {style: headline, max_rank: 1, min_cols: 3}\n"
                              "    - {style: subhead, min_cols: 2}\n    - {style: kicker}\n",
                          d);
  REQUIRE(paper);
  CHECK(Messages(d) == "");
  REQUIRE(paper->grid.lines == 58);
  const std::vector<HeadlineRung>& ladder = paper->auto_layout.headlines;
  REQUIRE(ladder.size() == 3);
  CHECK(ladder[0].style == "headline");
  CHECK(ladder[0].max_rank == 1);
  CHECK(ladder[0].min_cols == 3);
  CHECK(ladder[0].pos.line == 29);
  CHECK(ladder[1].style == "subhead");
  CHECK(ladder[1].max_rank == 0);
  CHECK(ladder[1].min_cols == 2);
  CHECK(ladder[2].style == "kicker");
  CHECK(ladder[2].max_rank == 0);
  CHECK(ladder[2].min_cols == 0);

  // rows: rest runs down to the footer (grid lines 55–58), the first region below the body
  // in its columns; the note beside it (column 1) does not stop it. Files count from 1, the
  // model from 0.
  auto t = ParseTemplate("auto.yaml", "auto",
                         "regions:\n"
                         "  note: {area: {col: 1, cols: 1, row: 30, rows: 5}}\n"
                         "  footer: {area: {col: 1, cols: 4, row: 55, rows: 4}}\n"
                         "body: {col: 2, cols: 3, row: 3, rows: rest}\n",
                         *paper, d);
  REQUIRE(t);
  CHECK(Messages(d) == "");
  REQUIRE(t->body);
  CHECK(t->body->col == 1);
  CHECK(t->body->cols == 3);
  CHECK(t->body->row == 2);
  CHECK(t->body->rows == 52);
  CHECK(t->body->rest);
  CHECK(t->body->pos.line == 4);
  CHECK(t->slots.empty());

  // Fixed rows, a slot beside the body with the picture keys; a slot without them keeps
  // the defaults.
  t = ParseTemplate("auto.yaml", "auto",
                    "slots:\n"
                    "  side: {area: {col: 1, cols: 2, row: 1, rows: 20}, picture_cols: 1, "
                    "picture_above_headline: true, picture_trim: 2}\n"
                    "  plain: {area: {col: 1, cols: 2, row: 21, rows: 20}}\n"
                    "body: {col: 3, cols: 2, row: 1, rows: 58}\n",
                    *paper, d);
  REQUIRE(t);
  CHECK(Messages(d) == "");
  CHECK(t->body->rows == 58);
  CHECK_FALSE(t->body->rest);
  CHECK(t->FindSlot("side")->picture_columns == 1);
  CHECK(t->FindSlot("side")->picture_above_headline);
  CHECK(t->FindSlot("side")->picture_trim == 2);
  CHECK(t->FindSlot("plain")->picture_columns == 0);
  CHECK(t->FindSlot("plain")->picture_trim == 0);
  CHECK_FALSE(t->FindSlot("plain")->picture_above_headline);

  // A template of a body alone needs no slots; one of neither still does.
  Diagnostics e;
  CHECK_FALSE(ParseTemplate("t.yaml", "t", "regions: {}\n", *paper, e));
  CHECK(Messages(e) == "t.yaml:1:1: error[missing-key]: template 't' needs 'slots'\n");
}

TEST_CASE("layout: the body against the grid and the template, the ladder's last rung") {
  Diagnostics d;
  auto paper = ParsePaper("paper.yaml", PaperText(), d);
  REQUIRE(paper);
  CHECK(paper->auto_layout.headlines.empty());
  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"slots:\n  a: {area: {col: 1, cols: 2, row: 10, rows: 5}}\n"
       "body: {col: 2, cols: 3, row: 1, rows: 20}\n",
       "t.yaml:3:7: error[body-overlap]: the body area (columns 2–4, grid lines 1–20) overlaps "
       "slot 'a' (columns 1–2, grid lines 10–14)\n"
       "  hint: a slot of an auto template lies outside its body: move one of them\n"},
      {"regions:\n  f: {area: {col: 1, cols: 4, row: 50, rows: 9}}\n"
       "body: {col: 1, cols: 4, row: 1, rows: 50}\n",
       "t.yaml:3:7: error[body-overlap]: the body area (columns 1–4, grid lines 1–50) overlaps "
       "region 'f' (columns 1–4, grid lines 50–58)\n"
       "  hint: the body holds the stories and no furniture: shorten the body (rows: rest stops "
       "above the region) or move the region\n"},
      {"body: {col: 1, cols: 4, row: 1, rows: rset}\n",
       "t.yaml:1:39: error[bad-value]: the body area: 'rows' takes a number of grid lines or "
       "rest, not 'rset'\n  hint: did you mean 'rest'?\n"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    Diagnostics e;
    CHECK_FALSE(ParseTemplate("t.yaml", "t", c.text, *paper, e));
    CHECK(Messages(e) == c.message);
  }
  Diagnostics e;
  CHECK_FALSE(ParsePaper("paper.yaml",
                         PaperText() + "auto_layout:\n  headlines:\n"
                                       "    - {style: headline, max_rank: 2}\n",
                         e));
  CHECK(Messages(e) ==
        "paper.yaml:29:7: error[headline-ladder]: auto_layout: the headline ladder's last rung "
        "(style 'headline') takes only stories ranked 1 to 2: any other module would have no "
        "headline style\n  hint: end the ladder with a rung for any story\n");
}
