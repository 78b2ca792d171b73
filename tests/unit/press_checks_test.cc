// Press checks (preflight/press_checks.h): each limit with one member just under it and
// one at or just over it, in a table; then what the checks leave alone (the printer's
// marks, the proof's own drawings), how findings of one frame are gathered, and the
// picture resolution thresholds read from the paper.
#include "preflight/press_checks.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "findings_fixture.h"

using namespace banmian;

namespace {

const Cmyk kBlack{0, 0, 0, 100, "black"};
const Cmyk kRed{0, 100, 100, 0, "red"};
const Cmyk kWhite{0, 0, 0, 0, "white"};
const Cmyk kBlue{100, 0, 0, 0, "blue"};
const Cmyk kRichBlack{40, 30, 30, 100, "black"};

// A run of two glyphs 10 pt apart at (100, 200) in `colour` at `size` pt.
GlyphRun Text(const Cmyk& colour, double size) {
  GlyphRun run;
  run.size = size;
  run.colour = colour;
  run.role = "body";
  run.text = "一二";
  run.glyphs = {{1, 100, 200, size}, {2, 100 + size, 200, size}};
  return run;
}

RuleItem Rule(const Cmyk& colour, double weight) {
  return RuleItem{100, 300, 200, 300, weight, colour, "column-rule"};
}

RectItem Box(double x, double y, double w, double h, const Cmyk& fill) {
  RectItem r;
  r.x = x, r.y = y, r.width = w, r.height = h;
  r.has_fill = true, r.fill = fill;
  r.role = "box";
  return r;
}

// One A4-ish page with 3 mm (8.5 pt) bleed holding one frame of `items`.
Document PageOf(std::vector<Item> items, double bleed = 8.5) {
  Document doc = test::Labelled({"A01"});
  Page& page = doc.pages[0];
  page.width = 600, page.height = 800, page.bleed = bleed;
  Frame frame = test::SlotFrame("slot:lead", 50, 50, 500, 700);
  frame.items = std::move(items);
  page.frames.push_back(frame);
  return doc;
}

std::string Codes(const std::vector<Finding>& found) {
  std::string out;
  for (const Finding& f : found) out += (out.empty() ? "" : " ") + f.code;
  return out;
}

struct Row {
  const char* what;
  Item item;
  const char* codes;  // the codes found, in order ("" for none)
};

}  // namespace

