// The text a PDF's glyphs stand for: each embedded font's ToUnicode map, and the text
// a line needs in an /ActualText span because the map cannot say it.
//
// A ToUnicode CMap gives every glyph (code) one text, the same wherever it is drawn. That
// is the truth for most glyphs, but not for all that banmian draws: the .notdef glyph
// stands for every character no font has (🍷, 👨‍👩‍👧 …); a glyph shown for 葛 with
// a variation selector its font lacks is also the plain 葛's; a cluster may have more glyphs than
// characters or fewer. And extractors (pdftotext, pdf.js, copy in a viewer) read a gap between
// glyphs wider than about a tenth of an em as a word space, and an overlap as a break: justified
// Chinese lines, the quarter-em space between Han and Latin and squeezed punctuation all have them.
// A line with any of these is wrapped in a marked-content span whose /ActualText is the line's own
// text (ISO 32000-1 §14.9.4), which pdftotext, Acrobat and PDFium copy instead of the glyphs; the
// glyphs keep their exact positions.
//
// GlyphTexts collects, per font, the text each glyph stands for: a glyph seen alone for one
// character maps to it (the first such, in page order); else the text of the first cluster
// it begins (a ligature's letters); .notdef maps to U+FFFD, so a reader that ignores
// /ActualText (pdf.js) shows a replacement character, never a wrong one.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/frame.h"

namespace banmian {

class GlyphTexts {
 public:
  // Adds the glyphs of `run` (a run of this font) with the characters they stand for.
  // The strings must outlive this object.
  void Add(const GlyphRun& run);

  // The glyphs used, ascending.
  std::vector<uint32_t> Glyphs() const;
  // What the ToUnicode map says `glyph` is ("" when nothing).
  std::string_view TextOf(uint32_t glyph) const;
  // The ToUnicode CMap: code (glyph id) → the UTF-16 of its text.
  std::string ToUnicodeCMap() const;

 private:
  void Use(uint32_t glyph, std::string_view chars);
  std::vector<uint8_t> used_;  // bytes, not bits: this is looked up for every glyph
  std::vector<std::string_view> text_;
  std::vector<uint8_t> single_;  // text_ is one character drawn as one glyph
};

// Whether the glyphs of `cluster` (bytes of `run.text` from `byte`, glyphs from `glyph`)
// copy out as its text through `map`: one glyph whose map text is the cluster's.
bool ClusterCopiesOut(const GlyphRun& run, const TextCluster& cluster, size_t byte, size_t glyph,
                      const GlyphTexts& map);

// `text` as a PDF text string in UTF-16BE with its byte-order mark, in hex: <feff…>.
std::string PdfUtf16Hex(std::string_view text);

}  // namespace banmian
