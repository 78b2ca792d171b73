// One unbroken stroke for a run of dashes (GB/T 15834, 破折号: —— is one line two ems long).
//
// A font's dash glyph leaves a little blank at both its ends (Noto Serif CJK SC: 0.071 em,
// AR PL UKai: 0.070 and 0.071 em), so two of them side by side, as —— is typed and kept (two
// U+2014, so the text copies out as typed and the composer keeps the pair whole), show a gap:
// 1.3 pt at 9 pt. The vertical forms (︱) leave the same blank above and below. After
// placing, JoinDashes closes the gaps in two ways:
//   - Two — of one run, one advance apart (no letter spacing opened them) become the font's own
//     two-em dash: the one glyph its `ccmp` makes of —— (Noto CJK's ⸺ glyph, one stroke two em
//     long), at the first one's place, in one cluster of the two characters, so the text
//     still copies out as —— (through the font's ToUnicode map, or the line's /ActualText
//     where the same glyph also shows a typed ⸺: render/glyph_text.h). Down, the two runs of a
//     vertical line's dashes become one run of the vertical form of that glyph, placed by its own
//     vertical origin (text/glyph_metrics.h TwoEmDashGlyph). A glyph draws alike in every renderer.
//   - Between any other two dash glyphs that follow each other in a frame's runs and lie in line
//     (side by side, or one under the other in vertical text), closer than kDashJoinFarthest, a
//     filled rectangle in the text's colour over the blank between their inks: as thick as
//     the two strokes are together (the overlap of their ink boxes, measured from the font:
//     text/glyph_metrics.h), reaching kDashJoinOverlap em into each so no seam shows where the
//     edges are anti-aliased. That is a font without a two-em dash (AR PL UKai), a letter-spaced
//     ——, a dash in two styles, and the gap between two two-em dashes (————, one line four em
//     long). The dash glyphs of Noto CJK, AR PL UKai and Hanazono are plain rectangles, so
//     the stroke and its joins make one.
// On screen at small sizes, a renderer that widens a thin filled rectangle to a whole pixel and
// snaps glyph stems to the pixel grid (poppler's Splash, as pdftoppm draws at 100 dpi) shows a
// rectangle join as a dark dot beside a grey stroke, which is why the font's glyph comes first;
// cairo (the PNG preview; poppler's cairo output) and print resolution show one even stroke.
//
// Dash characters (IsJoiningDash): U+2014 —, U+2E3A ⸺ and U+2E3B ⸻ (the two- and three-em
// dashes, one glyph each in Noto CJK, joined when repeated), and U+2500 ─, the box-drawing line
// some editors type for a dash (its glyph fills its advance, so it needs a rectangle only
// where letter spacing opens a gap). U+2015 ― is not one: GB/T 15834 does not use it.
//
// The characters are untouched; the rectangles are items like any filled box, so the PDF, the press
// PDF (in the declared CMYK, knocking out as the text does: neither sets overprint) and the
// PNG preview all draw them. Text drawn synthetically bold (GlyphRun::synthetic_bold) is
// thicker by its outline's stroke, and so are its joins.
#pragma once

#include <vector>

#include "model/frame.h"

namespace banmian {

// How far a join reaches into each of the strokes it joins, in em of the text.
inline constexpr double kDashJoinOverlap = 0.02;
// Dash glyphs further apart than this (em) are not one dash (the next line's, a column's).
inline constexpr double kDashJoinFarthest = 0.5;

bool IsJoiningDash(char32_t c);

// Joins the dashes of every frame of every page (after placing, before writing). The role of a
// rectangle is "dash-join:" and the role of the run of its first dash.
void JoinDashes(Document& doc);
// The same for one frame's items, whose runs' fonts index `fonts`: runs may change (two-em
// dashes), a vertical line's run may go, and rectangles follow the run of their second dash.
void JoinDashes(const std::vector<FontFace>& fonts, std::vector<Item>& items);

}  // namespace banmian
