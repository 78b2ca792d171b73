// Press files as the plant gets them, checked from outside: black overprints (Ghostscript's
// bitcmyk plates, which honour overprint on a CMYK device), the page is the clean page
// (no overset tab), no press file is written while error findings stand unless asked for,
// file names sort in page order, and a resend keeps its document id.
#include <doctest/doctest.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "pipeline/pipeline.h"
#include "press_case.h"
#include "render/press.h"

using namespace banmian;

namespace {

using test::Output;
using test::Plates;
using test::PressFiles;
using test::RenderPress;
using test::Slurp;
using test::TempDir;

const std::string kOverprintCase = std::string(BANMIAN_SOURCE_DIR) + "/tests/press/overprint";

// A copy of the overprint case in `dir`/issue, for a changed paper or article.
std::string CopyCase(const std::string& dir) {
  Output("cp -r '" + kOverprintCase + "' '" + dir + "/issue'");
  return dir + "/issue";
}

// The overprint case's press page on its plates at 72 dpi: 96 × 93 mm of media (90 × 87
// trimmed, 3 mm bleed), 272 × 264 pixels.
Plates Separate(const std::string& pdf, const std::string& dir) {
  return test::Separate(pdf, 96 * 72 / 25.4, 93 * 72 / 25.4, dir, 72);
}

// Within a band of the case (from `top` to `top` + 10 mm below the media's top, 14 to
// 70 mm from its left), the highest and lowest M and Y under full black (the text) and
// where there is no black (beside the text, or under white text).
struct Band {
  int text_pixels = 0, min_m = 255, max_m = 0, min_y = 255, max_y = 0;
  int bare_pixels = 0, bare_min_m = 255, bare_max_m = 0;
};
Band Measure(const Plates& p, double top_mm) {
  constexpr double kPx = 72 / 25.4;
  Band b;
  for (int y = static_cast<int>(top_mm * kPx) + 2; y < static_cast<int>((top_mm + 10) * kPx) - 2;
       ++y)
    for (int x = static_cast<int>(14 * kPx); x < static_cast<int>(70 * kPx); ++x) {
      const int k = p.At(x, y, 3), m = p.At(x, y, 1), yellow = p.At(x, y, 2);
      if (k == 255) {
        ++b.text_pixels;
        b.min_m = std::min(b.min_m, m), b.max_m = std::max(b.max_m, m);
        b.min_y = std::min(b.min_y, yellow), b.max_y = std::max(b.max_y, yellow);
      } else if (k == 0) {
        ++b.bare_pixels;
        b.bare_min_m = std::min(b.bare_min_m, m), b.bare_max_m = std::max(b.bare_max_m, m);
      }
    }
  return b;
}

// The trailer's /ID: its two hex strings.
std::array<std::string, 2> FileId(const std::string& bytes) {
  const size_t at = bytes.rfind("/ID [<");
  REQUIRE(at != std::string::npos);
  const size_t first_end = bytes.find('>', at);
  const size_t second = bytes.find('<', first_end);
  const size_t second_end = bytes.find('>', second);
  return {bytes.substr(at + 6, first_end - at - 6),
          bytes.substr(second + 1, second_end - second - 1)};
}

std::string XmpValue(const std::string& bytes, const std::string& key) {
  const std::string open = "<" + key + ">";
  const size_t at = bytes.find(open);
  REQUIRE(at != std::string::npos);
  return bytes.substr(at + open.size(), bytes.find('<', at + open.size()) - at - open.size());
}

}  // namespace

// 30 % magenta is 76 of 255 (0.3 × 255 = 76.5, Ghostscript truncates); the red band is
// M 100 Y 100; the black band's white text shows paper on every plate.
TEST_CASE("press: black text overprints tints and colour, white text knocks out") {
  TempDir dir;
  RunResult r = RenderPress(kOverprintCase, dir.path + "/out");
  REQUIRE(r.exit_status == kExitClean);
  REQUIRE(PressFiles(r).size() == 1);
  Plates p = Separate(PressFiles(r)[0], dir.path);
  // Bands at 13, 25 and 37 mm from the media's top: 3 mm bleed, 10 mm margin, 12 mm apart.
  Band tint = Measure(p, 13), red = Measure(p, 25), black = Measure(p, 37);
  CHECK(tint.text_pixels > 300);
  CHECK(tint.min_m == 76);  // the tint stays inked under the text
  CHECK(tint.max_m == 76);
  CHECK(tint.bare_min_m == 76);
  CHECK(red.text_pixels > 300);
  CHECK(red.min_m == 255);  // so does the red
  CHECK(red.min_y == 255);
  CHECK(black.bare_pixels > 100);  // the white letters
  CHECK(black.bare_max_m == 0);    // knocked out of every plate

  // press: overprint: false: the text knocks the tint and the red out.
  TempDir off;
  const std::string issue = CopyCase(off.path);
  Output("printf 'press:\\n  overprint: false\\n' >> '" + issue + "/layouts/testpaper/paper.yaml'");
  RunResult o = RenderPress(issue, off.path + "/out");
  REQUIRE(PressFiles(o).size() == 1);
  Plates q = Separate(PressFiles(o)[0], off.path);
  Band tint_off = Measure(q, 13), red_off = Measure(q, 25);
  CHECK(tint_off.text_pixels == tint.text_pixels);
  CHECK(tint_off.max_m == 0);
  CHECK(tint_off.bare_min_m == 76);
  CHECK(red_off.max_m == 0);
  CHECK(red_off.max_y == 0);
  CHECK(Slurp(PressFiles(o)[0]).find("/OP true") == std::string::npos);
  CHECK(Slurp(PressFiles(r)[0]).find("/OP true") != std::string::npos);
  // The screen PDF has no overprint either way.
  CHECK(Slurp(dir.path + "/out/overprint.pdf").find("/ExtGState") == std::string::npos);
}

