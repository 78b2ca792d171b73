// The shaper's clusters (text/shaper.h, text/cluster_joins.h): a variation selector, a
// zero-width joiner and what it joins, a combining mark or a skin-tone modifier become part
// of the atom before them (text kept, invisible glyph dropped); a variation sequence gets
// its glyph from its base's font, or the atom is marked `no_variant`; a bold style's
// character from a font with no bold face is marked `synthetic_bold`. Glyph ids are read
// from the font files with HarfBuzz, not written down.
#include <doctest/doctest.h>
#include <hb.h>

#include <string>
#include <vector>

#include "model/utf8.h"
#include "test_util.h"
#include "text/cluster_joins.h"
#include "text/shaper.h"

using namespace banmian;

namespace {

// The glyph a font file gives a character, or a variation sequence (0: none).
uint32_t FileGlyph(const std::string& file, int index, char32_t c, char32_t selector = 0) {
  hb_blob_t* blob = hb_blob_create_from_file(file.c_str());
  hb_face_t* face = hb_face_create(blob, index);
  hb_font_t* font = hb_font_create(face);
  hb_codepoint_t glyph = 0;
  const bool found = selector ? hb_font_get_variation_glyph(font, c, selector, &glyph)
                              : hb_font_get_nominal_glyph(font, c, &glyph);
  hb_font_destroy(font);
  hb_face_destroy(face);
  hb_blob_destroy(blob);
  return found ? glyph : 0;
}

const char* const kSerif = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc";
const char* const kHanaMinA = "/usr/share/fonts/truetype/hanazono/HanaMinA.ttf";

}  // namespace

TEST_CASE("cluster joins: which characters join the one before, and which ask for a glyph") {
  struct Case {
    char32_t c;
    bool joins, next, selector, asks;
  } cases[] = {
      {0xFE00, true, false, true, true},      // VS1: a standardized variant
      {0xFE0D, true, false, true, true},      //
      {0xFE0E, true, false, true, false},     // text presentation: a style, not a glyph
      {0xFE0F, true, false, true, false},     // emoji presentation
      {0xE0100, true, false, true, true},     // VS17, the first ideographic selector
      {0xE01EF, true, false, true, true},     // VS256, the last
      {0xE01F0, false, false, false, false},  // beyond the selectors
      {0x200D, true, true, false, false},     // ZWJ joins both sides
      {0x200C, false, false, false, false},   // ZWNJ keeps them apart
      {0x1F3FB, true, false, false, false},   // skin tone 1–2
      {0x1F3FF, true, false, false, false},   // skin tone 6
      {0xE0067, true, false, false, false},   // TAG LATIN SMALL LETTER G (flag sequences)
      {0x20E3, true, false, false, false},    // combining enclosing keycap
      {0x0301, true, false, false, false},    // combining acute accent
      {0x845B, false, false, false, false},   // 葛
      {0x3001, false, false, false, false},   // 、
  };
  for (const Case& c : cases) {
    CAPTURE(static_cast<unsigned>(c.c));
    CHECK(JoinsPrevious(c.c) == c.joins);
    CHECK(JoinsNext(c.c) == c.next);
    CHECK(IsVariationSelector(c.c) == c.selector);
    CHECK(AsksForGlyphVariant(c.c) == c.asks);
  }
}

