#include "compose/column_flow.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>

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

TEST_CASE("column flow: text beside a picture across columns ends level with it") {
  // Three columns; a picture of 6 grid lines over the right two at the top. 15 lines: 9
  // beside the picture and 3 under it in each of its columns, all ending on line 9.
  std::vector<FlowBlock> lines = Lines(15);
  auto space_at = [](int bottom) {
    return std::vector<ColumnSpace>{
        {0, bottom, 0}, {6, std::max(6, bottom), 0}, {6, std::max(6, bottom), 0}};
  };
  FlowResult r = FlowBalanced(lines, space_at, 6, 20);
  REQUIRE(r.placed == 15);
  std::vector<int> ends = ColumnEnds(lines, r, space_at(r.bottom));
  CHECK(*std::max_element(ends.begin(), ends.end()) - *std::min_element(ends.begin(), ends.end()) <=
        1);
  CHECK(r.bottom == 9);
  CHECK(ends == std::vector<int>{9, 9, 9});
}

TEST_CASE("column flow: a picture at the foot moves up with the text's foot") {
  // Two columns, a 4-line picture at the foot of the right one; 10 lines of text.
  std::vector<FlowBlock> lines = Lines(10);
  auto space_at = [](int bottom) {
    return std::vector<ColumnSpace>{{0, bottom, 0}, {0, std::max(0, bottom - 4), 4}};
  };
  FlowResult r = FlowBalanced(lines, space_at, 4, 30);
  REQUIRE(r.placed == 10);
  CHECK(r.bottom == 7);  // 7 lines beside, 3 over the picture: both columns end on line 7
  std::vector<int> ends = ColumnEnds(lines, r, space_at(r.bottom));
  CHECK(ends == std::vector<int>{7, 7});
}

TEST_CASE("column flow: a subhead keeps two lines and never ends a column") {
  // Column of 6: four lines, then a subhead (2 rows) kept with the two lines after it.
  std::vector<FlowBlock> blocks = Lines(4);
  blocks.push_back({2, true});
  blocks.push_back({1, true});
  blocks.push_back({1, false});
  blocks.push_back({1, false});
  FlowResult r = FlowIntoColumns(blocks, 2, 6, false);
  REQUIRE(r.placed == blocks.size());
  CHECK(r.positions[4].column == 1);  // 4 + 2 would fit, but not with its two lines
  CHECK(r.positions[5].column == 1);
  CHECK(r.positions[6].column == 1);
}

TEST_CASE("column flow: columns are levelled by giving subheads more air") {
  // The Songjiang page's 'weiguang' body: 68 rows in five columns of at most 15, three
  // subheads each kept with two lines. No way of cutting it leaves the columns within a
  // line of each other unless the subheads may take more air (newspapers give a subhead
  // two to four grid lines).
  const char* spec =
      "1s 1 1 1 1 1 1 1 1 1s 1 2K+ 1Ks 1 1 1s 1 1s 1 1 1 1 1 1 1 1 1s 1 2K+ 1Ks 1 1 1 1 1 1 1 "
      "1s 1 1s 1 1 1 1 1s 1 2K+ 1Ks 1 1 1 1 1 1 1 1s 1 1s 1 1 1 1 1 1s 1";
  std::vector<FlowBlock> blocks;
  for (const char* p = spec; *p;) {
    FlowBlock b;
    b.rows = *p++ - '0';
    for (; *p && *p != ' '; ++p) {
      if (*p == 'K') b.keep_with_next = true;
      if (*p == 's') b.soft_keep_with_next = true;
      if (*p == '+') b.stretch = 2;
    }
    while (*p == ' ') ++p;
    blocks.push_back(b);
  }
  auto space_at = [](int bottom) { return std::vector<ColumnSpace>(5, ColumnSpace{0, bottom, 0}); };
  FlowResult r = FlowBalanced(blocks, space_at, 0, 15);
  REQUIRE(r.placed == blocks.size());
  std::vector<int> ends = ColumnEnds(blocks, r, space_at(r.bottom));
  CHECK(*std::max_element(ends.begin(), ends.end()) - *std::min_element(ends.begin(), ends.end()) <=
        1);
  for (FlowBlock& b : blocks) b.stretch = 0;  // without the air: uneven (a hole, reported)
  r = FlowBalanced(blocks, space_at, 0, 15);
  ends = ColumnEnds(blocks, r, space_at(r.bottom));
  CHECK(*std::max_element(ends.begin(), ends.end()) - *std::min_element(ends.begin(), ends.end()) >
        1);
}

TEST_CASE("column flow: a picture no column holds is left over, not holding text back") {
  std::vector<FlowBlock> blocks = Lines(3);
  FlowBlock picture{12, false, false, true};
  blocks.push_back(picture);
  for (int i = 0; i < 3; ++i) blocks.push_back({1, false});
  FlowResult r = FlowIntoColumns(blocks, 2, 8, true);
  CHECK(!r.IsPlaced(3));
  CHECK(r.placed == 6);  // every line of text is set
}
