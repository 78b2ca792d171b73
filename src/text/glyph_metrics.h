// Glyph measurements read straight from a font file, for what horizontal shaping does not say.
//
// The shaper gives every glyph its advance along a horizontal line and nothing more. Two later
// needs ask the font itself: the dash joiner (layout/dash_joins.h) needs a glyph's ink box, to
// bridge the blank a font leaves at both ends of its dash glyph, and vertical setting
// (text/vertical_text.h) needs a glyph's vertical advance and origin (the OpenType `vmtx` and
// `VORG` data) and a punctuation mark's blank above or below it (the `vhal` feature, the
// vertical counterpart of `halt`); and the dash joiner asks for the font's own two-em dash. Each is
// read with HarfBuzz from the face a FontFace names (its file, and its index inside a .ttc
// collection), in the font's own units, and given in em. Faces are opened once per process and kept
// open; the functions are thread-safe.
#pragma once

#include <cstdint>

#include "model/frame.h"

namespace banmian {

// A glyph's ink (the bounding box of its outline), in em from the glyph's origin, y growing
// upwards as in the font. All 0 for a glyph without outline or a face that cannot be opened.
struct InkBox {
  double left = 0, right = 0, bottom = 0, top = 0;
  bool empty() const { return right <= left || top <= bottom; }
};
InkBox GlyphInk(const FontFace& face, uint32_t glyph);

// A glyph set top to bottom, in em: its advance down the line, and where its (horizontal)
// origin goes, measured from the point of the line's centre line at the top of the glyph's
// box: `origin_x` to the right (negative: to the left; -0.5 for a full-width glyph) and
// `origin_y` down (the font's vertical origin, 0.88 in Noto CJK). A face that cannot be
// opened gives an em square: {1, -0.5, 0.88}.
struct VerticalGlyph {
  double advance = 1, origin_x = -0.5, origin_y = 0.88;
};
VerticalGlyph GlyphVertical(const FontFace& face, uint32_t glyph);

// The blank part of a punctuation mark's vertical form (vert), as fractions of its vertical
// advance: above it and below it, from the font's `vhal` feature (which halves the advance
// and, for a mark whose blank is above, moves the glyph up). `from_font` when the font has vhal
// data at all: then a mark vhal leaves alone has no blank (Noto CJK's vertical ！？：； are
// upright and a full em tall). {0, 0, false} for a font without vhal (AR PL UKai).
struct VerticalBlanks {
  double top = 0, bottom = 0;
  bool from_font = false;
};
VerticalBlanks MarkBlanksVertical(const FontFace& face, char32_t ch);

// The font's own two-em dash: the one glyph its `ccmp` feature makes of —— (U+2014 twice),
// set across or (with its vertical form) down, and that glyph's advance in em (2); glyph 0 when
// the font has none (AR PL UKai, Hanazono). Noto CJK's is its ⸺ glyph, one stroke two em long.
struct TwoEmDash {
  uint32_t glyph = 0;
  double advance = 0;
};
TwoEmDash TwoEmDashGlyph(const FontFace& face, bool vertical);

}  // namespace banmian