TEST_CASE("press checks: every limit, just under and at or over it") {
  const Row rows[] = {
      // Type in two inks or more: 10 pt and over is fine.
      {"red 9.9pt", Text(kRed, 9.9), "small-multi-ink-text"},
      {"red 10pt", Text(kRed, 10), ""},
      {"four-colour 9pt", Text({20, 30, 40, 10, "brown"}, 9), "small-multi-ink-text"},
      // White type on paper cannot be seen at any size (on fills: the table below).
      {"white 9.9pt on paper", Text(kWhite, 9.9), "invisible-text"},
      {"white 10pt on paper", Text(kWhite, 10), "invisible-text"},
      // Solid type in one ink: 6 pt and over.
      {"black 5.9pt", Text(kBlack, 5.9), "small-single-ink-text"},
      {"black 6pt", Text(kBlack, 6), ""},
      {"blue 5.9pt", Text(kBlue, 5.9), "small-single-ink-text"},
      // Rich black at any size; a dark colour under 90 % K is a colour.
      {"rich black 7pt", Text(kRichBlack, 7), "rich-black-text"},
      {"rich black 24pt", Text(kRichBlack, 24), "rich-black-text"},
      {"K90 with C10", Text({10, 0, 0, 90, ""}, 12), "rich-black-text"},
      {"K89 with C10 at 12pt", Text({10, 0, 0, 89, ""}, 12), ""},
      // Rules: 0.5 pt in one ink, 1.5 pt in more.
      {"black rule 0.49pt", Rule(kBlack, 0.49), "thin-rule"},
      {"black rule 0.5pt", Rule(kBlack, 0.5), ""},
      {"red rule 1.49pt", Rule(kRed, 1.49), "thin-rule"},
      {"red rule 1.5pt", Rule(kRed, 1.5), ""},
      {"white rule 0.1pt", Rule(kWhite, 0.1), ""},
      // Ink: 240 % by default.
      {"a 241 % colour", Text({61, 60, 60, 60, "deep"}, 12), "ink-over-limit"},
      {"a 240 % colour", Text({60, 60, 60, 60, "deep"}, 12), ""},
      // Art at the trim: reaching the bleed is fine, stopping at the trim or inside the
      // bleed is not; a hair (0.5 pt) inside the trim counts as reaching it.
      {"box to the bleed", Box(-8.5, 100, 200, 100, kBlue), ""},
      {"box to the trim", Box(0, 100, 200, 100, kBlue), "art-at-trim"},
      {"box a hair inside", Box(0.4, 100, 200, 100, kBlue), "art-at-trim"},
      {"box 1pt inside", Box(1, 100, 200, 100, kBlue), ""},
      {"box 2pt into the bleed", Box(-2, 100, 200, 100, kBlue), "art-at-trim"},
      {"box to the right trim", Box(400, 100, 200, 100, kBlue), "art-at-trim"},
      {"box to the foot", Box(100, 700, 200, 100, kBlue), "art-at-trim"},
      {"white box at the trim", Box(0, 100, 200, 100, kWhite), ""},
  };
  for (const Row& r : rows) {
    CAPTURE(r.what);
    const std::vector<Finding> found = CheckPress(PageOf({r.item}), PressSettings{});
    CHECK(Codes(found) == r.codes);
    for (const Finding& f : found) {
      CHECK(f.page == 1);
      CHECK(f.where == "slot:lead");
      CHECK(f.has_area);
      CHECK(f.severity ==
            (f.code == "ink-over-limit" || f.code == "invisible-text" ? Severity::kError
                                                                      : Severity::kWarning));
    }
  }
}

// Text on a fill (a slot's 底纹, a headline bar, a box): reversed when it is lighter than the
// fill (relative luminance of the screen colours), so under 10pt a small-reversed-text;
// darker text on a tint is checked as text on paper. A fill over the ink limit is
// ink-over-limit. The fill lies under the text at (100, 200): 90–190 pt across, 185–215 down.
TEST_CASE("press checks: text on fills, lighter or darker than the fill") {
  const Cmyk kTint{0, 0, 0, 10, "grey 10%"};
  const Cmyk kPale{0, 0, 20, 0, "pale"};
  const Cmyk kYellow{0, 0, 100, 0, "yellow"};
  struct FillRow {
    const char* what;
    Cmyk fill;
    Item text;
    const char* codes;
  };
  const FillRow rows[] = {
      {"black 7pt on a 10 % K tint", kTint, Text(kBlack, 7), ""},
      {"white 9.9pt on red", kRed, Text(kWhite, 9.9), "small-reversed-text"},
      {"white 10pt on red", kRed, Text(kWhite, 10), ""},
      {"pale 9pt on blue", kBlue, Text(kPale, 9), "small-reversed-text"},
      {"pale 10pt on blue", kBlue, Text(kPale, 10), ""},
      {"yellow 9pt on blue (lighter)", kBlue, Text(kYellow, 9), "small-reversed-text"},
      {"blue 9pt on yellow (darker)", kYellow, Text(kBlue, 9), ""},
      {"red 9pt on a K tint (darker, two inks)", kTint, Text(kRed, 9), "small-multi-ink-text"},
      {"black 12pt on a 250 % fill (as dark)", {100, 100, 50, 0, "deep"}, Text(kBlack, 12),
       "ink-over-limit invisible-text"},
      {"white 12pt on a white fill", kWhite, Text(kWhite, 12), "invisible-text"},
      {"black 12pt on a K 100 bar", kBlack, Text(kBlack, 12), "invisible-text"},
      {"black 12pt on a K 80 bar (just seen)", {0, 0, 0, 80, "grey"}, Text(kBlack, 12), ""},
  };
  for (const FillRow& r : rows) {
    CAPTURE(r.what);
    const std::vector<Finding> found =
        CheckPress(PageOf({Box(90, 185, 100, 30, r.fill), r.text}), PressSettings{});
    CHECK(Codes(found) == r.codes);
  }
  // Beside a fill, not on it: pale 9pt text is on paper, too pale to be seen there.
  CHECK(Codes(CheckPress(PageOf({Box(300, 185, 100, 30, kBlue), Text(kPale, 9)}),
                         PressSettings{})) == "invisible-text");
  // White type on a picture: the ground is not one colour, so only its size is checked.
  ImageItem photo;
  photo.path = "pictures/photo.jpg";
  photo.x = 90, photo.y = 180, photo.width = 100, photo.height = 40;
  CHECK(Codes(CheckPress(PageOf({photo, Text(kWhite, 7)}), PressSettings{})) ==
        "small-reversed-text");
  const auto found =
      CheckPress(PageOf({Box(90, 185, 100, 30, kBlue), Text(kPale, 9)}), PressSettings{});
  REQUIRE(found.size() == 1);
  CHECK(found[0].message ==
        "9pt reversed text (pale: C0 M0 Y20 K0, 20 % on blue: C100 M0 Y0 K0, 100 %): under 10pt, "
        "the ink around it fills it in");
}

