// An index box (导读) on a front page (tests/layout/cases/index-box): each line a title, a
// tab and {page_of:ID}, set against a right tab stop at 70 mm with … leaders. The page
// references are where the stories really went: jinbo on A01 and, continued, on A04; the
// stories the A02 stack carried onto the page banmian added (A03), which only the second
// pass knows. The leaders' marks stand in columns (multiples of the mark's 9 pt advance
// from the item's left edge) and every reference ends at the stop; a title too long for the
// stop is a furniture-overflow warning naming the stop. {page_count} counts the added page.
#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "pipeline/pipeline.h"

using namespace banmian;

TEST_CASE("layout: an index box's page references and leaders") {
  RunOptions options;
  options.issue_dir = std::string(BANMIAN_TEST_DATA) + "/layout/cases/index-box";
  RunResult result = ComposeIssue(options);
  REQUIRE(result.document);
  REQUIRE(result.diagnostics.ErrorCount() == 0);
  REQUIRE(result.document->pages.size() == 4);
  CHECK(result.document->pages[2].label == "A03");  // added for the stack
  const Page& front = result.document->pages[0];
  const Frame* index = nullptr;
  for (const Frame& f : front.frames)
    if (f.name == "region:index") index = &f;
  REQUIRE(index);
  const double left = index->x, stop = left + 70 * 72 / 25.4;
  // The runs of each line, by baseline.
  std::map<double, std::vector<const GlyphRun*>> lines;
  // {page_count}: the issue's three pages and the one added, printed through the field
  // `ear`, which prints {title} too.
  int counts = 0;
  for (const Item& item : index->items)
    if (const auto* run = std::get_if<GlyphRun>(&item)) {
      if (run->text.find("社区晨报") == 0) {
        CHECK(run->text == "社区晨报·今日4版");
        ++counts;
        continue;
      }
      lines[run->glyphs.front().y].push_back(run);
    }
  CHECK(counts == 1);
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"决胜决战", "A01、A04版"}, {"青春舞台", "A02版"},
      {"效率", "A02版"},          {"创全", "A03版"},
      {"服务", "A03版"},          {"一个长得放不下页码的导读标题在这里还要再长一点", "A04版"}};
  REQUIRE(lines.size() == expected.size());
  size_t n = 0;
  for (const auto& [y, runs] : lines) {
    const auto& [title, pages] = expected[n++];
    CAPTURE(title);
    std::string text;
    for (const GlyphRun* run : runs) text += run->text;
    REQUIRE(text.rfind(title, 0) == 0);
    REQUIRE(text.size() >= pages.size());
    CHECK(text.substr(text.size() - pages.size()) == pages);
    const GlyphRun& last = *runs.back();
    const double right = last.glyphs.back().x + last.glyphs.back().advance;
    if (n < expected.size()) {
      CHECK(right == doctest::Approx(stop).epsilon(1e-4));  // ends at the stop
      REQUIRE(runs.size() == 3);                            // title, leader, reference
      const GlyphRun& leader = *runs[1];
      CHECK(leader.text.find("…") == 0);
      for (const PositionedGlyph& g : leader.glyphs) {
        const double marks = (g.x - left) / 9;  // folio style: 9 pt, … one em
        CHECK(marks == doctest::Approx(std::round(marks)).epsilon(1e-6));
      }
    } else {
      CHECK(runs.size() == 2);  // no room for a leader
      CHECK(right > stop + 11 * 72 / 25.4);
    }
  }
  int overflow = 0;
  for (const Finding& f : result.findings)
    if (f.code == "furniture-overflow") {
      ++overflow;
      CHECK(f.page == 1);
      CHECK(f.message ==
            "“一个长得放不下页码的导读标题在这里还要再长一点A04版” runs 11.7mm past its tab stop "
            "1: the text before it is too long");
    }
  CHECK(overflow == 1);
}
