#include "preflight/findings.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "findings_fixture.h"
#include "preflight/report.h"

using namespace banmian;
using test::Coded;
using test::Labelled;

TEST_CASE("preflight: overset names the article, the slot and what is left over") {
  LayoutReport report;
  OversetRecord text;
  text.page = 1, text.slot = "lead", text.article = "linghang";
  text.characters_left = 120, text.lines_left = 9, text.text_left = "三是用对方法";
  OversetRecord picture;
  picture.page = 2, picture.slot = "b", picture.article = "tu", picture.pictures_left = 1;
  OversetRecord headline;
  headline.page = 2, headline.slot = "a", headline.article = "bt", headline.headline_rows = 16;
  headline.slot_rows = 3, headline.characters_left = 5, headline.lines_left = 1,
  headline.text_left = "正文";
  report.overset = {text, picture, headline};
  auto findings = Preflight(report, Document{}, Paper{});
  REQUIRE(findings.size() == 3);
  CHECK(findings[0].severity == Severity::kError);
  CHECK(findings[0].count == 120);
  CHECK(findings[0].message ==
        "article 'linghang' does not fit slot 'lead': 120 characters (9 lines) left over, from "
        "“三是用对方法…”");
  CHECK(findings[1].message == "article 'tu' does not fit slot 'b': 1 picture left over");
  CHECK(findings[2].message ==
        "article 'bt' does not fit slot 'a': its headline alone takes 16 grid lines of the slot's "
        "3; 5 "
        "characters (1 line) left over, from “正文…”");
}

TEST_CASE("preflight: a line breaking a rule is an error, a low-resolution picture a warning") {
  LayoutReport report;
  report.lines.push_back({1, "slot:lead", "body", "，开头", true, false, ""});
  report.lines.push_back({1, "slot:lead", "body", "结尾“", true, false, ""});
  report.lines.push_back({1, "slot:lead", "body", "正常的一行", true, false, ""});
  report.lines.push_back({1, "region:folio", "folio", "（页眉不查）", false, false, ""});
  PictureRecord p;
  p.page = 1, p.article = "a", p.path = "p.jpg", p.effective_ppi = 120;
  report.pictures.push_back(p);
  auto findings = Preflight(report, Document{}, Paper{});
  REQUIRE(findings.size() == 3);
  CHECK(findings[0].message == "line starts with a mark that may not start a line: “，开头”");
  CHECK(findings[1].message == "line ends with a mark that may not end a line: “结尾“”");
  CHECK(findings[2].severity == Severity::kWarning);
  CHECK(findings[2].message == "picture 'p.jpg' prints at 120 ppi (under 150 ppi looks coarse)");
}

TEST_CASE("preflight: a display line ending inside a word is a warning naming the word") {
  LayoutReport report;
  // Two lines of a section title, the first split inside 单位; a headline split in 有限公司;
  // a line that splits nothing.
  report.lines.push_back({2, "slot:lead", "section_title", "—— 机关事业单", false, false, "单|位"});
  report.lines.push_back({2, "slot:lead", "section_title", "位工作人员 ——", false, false, ""});
  report.lines.push_back({1, "slot:top", "headline", "服务有", false, false, "有|限公司"});
  auto findings = Preflight(report, Document{}, Paper{});
  REQUIRE(findings.size() == 2);
  for (const Finding& f : findings) {
    CHECK(f.code == "display-break-in-word");
    CHECK(f.severity == Severity::kWarning);
    CHECK(f.count == 1);
  }
  CHECK(findings[0].page == 2);
  CHECK(findings[0].where == "slot:lead");
  CHECK(findings[0].message ==
        "the section_title line “—— 机关事业单” ends inside the word 单|位: no break between "
        "words fits the width; shorten the text, or break the line by hand where it reads well "
        "(a kicker, headline or subhead in the front matter: a line break in its text)");
  CHECK(findings[1].page == 1);
  CHECK(findings[1].message.starts_with(
      "the headline line “服务有” ends inside the word 有|限公司:"));
}

