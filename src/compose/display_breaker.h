// The display breaker: kickers, headlines, subheads, section titles, pull quotes, bylines
// and the vertical headline, broken where they read well (docs/chinese-rules.md §4).
//
// Body text breaks between any two characters the kinsoku rules allow; display text set
// large reads in phrases, so it breaks where a phrase or a word ends (text/phrase_breaks.h).
// Of every way to break the text where the kinsoku rules allow (compose/break_rules.h), the
// breaker takes, in this order of importance:
//   1. the fewest lines (a headline takes no more room than the greedy breaker gave it);
//   2. the least cost over its breaks and lines: a break inside a word costs more than any
//      other arrangement (kInWordCost); one between two characters ICU found no word for,
//      or before a particle, a little (kWeakWordCost); one at a word boundary less
//      (kWordCost); one after a space or a clause mark nothing. And the lines are kept
//      even: each line's distance from the mean line length, as a share of the whole
//      width, squared, times kBalanceWeight; a line of nothing but marks (—— alone) costs
//      kBareLineCost. On a tie the earlier lines are the longer.
// A line break typed in the text (a `\n` atom: a YAML `|` block or "…\n…" in the front
// matter) always breaks there, and each part between two is broken on its own. A word
// wider than the line (a long URL) is cut, after / . @ - where it can be, and only when
// nothing else fits; a single character wider than the line is set alone, overfull. Lines
// are never justified and punctuation never hangs. The search is a dynamic programme over
// the break candidates, each line measured once: headlines are short; a part that fits
// on one line is set so without asking ICU.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "compose/justifier.h"
#include "text/phrase_breaks.h"
#include "text/shaped_text.h"

namespace banmian {

// The costs the breaker weighs (in units of one word-boundary break).
inline constexpr double kWordCost = 1;
inline constexpr double kWeakWordCost = 2.5;
inline constexpr double kInWordCost = 1000;
inline constexpr double kBalanceWeight = 4;
inline constexpr double kBareLineCost = 50;

// The length (pt) atoms [begin, end) take as one line: the least, with every optional
// punctuation blank and gap taken in, and the natural.
struct DisplayExtent {
  double minimum = 0, natural = 0;
};
using DisplayExtentFn = std::function<DisplayExtent(uint32_t begin, uint32_t end)>;

// One line of display text.
struct DisplaySpan {
  uint32_t begin = 0, end = 0;  // atoms shown, [begin, end): spaces at either end left out
  bool cut = false;             // ends inside a word no line could hold whole (kinsoku aside)
  // Set when the line ends inside a word (no break between words fitted): the word with
  // | at the break, "单|位".
  std::string split_word;
};

// The lines of `text` set `length` pt long, measured by `extent` (horizontal or vertical
// setting alike). `strict`: the strict kinsoku rules (—— and …… never start a line).
std::vector<DisplaySpan> ChooseDisplayBreaks(const ShapedText& text, double length,
                                             const DisplayExtentFn& extent, bool strict);

struct DisplayText {
  std::vector<ComposedLine> lines;
  std::vector<std::string> split_words;  // per line: DisplaySpan::split_word
};

// Display text set in lines `width` pt wide, aligned within `width` as `style.align` says
// (unjustified: `style.justify` is not looked at), measured and set by the justifier.
DisplayText BreakDisplay(const ShapedText& text, double width, const ParagraphStyle& style);

}  // namespace banmian
