// Tab stops of furniture lines (layout/tab_setting.h): a table of lines, each given by its
// segments' widths and stops, with where each segment and leader mark goes worked out by
// hand (all in pt from the item's left edge). A leader's marks sit on multiples of their
// advance, half a mark clear of the text on either side.
#include "layout/tab_setting.h"

#include <doctest/doctest.h>

using namespace banmian;

namespace {

TabStop Stop(double at, TabStop::Align align, std::string leader = "") {
  TabStop s;
  s.position = at;
  s.align = align;
  s.leader = std::move(leader);
  return s;
}

struct TabCase {
  const char* what;
  std::vector<double> widths;
  std::vector<TabStop> stops;
  std::vector<double> leader_advance;
  std::vector<double> x;           // each segment's left edge
  std::vector<LeaderMarks> marks;  // first mark, count, stop
  std::vector<double> overrun;
  double width;
};

}  // namespace

TEST_CASE("tabs: segments against left, right and centre stops, with leaders") {
  using A = TabStop::Align;
  const std::vector<TabCase> cases = {
      // end of text 30; marks from ceil((30 + 5) / 10) × 10 = 40 while a mark ends by 80 − 5:
      // 40, 50, 60 (the next would end at 80).
      {"right stop with leader",
       {30, 20},
       {Stop(100, A::kRight, "·")},
       {10},
       {0, 80},
       {{40, 3, 0}},
       {0},
       100},
      {"left stop", {30, 20}, {Stop(50, A::kLeft)}, {0}, {0, 50}, {}, {0}, 70},
      {"centre stop", {10, 20}, {Stop(60, A::kCenter)}, {0}, {0, 50}, {}, {0}, 70},
      // The text before runs 10 past where the segment should start: it follows at once.
      {"overrun", {90, 20}, {Stop(100, A::kRight, "·")}, {10}, {0, 90}, {}, {10}, 110},
      {"two stops",
       {10, 10, 10},
       {Stop(40, A::kLeft), Stop(100, A::kRight)},
       {0, 0},
       {0, 40, 90},
       {},
       {0, 0},
       100},
      // Other line ends, the same columns of marks: ceil(36/10) = 4 → 40, 50, 60; ceil(52/10)
      // = 6 → 60 (the next would end at 80, past 75).
      {"leaders of another line",
       {31, 20},
       {Stop(100, A::kRight, "·")},
       {10},
       {0, 80},
       {{40, 3, 0}},
       {0},
       100},
      {"a longer title",
       {47, 20},
       {Stop(100, A::kRight, "·")},
       {10},
       {0, 80},
       {{60, 1, 0}},
       {0},
       100},
      // Exactly half a mark clear: the mark at 40 is kept (35 + 5 = 40).
      {"text ends half a mark before a column",
       {35, 20},
       {Stop(100, A::kRight, "·")},
       {10},
       {0, 80},
       {{40, 3, 0}},
       {0},
       100},
      // Too little room for one whole mark: none.
      {"no room for a mark", {65, 20}, {Stop(100, A::kRight, "·")}, {10}, {0, 80}, {}, {0}, 100},
      // A 9 pt full-width leader (…): from ceil(16.5 / 9) × 9 = 18 while a mark ends by 72 − 4.5:
      // 18, 27, 36, 45, 54 (the next would end at 72).
      {"full-width leader",
       {12, 18},
       {Stop(90, A::kRight, "…")},
       {9},
       {0, 72},
       {{18, 5, 0}},
       {0},
       90},
      // No stop for the second tab: its segment is left out (furniture reports the line).
      {"more tabs than stops", {10, 10, 10}, {Stop(40, A::kLeft)}, {0}, {0, 40}, {}, {0}, 50},
      {"no tabs", {42}, {Stop(40, A::kLeft)}, {0}, {0}, {}, {}, 42},
  };
  for (const TabCase& c : cases) {
    const std::string what = c.what;
    CAPTURE(what);
    const TabbedLine line = SetTabs(c.widths, c.stops, c.leader_advance);
    REQUIRE(line.x.size() == c.x.size());
    for (size_t i = 0; i < c.x.size(); ++i) CHECK(line.x[i] == doctest::Approx(c.x[i]));
    REQUIRE(line.leaders.size() == c.marks.size());
    for (size_t i = 0; i < c.marks.size(); ++i) {
      CHECK(line.leaders[i].x == doctest::Approx(c.marks[i].x));
      CHECK(line.leaders[i].count == c.marks[i].count);
      CHECK(line.leaders[i].stop == c.marks[i].stop);
    }
    REQUIRE(line.overrun.size() == c.overrun.size());
    for (size_t i = 0; i < c.overrun.size(); ++i)
      CHECK(line.overrun[i] == doctest::Approx(c.overrun[i]));
    CHECK(line.width == doctest::Approx(c.width));
  }
}
