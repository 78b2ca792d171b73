#include "text/font_set.h"

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-font.h>
#include <pango/pangofc-fontmap.h>

#include <hb.h>

#include <cstdio>
#include <cstdlib>
#include <mutex>

#include "base/data_dir.h"
#include "load/text_file.h"

namespace banmian {

std::string DefaultFontsDir() {
  if (const char* env = std::getenv("BANMIAN_FONTS"); env && *env) return env;
  return JoinPath(DataDir(), "fonts");
}

std::unique_ptr<FontSet> FontSet::Create(const std::string& fonts_dir, Diagnostics& diags) {
  std::string conf = JoinPath(fonts_dir, "fonts.conf");
  if (!FileExists(conf)) {
    diags.Error("no-font-config", {conf, 0, 0},
                "the font configuration '" + conf + "' does not exist",
                "pass --fonts DIR naming a folder with a fonts.conf, or set BANMIAN_DATA_DIR to "
                "the folder holding banmian's fonts/ and layouts/ (an installed banmian finds "
                "its own in <prefix>/share/banmian)");
    return nullptr;
  }
  std::unique_ptr<FontSet> set(new FontSet());
  set->config_ = FcConfigCreate();
  if (!FcConfigParseAndLoad(set->config_, reinterpret_cast<const FcChar8*>(conf.c_str()), FcTrue) ||
      !FcConfigBuildFonts(set->config_)) {
    diags.Error("bad-font-config", {conf, 0, 0}, "the font configuration could not be loaded");
    return nullptr;
  }
  // Pango's font map initialises fontconfig's default configuration (FcInit, in a
  // thread of its own): every file of /etc/fonts parsed and the system's font caches
  // read, about 5 ms of a 2-page render, for fonts banmian never uses. With ours made
  // the current configuration first, FcInit finds one and does nothing.
  static std::once_flag current;
  std::call_once(current, [&] { FcConfigSetCurrent(set->config_); });
  set->font_map_ = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
  pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(set->font_map_), set->config_);
  set->context_ = pango_font_map_create_context(set->font_map_);
  // Unhinted, unrounded metrics: glyph advances are the font's design widths scaled, so
  // a line of N ideographs is exactly N em and the PDF matches the composer.
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(set->context_, options);
  cairo_font_options_destroy(options);
  pango_cairo_context_set_resolution(set->context_, 72.0);
  pango_context_set_round_glyph_positions(set->context_, FALSE);
  pango_context_set_language(set->context_, pango_language_from_string("zh-cn"));
  return set;
}

FontSet::~FontSet() {
  for (auto& [font, _] : ids_by_font_) g_object_unref(font);
  if (context_) g_object_unref(context_);
  if (font_map_) g_object_unref(font_map_);
  if (config_) FcConfigDestroy(config_);
}

bool FontSet::HasFamily(const std::string& family, bool bold) const {
  FcPattern* pattern = FcPatternCreate();
  FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
  FcObjectSet* os = FcObjectSetBuild(FC_FAMILY, FC_WEIGHT, nullptr);
  FcFontSet* fonts = FcFontList(config_, pattern, os);
  bool found = false;
  for (int i = 0; fonts && i < fonts->nfont; ++i) {
    int weight = FC_WEIGHT_REGULAR;
    FcPatternGetInteger(fonts->fonts[i], FC_WEIGHT, 0, &weight);
    if (bold ? weight >= FC_WEIGHT_BOLD : (weight >= FC_WEIGHT_BOOK && weight < FC_WEIGHT_DEMIBOLD))
      found = true;
  }
  if (fonts) FcFontSetDestroy(fonts);
  FcObjectSetDestroy(os);
  FcPatternDestroy(pattern);
  return found;
}

void FontSet::CheckStyles(const Paper& paper, Diagnostics& diags) const {
  for (const auto& [name, style] : paper.styles) {
    if (HasFamily(style.family, style.bold)) continue;
    bool other_weight = HasFamily(style.family, !style.bold);
    diags.Error("missing-font", style.pos,
                "style '" + name + "' asks for font family '" + style.family + "' (" +
                    (style.bold ? "bold" : "regular") + "), which is not installed",
                other_weight ? "the family exists only in the other weight; change 'weight'"
                             : "install it, add its folder to fonts/fonts.conf, or pick a family "
                               "listed in fonts/README.md");
  }
}

