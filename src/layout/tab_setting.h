// Setting a furniture line against its tab stops, as an index box (导读) needs: a title,
// then its page reference right-aligned at a stop, with dot leaders between.
//
// A line is split at its tabs into segments; segment 0 starts at the item's left edge and
// segment n is set against stop n-1 (its left edge, right edge or centre at the stop's
// position). Where a segment cannot reach its place because the text before it runs past,
// it follows that text at once and the line records by how much it ran past (a finding,
// never an overprint). A leader fills the gap before a segment with whole marks, each on a
// multiple of the mark's advance from the item's left edge and at least half a mark clear
// of the text on either side: the marks of every line stand in the same columns.
// All lengths are pt from the item's left edge.
#pragma once

#include <cstddef>
#include <vector>

#include "model/layout.h"

namespace banmian {

struct LeaderMarks {
  double x = 0;     // the first mark's left edge
  int count = 0;    // whole marks, each `advance` wide
  size_t stop = 0;  // the stop whose gap they fill
};

struct TabbedLine {
  std::vector<double> x;             // each segment's left edge
  std::vector<LeaderMarks> leaders;  // only gaps with at least one mark
  // Per stop used: how far the text before it ran past where its segment should start
  // (0 when it did not).
  std::vector<double> overrun;
  double width = 0;  // the right edge of the last segment
};

// `widths` are the segments' natural widths (one more than the tabs of the line, and at
// most one more than `stops`); `leader_advance[i]` is the advance of stop i's leader mark
// (ignored when the stop has no leader).
TabbedLine SetTabs(const std::vector<double>& widths, const std::vector<TabStop>& stops,
                   const std::vector<double>& leader_advance);

}  // namespace banmian
