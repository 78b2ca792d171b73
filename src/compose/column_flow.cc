#include "compose/column_flow.h"

#include <algorithm>

namespace banmian {

namespace {

FlowResult Fill(const std::vector<FlowBlock>& blocks, int columns, int height) {
  FlowResult r;
  int col = 0, row = 0;
  for (size_t i = 0; i < blocks.size(); ++i) {
    int need = blocks[i].rows;
    // A block kept with the next moves on with it when the pair does not fit here.
    if (blocks[i].keep_with_next && i + 1 < blocks.size() && row > 0 &&
        row + need + blocks[i + 1].rows > height)
      ++col, row = 0;
    else if (row + need > height && row > 0)
      ++col, row = 0;
    if (col >= columns || need > height) break;
    r.positions.push_back({col, row});
    row += need;
    r.column_height = std::max(r.column_height, row);
    r.placed = i + 1;
  }
  return r;
}

}  // namespace

FlowResult FlowIntoColumns(const std::vector<FlowBlock>& blocks, int columns, int rows_per_column,
                           bool balance) {
  if (columns <= 0 || rows_per_column <= 0) return {};
  if (balance) {
    int total = 0;
    for (const FlowBlock& b : blocks) total += b.rows;
    for (int h = std::max(1, (total + columns - 1) / columns); h < rows_per_column; ++h) {
      FlowResult r = Fill(blocks, columns, h);
      if (r.placed == blocks.size()) return r;
    }
  }
  return Fill(blocks, columns, rows_per_column);
}

}  // namespace banmian
