#include "layout/flow_region.h"

#include <doctest/doctest.h>

using namespace banmian;

TEST_CASE("flow region: a picture at the top right leaves its columns the lines under it") {
  FlowRegion region(4, 30);
  REQUIRE(region.Add(7, PicturePlace::kTopRight, 2, 10));
  std::vector<ColumnSpace> s = region.SpaceAt(20);
  CHECK(s[0].top == 0);
  CHECK(s[1].top == 0);
  CHECK(s[2].top == 10);
  CHECK(s[3].top == 10);
  CHECK(s[3].bottom == 20);
  CHECK(region.MinBottom() == 10);
  CHECK(region.pictures()[0].col == 2);
  CHECK(region.PictureRow(region.pictures()[0], 20) == 0);
}

TEST_CASE("flow region: a picture at the foot moves with the foot") {
  FlowRegion region(3, 30);
  REQUIRE(region.Add(0, PicturePlace::kBottomLeft, 2, 8));
  std::vector<ColumnSpace> s = region.SpaceAt(20);
  CHECK(s[0].bottom == 12);
  CHECK(s[0].foot == 8);
  CHECK(s[2].bottom == 20);
  CHECK(region.PictureRow(region.pictures()[0], 20) == 12);
  CHECK(region.PictureRow(region.pictures()[0], 15) == 7);
}

TEST_CASE("flow region: across means every column, a second picture stacks under the first") {
  FlowRegion region(3, 30);
  REQUIRE(region.Add(0, PicturePlace::kTop, 0, 5));
  REQUIRE(region.Add(1, PicturePlace::kTopRight, 1, 6));
  CHECK(region.pictures()[0].cols == 3);
  CHECK(region.pictures()[1].row == 5);
  CHECK(region.SpaceAt(20)[2].top == 11);
}

TEST_CASE("flow region: a picture taller than the body is refused") {
  FlowRegion region(2, 12);
  CHECK(!region.Add(0, PicturePlace::kTopRight, 1, 13));
  CHECK(region.pictures().empty());
  // Top and foot pictures in one column may not meet.
  REQUIRE(region.Add(1, PicturePlace::kTopRight, 1, 6));
  CHECK(!region.Add(2, PicturePlace::kBottomRight, 1, 7));
  CHECK(region.Add(3, PicturePlace::kBottomRight, 1, 6));
}

TEST_CASE("flow region: column rules stop where a picture spans the gutter") {
  FlowRegion region(3, 20);
  REQUIRE(region.Add(0, PicturePlace::kTopRight, 2, 8));
  CHECK(region.GutterCovered(1, 3, 20));   // between the picture's two columns
  CHECK(!region.GutterCovered(0, 3, 20));  // at its edge: text on one side
  CHECK(!region.GutterCovered(1, 8, 20));  // under it
}
