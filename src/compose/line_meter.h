// The line meter: the widths of every candidate line from one start, in one pass.
//
// The paragraph composer (line_breaker.h) weighs, from every place a line may start, every
// place it may end. Measuring each candidate afresh would cost the line's length each time;
// the meter instead adds one atom at a time to a line begun at `begin`, applying the rules
// of line_spacing.h in the justifier's order (line start, pairs, line end), and answers for
// the line as it stands: its natural and minimum width and its stretch room, exactly as
// MeasureLine would for the same atoms (a unit test holds the two equal). Trailing spaces
// are the caller's to leave out. Widths in pt. Each atom's box and each pair's gap rule
// are found once, when the meter is made (their cost is the paragraph's length), since
// every atom is added to as many candidate lines as may reach it. Not thread-safe.
#pragma once

#include <cstdint>
#include <vector>

#include "compose/justifier.h"
#include "compose/line_spacing.h"
#include "text/shaped_text.h"

namespace banmian {

class LineMeter {
 public:
  LineMeter(const ShapedText& text, const ParagraphStyle& style);

  // Starts an empty line at atom `begin`.
  void Start(uint32_t begin);
  // Adds the next atom. REQUIRES: end() < the text's atom count.
  void Extend();
  uint32_t end() const { return end_; }
  bool empty() const { return end_ == begin_; }
  // The line [begin, end) as it stands, its last atom set as a line's end.
  LineMeasure Measure() const;
  // Cheaply, for a line not ending in a space: at least Measure().natural, and exactly
  // Measure().room.
  double NaturalBound() const { return width_ + gaps_ + last_.width; }
  const StretchRoom& room() const { return room_; }

 private:
  const ShapedText& text_;
  const ParagraphStyle& style_;
  std::vector<AtomBox> boxes_;  // BoxOf each atom
  std::vector<GapRule> gap_;    // gap_[k]: GapBetween atoms k-1 and k (boxes as made)
  std::vector<bool> letter_;    // letter_[k]: MayLetterSpace atoms k-1 and k
  uint32_t begin_ = 0, end_ = 0;
  AtomBox last_;  // the last atom's box: the next atom's pair and the line's end change it
  // Every atom before the last, final: widths, optional blanks, gaps, room.
  double width_ = 0, optional_ = 0, gaps_ = 0, gap_shrink_ = 0;
  StretchRoom room_;
};

}  // namespace banmian
