// The shape stage: styled text runs → ShapedText, through Pango itemize + shape.
//
// Each paragraph is itemised once (script, font fallback) and every item shaped
// with HarfBuzz through pango_shape_with_flags, unrounded. Glyph clusters become
// atoms. A variation selector, a zero-width joiner and what it joins, an emoji modifier
// or a combining mark joins the atom before it (cluster_joins.h), and a variation
// sequence gets its glyph from its base's font (or the atom is marked `no_variant`).
// Characters no font can show are marked `missing`, and a bold style's characters from a
// font without a bold face `synthetic_bold` (the preflight reports both). Uses the
// FontSet's Pango context; not thread-safe for the same FontSet.
#pragma once

#include <string>
#include <vector>

#include "model/layout.h"
#include "text/font_set.h"
#include "text/shaped_text.h"

namespace banmian {

struct StyledRun {
  StyledRun(std::string t, const Style* s, std::string f = {})
      : text(std::move(t)), style(s), features(std::move(f)) {}
  std::string text;
  const Style* style;    // REQUIRES: non-null
  std::string features;  // OpenType features for this run, e.g. "vert 1" (vertical forms)
};

ShapedText Shape(FontSet& fonts, const std::vector<StyledRun>& runs);
ShapedText ShapeOne(FontSet& fonts, const std::string& text, const Style& style);

}  // namespace banmian
