// The justifier: setting one line of atoms to its width (CJK-RULES.md §3–§5).
//
// Punctuation first gets its mandatory widths: a mark at the line's end loses its
// blank half, two marks in a row lose half an em between them, 开明 style sets all but
// 。？！ half width, and · ／ are half an em, centred. A quarter em goes between an
// ideograph and a Latin letter or digit. Then a line that is too long shrinks
// (bracket blanks, then 、，：；, then 。？！, then Han–Latin gaps down to 1/8 em), and a
// justified line that is too short stretches (Latin spaces up to 1/2 em, Han–Latin
// gaps, then every gap between characters alike, never inside a Latin word, —— or
// ……). The last line of a paragraph is set flush, unstretched. Pure functions.
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
};

struct LineMeasure {
  double natural = 0;  // with the mandatory punctuation widths and Han–Latin gaps
  double minimum = 0;  // with every optional blank and gap taken in
};

// Measures atoms [begin, end) set as one line (hanging: the last atom hangs outside).
LineMeasure MeasureLine(const ShapedText& text, uint32_t begin, uint32_t end, bool hanging,
                        const ParagraphStyle& style);

// Sets atoms [begin, end) as one line `width` wide whose content starts at `indent`.
ComposedLine SetLine(const ShapedText& text, uint32_t begin, uint32_t end, double width,
                     double indent, bool last, bool hanging, const ParagraphStyle& style);

}  // namespace banmian
