#include "compose/column_flow.h"

#include <algorithm>

namespace banmian {

namespace {

// Fills the columns' spaces left to right. With `even`, each column aims to leave an even
// share of the room that will be left over, so the columns end within a line of each
// other; without it, each column is filled to its foot. A column goes beyond its aim only
// to keep a block with the next.
FlowResult Fill(const std::vector<FlowBlock>& blocks, const std::vector<ColumnSpace>& spaces,
                bool soft_keeps, bool even) {
  const int columns = static_cast<int>(spaces.size());
  const size_t n = blocks.size();
  FlowResult r;
  r.positions.assign(n, FlowPosition{-1, 0});
  auto keeps = [&](size_t k) {
    return blocks[k].keep_with_next || (soft_keeps && blocks[k].soft_keep_with_next);
  };
  // The rows a block needs with the blocks it is kept with (a chain moves on whole).
  auto chain = [&](size_t i) {
    int need = blocks[i].rows;
    for (size_t j = i; keeps(j) && j + 1 < n && !blocks[j + 1].float_to_column_top; ++j)
      need += blocks[j + 1].rows;
    return need;
  };
  int col = 0, row = columns > 0 ? spaces[0].top : 0;
  std::vector<size_t> pending;  // pictures waiting for the next column's top
  int remaining = 0;
  for (const FlowBlock& b : blocks) remaining += b.rows;
  auto top = [&] { return spaces[col].top; };
  auto limit = [&] { return spaces[col].bottom; };
  int target = 0;
  auto aim = [&] {
    if (col >= columns) return;
    target = limit();
    if (!even) return;
    int room = 0, cols_left = 0;
    for (int c = col; c < columns; ++c) {
      room += std::max(0, spaces[c].bottom - spaces[c].top);
      cols_left += spaces[c].bottom > spaces[c].top;
    }
    const int slack = room - remaining;
    if (cols_left == 0) return;
    if (slack > 0) target = std::max(top(), limit() - slack / cols_left);
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
    ++col;
    if (col >= columns) return;
    row = top();
    aim();
    while (!pending.empty() && row + blocks[pending.front()].rows <= limit()) {
      put(pending.front());
      pending.erase(pending.begin());
    }
  };
  int tallest = 0;
  for (const ColumnSpace& s : spaces) tallest = std::max(tallest, s.bottom - s.top);
  for (size_t i = 0; i < n && col < columns; ++i) {
    const FlowBlock& b = blocks[i];
    // A picture no column can hold is left over; it never holds back the text after it.
    if (b.float_to_column_top && b.rows > tallest) continue;
    if (b.float_to_column_top && row > top() && col + 1 < columns) {
      pending.push_back(i);
      continue;
    }
    const bool kept_by_previous = i > 0 && r.positions[i - 1].column == col && keeps(i - 1);
    // A column ends once it has its share, unless the block before must stay with this one.
    if (row > top() && row >= target && !kept_by_previous && col + 1 < columns) next_column();
    if (col >= columns) break;
    // A chain of kept blocks moves on whole when it does not fit here.
    if (!kept_by_previous && row > top() && row + chain(i) > limit()) next_column();
    // What still does not fit goes on to the first column that holds it.
    while (col < columns && row + b.rows > limit()) next_column();
    if (col >= columns) break;
    put(i);
  }
  // Pictures still waiting when the text has run out go where the text ended.
  for (size_t i : pending) {
    while (col < columns && row + blocks[i].rows > limit()) next_column();
    if (col >= columns) break;
    if (r.positions[i].column < 0) put(i);
  }
  return r;
}

int Spread(const std::vector<int>& ends) {
  if (ends.empty()) return 0;
  return *std::max_element(ends.begin(), ends.end()) - *std::min_element(ends.begin(), ends.end());
}

// The fewest rows the columns can hold at foot `bottom`.
int Room(const std::vector<ColumnSpace>& spaces) {
  int room = 0;
  for (const ColumnSpace& s : spaces) room += std::max(0, s.bottom - s.top);
  return room;
}

// Columns that all end on grid line `bottom` or the one above, found by trying every
// way of cutting the blocks into columns (keeps honoured; with `soft_keeps`, widow and
// orphan control too). Used when filling greedily leaves the columns uneven, e.g. when a
// subhead kept with its lines had to move on. Pictures waiting for a column's top are
// not handled here (an empty result).
FlowResult Level(const std::vector<FlowBlock>& blocks, const std::vector<ColumnSpace>& spaces,
                 int bottom, bool soft_keeps) {
  const size_t n = blocks.size(), columns = spaces.size();
  FlowResult none;
  for (const FlowBlock& b : blocks)
    if (b.float_to_column_top) return none;
  auto keeps = [&](size_t k) {
    return blocks[k].keep_with_next || (soft_keeps && blocks[k].soft_keep_with_next);
  };
  // from[c][i]: the first block of column c-1 when columns 0..c-1 hold blocks [0, i); -1:
  // no way.
  std::vector<std::vector<int>> from(columns + 1, std::vector<int>(n + 1, -1));
  from[0][0] = 0;
  for (size_t c = 0; c < columns; ++c) {
    const ColumnSpace& s = spaces[c];
    for (size_t i = 0; i <= n; ++i) {
      if (from[c][i] < 0) continue;
      int rows = 0, stretch = 0;
      for (size_t j = i;; ++j) {
        // Blocks [i, j) in column c, each stretchable one a grid line taller or not.
        const bool may_end = j == n || j == i || !keeps(j - 1);
        const int end = s.top + rows + s.foot;
        const bool reaches = end <= bottom && end + stretch >= bottom - 1 &&
                             s.top + rows + std::max(0, bottom - 1 - end) <= s.bottom;
        if (may_end && reaches && from[c + 1][j] < 0) from[c + 1][j] = static_cast<int>(i);
        if (j == n) break;
        rows += blocks[j].rows;
        stretch += blocks[j].stretch;
        if (s.top + rows > s.bottom) break;
      }
    }
  }
  if (from[columns][n] < 0) return none;
  FlowResult r;
  r.positions.assign(n, FlowPosition{-1, 0});
  size_t end = n;
  for (size_t c = columns; c-- > 0;) {
    const size_t begin = static_cast<size_t>(from[c + 1][end]);
    int rows = 0;
    for (size_t k = begin; k < end; ++k) rows += blocks[k].rows;
    int extra = std::max(0, bottom - 1 - (spaces[c].top + rows + spaces[c].foot));
    int row = spaces[c].top;
    for (size_t k = begin; k < end; ++k) {
      const int add = std::min(blocks[k].stretch, extra);
      extra -= add;
      r.positions[k] = {static_cast<int>(c), row, add};
      row += blocks[k].rows + add;
      r.column_height = std::max(r.column_height, row);
    }
    end = begin;
  }
  r.placed = n;
  r.bottom = bottom;
  return r;
}

}  // namespace

std::vector<int> ColumnEnds(const std::vector<FlowBlock>& blocks, const FlowResult& r,
                            const std::vector<ColumnSpace>& spaces) {
  std::vector<int> ends(spaces.size());
  for (size_t c = 0; c < spaces.size(); ++c) ends[c] = spaces[c].top;
  for (size_t i = 0; i < blocks.size(); ++i)
    if (r.IsPlaced(i)) {
      int& e = ends[static_cast<size_t>(r.positions[i].column)];
      e = std::max(e, r.positions[i].row + blocks[i].rows + r.positions[i].extra);
    }
  for (size_t c = 0; c < spaces.size(); ++c) ends[c] += spaces[c].foot;
  return ends;
}

FlowResult FlowBalanced(const std::vector<FlowBlock>& blocks, const SpaceAt& space_at,
                        int min_bottom, int max_bottom, bool widow_control) {
  int total = 0;
  for (const FlowBlock& b : blocks) total += b.rows;
  FlowResult lowest;
  int lowest_bottom = -1;
  for (int bottom = std::max(0, min_bottom); bottom <= max_bottom; ++bottom) {
    if (lowest_bottom >= 0 && bottom > lowest_bottom + 3) break;
    const std::vector<ColumnSpace> spaces = space_at(bottom);
    if (spaces.empty()) break;
    if (Room(spaces) < total) continue;
    for (bool soft_keeps : {true, false}) {
      if (soft_keeps && !widow_control) continue;
      for (bool even : {true, false}) {
        FlowResult r = Fill(blocks, spaces, soft_keeps, even);
        if (r.placed != blocks.size()) continue;
        r.bottom = bottom;
        if (Spread(ColumnEnds(blocks, r, spaces)) <= 1) return r;
        if (lowest_bottom < 0) lowest = r, lowest_bottom = bottom;
      }
    }
    for (bool soft_keeps : {true, false}) {
      if (soft_keeps && !widow_control) continue;
      FlowResult r = Level(blocks, spaces, bottom, soft_keeps);
      if (r.placed == blocks.size() && !blocks.empty()) return r;
    }
  }
  // Nothing level (pictures and subheads take whole blocks of lines): the lowest fit.
  if (lowest_bottom >= 0) return lowest;
  FlowResult r = FlowFilled(blocks, space_at(max_bottom), widow_control);
  r.bottom = max_bottom;
  return r;
}

FlowResult FlowFilled(const std::vector<FlowBlock>& blocks, const std::vector<ColumnSpace>& spaces,
                      bool widow_control) {
  if (spaces.empty()) {
    FlowResult none;
    none.positions.assign(blocks.size(), FlowPosition{-1, 0});
    return none;
  }
  int bottom = 0;
  for (const ColumnSpace& s : spaces) bottom = std::max(bottom, s.bottom);
  // Widow and orphan control first; without it only when it would leave text over.
  for (bool soft_keeps : {true, false}) {
    if (soft_keeps && !widow_control) continue;
    FlowResult r = Fill(blocks, spaces, soft_keeps, false);
    r.bottom = bottom;
    if (r.placed == blocks.size() || !soft_keeps) return r;
  }
  return {};
}

FlowResult FlowIntoColumns(const std::vector<FlowBlock>& blocks, int columns, int rows_per_column,
                           bool balance) {
  return FlowIntoColumns(blocks, std::vector<int>(std::max(0, columns), rows_per_column), balance);
}

FlowResult FlowIntoColumns(const std::vector<FlowBlock>& blocks, const std::vector<int>& capacities,
                           bool balance, bool widow_control) {
  int tallest = 0;
  for (int c : capacities) tallest = std::max(tallest, c);
  if (capacities.empty() || tallest <= 0) {
    FlowResult none;
    none.positions.assign(blocks.size(), FlowPosition{-1, 0});
    return none;
  }
  auto space_at = [&](int bottom) {
    std::vector<ColumnSpace> spaces;
    for (int c : capacities) spaces.push_back({0, std::min(bottom, std::max(0, c)), 0});
    return spaces;
  };
  if (balance) return FlowBalanced(blocks, space_at, 1, tallest, widow_control);
  return FlowFilled(blocks, space_at(tallest), widow_control);
}

}  // namespace banmian
