// Column flow: distributing a module's blocks into the columns of its slot.
//
// After line breaking every piece of a module body is a block a whole number of grid
// lines tall (a text line, a subhead, a picture with its caption). FlowIntoColumns
// fills the columns left to right, top to bottom, keeps a block marked
// keep_with_next in the same column as the next one, and balances the columns: it
// uses the smallest column height at which everything fits. What does not fit even
// at full height is overset: the result says from which block on.
#pragma once

#include <cstddef>
#include <vector>

namespace banmian {

struct FlowBlock {
  int rows = 1;
  bool keep_with_next = false;
};

struct FlowPosition {
  int column = 0;
  int row = 0;
};

struct FlowResult {
  std::vector<FlowPosition> positions;  // for blocks [0, placed)
  size_t placed = 0;                    // blocks that fit; the rest are overset
  int column_height = 0;                // rows used by the tallest column
};

FlowResult FlowIntoColumns(const std::vector<FlowBlock>& blocks, int columns, int rows_per_column,
                           bool balance);

}  // namespace banmian
