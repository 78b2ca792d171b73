#include "compose/column_flow.h"

#include <doctest/doctest.h>

using namespace banmian;

namespace {
std::vector<FlowBlock> Lines(int n) {
  return std::vector<FlowBlock>(n, FlowBlock{1, false});
}
}  // namespace

TEST_CASE("column flow: balances lines over the columns") {
  FlowResult r = FlowIntoColumns(Lines(10), 3, 20, true);
  CHECK(r.placed == 10);
  CHECK(r.column_height == 4);  // 4 + 4 + 2
  CHECK(r.positions[3].column == 0);
  CHECK(r.positions[4].column == 1);
  CHECK(r.positions[4].row == 0);
  CHECK(r.positions[9].column == 2);
}

TEST_CASE("column flow: without balance, fills each column to the bottom") {
  FlowResult r = FlowIntoColumns(Lines(10), 3, 6, false);
  CHECK(r.placed == 10);
  CHECK(r.positions[6].column == 1);
  CHECK(r.column_height == 6);
}

TEST_CASE("column flow: what does not fit is overset, counted from the first block left over") {
  FlowResult r = FlowIntoColumns(Lines(20), 2, 7, true);
  CHECK(r.placed == 14);
  CHECK(r.column_height == 7);
}

TEST_CASE("column flow: a subhead moves on with the line it leads") {
  std::vector<FlowBlock> blocks = Lines(4);
  blocks.push_back({2, true});  // subhead at rows 4-5 of a 6-row column
  blocks.push_back({1, false});
  FlowResult r = FlowIntoColumns(blocks, 2, 6, false);
  CHECK(r.placed == 6);
  CHECK(r.positions[4].column == 1);
  CHECK(r.positions[4].row == 0);
  CHECK(r.positions[5].row == 2);
}

TEST_CASE("column flow: a block taller than a column cannot be placed") {
  FlowResult r = FlowIntoColumns({{9, false}}, 3, 8, true);
  CHECK(r.placed == 0);
}

TEST_CASE(
    "column flow: a paragraph's first line does not end a column alone, where there is room") {
  // Two paragraphs of 3 and 4 lines; the second's first line would end column 1.
  std::vector<FlowBlock> blocks;
  for (int i = 0; i < 3; ++i) blocks.push_back({1, false, i == 0 || i == 1});
  for (int i = 0; i < 4; ++i) blocks.push_back({1, false, i == 0 || i == 2});
  FlowResult r = FlowIntoColumns(blocks, 2, 4, false);
  REQUIRE(r.placed == 7);
  CHECK(r.positions[3].column == 1);  // moved on with its paragraph
  CHECK(r.positions[3].row == 0);
}

TEST_CASE("column flow: widow control gives way when honouring it would leave text over") {
  std::vector<FlowBlock> blocks;
  for (int i = 0; i < 3; ++i) blocks.push_back({1, false, i == 0 || i == 1});
  for (int i = 0; i < 5; ++i) blocks.push_back({1, false, i == 0 || i == 3});
  FlowResult r = FlowIntoColumns(blocks, 2, 4, false);  // exactly 8 rows for 8 lines
  CHECK(r.placed == 8);
  CHECK(r.positions[3].column == 0);  // the first line ends column 1 alone: no other way
}
