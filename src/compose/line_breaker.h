// The compose stage's line breaker and justifier: atoms → lines.
//
// BreakLines sets a shaped paragraph into lines whose widths come from a function of
// the line number, so the same code serves a column, a column shortened beside a
// picture, or a headline. It fills each line greedily, then steps back to the
// nearest gap the break rules allow (pushing characters to the next line), and
// justifies every line but the last by spreading the leftover space over the gaps
// between characters (never inside Latin words, —— or ……). A word longer than the
// line is cut where it must be, so no line is ever wider than its column.
#pragma once

#include <functional>
#include <vector>

#include "model/layout.h"
#include "text/shaped_text.h"

namespace banmian {

struct ParagraphStyle {
  double first_indent = 0;     // pt, before the first line
  bool justify = true;         // justify all lines but the last
  Align align = Align::kLeft;  // placement of lines that are not justified
};

struct ComposedLine {
  uint32_t begin = 0, end = 0;  // atoms shown, [begin, end); trailing spaces excluded
  std::vector<float> x;         // x of each shown atom, from the line's left edge
  float width = 0;              // the width the line was set in
  float natural = 0;            // content width before justification, indent included
  bool last = false;            // the paragraph's last line
  bool overfull = false;        // a single unbreakable atom wider than the line
};

using LineWidthFn = std::function<double(int line_number)>;

std::vector<ComposedLine> BreakLines(const ShapedText& text, const LineWidthFn& width_of_line,
                                     const ParagraphStyle& style);

// Display text (headlines): breaks into as few lines as `width` allows, but with the
// lines as even as possible, so a two-line headline never leaves one character alone
// on its second line. Lines are aligned within `width` as `style.align` says.
std::vector<ComposedLine> BreakBalanced(const ShapedText& text, double width,
                                        const ParagraphStyle& style);

// Convenience: every line the same width.
std::vector<ComposedLine> BreakLines(const ShapedText& text, double width,
                                     const ParagraphStyle& style);

}  // namespace banmian
