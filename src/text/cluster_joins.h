// Characters that belong to the character before them: what the shaper folds into the
// preceding cluster so a line never breaks between them and the text layer keeps them.
//
// Pango gives a variation selector, a zero-width joiner or an emoji modifier a cluster
// of its own with an invisible glyph (and may even shape it in another font than its
// base). Unicode says they are one grapheme with what they follow (UAX #29 GB9, GB9a,
// GB11; variation sequences, UAX #37 and the Unicode Standard §23.4), so the shaper
// joins them: their text stays with the base's glyph, which the PDF's text layer and
// the line breaker then see as one unit. Pure functions on code points.
#pragma once

namespace banmian {

// U+FE00–FE0F and U+E0100–E01EF.
bool IsVariationSelector(char32_t c);
// An ideographic variation selector (IVS, U+E0100–E01EF) or a standardized one other than
// the emoji presentation selectors (U+FE00–FE0D): a selector that asks the font for a
// particular glyph, whose absence is worth a warning. FE0E/FE0F (text or emoji style)
// choose a presentation, not a glyph, and are not.
bool AsksForGlyphVariant(char32_t c);
// Joins the character before it: variation selectors, U+200D ZERO WIDTH JOINER, the
// emoji skin-tone modifiers U+1F3FB–1F3FF, tag characters U+E0020–E007F (flag
// sequences), U+20E3 COMBINING ENCLOSING KEYCAP and the combining diacritical marks
// (U+0300–036F, U+1AB0–1AFF, U+1DC0–1DFF, U+20D0–20FF, U+FE20–FE2F).
bool JoinsPrevious(char32_t c);
// Joins the character after it as well: U+200D ZERO WIDTH JOINER (GB11).
inline bool JoinsNext(char32_t c) {
  return c == 0x200D;
}

}  // namespace banmian
