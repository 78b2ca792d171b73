#include "text/glyph_metrics.h"

#include <hb-ot.h>
#include <hb.h>

#include <cstdlib>
#include <map>
#include <mutex>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace banmian {

namespace {

using FaceKey = std::pair<std::string, int>;

std::mutex& CacheMutex() {
  static std::mutex mutex;
  return mutex;
}

// The face's HarfBuzz font at the font's own units (scale = units per em), opened on first
// use and kept for the process; null when the file cannot be read. HarfBuzz fonts may be used
// from several threads at once.
hb_font_t* FontOf(const FontFace& face) {
  static std::map<FaceKey, hb_font_t*> fonts;
  std::lock_guard<std::mutex> lock(CacheMutex());
  const FaceKey key{face.file, face.index};
  if (auto it = fonts.find(key); it != fonts.end()) return it->second;
  hb_font_t* font = nullptr;
  if (!face.file.empty()) {
    hb_blob_t* blob = hb_blob_create_from_file_or_fail(face.file.c_str());
    if (blob) {
      hb_face_t* hb_face = hb_face_create(blob, static_cast<unsigned>(face.index));
      hb_blob_destroy(blob);
      if (hb_face_get_glyph_count(hb_face) > 0) {
        font = hb_font_create(hb_face);
        hb_font_make_immutable(font);
      }
      hb_face_destroy(hb_face);
    }
  }
  fonts[key] = font;
  return font;
}

// `cache[key]`, measured by `measure()` the first time it is asked for. The lock is not held
// while measuring (it shapes text); two threads measuring one key at once get the same value.
template <typename Key, typename Value, typename Measure>
Value Cached(std::map<Key, Value>& cache, const Key& key, Measure measure) {
  {
    std::lock_guard<std::mutex> lock(CacheMutex());
    if (auto it = cache.find(key); it != cache.end()) return it->second;
  }
  const Value value = measure();
  std::lock_guard<std::mutex> lock(CacheMutex());
  cache[key] = value;
  return value;
}

double UnitsPerEm(hb_font_t* font) {
  return hb_face_get_upem(hb_font_get_face(font));
}

// What HarfBuzz makes of a text: its glyphs (codepoint holds the glyph id) and their
// positions, in font units.
struct HbGlyphs {
  std::vector<hb_glyph_info_t> info;
  std::vector<hb_glyph_position_t> pos;
};

// `text` shaped as Chinese text (Han script, language zh-cn) in `direction` (top to bottom:
// vert applies by itself), with the feature `feature` ("vhal") on when given.
HbGlyphs ShapeChinese(hb_font_t* font, std::span<const uint32_t> text, hb_direction_t direction,
                      const char* feature) {
  hb_buffer_t* buffer = hb_buffer_create();
  const int length = static_cast<int>(text.size());
  hb_buffer_add_utf32(buffer, text.data(), length, 0, length);
  hb_buffer_set_direction(buffer, direction);
  hb_buffer_set_script(buffer, HB_SCRIPT_HAN);
  hb_buffer_set_language(buffer, hb_language_from_string("zh-cn", -1));
  hb_feature_t features[1];
  if (feature) hb_feature_from_string(feature, -1, &features[0]);
  hb_shape(font, buffer, feature ? features : nullptr, feature ? 1 : 0);
  unsigned int n = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &n);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer, nullptr);
  HbGlyphs out{{info, info + n}, {pos, pos + n}};
  hb_buffer_destroy(buffer);
  return out;
}

struct VerticalMark {
  hb_position_t advance = 0, offset = 0;  // y, in font units (HarfBuzz: y up, advance < 0)
};

// One character shaped top to bottom as Chinese text, with `feature`.
VerticalMark ShapeVertical(hb_font_t* font, char32_t ch, const char* feature) {
  const uint32_t cp = ch;
  const HbGlyphs g = ShapeChinese(font, {&cp, 1}, HB_DIRECTION_TTB, feature);
  VerticalMark mark;
  if (g.pos.size() == 1) mark = {g.pos[0].y_advance, g.pos[0].y_offset};
  return mark;
}

// Whether the face's GPOS table has the feature `tag` (for any script).
bool HasFeature(hb_face_t* face, hb_tag_t tag) {
  hb_tag_t tags[64];
  for (unsigned int start = 0;; start += 64) {
    unsigned int count = 64;
    hb_ot_layout_table_get_feature_tags(face, HB_OT_TAG_GPOS, start, &count, tags);
    for (unsigned int i = 0; i < count; ++i)
      if (tags[i] == tag) return true;
    if (count < 64) return false;
  }
}

}  // namespace

InkBox GlyphInk(const FontFace& face, uint32_t glyph) {
  hb_font_t* font = FontOf(face);
  hb_glyph_extents_t e;
  if (!font || !hb_font_get_glyph_extents(font, glyph, &e)) return {};
  const double upem = UnitsPerEm(font);
  // HarfBuzz: x_bearing is the left edge, y_bearing the top edge, height negative.
  return {e.x_bearing / upem, (e.x_bearing + e.width) / upem, (e.y_bearing + e.height) / upem,
          e.y_bearing / upem};
}

VerticalGlyph GlyphVertical(const FontFace& face, uint32_t glyph) {
  hb_font_t* font = FontOf(face);
  if (!font) return {};
  const double upem = UnitsPerEm(font);
  hb_position_t x = 0, y = 0;
  hb_font_get_glyph_v_origin(font, glyph, &x, &y);
  // HarfBuzz's vertical advance is negative (y up); its origin is the point the glyph's
  // horizontal origin is moved away from: x to the right of it, y above it.
  return {-hb_font_get_glyph_v_advance(font, glyph) / upem, -x / upem, y / upem};
}

VerticalBlanks MarkBlanksVertical(const FontFace& face, char32_t ch) {
  static std::map<std::pair<FaceKey, char32_t>, VerticalBlanks> cache;
  return Cached(cache, std::make_pair(FaceKey{face.file, face.index}, ch), [&] {
    VerticalBlanks b;
    hb_font_t* font = FontOf(face);
    if (font && HasFeature(hb_font_get_face(font), HB_TAG('v', 'h', 'a', 'l'))) {
      // The font has vhal data: what it does to this mark is the mark's blank, none included.
      b.from_font = true;
      const VerticalMark full = ShapeVertical(font, ch, nullptr);
      const VerticalMark half = ShapeVertical(font, ch, "vhal");
      // Advances are negative: the halved one is the smaller in size.
      if (full.advance < 0 && half.advance > full.advance) {
        const double blank = static_cast<double>(half.advance - full.advance) / -full.advance;
        // vhal moves the glyph up (its y offset grows) when the blank it removes is above.
        (half.offset > full.offset ? b.top : b.bottom) = blank;
      }
    }
    return b;
  });
}

TwoEmDash TwoEmDashGlyph(const FontFace& face, bool vertical) {
  static std::map<std::pair<FaceKey, bool>, TwoEmDash> cache;
  return Cached(cache, std::make_pair(FaceKey{face.file, face.index}, vertical), [&] {
    TwoEmDash dash;
    if (hb_font_t* font = FontOf(face)) {
      const uint32_t dashes[] = {0x2014, 0x2014};
      const HbGlyphs g =
          ShapeChinese(font, dashes, vertical ? HB_DIRECTION_TTB : HB_DIRECTION_LTR, nullptr);
      if (g.info.size() == 1 && g.info[0].codepoint != 0)
        dash = {g.info[0].codepoint,
                std::abs(vertical ? g.pos[0].y_advance : g.pos[0].x_advance) / UnitsPerEm(font)};
    }
    return dash;
  });
}

}  // namespace banmian
