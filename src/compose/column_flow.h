// Column flow: distributing a module's blocks into the columns of its slot.
//
// After line breaking every piece of a module body is a block a whole number of grid
// lines tall (a text line, a subhead, a picture with its caption). FlowIntoColumns
// fills the columns left to right, top to bottom, keeps a block marked
// keep_with_next in the same column as the next one (soft_keep_with_next too, unless
// honouring it would leave text over), and balances the columns: it uses the smallest
// column height at which everything fits. A picture (float_to_column_top) does not
// start in the middle of a column: the text goes on in this column and the picture
// heads the next, as pages are made up. What does not fit even at full height is
// overset: the result says which blocks.
#pragma once

#include <cstddef>
#include <vector>

namespace banmian {

struct FlowBlock {
  int rows = 1;
  bool keep_with_next = false;       // a heading: never last in its column
  bool soft_keep_with_next = false;  // widow/orphan control: given up when space runs out
  bool float_to_column_top = false;  // a picture: heads a column rather than splitting one
};

struct FlowPosition {
  int column = 0;
  int row = 0;
};

struct FlowResult {
  std::vector<FlowPosition> positions;  // one per block; column -1: not placed (overset)
  size_t placed = 0;                    // how many blocks were placed
  int column_height = 0;                // rows used by the tallest column

  bool IsPlaced(size_t block) const { return positions[block].column >= 0; }
};

FlowResult FlowIntoColumns(const std::vector<FlowBlock>& blocks, int columns, int rows_per_column,
                           bool balance);

// The same with a capacity per column (e.g. one line fewer in the last column, kept
// for a jump line). Balancing never uses more than a column's capacity.
FlowResult FlowIntoColumns(const std::vector<FlowBlock>& blocks, const std::vector<int>& capacities,
                           bool balance, bool widow_control = true);

}  // namespace banmian
