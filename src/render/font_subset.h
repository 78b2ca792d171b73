// Font programs for PDF: one font face cut down to the glyphs a document shows, with
// what a PDF font dictionary says about it.
//
// HarfBuzz's subsetter does the cutting (no layout tables, no Unicode closure: PDF text
// is drawn by glyph, and copies out through a ToUnicode map instead). A CFF face (Noto
// CJK) becomes a bare CFF program for /FontFile3 /CIDFontType0C, shown by CID; FreeType
// reads the subset's CIDs. A TrueType face (AR PL UKai, Hanazono) becomes a TrueType
// program for /FontFile2, shown by its new glyph ids. Either way, under Identity-H the
// shaper's glyph `g` is written as the two-byte code `code_of.at(g)`. Only the metrics
// a font descriptor needs are read; no glyph outline is ever decoded.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/frame.h"

namespace banmian {

struct FontSubset {
  enum class Format { kCff, kTrueType };
  Format format = Format::kCff;
  std::string program;          // the CFF table, or a whole TrueType file
  std::string postscript_name;  // the face's own name, without a subset tag
  // The character collection of a CID-keyed CFF (Adobe-Identity-0 for Noto CJK).
  std::string registry = "Adobe", ordering = "Identity";
  int supplement = 0;
  std::unordered_map<uint32_t, uint16_t> code_of;  // shaper's glyph id → code in the PDF
  // Advance widths in thousandths of an em, by code, ascending.
  std::vector<std::pair<uint16_t, int>> widths;
  // Thousandths of an em.
  int ascent = 880, descent = -120, cap_height = 700, italic_angle = 0;
  int bbox[4] = {0, -120, 1000, 880};
  bool serif = false;
};

// The subset of `face` holding `glyphs` (the shaper's glyph ids; .notdef is always
// kept). Nothing on failure, with `error` saying why.
std::optional<FontSubset> SubsetFont(const FontFace& face, const std::vector<uint32_t>& glyphs,
                                     std::string& error);

}  // namespace banmian
