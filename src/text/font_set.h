// The fonts a render may use: a private fontconfig configuration and a Pango font map.
//
// FontSet loads fonts/fonts.conf instead of the desktop's configuration, so pages
// look the same on every machine. It checks that every style's family exists in the
// weight asked for (a missing family is an error naming the style, never a silent
// substitution), hands out the Pango context the shaper uses, and numbers the font
// files actually used so glyph runs can refer to them. Not thread-safe: use one
// FontSet per thread.
#pragma once

#include <pango/pango.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/frame.h"
#include "model/layout.h"

typedef struct _FcConfig FcConfig;

namespace banmian {

class FontSet {
 public:
  // Loads `fonts_dir`/fonts.conf. Returns null and reports when it cannot.
  static std::unique_ptr<FontSet> Create(const std::string& fonts_dir, Diagnostics& diags);
  ~FontSet();
  FontSet(const FontSet&) = delete;
  FontSet& operator=(const FontSet&) = delete;

  // Reports every style whose family (in its weight) is not in the configuration.
  void CheckStyles(const Paper& paper, Diagnostics& diags) const;
  bool HasFamily(const std::string& family, bool bold) const;

  PangoContext* context() const { return context_; }
  // A Pango font description for a style (absolute size in points).
  PangoFontDescription* Describe(const Style& style) const;

  // The id of the font file behind a Pango font, registering it on first use.
  int FontId(PangoFont* font);

  // The blank part of a full-width punctuation mark, as fractions of its advance, from
  // the font's `halt` feature: {left, right}. {0, 0} when the font has no halt data
  // for it (the composer then decides by the kind of mark). Cached per font.
  struct Blanks {
    float left = 0, right = 0;
    bool from_font = false;
  };
  Blanks PunctuationBlanks(PangoFont* font, char32_t ch);

  // The font's true half-width form of a full-width mark (its `hwid` glyph, e.g. for ，
  // and ）), or 0 when it has none. A mark set half width at a line's end is drawn with
  // it, so the PDF gives the mark the width it really takes.
  uint32_t HalfWidthGlyph(PangoFont* font, char32_t ch);
  const std::vector<FontFace>& faces() const { return faces_; }
  // The id of a face another font set registered (by file and face index), adding it.
  int AddFace(const FontFace& face);

 private:
  FontSet() = default;
  FcConfig* config_ = nullptr;
  PangoFontMap* font_map_ = nullptr;
  PangoContext* context_ = nullptr;
  std::map<PangoFont*, int> ids_by_font_;
  std::map<std::pair<std::string, int>, int> ids_by_file_;
  std::vector<FontFace> faces_;
  std::map<std::pair<PangoFont*, char32_t>, Blanks> blanks_;
  std::map<std::pair<PangoFont*, char32_t>, uint32_t> half_glyphs_;
};

// Where fonts.conf lives when no --fonts is given: $BANMIAN_FONTS, else the data folder's
// fonts/ (base/data_dir.h).
std::string DefaultFontsDir();

}  // namespace banmian