TEST_CASE("press checks: the messages say the size, the inks and the limit") {
  auto message = [](const Item& item, double bleed = 8.5) {
    const auto found = CheckPress(PageOf({item}, bleed), PressSettings{});
    REQUIRE(found.size() == 1);
    return found[0].message;
  };
  CHECK(message(Text(kRed, 9)) ==
        "9pt text in 2 inks (red: C0 M100 Y100 K0, 200 %): under 10pt, misregistration blurs it");
  CHECK(message(Text(kRichBlack, 7)) ==
        "7pt text in rich black (black: C40 M30 Y30 K100, 200 %): black type prints in 100 % K "
        "alone");
  CHECK(message(Text(kWhite, 7)) ==
        "7pt text in white: C0 M0 Y0 K0, 0 % on white paper: as light as what it lies on, it "
        "cannot be seen");
  CHECK(message(Text(kBlack, 5)) == "5pt text: under 6pt, type this small breaks up on newsprint");
  CHECK(message(Rule(kBlack, 0.4)) ==
        "0.4pt rule in 1 ink: under 0.5pt, it breaks up on newsprint");
  CHECK(message(Rule(kRed, 0.5)) ==
        "0.5pt rule in 2 inks (red: C0 M100 Y100 K0, 200 %): under 1.5pt, misregistration "
        "doubles it");
  CHECK(message(Box(0, 100, 200, 100, kBlue)) ==
        "a filled box reaches the page's left edge but not the 3.0 mm bleed: a cut a little off "
        "shows a white sliver");
  CHECK(message(Box(0, 700, 200, 100, kBlue)) ==
        "a filled box reaches the page's left and bottom edges but not the 3.0 mm bleed: a cut "
        "a little off shows a white sliver");
  CHECK(message(Box(0, 0, 600, 100, kBlue)) ==
        "a filled box reaches the page's left, right and top edges but not the 3.0 mm bleed: a "
        "cut a little off shows a white sliver");
  CHECK(message(Box(0, 100, 200, 100, kBlue), 0) ==
        "a filled box reaches the page's left edge but not beyond it (the page has no bleed): a "
        "cut a little off shows a white sliver");
  CHECK(message(Text({100, 100, 80, 0, "deep"}, 12)) ==
        "colour deep: C100 M100 Y80 K0, 280 % is over the paper's 240 % ink limit");
}

