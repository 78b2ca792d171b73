// Font programs for PDF: one font face, measured and cut down to the glyphs a document
// shows.
//
// PDF text is written in the shaper's own glyph ids (two-byte codes), so pages can be
// written before, or while, their fonts are subset. A SubsettableFont opens the face
// once with HarfBuzz (an immutable face: several threads may use it at once). Measure
// reads what pages and the font dictionary need (every glyph's advance width, ascent,
// bounding box …) from the face's tables; no glyph outline is ever decoded. Subset runs
// HarfBuzz's subsetter (no layout tables, no Unicode closure, subroutines expanded) and
// says how codes reach the subset's glyphs: a CFF face (Noto CJK) becomes a bare CFF
// program for /FontFile3 /CIDFontType0C whose glyphs are found by CID, read back with
// FreeType; a TrueType face (AR PL UKai, Hanazono) a TrueType program for /FontFile2
// whose glyphs are renumbered. `identity` says the codes need no map (Noto CJK: a
// glyph's CID is its glyph id).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/frame.h"

struct hb_face_t;
struct hb_font_t;
struct hb_blob_t;

namespace banmian {

struct FontMetrics {
  // Advance widths in thousandths of an em, by glyph id: every glyph of the face.
  std::vector<int> advances;
  // Thousandths of an em.
  int ascent = 880, descent = -120, cap_height = 700, italic_angle = 0;
  int bbox[4] = {0, -120, 1000, 880};
  std::string postscript_name;  // the face's own name, without a subset tag
  bool serif = false;

  // The width of `glyph` (1000 beyond the face's glyphs).
  int WidthOf(uint32_t glyph) const { return glyph < advances.size() ? advances[glyph] : 1000; }
};

struct FontProgram {
  enum class Format { kCff, kTrueType };
  Format format = Format::kCff;
  std::string program;  // the CFF table, or a whole TrueType file
  // The character collection of the CFF program (Adobe-Identity-0 for Noto CJK).
  std::string registry = "Adobe", ordering = "Identity";
  int supplement = 0;
  // Glyph id (the code in the PDF) → CID (CFF) or the subset's glyph id (TrueType),
  // ascending; `identity` when every pair is equal.
  std::vector<std::pair<uint16_t, uint16_t>> code_to_glyph;
  bool identity = false;
};

class SubsettableFont {
 public:
  explicit SubsettableFont(const FontFace& face);
  ~SubsettableFont();
  SubsettableFont(const SubsettableFont&) = delete;
  SubsettableFont& operator=(const SubsettableFont&) = delete;

  bool ok() const { return face_ != nullptr; }
  const std::string& error() const { return error_; }

  // Every glyph's advance (a fraction of a millisecond for Noto CJK's 65 535) and the
  // font descriptor's figures.
  FontMetrics Measure() const;
  // The subset holding `glyphs` (.notdef is always kept); nothing on failure, with
  // `error` saying why.
  std::optional<FontProgram> Subset(const std::vector<uint32_t>& glyphs, std::string& error) const;

 private:
  FontFace source_;
  hb_blob_t* blob_ = nullptr;
  hb_face_t* face_ = nullptr;
  hb_font_t* font_ = nullptr;
  std::string error_;
};

}  // namespace banmian