TEST_CASE("press: no press file while error findings stand, unless asked, never the overset tab") {
  const std::string overset = std::string(BANMIAN_SOURCE_DIR) + "/tests/layout/cases/overset";
  TempDir dir;
  RunResult refused = RenderPress(overset, dir.path + "/refused");
  CHECK(refused.exit_status == kExitFindings);
  CHECK(PressFiles(refused).empty());
  CHECK_FALSE(refused.press.written);
  CHECK(refused.press.error_findings >= 1);
  CHECK(Output("ls '" + dir.path + "/refused/press' 2>/dev/null").empty());
  // The proof and the report are written as ever, the report saying why.
  const std::string report = Output("tr -d ' \\n' <'" + dir.path + "/refused/report.json'");
  CHECK(report.find("\"press\":{\"written\":false,\"despite_errors\":false,\"error_findings\":" +
                    std::to_string(refused.press.error_findings) + "}") != std::string::npos);
  CHECK(Slurp(dir.path + "/refused/overset.pdf").size() > 1000);

  RunResult despite = RenderPress(overset, dir.path + "/despite", true);
  CHECK(despite.exit_status == kExitFindings);
  REQUIRE(PressFiles(despite).size() == 1);
  CHECK(despite.press.written);
  CHECK(despite.press.despite_errors);
  CHECK(Output("tr -d ' \\n' <'" + dir.path + "/despite/report.json'")
            .find("\"press\":{\"written\":true,\"despite_errors\":true") != std::string::npos);
  // The screen PDF shows the overset tab; the press file does not.
  CHECK(Output("pdftotext '" + dir.path + "/despite/overset.pdf' - | tr -d ' \\n'").find("溢出") !=
        std::string::npos);
  const std::string press_text = Output("pdftotext '" + PressFiles(despite)[0] + "' -");
  CHECK(press_text.find("溢出") == std::string::npos);
  CHECK(press_text.find("虹桥效率") != std::string::npos);  // the story itself is there
}

TEST_CASE("press: a resend keeps its document id, its instance id follows the content") {
  TempDir dir;
  for (bool x4 : {false, true}) {
    CAPTURE(x4);
    const std::string tag = x4 ? "x4" : "x1a";
    RunResult first = RenderPress(kOverprintCase, dir.path + "/first-" + tag, false, x4);
    RunResult again = RenderPress(kOverprintCase, dir.path + "/again-" + tag, false, x4, 3);
    TempDir changed_dir;
    const std::string changed = CopyCase(changed_dir.path);
    Output("sed -i 's/白边/白线/' '" + changed + "/articles/a.md'");
    RunResult resend = RenderPress(changed, changed_dir.path + "/out", false, x4);
    REQUIRE(PressFiles(first).size() == 1);
    REQUIRE(PressFiles(again).size() == 1);
    REQUIRE(PressFiles(resend).size() == 1);
    const std::string a = Slurp(PressFiles(first)[0]), b = Slurp(PressFiles(again)[0]),
                      c = Slurp(PressFiles(resend)[0]);
    CHECK(a == b);  // the same input, any --jobs: the same bytes
    CHECK(a != c);
    const auto id_a = FileId(a), id_c = FileId(c);
    CHECK(id_a[0].size() == 32);
    CHECK(id_a[0] == id_c[0]);  // the same page of the same issue
    CHECK(id_a[1] != id_c[1]);  // another version of it
    CHECK(id_a[0] != id_a[1]);
    if (x4) {
      const std::string doc_a = XmpValue(a, "xmpMM:DocumentID");
      CHECK(doc_a == XmpValue(c, "xmpMM:DocumentID"));
      CHECK(XmpValue(a, "xmpMM:InstanceID") != XmpValue(c, "xmpMM:InstanceID"));
      CHECK(doc_a != XmpValue(a, "xmpMM:InstanceID"));
      // The XMP's document id is the /ID's first element, as a UUID.
      std::string hex;
      for (char ch : doc_a)
        if (ch != '-' && ch != ':') hex += ch;
      CHECK(hex == "uuid" + id_a[0]);
    }
  }
}

// Labels padded to the longest number after the same prefix (press.h).
TEST_CASE("press: file names sort in page order") {
  struct Row {
    std::vector<std::string> labels;
    std::vector<std::string> names;  // the file names' label parts, in page order
  };
  const std::vector<Row> rows = {
      {{"1", "2", "3", "4"}, {"1", "2", "3", "4"}},
      {{"4", "10"}, {"04", "10"}},
      {{"1", "9", "10", "100"}, {"001", "009", "010", "100"}},
      {{"A01", "A02", "B01"}, {"A01", "A02", "B01"}},
      {{"A1", "A10", "B3"}, {"A01", "A10", "B3"}},
      {{"A1", "B2", "B12", "B100"}, {"A1", "B002", "B012", "B100"}},
      {{"封面", "2", "10"}, {"封面", "02", "10"}},
      {{"A/1", "A/12"}, {"A-01", "A-12"}},
      {{"2 3", "2 10"}, {"2-03", "2-10"}},
  };
  for (const Row& row : rows) {
    Document doc;
    for (const std::string& label : row.labels)
      doc.pages.push_back(Page{}), doc.pages.back().label = label;
    PressOptions options;
    options.paper_id = "shequchenbao", options.date = "2021-05-10";
    for (size_t i = 0; i < doc.pages.size(); ++i) {
      CAPTURE(row.labels[i]);
      CHECK(PressFileName(options, doc, doc.pages[i]) ==
            "shequchenbao-2021-05-10-" + row.names[i] + ".pdf");
    }
  }
}