PangoFontDescription* FontSet::Describe(const Style& style) const {
  PangoFontDescription* desc = pango_font_description_new();
  pango_font_description_set_family(desc, style.family.c_str());
  pango_font_description_set_weight(desc, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_absolute_size(desc, style.size * PANGO_SCALE);
  return desc;
}

int FontSet::FontId(PangoFont* font) {
  if (auto it = ids_by_font_.find(font); it != ids_by_font_.end()) return it->second;
  FcPattern* pattern = pango_fc_font_get_pattern(PANGO_FC_FONT(font));
  FcChar8* file = nullptr;
  FcChar8* family = nullptr;
  FcChar8* style = nullptr;
  int index = 0;
  FcPatternGetString(pattern, FC_FILE, 0, &file);
  FcPatternGetInteger(pattern, FC_INDEX, 0, &index);
  FcPatternGetString(pattern, FC_FAMILY, 0, &family);
  FcPatternGetString(pattern, FC_STYLE, 0, &style);
  int version = 0;
  FcPatternGetInteger(pattern, FC_FONTVERSION, 0, &version);
  char version_text[16];
  std::snprintf(version_text, sizeof version_text, "%.3f", version / 65536.0);
  int id = AddFace({file ? reinterpret_cast<const char*>(file) : "", index,
                    family ? reinterpret_cast<const char*>(family) : "",
                    style ? reinterpret_cast<const char*>(style) : "", version_text});
  ids_by_font_[static_cast<PangoFont*>(g_object_ref(font))] = id;
  return id;
}

int FontSet::AddFace(const FontFace& face) {
  std::pair<std::string, int> key{face.file, face.index};
  if (auto it = ids_by_file_.find(key); it != ids_by_file_.end()) return it->second;
  int id = static_cast<int>(faces_.size());
  faces_.push_back(face);
  ids_by_file_[key] = id;
  return id;
}

}  // namespace banmian

namespace banmian {

namespace {
struct ShapedMark {
  hb_codepoint_t glyph = 0;
  hb_position_t advance = 0, offset = 0;
};

// Shapes one character the way the shaper sees it in Chinese text, with one extra
// feature ("halt", "hwid" or none).
ShapedMark ShapeMark(hb_font_t* font, char32_t ch, const char* feature) {
  hb_buffer_t* buffer = hb_buffer_create();
  uint32_t cp = ch;
  hb_buffer_add_utf32(buffer, &cp, 1, 0, 1);
  hb_buffer_set_direction(buffer, HB_DIRECTION_LTR);
  hb_buffer_set_script(buffer, HB_SCRIPT_HAN);
  hb_buffer_set_language(buffer, hb_language_from_string("zh-cn", -1));
  hb_feature_t features[2];
  hb_feature_from_string("ccmp=0", -1, &features[0]);
  if (feature) hb_feature_from_string(feature, -1, &features[1]);
  hb_shape(font, buffer, features, feature ? 2 : 1);
  unsigned int n = 0;
  hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer, &n);
  hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, nullptr);
  ShapedMark result;
  if (n) result = {info[0].codepoint, pos[0].x_advance, pos[0].x_offset};
  hb_buffer_destroy(buffer);
  return result;
}
}  // namespace

FontSet::Blanks FontSet::PunctuationBlanks(PangoFont* font, char32_t ch) {
  auto key = std::make_pair(font, ch);
  if (auto it = blanks_.find(key); it != blanks_.end()) return it->second;
  Blanks b;
  if (hb_font_t* hb = pango_font_get_hb_font(font)) {
    ShapedMark full = ShapeMark(hb, ch, nullptr), half = ShapeMark(hb, ch, "halt");
    if (full.advance > 0 && half.advance < full.advance) {
      float blank = static_cast<float>(full.advance - half.advance) / full.advance;
      // halt moves the glyph left when the blank it removes is on the left.
      (half.offset < full.offset ? b.left : b.right) = blank;
      b.from_font = true;
    }
  }
  blanks_[key] = b;
  return b;
}

uint32_t FontSet::HalfWidthGlyph(PangoFont* font, char32_t ch) {
  auto key = std::make_pair(font, ch);
  if (auto it = half_glyphs_.find(key); it != half_glyphs_.end()) return it->second;
  uint32_t glyph = 0;
  if (hb_font_t* hb = pango_font_get_hb_font(font)) {
    ShapedMark full = ShapeMark(hb, ch, nullptr), half = ShapeMark(hb, ch, "hwid");
    // A different glyph, half as wide, with its ink where the full form has it.
    if (half.glyph != full.glyph && half.advance > 0 && 2 * half.advance <= full.advance + 2 &&
        half.offset == full.offset)
      glyph = half.glyph;
  }
  half_glyphs_[key] = glyph;
  return glyph;
}

}  // namespace banmian
