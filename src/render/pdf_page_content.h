// One page's PDF content stream, written straight from the frame tree.
//
// Glyph runs become text objects in the document's embedded fonts (resource /F<n> for
// Document.fonts[n]), each glyph written as its two-byte glyph id (the font's encoding
// maps it to the subset's glyph, font_subset.h), so a page needs only the fonts'
// advance widths, not their subsets. Each glyph lands exactly where the composer put it (a TJ
// adjustment where the justified position differs from the font's advance, a new text matrix where
// the baseline jumps), measured from the written numbers so no rounding error accumulates.
// A line whose glyphs would not copy out as its text (a gap or an overlap an extractor
// takes for a word break, a glyph the ToUnicode map gives another text: glyph_text.h) is
// wrapped in a /Span with its text as /ActualText. Glyphs of a bold style from a font
// without a bold face (GlyphRun::synthetic_bold) are filled and stroked in their colour
// (text render mode 2), with round joins.
// Rectangles, rules, pictures (resource /Im<n>) and supplied PDF pages (form XObjects
// /Fm<n>, their box mapped onto the item's rectangle, clipped to its clip rectangle)
// follow in the frame tree's order; a
// cropped picture is drawn enlarged so its crop rectangle fills the item's rectangle,
// clipped to it.
// Colours are the screen RGB of each declared colour, or the declared CMYK itself for
// press. In press files black overprints: what is painted in 100 % K alone (text, rules,
// rectangles) is drawn under the graphics state kOverprintState (/OP, /op true, /OPM 1), so
// the C, M and Y under it stay inked and a slight misregistration leaves no white halo;
// everything else (white, colours, registration, pictures) under kKnockoutState (/OP and /op
// false, also the initial state), each switched only when it changes. Plain text,
// deterministic; the caller compresses it.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "model/frame.h"
#include "render/font_subset.h"
#include "render/glyph_text.h"

namespace banmian {

enum class PdfColours { kScreenRgb, kDeclaredCmyk };

struct PageContentSettings {
  PdfColours colours = PdfColours::kScreenRgb;
  double margin = 0;        // the trim box's distance from the media box's edges
  double media_height = 0;  // page height + 2 × margin
  // By Document font index; null for a font that is not embedded (its runs are skipped).
  const std::vector<const FontMetrics*>* fonts = nullptr;
  // By Document font index: what each glyph's ToUnicode entry says (null: no font text
  // known, every line gets its /ActualText).
  const std::vector<const GlyphTexts*>* texts = nullptr;
  // Picture path → its number in /Im<n>.
  const std::map<std::string, int>* pictures = nullptr;
  // A supplied PDF page's key (PdfArt::key) → its number in /Fm<n>, the form XObject.
  const std::map<std::string, int>* forms = nullptr;
  // Black overprint (press, kDeclaredCmyk only): the page's resources then hold the
  // ExtGState entries named kOverprintState and kKnockoutState (OverprintStates()).
  bool overprint_black = false;
};

// The ExtGState resource names a press page's content switches between, and the
// dictionaries they name (PDF 32000-1 §8.6.7, Table 58: OP for strokes, op for fills,
// OPM 1 so a zero component of a DeviceCMYK colour leaves that plate as it is).
inline constexpr const char* kOverprintState = "/BlackOverprint";
inline constexpr const char* kKnockoutState = "/Knockout";
inline constexpr const char* kOverprintDict = "<< /Type /ExtGState /OP true /op true /OPM 1 >>";
inline constexpr const char* kKnockoutDict = "<< /Type /ExtGState /OP false /op false /OPM 0 >>";

// Whether `colour` is the declared black alone, C = M = Y = 0, K = 100: what overprints.
inline bool IsPureBlack(const Cmyk& colour) {
  return colour.c == 0 && colour.m == 0 && colour.y == 0 && colour.k == 100;
}

std::string PageContent(const Page& page, const PageContentSettings& settings);

// `value` as `digits` lower-case hex digits, e.g. a two-byte code as 4.
inline void AppendHex(std::string& out, uint32_t value, int digits) {
  static constexpr char kDigits[] = "0123456789abcdef";
  for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) out += kDigits[(value >> shift) & 15];
}

// A number as PDF writes it: at most `decimals` places (0 to 5), no trailing zeros, no "-0".
void AppendNumber(std::string& out, double value, int decimals = 3);

}  // namespace banmian