namespace {

// Five columns of ten 10pt characters with 10pt gutters, a 15pt line pitch, 78 grid lines,
// the text area's top left at (40, 40).
Paper TestPaper() {
  Paper p;
  p.page.width = 640, p.page.height = 1250;
  p.page.margin_left = 40, p.page.margin_top = 40;
  p.grid.columns = 5, p.grid.characters = 10, p.grid.body_size = 10, p.grid.gutter = 10;
  p.grid.line_pitch = 15, p.grid.lines = 78;
  return p;
}

// Slot "b" on page 2: columns 3 to 5, grid lines 40 to 63.
SlotRecord PartInB(std::vector<int> column_ends) {
  SlotRecord s;
  s.page = 2, s.slot = "b", s.article = "x";
  s.columns = 3, s.rows = 24, s.slot_rows = 24, s.headline_rows = 3;
  s.rows_used = *std::max_element(column_ends.begin(), column_ends.end());
  s.x = 40 + 2 * 110, s.y = 40 + 39 * 15, s.width = 320, s.height = 24 * 15;
  s.grid_col = 2, s.grid_row = 39;
  s.column_ends = column_ends;
  return s;
}

}  // namespace

TEST_CASE("preflight: a column ending more than a line above the longest is a hole") {
  LayoutReport report;
  report.slots = {PartInB({24, 24, 20})};
  auto holes = Coded(Preflight(report, Labelled({"A01", "A02"}), TestPaper()), "hole");
  REQUIRE(holes.size() == 1);
  const Finding& f = holes[0];
  CHECK(f.severity == Severity::kError);
  CHECK(f.page == 2);
  CHECK(f.label == "A02");
  CHECK(f.where == "slot:b");
  CHECK(f.article == "x");
  CHECK(f.count == 4);
  CHECK(f.message == "column 3 of slot 'b' ends 4 grid lines short of the longest (article 'x')");
  // The empty part of the module's third column: the page's fifth, grid lines 60 to 63.
  REQUIRE(f.has_area);
  CHECK(f.x == doctest::Approx(480));
  CHECK(f.y == doctest::Approx(40 + 59 * 15));
  CHECK(f.width == doctest::Approx(100));
  CHECK(f.height == doctest::Approx(60));
  CHECK(f.col_first == 5);
  CHECK(f.col_last == 5);
  CHECK(f.row_first == 60);
  CHECK(f.row_last == 63);
  CHECK(FindingPlace(f) == "page A02 col 5 rows 60–63");

  LayoutReport even;
  even.slots = {PartInB({24, 24, 23})};  // one line short: balanced, not a hole
  CHECK(Coded(Preflight(even, Labelled({"A01", "A02"}), TestPaper()), "hole").empty());
}

TEST_CASE("preflight: a module more than two lines short of its slot is underfull, per column") {
  LayoutReport report;
  report.slots = {PartInB({21, 21, 20})};
  auto all = Preflight(report, Labelled({"A01", "A02"}), TestPaper());
  CHECK(Coded(all, "hole").empty());
  auto underfull = Coded(all, "underfull");
  REQUIRE(underfull.size() == 1);
  const Finding& f = underfull[0];
  CHECK(f.severity == Severity::kError);
  CHECK(f.count == 4);
  CHECK(f.message ==
        "slot 'b' is short of its 24 grid lines: columns 1–2 by 3, column 3 by 4 (article 'x' "
        "ends early)");
  // The empty feet of the three columns: from the highest end to the slot's foot.
  REQUIRE(f.has_area);
  CHECK(f.x == doctest::Approx(260));
  CHECK(f.y == doctest::Approx(40 + 59 * 15));
  CHECK(f.width == doctest::Approx(320));
  CHECK(f.height == doctest::Approx(4 * 15));
  CHECK(FindingPlace(f) == "page A02 cols 3–5 rows 60–63");

  // Two lines short is not underfull.
  LayoutReport full;
  full.slots = {PartInB({22, 22, 22})};
  CHECK(Coded(Preflight(full, Labelled({"A01", "A02"}), TestPaper()), "underfull").empty());

  // On a page added for a stack, the stack just ends there: information.
  report.inserted_pages = {2};
  auto inserted = Coded(Preflight(report, Labelled({"A01", "A02"}), TestPaper()), "underfull");
  REQUIRE(inserted.size() == 1);
  CHECK(inserted[0].severity == Severity::kInfo);

  // A slot with overset text is reported as overset, not as short as well.
  report.inserted_pages.clear();
  OversetRecord o;
  o.page = 2, o.slot = "b", o.article = "x";
  report.overset = {o};
  all = Preflight(report, Labelled({"A01", "A02"}), TestPaper());
  CHECK(Coded(all, "underfull").empty());
  CHECK(Coded(all, "overset").size() == 1);
}

