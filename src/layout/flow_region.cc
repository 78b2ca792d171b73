#include "layout/flow_region.h"

#include <algorithm>

namespace banmian {

FlowRegion::FlowRegion(int columns, int rows)
    : columns_(std::max(0, columns)),
      rows_(std::max(0, rows)),
      head_(static_cast<size_t>(columns_), 0),
      foot_(static_cast<size_t>(columns_), 0) {}

bool FlowRegion::Add(int block, PicturePlace place, int cols, int rows) {
  if (columns_ <= 0 || rows <= 0) return false;
  cols = cols <= 0 ? columns_ : std::min(cols, columns_);
  const bool top = place == PicturePlace::kTopRight || place == PicturePlace::kTopLeft ||
                   place == PicturePlace::kTop || place == PicturePlace::kFlow;
  const bool left = place == PicturePlace::kTopLeft || place == PicturePlace::kBottomLeft ||
                    place == PicturePlace::kTop || place == PicturePlace::kBottom;
  const int first = left ? 0 : columns_ - cols;
  std::vector<int>& end = top ? head_ : foot_;
  int taken = 0;
  for (int c = first; c < first + cols; ++c) taken = std::max(taken, end[static_cast<size_t>(c)]);
  for (int c = first; c < first + cols; ++c)
    if (head_[static_cast<size_t>(c)] + foot_[static_cast<size_t>(c)] -
            end[static_cast<size_t>(c)] + taken + rows >
        rows_)
      return false;
  RegionPicture p;
  p.block = block, p.col = first, p.cols = cols, p.rows = rows, p.at_foot = !top;
  p.row = taken;
  for (int c = first; c < first + cols; ++c) end[static_cast<size_t>(c)] = taken + rows;
  pictures_.push_back(p);
  return true;
}

std::vector<ColumnSpace> FlowRegion::SpaceAt(int bottom) const {
  std::vector<ColumnSpace> spaces(static_cast<size_t>(columns_));
  for (size_t c = 0; c < spaces.size(); ++c) {
    spaces[c].top = head_[c];
    spaces[c].bottom = std::max(head_[c], bottom - foot_[c]);
    spaces[c].foot = foot_[c];
  }
  return spaces;
}

int FlowRegion::MinBottom() const {
  int b = 0;
  for (size_t c = 0; c < head_.size(); ++c) b = std::max(b, head_[c] + foot_[c]);
  return b;
}

int FlowRegion::PictureRow(const RegionPicture& p, int bottom) const {
  return p.at_foot ? bottom - p.row - p.rows : p.row;
}

bool FlowRegion::GutterCovered(int col, int row, int bottom) const {
  for (const RegionPicture& p : pictures_) {
    if (col < p.col || col + 1 >= p.col + p.cols) continue;
    const int top = PictureRow(p, bottom);
    if (row >= top && row < top + p.rows) return true;
  }
  return false;
}

}  // namespace banmian