TEST_CASE("press checks: the paper's own limits, marks and proof drawings left alone") {
  PressSettings plant;
  plant.checks.multi_ink_text_min = 8;
  plant.checks.single_ink_rule_min = 0.3;
  plant.ink_limit = 300;
  CHECK(Codes(CheckPress(PageOf({Text(kRed, 9)}), plant)) == "");
  CHECK(Codes(CheckPress(PageOf({Text(kRed, 7.9)}), plant)) == "small-multi-ink-text");
  CHECK(Codes(CheckPress(PageOf({Rule(kBlack, 0.4)}), plant)) == "");
  CHECK(Codes(CheckPress(PageOf({Text({81, 70, 70, 80, "deep"}, 24)}), plant)) == "ink-over-limit");
  CHECK(Codes(CheckPress(PageOf({Text({80, 70, 70, 80, "deep"}, 24)}), plant)) == "");
  // The printer's marks (registration colour, hairlines) and the proof's own drawings.
  Document doc = PageOf({});
  Frame marks;
  marks.name = "marks";
  marks.items.push_back(Rule({100, 100, 100, 100, "registration"}, 0.25));
  doc.pages[0].frames.push_back(marks);
  GlyphRun overset = Text(kRed, 7);
  overset.role = "overset-mark";
  RuleItem proof = Rule(kRed, 0.2);
  proof.role = "proof-finding";
  doc.pages[0].frames[0].items = {overset, proof};
  CHECK(Codes(CheckPress(doc, PressSettings{})) == "");
}

TEST_CASE("press checks: one finding per frame, code, colour and size, its area all of them") {
  // Three 7 pt red runs in one frame, one at 8 pt, and one 7 pt red run in another frame.
  Document doc = PageOf({Text(kRed, 7), Text(kRed, 7), Text(kRed, 8)});
  std::get<GlyphRun>(doc.pages[0].frames[0].items[1]).glyphs[1].y = 260;
  std::get<GlyphRun>(doc.pages[0].frames[0].items[1]).glyphs[0].y = 260;
  Frame other = test::SlotFrame("slot:side", 0, 0, 100, 100);
  other.items.push_back(Text(kRed, 7));
  doc.pages[0].frames.push_back(other);
  const auto found = CheckPress(doc, PressSettings{});
  REQUIRE(found.size() == 3);
  CHECK(found[0].count == 2);
  CHECK(found[0].message.starts_with("7pt"));
  // The two 7 pt runs: x 100 to 114, baselines 200 and 260 (em box 0.88 up, 0.12 down).
  CHECK(found[0].x == doctest::Approx(100));
  CHECK(found[0].width == doctest::Approx(14));
  CHECK(found[0].y == doctest::Approx(200 - 0.88 * 7));
  CHECK(found[0].height == doctest::Approx(60 + 7));
  CHECK(found[1].message.starts_with("8pt"));
  CHECK(found[2].where == "slot:side");
  // A slot's frame on the next page (a continued part has the same name) is its own.
  Document two = PageOf({Text(kRed, 7)});
  two.pages.push_back(two.pages[0]);
  two.pages[1].number = 2, two.pages[1].label = "A02";
  const auto per_page = CheckPress(two, PressSettings{});
  REQUIRE(per_page.size() == 2);
  CHECK(per_page[0].page == 1);
  CHECK(per_page[1].page == 2);
  CHECK(per_page[1].count == 1);
  // A colour over the limit is one finding for the whole document.
  Document twice = PageOf({Text({100, 100, 80, 0, "deep"}, 12)});
  Frame again = test::SlotFrame("slot:side", 0, 0, 100, 100);
  again.items.push_back(Text({100, 100, 80, 0, "deep"}, 12));
  twice.pages[0].frames.push_back(again);
  CHECK(Codes(CheckPress(twice, PressSettings{})) == "ink-over-limit");
}