TEST_CASE("shaper: joined characters stay in the atom before them, their glyphs dropped") {
  struct Case {
    const char* text;
    std::vector<std::string> atoms;  // each atom's text
    std::vector<int> glyphs;         // each atom's glyph count
  } cases[] = {
      // A family: three emoji joined by two ZWJ, one atom of three (missing) glyphs.
      {"还有👨‍👩‍👧一家",
       {"还", "有", "👨‍👩‍👧", "一", "家"},
       {1, 1, 3, 1, 1}},
      // 葛 with an ideographic variation selector; 葛 alone; 芦 with VS1.
      {"葛󠄀和葛芦︀", {"葛󠄀", "和", "葛", "芦︀"}, {1, 1, 1, 1}},
      // A rare character from the fallback font, its selector shaped by Pango in the body
      // font: still one atom.
      {"𠔥󠄀字", {"𠔥󠄀", "字"}, {1, 1}},
      // A skin-tone modifier (both missing: two .notdef), a keycap; a combining accent,
      // which HarfBuzz composes into the font's é.
      {"👍🏽1⃣é", {"👍🏽", "1⃣", "é"}, {2, 2, 1}},
      // ZWNJ is no joiner: its own atom (with Pango's invisible glyph).
      {"a‌b", {"a", "‌", "b"}, {1, 1, 1}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    ShapedText t = ShapeOne(test::ProjectFonts(), c.text, test::TextStyle("body"));
    REQUIRE(t.atoms.size() == c.atoms.size());
    for (size_t i = 0; i < t.atoms.size(); ++i) {
      CAPTURE(i);
      const Atom& a = t.atoms[i];
      CHECK(t.text.substr(a.byte_begin, a.byte_end - a.byte_begin) == c.atoms[i]);
      CHECK(static_cast<int>(a.glyph_end - a.glyph_begin) == c.glyphs[i]);
      if (i > 0) CHECK(a.byte_begin == t.atoms[i - 1].byte_end);
      if (Utf8Length(c.atoms[i]) > 1)  // joined: no invisible glyph left
        for (uint32_t g = a.glyph_begin; g < a.glyph_end; ++g) CHECK(t.glyphs[g].id != 0x0FFFFFFFu);
    }
  }
}

TEST_CASE("shaper: a variation sequence shows its font's variant, or is marked no_variant") {
  const uint32_t ge = FileGlyph(kSerif, 2, 0x845B);  // 葛 in Noto Serif CJK SC (face 2)
  const uint32_t rare = FileGlyph(kHanaMinA, 0, 0x20525);
  const uint32_t rare_variant = FileGlyph(kHanaMinA, 0, 0x20525, 0xE0100);
  REQUIRE(ge != 0);
  REQUIRE(rare != 0);
  REQUIRE(rare_variant != 0);
  REQUIRE(rare_variant != rare);  // HanaMinA draws 𠔥󠄀 otherwise than 𠔥
  REQUIRE(FileGlyph(kSerif, 2, 0x845B, 0xE0100) == 0);  // the SC face has no IVS at all
  struct Case {
    const char* text;
    uint32_t glyph;  // of the first atom
    bool no_variant;
    const char* family;  // of its font
  } cases[] = {
      {"葛󠄀", ge, true, "Noto Serif CJK SC"},     // IVS the font lacks: warn
      {"葛", ge, false, "Noto Serif CJK SC"},         // no selector
      {"葛󠄁", ge, true, "Noto Serif CJK SC"},     // VS18 alike
      {"葛︀", ge, true, "Noto Serif CJK SC"},      // VS1 asks for a glyph too
      {"葛︎", ge, false, "Noto Serif CJK SC"},     // VS15 (text style) asks for none
      {"𠔥󠄀", rare_variant, false, "HanaMinA"},  // HanaMinA has the variant
      {"𠔥", rare, false, "HanaMinA"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    ShapedText t = ShapeOne(test::ProjectFonts(), c.text, test::TextStyle("body"));
    REQUIRE(t.atoms.size() == 1);
    const Atom& a = t.atoms[0];
    REQUIRE(a.glyph_end == a.glyph_begin + 1);
    CHECK(t.glyphs[a.glyph_begin].id == c.glyph);
    CHECK(a.no_variant == c.no_variant);
    CHECK(a.byte_end == std::string(c.text).size());
    CHECK(test::ProjectFonts().faces()[a.font].family == c.family);
  }
}

TEST_CASE("shaper: a bold style's characters from a font without bold are synthetic bold") {
  struct Case {
    const char* family;
    bool bold;
    const char* text;
    std::vector<bool> synthetic;  // per atom
  } cases[] = {
      {"Noto Sans CJK SC", true, "生𠀁字𪚥", {false, true, false, true}},  // HanaMinB, HanaMinA
      {"Noto Serif CJK SC", true, "在𠀁", {false, true}},
      {"Noto Sans CJK SC", false, "生𠀁字", {false, false, false}},  // regular: nothing to add
      {"Noto Serif CJK SC", false, "𪚥", {false}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CAPTURE(c.bold);
    ShapedText t = ShapeOne(test::ProjectFonts(), c.text,
                            test::TextStyle(c.bold ? "strong" : "body", c.family, 10, c.bold));
    REQUIRE(t.atoms.size() == c.synthetic.size());
    for (size_t i = 0; i < t.atoms.size(); ++i) {
      CAPTURE(i);
      CHECK(t.atoms[i].synthetic_bold == c.synthetic[i]);
    }
  }
}
