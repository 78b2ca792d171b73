// Column flow: distributing a module's blocks into the columns of its slot.
//
// After line breaking every piece of a module body is a block a whole number of grid
// lines tall (a text line, a subhead, a one-column picture with its caption). The flow
// fills the columns left to right, each between the grid lines its ColumnSpace leaves
// free for text (a picture across columns at the top or foot of the body takes the rest),
// and keeps a block marked keep_with_next in the same column as the next one: a chain of
// such blocks moves on whole, so a subhead kept with the two lines after it never ends a
// column. soft_keep_with_next (widow and orphan control, docs/chinese-rules.md §9) is honoured
// unless that would leave text over.
//
// Balancing treats the body as one region: it looks for the lowest foot (grid line) at
// which everything fits and every column ends within one grid line of the others,
// counting a picture's foot as the end of the column it stands in. A one-column picture
// (float_to_column_top) does not start in the middle of a column: the text goes on in
// this column and the picture heads the next, as pages are made up. What does not fit
// even at full height is overset: the result says which blocks.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

namespace banmian {

struct FlowBlock {
  int rows = 1;
  bool keep_with_next = false;       // a heading, or the first line after one: never last
  bool soft_keep_with_next = false;  // widow/orphan control: given up when space runs out
  bool float_to_column_top = false;  // a picture: heads a column rather than splitting one
  // Grid lines the block may take beyond `rows` to level the columns: air round a
  // subhead, which newspapers set on two to four grid lines.
  int stretch = 0;
};

// The grid lines of one column free for text: [top, bottom), counted from the body's top.
// `foot` is the grid lines of pictures standing at the column's foot, under its text: the
// column's content ends `foot` lines below where its text ends (so a gap between the
// text and such a picture counts as white space like any other).
struct ColumnSpace {
  int top = 0;
  int bottom = 0;
  int foot = 0;
};

struct FlowPosition {
  int column = 0;
  int row = 0;    // grid lines from the body's top (not from the column's space)
  int extra = 0;  // grid lines added to a stretchable block, to level the columns
};

struct FlowResult {
  std::vector<FlowPosition> positions;  // one per block; column -1: not placed (overset)
  size_t placed = 0;                    // how many blocks were placed
  int column_height = 0;                // the grid line where the lowest column ends
  int bottom = 0;                       // the foot the flow was given (balanced: chosen)

  bool IsPlaced(size_t block) const { return positions[block].column >= 0; }
};

// The free grid lines of every column when the body ends at grid line `bottom` (a
// picture at the foot moves with it).
using SpaceAt = std::function<std::vector<ColumnSpace>(int bottom)>;

// Where each column's content ends (text, or its ColumnSpace floor), for a flow result.
std::vector<int> ColumnEnds(const std::vector<FlowBlock>& blocks, const FlowResult& r,
                            const std::vector<ColumnSpace>& spaces);

// Balanced: the lowest foot from `min_bottom` to `max_bottom` at which every block fits
// and the column ends differ by one grid line at most; failing that, the lowest at which
// every block fits; failing that (too much text), filled to `max_bottom` with what fits.
FlowResult FlowBalanced(const std::vector<FlowBlock>& blocks, const SpaceAt& space_at,
                        int min_bottom, int max_bottom, bool widow_control = true);

// Every column filled to the foot of its space, left to right (a part that continues).
FlowResult FlowFilled(const std::vector<FlowBlock>& blocks, const std::vector<ColumnSpace>& spaces,
                      bool widow_control = true);

// Columns of equal height from the top: `columns` × `rows_per_column`.
FlowResult FlowIntoColumns(const std::vector<FlowBlock>& blocks, int columns, int rows_per_column,
                           bool balance);

// The same with a capacity per column (e.g. one line fewer in the last column, kept
// for a jump line). Balancing never uses more than a column's capacity.
FlowResult FlowIntoColumns(const std::vector<FlowBlock>& blocks, const std::vector<int>& capacities,
                           bool balance, bool widow_control = true);

}  // namespace banmian
