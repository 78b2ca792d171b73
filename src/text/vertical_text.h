// Text set top to bottom (竖排), measured down the line so the composer can set it.
//
// A vertical line follows the same spacing rules as a horizontal one, along its length
// instead of its width (docs/chinese-rules.md §5; clreq §3.1 gives them for both directions): a
// mark at the line's end loses its blank, two marks in a row lose half an em between them, an
// opening mark at the line's start is flush or keeps its blank as the layout says. So vertical text
// is handed to the composer's own functions (compose/display_breaker.h, compose/justifier.h) as a
// ShapedText whose atoms measure down the line: an atom's "left" is its top, its "right" its
// bottom, and a composed line's x are distances from the line's top.
//
// TopToBottom takes text shaped horizontally with the `vert` feature (the fonts' vertical
// forms of punctuation: ︐ ︽ ︱ …) and measures, from the fonts (text/glyph_metrics.h):
//   - each atom's advance: its glyphs' vertical advances (the font's vmtx: 1 em for an
//     ideograph, 2 em for ⸺) plus the style's letter spacing;
//   - each glyph's offsets, which place its origin from the line's centre line and the top
//     of the atom's box (the font's VORG: 0.88 em down in Noto CJK);
//   - each punctuation mark's blanks, above (Atom::blank_left) and below (blank_right), from
//     the font's `vhal` feature, in place of the horizontal `halt` blanks the shaper found.
//     A mark with a blank across that the font's vhal leaves whole (Noto CJK's upright
//     ！？：；, a full em tall) has none down: it is given kNoBlank below it, because the
//     composer reads two blanks of 0 as "the font does not say" and then takes half of a
//     full-width mark. A mark whose font has no vhal data at all gets 0 and 0, and the
//     composer decides by its kind, as it does across for a font without halt data;
//   - no half-width glyph (Atom::half_glyph 0: the `hwid` forms are horizontal).
// Glyph advances stay the horizontal ones: what the PDF says the glyph's width is.
#pragma once

#include <vector>

#include "model/frame.h"
#include "text/shaped_text.h"

namespace banmian {

// The blank given to a mark the font measures as having none (pt): far below what any
// measurement or output can show (PDF positions are written to 0.01 pt).
inline constexpr float kNoBlank = 0.001f;

// `shaped`: shaped with "vert 1"; `faces`: the FontFaces its atoms' font ids name (FontSet's).
ShapedText TopToBottom(const ShapedText& shaped, const std::vector<FontFace>& faces);

}  // namespace banmian
