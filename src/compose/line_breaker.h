// The compose stage's paragraph composer: atoms → lines, the paragraph as a whole.
//
// BreakLines sets a shaped paragraph into lines whose widths come from a function of the
// line number, so the same code serves a column, a column shortened beside a picture, or
// a caption. It is a total-fit composer (Knuth and Plass's, as TeX, InDesign's paragraph
// composer and Typst use). It sets the paragraph in the fewest lines the break rules allow
// (as many as greedy setting takes: a column's fit must not depend on how loose a line
// is), and of those ways to break it (break_rules.h) takes the one whose lines need the
// least adjustment, the worst line counting most (a line's cost grows with the cube of its
// stretch per gap), so a loose line is avoided by taking a little from the lines before
// it. Lines may shrink by their punctuation blanks and Han–Latin gaps (cheap: clreq
// prefers squeezing to pushing a character out) and stretch as the justifier says. The rules that
// are not costs are constraints: no line breaks where a kinsoku rule forbids it, and a last line of
// a single character (or one and its mark) is taken only where nothing else is possible
// (docs/chinese-rules.md §9). A word longer than any line (a URL) is cut, after / . @ - where that
// leaves the line full enough, else where the line is full; a line holding nothing to stretch has
// its letters spaced, and says so (ComposedLine::cut, letter_spacing). Every position is weighed
// once per distinct line width, so the work is the paragraph's length times a line's. A justified
// line whose gaps would stretch more than 3/4 em each (b ≥ 2700) is weighed only when it is the
// longest legal line from its start, so where every line from a start is that bad the longest is
// taken, as greedy setting would.
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

}  // namespace banmian