TEST_CASE("preflight: a stack is judged underfull at its lowest article on the page") {
  LayoutReport report;
  SlotRecord upper = PartInB({5, 5, 5});  // ends 19 lines above the foot, but another follows
  upper.rows = 24, upper.rows_used = 5;
  SlotRecord lower = PartInB({17, 17, 17});
  lower.first_row = 6, lower.rows = 18, lower.article = "y";
  lower.y += 6 * 15, lower.height = 18 * 15;
  report.slots = {upper, lower};
  auto underfull = Coded(Preflight(report, Labelled({"A01", "A02"}), TestPaper()), "underfull");
  REQUIRE(underfull.empty());
  report.slots[1].column_ends = {17, 17, 14};
  underfull = Coded(Preflight(report, Labelled({"A01", "A02"}), TestPaper()), "underfull");
  REQUIRE(underfull.size() == 1);
  CHECK(underfull[0].article == "y");
  CHECK(underfull[0].message ==
        "slot 'b' is short of its 24 grid lines: column 3 by 4 (article 'y' ends early)");
  CHECK(FindingPlace(underfull[0]) == "page A02 col 5 rows 60–63");
}

TEST_CASE("preflight: an empty slot is an error, information when optional") {
  LayoutReport report;
  SlotRecord empty;
  empty.page = 1, empty.slot = "side", empty.empty = true;
  empty.x = 40, empty.y = 40, empty.width = 100, empty.height = 150;
  SlotRecord optional = empty;
  optional.slot = "extra", optional.optional = true;
  SlotRecord continuation;
  continuation.page = 2, continuation.slot = "cont", continuation.article = "x";
  continuation.empty = true, continuation.continuation = true, continuation.ended_on = "A01";
  report.slots = {empty, optional, continuation};
  auto found = Coded(Preflight(report, Labelled({"A01", "A02"}), TestPaper()), "empty-slot");
  REQUIRE(found.size() == 3);
  CHECK(found[0].severity == Severity::kError);
  CHECK(found[0].message == "slot 'side' on A01 is empty: no article is placed in it");
  CHECK(found[0].has_area);
  CHECK(FindingPlace(found[0]) == "page A01 col 1 rows 1–10");
  CHECK(found[1].severity == Severity::kInfo);
  CHECK(found[1].message == "optional slot 'extra' on A01 is empty: no article is placed in it");
  CHECK(found[2].severity == Severity::kError);
  CHECK(found[2].message == "article 'x' fits on A01; continuation slot 'cont' on A02 is empty");
  CHECK(!found[2].has_area);  // no place recorded
  CHECK(FindingPlace(found[2]) == "page A02");
  // Neither is counted as underfull too.
  CHECK(Coded(Preflight(report, Labelled({"A01", "A02"}), TestPaper()), "underfull").empty());
}

TEST_CASE("preflight: findings from the records get their place on the page") {
  Document doc = Labelled({"A01"});
  Frame slot = test::SlotFrame("slot:lead", 40, 40, 210, 150);
  GlyphRun run;
  run.size = 10, run.role = "body", run.text = "长";
  run.glyphs = {{0, 60, 60, 10}};  // glyph 0: no font had it
  run.clusters = {{3, 1}};
  slot.items.push_back(run);
  ImageItem picture;
  picture.path = "p.jpg", picture.x = 150, picture.y = 100, picture.width = 100;
  picture.height = 40;
  slot.items.push_back(picture);
  doc.pages[0].frames.push_back(slot);

  LayoutReport report;
  OversetRecord o;
  o.page = 1, o.slot = "lead", o.article = "a", o.characters_left = 3, o.lines_left = 1;
  report.overset.push_back(o);
  report.missing_glyphs.push_back(
      test::MissingGlyph(MissingGlyphRecord::Kind::kMissing, U'长', "", "长"));
  PictureRecord p;
  p.page = 1, p.article = "a", p.path = "p.jpg", p.effective_ppi = 100;
  report.pictures.push_back(p);
  auto found = Preflight(report, doc, TestPaper());
  REQUIRE(found.size() == 3);
  CHECK(found[0].code == "overset");
  CHECK(FindingPlace(found[0]) == "page A01 cols 1–2 rows 1–10");
  CHECK(found[1].code == "missing-glyph");
  CHECK(found[1].has_area);
  CHECK(found[1].y == doctest::Approx(60 - 8.8));
  CHECK(FindingPlace(found[1]) == "page A01 col 1 rows 1–2");
  CHECK(found[2].code == "low-resolution");
  CHECK(FindingPlace(found[2]) == "page A01 col 2 rows 5–7");
}

