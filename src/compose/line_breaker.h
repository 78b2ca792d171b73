// The compose stage's line breaker: atoms → lines.
//
// BreakLines sets a shaped paragraph into lines whose widths come from a function of
// the line number, so the same code serves a column, a column shortened beside a
// picture, or a headline. Each line takes as many atoms as fit once every optional
// punctuation blank and Han–Latin gap is taken in (so a mark that fits squeezed is
// pulled in rather than pushed out); the break then steps back to the nearest gap the
// break rules allow (pushing characters to the next line), and the justifier sets the
// line. A word longer than the line is cut, after / . @ - where it can be, so no line
// is wider than its column. A last line holding a single character gets one more
// pulled down from the line above (CJK-RULES §6).
#pragma once

#include <functional>
#include <vector>

#include "compose/justifier.h"
#include "model/layout.h"
#include "text/shaped_text.h"

namespace banmian {

using LineWidthFn = std::function<double(int line_number)>;

std::vector<ComposedLine> BreakLines(const ShapedText& text, const LineWidthFn& width_of_line,
                                     const ParagraphStyle& style);

// Convenience: every line the same width.
std::vector<ComposedLine> BreakLines(const ShapedText& text, double width,
                                     const ParagraphStyle& style);

// Display text (headlines): breaks into as few lines as `width` allows, but with the
// lines as even as possible, so a two-line headline never leaves one character alone
// on its second line. Lines are aligned within `width` as `style.align` says.
std::vector<ComposedLine> BreakBalanced(const ShapedText& text, double width,
                                        const ParagraphStyle& style);

}  // namespace banmian
