// Flow region: a module body's columns minus the pictures set across them.
//
// A picture placed at the top or foot of a body (at its left, its right, or across it)
// takes a rectangle of whole columns and whole grid lines; the text runs in what each
// column has left. A picture at the top sits on the body's first grid line; one at the
// foot ends where the body ends, which balancing chooses, so its place moves with the
// foot. Pictures are added in order; one whose columns are taken or that is taller than
// the body is refused, and goes on to the next part of its article or is overset.
// Plain values, no fonts: testable from numbers alone.
#pragma once

#include <vector>

#include "compose/column_flow.h"
#include "model/article.h"

namespace banmian {

struct RegionPicture {
  int block = 0;  // the caller's index of the picture's block
  int col = 0, cols = 1;
  int rows = 1;  // the picture and its caption, in grid lines
  bool at_foot = false;
  int row = 0;  // at the top: the first grid line; at the foot: grid lines above the foot
};

class FlowRegion {
 public:
  // A body `columns` wide and at most `rows` grid lines tall.
  FlowRegion(int columns, int rows);

  // Adds a picture `cols` columns wide (clamped to the body) and `rows` tall at `place`
  // (kFlow is taken as top right). False, and nothing added, when it does not fit: its
  // columns are already taken at that end by pictures that leave it no room, or the
  // column would hold more picture than the body has grid lines.
  bool Add(int block, PicturePlace place, int cols, int rows);

  // The text's room in every column when the body ends on grid line `bottom`.
  std::vector<ColumnSpace> SpaceAt(int bottom) const;
  // The lowest foot that still holds every picture.
  int MinBottom() const;
  // Top-left grid cell of a picture when the body ends at `bottom`.
  int PictureRow(const RegionPicture& p, int bottom) const;
  // Whether grid line `row` of the gutter right of column `col` lies inside a picture
  // (the picture spans both its neighbours there), so no column rule is drawn.
  bool GutterCovered(int col, int row, int bottom) const;

  const std::vector<RegionPicture>& pictures() const { return pictures_; }
  int columns() const { return columns_; }
  int rows() const { return rows_; }

 private:
  int columns_, rows_;
  std::vector<int> head_, foot_;  // per column: grid lines taken at the top and at the foot
  std::vector<RegionPicture> pictures_;
};

}  // namespace banmian