TEST_CASE("report.json: findings carry their area and grid place, slots their column ends") {
  Document doc = Labelled({"A01", "A02"});
  LayoutReport layout;
  layout.slots = {PartInB({24, 24, 20})};
  std::vector<Finding> findings = Preflight(layout, doc, TestPaper());
  ReportInput in;
  in.command = "check";
  in.document = &doc;
  in.layout = &layout;
  in.findings = &findings;
  std::string json = ReportJson(in);
  CHECK(json.find("\"column_ends\": [\n") != std::string::npos);
  CHECK(json.find("\"label\": \"A02\"") != std::string::npos);
  CHECK(json.find("\"area_mm\": {\n        \"x\": 169.33,") != std::string::npos);
  CHECK(json.find("\"columns\": [\n          5,\n          5\n        ]") != std::string::npos);
  std::string summary = ReportSummary(in);
  CHECK(summary.find("  error[hole] page A02 col 5 rows 60–63: column 3 of slot 'b'") !=
        std::string::npos);
}

TEST_CASE("preflight: a picture set narrower than asked, or too thin to see, is a warning") {
  LayoutReport report;
  PictureRecord wide;
  wide.page = 1, wide.article = "a", wide.path = "pictures/p.jpg";
  wide.pixel_width = 2000, wide.pixel_height = 1500;
  wide.placed_width = 300, wide.placed_height = 225, wide.effective_ppi = 480;
  wide.columns_asked = 9, wide.columns_set = 3;
  report.pictures.push_back(wide);
  PictureRecord thin = wide;
  thin.path = "pictures/thin.png";
  thin.columns_asked = 1, thin.columns_set = 1;
  thin.placed_width = 135, thin.placed_height = 0.007;
  report.pictures.push_back(thin);
  auto findings = Preflight(report, Document{}, Paper{});
  auto narrowed = Coded(findings, "picture-narrowed");
  REQUIRE(narrowed.size() == 1);
  CHECK(narrowed[0].severity == Severity::kWarning);
  CHECK(narrowed[0].message ==
        "picture 'pictures/p.jpg' asks for 9 columns; its module has 3, so it is set across 3");
  auto too_thin = Coded(findings, "picture-too-thin");
  REQUIRE(too_thin.size() == 1);
  CHECK(too_thin[0].message ==
        "picture 'pictures/thin.png' prints 47.6 × 0.0 mm at its own proportions: give it rows= "
        "or ratio= to crop it to a visible shape");
}

TEST_CASE("preflight: grid cells no slot or region covers are an error from two lines") {
  LayoutReport report;
  Area tall;
  tall.col = 1, tall.cols = 2, tall.row = 70, tall.rows = 4;
  tall.x = 150, tall.y = 1000, tall.width = 220, tall.height = 60;
  Area air = tall;
  air.row = 40, air.rows = 1;  // one grid line between two modules: the usual air
  report.grid.uncovered = {{1, tall}, {1, air}};
  auto found = Coded(Preflight(report, Labelled({"A01"}), TestPaper()), "uncovered");
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == Severity::kError);
  CHECK(found[0].message ==
        "no slot or region covers columns 2–3, grid lines 71–74: the page prints white space "
        "there");
}

