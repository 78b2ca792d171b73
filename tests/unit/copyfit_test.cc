#include "preflight/copyfit.h"

#include <doctest/doctest.h>

using namespace banmian;

namespace {

Paper FourteenCharacters() {
  Paper p;
  p.grid.columns = 4;
  p.grid.characters = 14;
  return p;
}

SlotRecord Part(const std::string& slot, int rows, std::vector<int> ends) {
  SlotRecord s;
  s.page = 1, s.slot = slot, s.article = "a";
  s.columns = static_cast<int>(ends.size());
  s.rows = s.slot_rows = rows;
  s.column_ends = std::move(ends);
  return s;
}

}  // namespace

TEST_CASE("copyfit: text over says what to cut, or how many grid lines to add") {
  LayoutReport r;
  r.slots.push_back(Part("lead", 20, {20, 20, 20, 20}));
  r.slots.back().pictures = 1;
  OversetRecord o;
  o.page = 1, o.slot = "lead", o.article = "a", o.lines_left = 5, o.characters_left = 37;
  r.overset.push_back(o);
  auto fit = Copyfit(r, FourteenCharacters());
  REQUIRE(fit.size() == 1);
  CHECK(fit[0].lines_over == 5);
  CHECK(fit[0].characters_over == 37);
  CHECK(fit[0].advice.at(0) == "cut 37 characters (5 lines)");
  CHECK(fit[0].advice.at(1) ==
        "or give the slot 2 more grid lines, or make a picture 2 grid lines shorter");
}

TEST_CASE("copyfit: text short says the empty lines, the characters that would fill them") {
  LayoutReport r;
  r.slots.push_back(Part("second", 20, {18, 18, 18, 17}));
  r.slots.back().pictures = 1;
  auto fit = Copyfit(r, FourteenCharacters());
  REQUIRE(fit.size() == 1);
  CHECK(fit[0].lines_short == 9);
  CHECK(fit[0].characters_short == 9 * 14);
  CHECK(fit[0].rows_short == 2);
  CHECK(fit[0].advice.at(0) ==
        "9 lines short: add about 126 characters, or make the picture 2 grid lines taller");
  CHECK(fit[0].advice.at(1) == "or give the slot 2 grid lines fewer");
}

TEST_CASE("copyfit: an exact fit has no advice, a long headline says its one-line size") {
  LayoutReport r;
  r.slots.push_back(Part("third", 12, {12, 12, 12, 12}));
  r.slots.back().headline_lines = 2;
  r.slots.back().headline_size = 26;
  r.slots.back().headline_one_line_size = 24;
  auto fit = Copyfit(r, FourteenCharacters());
  REQUIRE(fit.size() == 1);
  CHECK(fit[0].exact());
  REQUIRE(fit[0].advice.size() == 1);
  CHECK(fit[0].advice[0] == "the headline fits on one line at 24 pt (it takes 2 lines at 26 pt)");
}

TEST_CASE("copyfit: a stack is judged short at its last article only") {
  LayoutReport r;
  r.slots.push_back(Part("briefs", 30, {10, 10}));
  r.slots.push_back(Part("briefs", 19, {12, 11}));
  r.slots.back().first_row = 11;
  r.slots.back().article = "b";
  auto fit = Copyfit(r, FourteenCharacters());
  REQUIRE(fit.size() == 2);
  CHECK(fit[0].lines_short == 0);
  CHECK(fit[1].lines_short == 15);
}
