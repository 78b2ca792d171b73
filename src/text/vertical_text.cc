#include "text/vertical_text.h"

#include "text/glyph_metrics.h"
#include "text/script.h"

namespace banmian {

ShapedText TopToBottom(const ShapedText& shaped, const std::vector<FontFace>& faces) {
  ShapedText out = shaped;
  for (Atom& atom : out.atoms) {
    const double size = out.runs[atom.run].size;
    const FontFace* face = atom.font >= 0 && static_cast<size_t>(atom.font) < faces.size()
                               ? &faces[atom.font]
                               : nullptr;
    double across = 0;  // the horizontal advances before this glyph, in the atom
    double down = 0;    // the vertical advances before this glyph
    for (uint32_t g = atom.glyph_begin; g < atom.glyph_end; ++g) {
      ShapedGlyph& glyph = out.glyphs[g];
      const VerticalGlyph v = face ? GlyphVertical(*face, glyph.id) : VerticalGlyph{};
      // The layout steps a glyph right by the advances before it (line_items.h): take that
      // back, so every glyph of the atom hangs from the line's centre.
      glyph.x_offset = static_cast<float>(v.origin_x * size - across);
      glyph.y_offset = static_cast<float>(down + v.origin_y * size);
      across += glyph.advance;
      down += v.advance * size;
    }
    const double letter_spacing = atom.advance - across;  // the shaper added it to the advance
    atom.advance = static_cast<float>(down + letter_spacing);
    // The blanks across (halt), which the shaper found, give way to the blanks down (vhal).
    const bool blank_across = atom.blank_left > 0 || atom.blank_right > 0;
    atom.half_glyph = 0;
    atom.blank_left = atom.blank_right = 0;
    if (face && atom.glyph_end == atom.glyph_begin + 1 && IsCjkPunctuation(atom.ch)) {
      const VerticalBlanks blanks = MarkBlanksVertical(*face, atom.ch);
      atom.blank_left = static_cast<float>(blanks.top * atom.advance);
      atom.blank_right = static_cast<float>(blanks.bottom * atom.advance);
      // A mark with a blank across and none down: no blank at all would read to the composer
      // as "the font does not say" (it would take half the mark: line_spacing.h); the font
      // does say, so the mark gets a blank too small to see.
      if (blank_across && blanks.from_font && atom.blank_left == 0 && atom.blank_right == 0)
        atom.blank_right = kNoBlank;
    }
  }
  return out;
}

}  // namespace banmian