TEST_CASE("preflight: a straight quote that cannot be paired is a warning at the quote") {
  LayoutReport report;
  Normalization changed;
  changed.article = "a", changed.from = ",", changed.to = "，";
  Normalization odd;
  odd.article = "a", odd.from = odd.to = "\"", odd.unpaired = true;
  odd.pos = {"articles/a.md", 8, 14};
  odd.first_pos = {"articles/a.md", 8, 3};
  odd.quotes = 3;
  odd.context = "这是\"一个孤立";
  Normalization empty = odd;  // "" : a pair with nothing inside
  empty.pos = {"articles/a.md", 9, 6};
  empty.quotes = 4;
  empty.context = "他说\"好\"\"";
  Normalization single = odd;  // the only ' of its text
  single.from = single.to = "'";
  single.quotes = 1;
  single.pos = {"articles/a.md", 12, 2};
  single.context = "甲'乙";
  report.normalizations = {changed, changed, odd, empty, single};
  auto all = Preflight(report, Labelled({"A01"}), TestPaper());
  auto unpaired = Coded(all, "unpaired-quotes");
  REQUIRE(unpaired.size() == 3);
  CHECK(unpaired[0].severity == Severity::kWarning);
  CHECK(unpaired[0].pos.line == 8);
  CHECK(unpaired[0].pos.col == 14);
  CHECK(unpaired[0].count == 3);
  CHECK(unpaired[0].message ==
        "the text holds 3 straight quotes (\"), the first at 8:3; paired in order, this last one "
        "has no partner, at “这是\"一个孤立”: they are left as typed; type the quotation marks "
        "(“ ”), or add the missing straight one");
  CHECK(unpaired[1].pos.line == 9);
  CHECK(unpaired[1].pos.col == 6);
  CHECK(unpaired[1].message ==
        "two straight quotes (\"\") with nothing between them, at “他说\"好\"\"”: pairing the "
        "text's quotes in order is a guess here (a quotation inside a quotation?); they are "
        "left as typed: type the quotation marks (“ ” for the outer, ‘ ’ for the inner)");
  CHECK(unpaired[2].pos.col == 2);
  CHECK(unpaired[2].count == 1);
  CHECK(unpaired[2].message ==
        "this straight quote (') has no partner in its text, at “甲'乙”: it is left as typed; "
        "type the quotation mark (‘ ’), or add the missing straight one");
  auto normalized = Coded(all, "normalized");
  REQUIRE(normalized.size() == 1);
  CHECK(normalized[0].count == 2);
}

TEST_CASE("preflight: every finding's frame has one form, kind:name, or none") {
  LayoutReport report;
  SlotRecord lead;
  lead.page = 1, lead.slot = "lead", lead.article = "linghang";
  SlotRecord other = lead;
  other.page = 2, other.slot = "side";
  report.slots = {lead, other};
  OversetRecord overset;  // recorded with the bare slot name
  overset.page = 1, overset.slot = "lead", overset.article = "linghang",
  overset.characters_left = 3;
  report.overset = {overset};
  MissingGlyphRecord in_article;  // recorded with the article's id
  in_article.page = 2, in_article.where = "linghang", in_article.ch = U'\U0001FAE0';
  MissingGlyphRecord in_region = in_article;
  in_region.where = "region:folio";
  MissingGlyphRecord in_banner = in_article;  // a banner headline, set as an article
  in_banner.page = 1, in_banner.where = "banner:A01:top";
  report.missing_glyphs = {in_article, in_region, in_banner};
  PictureRecord picture;  // an article's picture: no frame recorded
  picture.page = 1, picture.article = "linghang", picture.path = "pictures/p.jpg";
  picture.columns_asked = 9, picture.columns_set = 3;
  picture.placed_width = 300, picture.placed_height = 225, picture.effective_ppi = 480;
  report.pictures = {picture};
  Normalization changed;
  changed.article = "linghang", changed.from = ",", changed.to = "，";
  report.normalizations = {changed};
  std::vector<Finding> findings = Preflight(report, Document{}, Paper{});
  std::vector<std::string> wheres;
  for (const Finding& f : findings) wheres.push_back(f.code + " " + f.where);
  CHECK(wheres == std::vector<std::string>{"overset slot:lead", "missing-glyph slot:side",
                                           "missing-glyph region:folio", "missing-glyph slot:top",
                                           "picture-narrowed slot:lead", "normalized "});
  // In report.json: {kind, name}, or null.
  ReportInput in;
  in.command = "check";
  in.findings = &findings;
  const std::string json = ReportJson(in);
  CHECK(json.find(
            "\"where\": {\n        \"kind\": \"slot\",\n        \"name\": \"lead\"\n      },") !=
        std::string::npos);
  CHECK(json.find("\"where\": {\n        \"kind\": \"region\",\n        \"name\": \"folio\"\n") !=
        std::string::npos);
  CHECK(json.find("\"where\": null,") != std::string::npos);
  CHECK(json.find("\"where\": \"") == std::string::npos);
  CHECK(json.rfind("{\n  \"schema_version\": 1,\n  \"tool\": \"banmian\",", 0) == 0);
}
