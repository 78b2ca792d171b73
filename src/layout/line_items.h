// Turning composed lines into positioned glyph runs for the frame tree.
//
// One ComposedLine becomes one GlyphRun per stretch of atoms sharing a font and a
// style; each glyph gets its absolute page position and the run keeps its text and
// cluster map so the PDF copies out the original characters.
#pragma once

#include <string>
#include <vector>

#include "compose/line_breaker.h"
#include "layout/layout_report.h"
#include "model/frame.h"
#include "text/shaped_text.h"

namespace banmian {

// Appends the runs of `line` with its left edge at x and its baseline at y. Missing
// glyphs are recorded in `missing` (page and where filled by the caller).
void AppendLineRuns(const ShapedText& text, const ComposedLine& line, double x, double y,
                    std::vector<Item>& out, std::vector<MissingGlyphRecord>* missing);

// Appends a vertical line: `line` composed from text set top to bottom (text/vertical_text.h),
// so its x are distances down the line, with its centre line at `centre_x` and its top at
// `top`. One run per atom.
void AppendVerticalLine(const ShapedText& vertical, const ComposedLine& line, double centre_x,
                        double top, std::vector<Item>& out,
                        std::vector<MissingGlyphRecord>* missing);

// The characters a line shows.
std::string LineText(const ShapedText& text, const ComposedLine& line);

// Distance from the top of a body-size em box to its baseline in CJK fonts (0.88 em).
constexpr double kEmAscent = 0.88;

}  // namespace banmian
