#include "compose/column_flow.h"

#include <algorithm>

namespace banmian {

namespace {

// Fills columns no taller than min(height, capacity), balancing as it goes: each
// column aims at an even share of what is left, and goes beyond it only to keep a
// block with the next.
FlowResult Fill(const std::vector<FlowBlock>& blocks, const std::vector<int>& capacities,
                int height, bool soft_keeps, bool even) {
  const int columns = static_cast<int>(capacities.size());
  FlowResult r;
  r.positions.assign(blocks.size(), FlowPosition{-1, 0});
  int col = 0, row = 0;
  std::vector<size_t> pending;  // pictures waiting for the next column's top
  int remaining = 0;
  for (const FlowBlock& b : blocks) remaining += b.rows;
  auto limit = [&] { return col < columns ? std::min(height, capacities[col]) : 0; };
  // The even share of the rows still to place for this column (never above its limit).
  int target = 0;
  auto aim = [&] {
    int cols_left = columns - col;
    target = even && cols_left > 0 ? std::min(limit(), (remaining + cols_left - 1) / cols_left)
                                   : limit();
  };
  aim();
  auto put = [&](size_t i) {
    r.positions[i] = {col, row};
    row += blocks[i].rows;
    remaining -= blocks[i].rows;
    r.column_height = std::max(r.column_height, row);
    ++r.placed;
  };
  auto next_column = [&] {
    ++col, row = 0;
    aim();
    while (col < columns && !pending.empty() && row + blocks[pending.front()].rows <= limit()) {
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
    // A column ends once it has its share, unless the block before must stay with this one.
    bool kept_by_previous =
        i > 0 && r.positions[i - 1].column == col &&
        (blocks[i - 1].keep_with_next || (soft_keeps && blocks[i - 1].soft_keep_with_next));
    if (row > 0 && row >= target && !kept_by_previous && col + 1 < columns) next_column();
    // A block kept with the next moves on with it when the pair does not fit here.
    int need = b.rows + (keep && i + 1 < blocks.size() ? blocks[i + 1].rows : 0);
    if (row > 0 && row + need > limit()) next_column();
    // Pictures that went to the new column's top may leave too little room.
    while (col < columns && row > 0 && row + b.rows > limit()) next_column();
    if (col >= columns || b.rows > limit()) break;
    put(i);
  }
  // Pictures still waiting when the text has run out go where the text ended.
  for (size_t i : pending) {
    if (row > 0 && row + blocks[i].rows > limit()) next_column();
    if (col >= columns || blocks[i].rows > limit()) break;
    if (r.positions[i].column < 0) put(i);
  }
  return r;
}

}  // namespace

FlowResult FlowIntoColumns(const std::vector<FlowBlock>& blocks, int columns, int rows_per_column,
                           bool balance) {
  return FlowIntoColumns(blocks, std::vector<int>(std::max(0, columns), rows_per_column), balance);
}

FlowResult FlowIntoColumns(const std::vector<FlowBlock>& blocks, const std::vector<int>& capacities,
                           bool balance, bool widow_control) {
  const int columns = static_cast<int>(capacities.size());
  int tallest = 0;
  for (int c : capacities) tallest = std::max(tallest, c);
  if (columns <= 0 || tallest <= 0) {
    FlowResult none;
    none.positions.assign(blocks.size(), FlowPosition{-1, 0});
    return none;
  }
  int total = 0;
  for (const FlowBlock& b : blocks) total += b.rows;
  // Balanced columns differ by one grid line at most (for text lines), so a balanced
  // fill that honours widow and orphan control but leaves columns further apart is
  // passed over for one that does not honour it.
  auto spread = [&](const FlowResult& r) {
    std::vector<int> height(columns, 0);
    for (size_t i = 0; i < blocks.size(); ++i)
      if (r.IsPlaced(i))
        height[r.positions[i].column] =
            std::max(height[r.positions[i].column], r.positions[i].row + blocks[i].rows);
    int lo = *std::min_element(height.begin(), height.end()),
        hi = *std::max_element(height.begin(), height.end());
    return hi - lo;
  };
  if (balance) {
    // The lowest arrangement that fits, kept in case none a line or two taller is level.
    FlowResult lowest;
    int lowest_height = 0;
    for (int h = std::max(1, (total + columns - 1) / columns); h <= tallest; ++h) {
      if (!lowest.positions.empty() && h > lowest_height + 2) break;
      for (bool soft_keeps : {true, false}) {
        if (soft_keeps && !widow_control) continue;
        for (bool even : {true, false}) {
          FlowResult r = Fill(blocks, capacities, h, soft_keeps, even);
          if (r.placed != blocks.size()) continue;
          if (spread(r) <= 1) return r;
          if (lowest.positions.empty()) lowest = r, lowest_height = h;
        }
      }
    }
    // Nothing level (pictures and subheads take whole blocks of lines): the lowest fit.
    if (!lowest.positions.empty()) return lowest;
  }
  // Widow and orphan control first; without it only when it would leave text over.
  for (bool soft_keeps : {true, false}) {
    if (soft_keeps && !widow_control) continue;
    FlowResult r = Fill(blocks, capacities, tallest, soft_keeps, false);
    if (r.placed == blocks.size() || !soft_keeps) return r;
  }
  return {};
}

}  // namespace banmian
