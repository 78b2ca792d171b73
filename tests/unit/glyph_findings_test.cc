// Findings about characters not shown as asked (preflight/findings.h): a missing glyph, a
// bold style's character emboldened from a font without bold (synthetic-bold, info), a
// variation selector its font has no glyph for (missing-variant, warning); each placed at
// its cluster on the page, the n-th record of a page at the n-th such cluster.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "findings_fixture.h"
#include "preflight/findings.h"

using namespace banmian;
using test::Coded;

namespace {

using Kind = MissingGlyphRecord::Kind;

// A page A01 (300 × 400 pt) with one slot holding `runs`, and two fonts.
Document PageWith(std::vector<GlyphRun> runs) {
  Document doc = test::Labelled({"A01"});
  doc.fonts = {{"/fonts/NotoSerifCJK-Regular.ttc", 2, "Noto Serif CJK SC", "Regular", "2.001"},
               {"/fonts/HanaMinB.ttf", 0, "HanaMinB", "Regular", "8.030"}};
  Page& page = doc.pages[0];
  page.width = 300, page.height = 400;
  Frame slot = test::SlotFrame("slot:lead", 20, 20, 260, 300);
  for (GlyphRun& r : runs) slot.items.push_back(std::move(r));
  page.frames.push_back(slot);
  return doc;
}

// One glyph per cluster, 10 pt wide, on the baseline y from x on.
GlyphRun Run(const std::string& text, std::vector<int> cluster_bytes, std::vector<uint32_t> ids,
             double x, double y, int font = 0, bool synthetic = false) {
  GlyphRun run;
  run.font = font, run.size = 10, run.text = text, run.synthetic_bold = synthetic;
  for (size_t i = 0; i < ids.size(); ++i) {
    run.glyphs.push_back({ids[i], x + 10 * static_cast<double>(i), y, 10});
    run.clusters.push_back({cluster_bytes[i], 1});
  }
  return run;
}

// A record of page 1, article "a", found in the text "ctx".
MissingGlyphRecord Record(Kind kind, char32_t ch, const std::string& cluster) {
  return test::MissingGlyph(kind, ch, cluster, "ctx");
}

}  // namespace

TEST_CASE("glyph findings: code, severity, message and place of each kind") {
  // Line 1 (baseline 50): 葛󠄀 at x 30 (Noto, glyph 34484), 𠀁 at x 40 (HanaMinB, bold from
  // regular), 🍷 at x 50 (.notdef).
  Document doc = PageWith({Run("葛󠄀", {7}, {34484}, 30, 50),
                           Run("𠀁", {4}, {105}, 40, 50, 1, true), Run("🍷", {4}, {0}, 50, 50)});
  LayoutReport report;
  report.missing_glyphs = {Record(Kind::kNoVariant, 0x845B, "葛󠄀"),
                           Record(Kind::kSyntheticBold, 0x20001, "𠀁"),
                           Record(Kind::kMissing, 0x1F377, "🍷")};
  Paper paper;
  const std::vector<Finding> all = Preflight(report, doc, paper);
  struct Want {
    const char* code;
    Severity severity;
    const char* message;
    double x;
  } wants[] = {
      {"missing-variant", Severity::kWarning,
       "the font Noto Serif CJK SC Regular has no glyph for 葛 (U+845B) with the variation "
       "selector U+E0100: its usual glyph is printed (the selector stays in the text), in “ctx”",
       30},
      {"synthetic-bold", Severity::kInfo,
       "no bold face has the character 𠀁 (U+20001): it is set in HanaMinB Regular and "
       "emboldened, in “ctx”",
       40},
      {"missing-glyph", Severity::kError, "no font has the character 🍷 (U+1F377), in “ctx”", 50},
  };
  for (const Want& w : wants) {
    CAPTURE(w.code);
    auto found = Coded(all, w.code);
    REQUIRE(found.size() == 1);
    CHECK(found[0].severity == w.severity);
    CHECK(found[0].message == w.message);
    CHECK(found[0].label == "A01");
    CHECK(found[0].article == "a");
    REQUIRE(found[0].has_area);
    // The em box: 0.88 of the size above the baseline, 0.12 below, the advance across.
    CHECK(found[0].x == doctest::Approx(w.x));
    CHECK(found[0].width == doctest::Approx(10));
    CHECK(found[0].y == doctest::Approx(50 - 8.8));
    CHECK(found[0].height == doctest::Approx(10));
  }
}

TEST_CASE("glyph findings: the n-th record of a cluster is placed at its n-th drawing") {
  // 𠀁 emboldened on three lines (y 50, 70, 90), and once not emboldened (y 60) which a
  // synthetic-bold record never points at; 葛󠄀 twice on one line.
  Document doc =
      PageWith({Run("𠀁", {4}, {105}, 30, 50, 1, true), Run("𠀁", {4}, {105}, 30, 60, 1),
                Run("𠀁", {4}, {105}, 30, 70, 1, true), Run("𠀁", {4}, {105}, 30, 90, 1, true),
                Run("葛󠄀和葛󠄀", {7, 3, 7}, {34484, 12129, 34484}, 100, 50)});
  LayoutReport report;
  for (int i = 0; i < 3; ++i)
    report.missing_glyphs.push_back(Record(Kind::kSyntheticBold, 0x20001, "𠀁"));
  for (int i = 0; i < 2; ++i)
    report.missing_glyphs.push_back(Record(Kind::kNoVariant, 0x845B, "葛󠄀"));
  // A fourth record has no fourth drawing: no area.
  report.missing_glyphs.push_back(Record(Kind::kSyntheticBold, 0x20001, "𠀁"));
  Paper paper;
  const std::vector<Finding> all = Preflight(report, doc, paper);
  auto bold = Coded(all, "synthetic-bold");
  REQUIRE(bold.size() == 4);
  const double tops[] = {50 - 8.8, 70 - 8.8, 90 - 8.8};
  for (int i = 0; i < 3; ++i) {
    CAPTURE(i);
    REQUIRE(bold[i].has_area);
    CHECK(bold[i].y == doctest::Approx(tops[i]));
  }
  CHECK(!bold[3].has_area);
  auto variant = Coded(all, "missing-variant");
  REQUIRE(variant.size() == 2);
  CHECK(variant[0].x == doctest::Approx(100));
  CHECK(variant[1].x == doctest::Approx(120));
}
