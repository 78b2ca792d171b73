#include "compose/column_flow.h"

#include <algorithm>

namespace banmian {

namespace {

FlowResult Fill(const std::vector<FlowBlock>& blocks, int columns, int height, bool soft_keeps) {
  FlowResult r;
  r.positions.assign(blocks.size(), FlowPosition{-1, 0});
  int col = 0, row = 0;
  std::vector<size_t> pending;  // pictures waiting for the next column's top
  auto put = [&](size_t i) {
    r.positions[i] = {col, row};
    row += blocks[i].rows;
    r.column_height = std::max(r.column_height, row);
    ++r.placed;
  };
  auto next_column = [&] {
    ++col, row = 0;
    while (col < columns && !pending.empty() && row + blocks[pending.front()].rows <= height) {
      put(pending.front());
      pending.erase(pending.begin());
    }
  };
  for (size_t i = 0; i < blocks.size() && col < columns; ++i) {
    const FlowBlock& b = blocks[i];
    if (b.float_to_column_top && row > 0 && col + 1 < columns) {
      pending.push_back(i);
      continue;
    }
    bool keep = b.keep_with_next || (soft_keeps && b.soft_keep_with_next);
    // A block kept with the next moves on with it when the pair does not fit here.
    int need = b.rows + (keep && i + 1 < blocks.size() ? blocks[i + 1].rows : 0);
    if (row > 0 && row + need > height) next_column();
    // Pictures that went to the new column's top may leave too little room.
    while (col < columns && row > 0 && row + b.rows > height) next_column();
    if (col >= columns || b.rows > height) break;
    put(i);
  }
  // Pictures still waiting when the text has run out go where the text ended.
  for (size_t i : pending) {
    if (row > 0 && row + blocks[i].rows > height) next_column();
    if (col >= columns || blocks[i].rows > height) break;
    if (r.positions[i].column < 0) put(i);
  }
  return r;
}

}  // namespace

FlowResult FlowIntoColumns(const std::vector<FlowBlock>& blocks, int columns, int rows_per_column,
                           bool balance) {
  if (columns <= 0 || rows_per_column <= 0) return {};
  int total = 0;
  for (const FlowBlock& b : blocks) total += b.rows;
  // Widow and orphan control first; without it only when it would leave text over.
  for (bool soft_keeps : {true, false}) {
    if (balance) {
      for (int h = std::max(1, (total + columns - 1) / columns); h < rows_per_column; ++h) {
        FlowResult r = Fill(blocks, columns, h, soft_keeps);
        if (r.placed == blocks.size()) return r;
      }
    }
    FlowResult r = Fill(blocks, columns, rows_per_column, soft_keeps);
    if (r.placed == blocks.size() || !soft_keeps) return r;
  }
  return {};
}

}  // namespace banmian
