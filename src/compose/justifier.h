// The justifier: setting one line of atoms to its width (docs/chinese-rules.md §5, §7, §8).
//
// Punctuation first gets its mandatory widths (line_spacing.h): a mark at the line's end
// loses its blank half, two marks in a row lose half an em between them, 开明 style sets
// all but 。？！ half width, an opening mark at the line's start is flush or full width as
// the layout says, and · ／ are half an em, centred. A quarter em goes between an ideograph
// and a Latin letter or digit. Then a line that is too long shrinks (bracket blanks, then
// 、，：；, then 。？！, then Han–Latin gaps down to 1/8 em), and a justified line that is
// too short stretches (Latin spaces up to 1/2 em, Han–Latin gaps up to 1/2 em, then every
// gap between characters alike, never inside a Latin word, —— or ……). A line with no such
// gap (all one Latin word, or a cut URL) stretches its spaces further, and as a last resort
// spaces its letters, which the line reports. The last line of a paragraph is set flush,
// unstretched. Pure functions.
#pragma once

#include <cstdint>
#include <vector>

#include "model/layout.h"
#include "text/shaped_text.h"

namespace banmian {

struct ParagraphStyle {
  double first_indent = 0;     // pt, before the first line
  bool justify = true;         // justify all lines but the last
  Align align = Align::kLeft;  // placement of lines that are not justified
  TypesettingRules rules;
  // A number is never parted from what follows it (28℃, 3级, 7日; break_rules.h
  // NumberWithUnit): table cells, where a figure and its unit read as one value.
  bool keep_numbers_with_units = false;
};

struct ComposedLine {
  uint32_t begin = 0, end = 0;  // atoms shown, [begin, end); trailing spaces excluded
  std::vector<float> x;         // glyph origin of each shown atom, from the line's left edge
  float width = 0;              // the width the line was set in
  float natural = 0;            // content width before shrinking or stretching, indent included
  float right = 0;              // where the content ends (the last box's right edge)
  bool last = false;            // the paragraph's last line
  bool overfull = false;        // content wider than the line even fully shrunk
  bool hanging = false;         // the last atom hangs past the line's end
  bool half_end = false;        // the last atom is a mark set half width (its blank cut)
  bool cut = false;             // the line ends inside a word too long for any line
  float gap_stretch = 0;        // pt added to every gap between characters (0: none)
  float letter_spacing = 0;     // pt added between letters: the last resort, 0 normally
};

// How a line of natural width `natural` is stretched to `avail` (pt), stage by stage.
struct StretchPlan {
  double spaces = 0;          // pt added to the typed spaces altogether
  double han_latin = 0;       // … to the Han–Latin gaps altogether
  double per_gap = 0;         // … to every gap between characters
  double per_space_more = 0;  // … to each space beyond its half em (no gaps to stretch)
  double per_letter = 0;      // … between letters (no gaps and no spaces): the last resort
  double short_by = 0;        // what is left: the line ends this much short
};

// The stretch capacities of a line, as the meter and the justifier count them.
struct StretchRoom {
  double spaces = 0;        // pt the typed spaces may grow, to half an em each
  double han_latin = 0;     // pt the Han–Latin gaps may grow, to half an em each
  int space_count = 0;      // typed spaces
  int gap_count = 0;        // gaps between characters (Han–Latin gaps included)
  int han_latin_count = 0;  // Han–Latin gaps
  int letter_gaps = 0;      // gaps letter spacing may open
};

struct LineMeasure {
  double natural = 0;  // with the mandatory punctuation widths and Han–Latin gaps
  double minimum = 0;  // with every optional blank and gap taken in
  StretchRoom room;    // what stretching the line may use
};

// Splits `extra` pt of stretch over the stages in the justifier's order.
StretchPlan PlanStretch(double extra, const StretchRoom& room);

// Measures atoms [begin, end) set as one line (hanging: the last atom hangs outside).
LineMeasure MeasureLine(const ShapedText& text, uint32_t begin, uint32_t end, bool hanging,
                        const ParagraphStyle& style);

// Sets atoms [begin, end) as one line `width` wide whose content starts at `indent`.
ComposedLine SetLine(const ShapedText& text, uint32_t begin, uint32_t end, double width,
                     double indent, bool last, bool hanging, const ParagraphStyle& style);

}  // namespace banmian