TEST_CASE(
    "preflight: a picture under the paper's error ppi is an error, under its warning ppi a "
    "warning") {
  struct PpiRow {
    double ppi, warning, error;
    const char* expected;  // "" for no finding
  };
  const PpiRow rows[] = {
      {150, 150, 100, ""},
      {149.6, 150, 100, "warning: picture 'p.jpg' prints at 150 ppi (under 150 ppi looks coarse)"},
      {100, 150, 100, "warning: picture 'p.jpg' prints at 100 ppi (under 150 ppi looks coarse)"},
      {99.4, 150, 100,
       "error: picture 'p.jpg' prints at 99 ppi (under 100 ppi, too coarse for the press)"},
      {190, 200, 170, "warning: picture 'p.jpg' prints at 190 ppi (under 200 ppi looks coarse)"},
      {169, 200, 170,
       "error: picture 'p.jpg' prints at 169 ppi (under 170 ppi, too coarse for the press)"},
  };
  for (const PpiRow& r : rows) {
    CAPTURE(r.ppi);
    LayoutReport report;
    PictureRecord p;
    p.page = 1, p.article = "a", p.path = "p.jpg", p.effective_ppi = r.ppi;
    report.pictures.push_back(p);
    Paper paper;
    paper.press.checks.picture_ppi_warning = r.warning;
    paper.press.checks.picture_ppi_error = r.error;
    std::string got;
    for (const Finding& f : Preflight(report, Document{}, paper))
      if (f.code == "low-resolution")
        got = std::string(f.severity == Severity::kError ? "error: " : "warning: ") + f.message;
    CHECK(got == r.expected);
  }
}

TEST_CASE("press checks: see-through pictures over what was painted before them") {
  // A 40 × 20 pt logo at (100, 100): over a fill, a picture, text or a placed PDF painted
  // before it, in its own frame or an earlier one, it is an error; opaque, off what is
  // under it, over a white fill, or painted before the fill, it is none.
  auto logo = [](bool transparency, double x = 100) {
    ImageItem image;
    image.path = "layouts/p/logo.svg#400x200";
    image.x = x, image.y = 100, image.width = 40, image.height = 20;
    image.transparency = transparency;
    image.role = "region-image";
    return image;
  };
  GlyphRun text = Text(kBlack, 12);
  text.glyphs[0].y = text.glyphs[1].y = 112;  // x 100 to 124, inside the logo's box
  FormItem form{};
  form.clip_x = 90, form.clip_y = 90, form.clip_width = 60, form.clip_height = 60;
  ImageItem photo = logo(false, 110);
  photo.path = "pictures/photo.jpg";
  struct Case {
    const char* what;
    std::vector<Item> items;
    const char* codes;
  };
  const std::vector<Case> cases = {
      {"over a red box", {Box(90, 90, 100, 50, kRed), logo(true)}, "transparent-art"},
      {"over a photo", {photo, logo(true)}, "transparent-art"},
      {"over text", {text, logo(true)}, "transparent-art"},
      {"over a placed PDF", {form, logo(true)}, "transparent-art"},
      {"opaque over a red box", {Box(90, 90, 100, 50, kRed), logo(false)}, ""},
      {"beside the box", {Box(90, 90, 100, 50, kRed), logo(true, 300)}, ""},
      {"over a white box", {Box(90, 90, 100, 50, kWhite), logo(true)}, ""},
      {"under the box (painted first)", {logo(true), Box(90, 90, 100, 50, kRed)}, ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.what);
    CHECK(Codes(CheckPress(PageOf(c.items), PressSettings{})) == c.codes);
  }
  // In a later frame than the fill; the message names the file (not the size it was drawn
  // at) and what lies under it.
  Document doc = PageOf({Box(90, 90, 100, 50, kRed)});
  Frame masthead = test::SlotFrame("region:masthead", 0, 0, 600, 200);
  masthead.items.push_back(logo(true));
  doc.pages[0].frames.push_back(masthead);
  const auto found = CheckPress(doc, PressSettings{});
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == Severity::kError);
  CHECK(found[0].where == "region:masthead");
  CHECK(found[0].message ==
        "picture 'layouts/p/logo.svg' has see-through pixels and lies over a fill in red: C0 "
        "M100 Y100 K0, 200 %: the press files have no transparency and print those pixels as "
        "white paper");
  CHECK(found[0].x == doctest::Approx(100));
  CHECK(found[0].width == doctest::Approx(40));
}
