// Compatibility characters: code points that look like a character of Chinese text but are
// another one, and the character they stand for.
//
// Text copied out of PDFs brings Kangxi radicals (⽂ U+2F42 for 文 U+6587: a font drew both
// with one glyph, and the PDF named the glyph by the radical), radical forms from the CJK
// Radicals Supplement (⻓ U+2ED3 for 长), CJK Compatibility Ideographs (豈 U+F900 for 豈
// U+8C48) and full-width Latin letters and digits (ＡＩ１２３ for AI123). They print alike
// but are other characters: a search for 文件 does not find ⽂件, and the page's text copies
// out wrong. Normalisation (text/normalize.h) replaces each with its character and reports it
// (docs/chinese-rules.md §12).
//
// The rules data is compatibility_table.inc beside this file, written by
// scripts/compatibility-table.py from the Unicode Character Database and compiled in:
// - Kangxi Radicals U+2F00–U+2FD5: their compatibility decomposition (Unicode NFKC), a unified
//   ideograph for each of the 214;
// - CJK Radicals Supplement U+2E80–U+2EF3: Unicode's Equivalent_Unified_Ideograph property
//   (EquivalentUnifiedIdeograph.txt, "visually identical or near-identical"); they have no
//   decomposition, and ⺀ U+2E80, which has no equivalent, stays;
// - CJK Compatibility Ideographs U+F900–U+FAFF and U+2F800–U+2FA1F: their canonical
//   decomposition (NFC). In Korean text the U+F900 block tells apart readings of one
//   character; banmian sets Chinese, where it is the one character. The twelve of
//   U+FA0E–U+FA29 without a decomposition (﨎 﨏 﨑 …) are unified ideographs and stay.
// Full-width Latin letters and digits (U+FF10–U+FF19, U+FF21–U+FF3A, U+FF41–U+FF5A) become
// their ASCII forms (NFKC): Chinese text sets Latin and Arabic numerals proportional, a
// quarter em from the ideographs (clreq, mixed text composition). Not changed: full-width
// punctuation and symbols (，％＃), the ideographic space, CJK Strokes (U+31C0–U+31E3: a
// stroke is written to name the stroke), circled and parenthesised numbers (①⑴), vertical
// and small forms (︵﹐).
#pragma once

namespace banmian {

enum class CompatibilityKind {
  kNone,
  kKangxiRadical,           // U+2F00–U+2FD5
  kRadicalSupplement,       // U+2E80–U+2EF3
  kCompatibilityIdeograph,  // U+F900–U+FAFF, U+2F800–U+2FA1F
  kFullWidthLatin,          // Ａ–Ｚ ａ–ｚ ０–９
};

struct CompatibilityMapping {
  char32_t from;
  char32_t to;
  CompatibilityKind kind;
};

// The character `c` stands for, with its kind; {c, c, kNone} when it is no compatibility
// character (or one that stays, above).
CompatibilityMapping CompatibilityTarget(char32_t c);

// A stable name for the report: "kangxi-radical", "radical-supplement",
// "compatibility-ideograph", "full-width-latin" ("" for kNone).
const char* CompatibilityKindName(CompatibilityKind kind);

}  // namespace banmian
