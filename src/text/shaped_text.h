// Shaped text: the shaper's output, a plain value the composer works on.
//
// A ShapedText is one paragraph (or display line) after itemisation and shaping:
// its UTF-8 text, its glyphs, and its atoms. An atom is one cluster, usually one
// character: the unit the composer breaks, squeezes and spaces. Each atom knows its
// glyphs, its natural advance and which styled run it came from. No Pango in here.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/colour.h"

namespace banmian {

struct ShapedGlyph {
  uint32_t id = 0;
  float advance = 0;  // pt
  float x_offset = 0, y_offset = 0;
};

struct Atom {
  char32_t ch = 0;  // the cluster's first character
  uint32_t byte_begin = 0, byte_end = 0;
  uint32_t glyph_begin = 0, glyph_end = 0;
  float advance = 0;     // natural width, pt (letter spacing included)
  float blank_left = 0;  // punctuation: blank the composer may take away, pt (from halt)
  float blank_right = 0;
  float em = 0;             // the run's size: the em of gaps and widths around this atom
  uint32_t half_glyph = 0;  // punctuation: the font's true half-width form, 0 if none
  int16_t font = 0;         // FontSet id
  int16_t run = 0;          // index into ShapedText::runs
  bool missing = false;     // no font has a glyph for it
  // A bold style's character taken from a font that has no bold (a rare character from
  // the fallback chain): the writers embolden it (PDF text render mode 2, a stroked
  // outline in the preview) and preflight reports it.
  bool synthetic_bold = false;
  // The cluster holds a variation selector asking for a glyph its font does not have
  // (cluster_joins.h): the default glyph is shown, the selector kept in the text.
  bool no_variant = false;
};

// The style of one input run, as the painter needs it.
struct RunStyle {
  std::string role;  // style name
  float size = 0;
  Cmyk colour;
};

struct ShapedText {
  std::string text;
  std::vector<ShapedGlyph> glyphs;
  std::vector<Atom> atoms;
  std::vector<RunStyle> runs;

  float Width(size_t begin, size_t end) const;  // natural width of atoms [begin, end)
};

}  // namespace banmian
